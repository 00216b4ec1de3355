package org.facsimile.web.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.facsimile.web.account.Account;
import org.facsimile.web.account.Credential;
import org.facsimile.web.deposit.Deposit;
import org.facsimile.web.deposit.DepositAccess;
import org.facsimile.web.deposit.DepositAccess.Need;
import org.facsimile.web.deposit.DepositState;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Setting;
import org.facsimile.web.publishing.PublishService;
import org.facsimile.web.publishing.PublishService.Published;
import org.facsimile.web.synthesis.JobState;
import org.facsimile.web.synthesis.SynthesisJob;

/**
 * The decision to publish: the owner asks, the {@link PrivacyGate} checks the synthesis, and then
 * either it is published at once or, when the repository requires review, a curator approves or
 * rejects it. An admin may override a failed privacy verdict, with a justification.
 */
@ApplicationScoped
public class ReviewService {

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    DepositAccess access;

    @Inject
    PublishService publishing;

    /** What asking to publish did: published at once, or sent to a curator's review. */
    public record Outcome(Published published, String state) {}

    /**
     * The owner asks to publish the finished synthesis. Refused while its privacy verdict fails
     * (unless an admin overrode it); published now, or sent to review when the repository requires
     * a curator's.
     */
    @Transactional
    public Outcome requestPublication(Credential caller, UUID depositId, String from) {
        Deposit deposit = access.deposit(caller, depositId, Need.CHANGE, LockModeType.PESSIMISTIC_WRITE);
        SynthesisJob job = finishedJob(deposit, DepositState.READY_FOR_REVIEW);
        PrivacyGate.check(job);
        access.actingAs(caller.account().id(), null);
        if (reviewRequired()) {
            deposit.toReview(clock.now());
            audit.record(caller.account().id(), "deposit.review.request", "deposit", depositId.toString(), null, from);
            return new Outcome(null, deposit.state().name());
        }
        return new Outcome(
                publishing.publish(deposit, job, caller.account(), from),
                deposit.state().name());
    }

    /** Whether a curator must approve each publication ({@code facsimile.review.required}). */
    public static boolean reviewRequired() {
        return Boolean.parseBoolean(Setting.REVIEW_REQUIRED.get().trim());
    }

    /** A curator approves a deposit in review: it is published. */
    @Transactional
    public Published approve(Credential curator, UUID depositId, String note, String from) {
        Deposit deposit = access.deposit(curator, depositId, Need.REVIEW, LockModeType.PESSIMISTIC_WRITE);
        SynthesisJob job = finishedJob(deposit, DepositState.IN_REVIEW);
        PrivacyGate.check(job);
        access.actingAs(curator.account().id(), note);
        audit.record(curator.account().id(), "deposit.review.approve", "deposit", depositId.toString(), note, from);
        return publishing.publish(deposit, job, curator.account(), from);
    }

    /** A curator declines a deposit in review, saying why (the depositor sees the reason). */
    @Transactional
    public void reject(Credential curator, UUID depositId, String reason, String from) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new ProblemException(422, "invalid-review", "Invalid review", "reason: 1-2000 characters");
        }
        Deposit deposit = access.deposit(curator, depositId, Need.REVIEW, LockModeType.PESSIMISTIC_WRITE);
        access.actingAs(curator.account().id(), reason.strip());
        deposit.rejected(clock.now());
        audit.record(curator.account().id(), "deposit.review.reject", "deposit", depositId.toString(), null, from);
    }

    /**
     * An admin lets a synthesis whose privacy verdict failed be published, with a justification of
     * at least 20 characters, recorded in the audit log. It holds for that synthesis only.
     */
    @Transactional
    public void overridePrivacy(Account admin, UUID depositId, String justification, String from) {
        if (!admin.isAdmin()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "only an admin can override the privacy check");
        }
        if (justification == null || justification.strip().length() < 20 || justification.length() > 2000) {
            throw new ProblemException(
                    422, "invalid-override", "Invalid override", "justification: 20-2000 characters");
        }
        Deposit deposit = em.find(Deposit.class, depositId, LockModeType.PESSIMISTIC_WRITE);
        if (deposit == null) {
            throw ProblemException.notFound("deposit " + depositId);
        }
        SynthesisJob job = finishedJob(
                deposit,
                deposit.state() == DepositState.IN_REVIEW ? DepositState.IN_REVIEW : DepositState.READY_FOR_REVIEW);
        if (PrivacyGate.passed(job)) {
            throw ProblemException.conflict("the synthesis passed its privacy check; there is nothing to override");
        }
        job.overridePrivacy(admin.id(), justification.strip(), clock.now());
        audit.record(
                admin.id(),
                "deposit.privacy-override",
                "deposit",
                depositId.toString(),
                "job " + job.id() + ": " + justification.strip(),
                from);
    }

    /** The deposit's latest synthesis, which must have succeeded with the deposit in {@code state}. */
    private SynthesisJob finishedJob(Deposit deposit, DepositState state) {
        if (deposit.state() == DepositState.PUBLISHED) {
            throw ProblemException.conflict("the deposit is already published");
        }
        SynthesisJob job = SynthesisJob.latest(em, deposit.id()).orElse(null);
        if (job == null || job.state() != JobState.SUCCEEDED || deposit.state() != state) {
            String where = job == null
                    ? "it was never submitted"
                    : "it is " + deposit.state() + ", its synthesis " + job.state() + " (" + job.step() + ")";
            throw ProblemException.conflict("only a finished synthesis can be published; " + where);
        }
        return job;
    }
}
