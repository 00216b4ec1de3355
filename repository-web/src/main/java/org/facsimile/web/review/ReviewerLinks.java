package org.facsimile.web.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.facsimile.web.account.Credential;
import org.facsimile.web.account.Tokens;
import org.facsimile.web.deposit.Deposit;
import org.facsimile.web.deposit.DepositAccess;
import org.facsimile.web.deposit.DepositAccess.Need;
import org.facsimile.web.deposit.DepositFile;
import org.facsimile.web.deposit.DepositState;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Setting;
import org.facsimile.web.platform.Text;
import org.facsimile.web.publishing.DatasetVersion;
import org.facsimile.web.publishing.PublicDatasets;
import org.facsimile.web.synthesis.SynthesisJob;

/**
 * Reviewer links: the owner of an unpublished deposit shares its preview with people who have no
 * account (a journal's reviewers) through a private link that expires and can be revoked, as
 * Dataverse's private URL and Zenodo's share links do. The link shows what publishing would make
 * public (the description, the report's summary, the synthetic tables) and never the deposited
 * input. Making, revoking and every opening of a link are audited on the deposit, so its owner sees
 * who shared what and how often it was opened; an opening's audit names the link, not the reader
 * (who has no account), and the address it came from.
 */
@ApplicationScoped
public class ReviewerLinks {

    /** How long a link lives unless its maker says otherwise. */
    public static final int DEFAULT_DAYS = 30;

    /** How many links a deposit may have open at once; revoked and expired ones do not count. */
    static final int MAX_OPEN = 20;

    /** The states a deposit can be shared in: unpublished and not withdrawn. */
    static final Set<DepositState> SHAREABLE =
            EnumSet.complementOf(EnumSet.of(DepositState.PUBLISHED, DepositState.WITHDRAWN));

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    DepositAccess access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** A new link and its secret address, which is shown once: only its hash is kept. */
    public record Created(ReviewerLink link, String url) {}

    /**
     * What a link opens: the deposit, its tables and the latest synthesis (null before the first);
     * or, once the deposit is published, only the landing page of the version it became.
     */
    public record Opened(
            ReviewerLink link, Deposit deposit, List<DepositFile> files, SynthesisJob job, String landingPage) {}

    /**
     * The owner makes a link to their unpublished deposit, living {@code days} days; 404 for anyone
     * else, 409 once it is published or withdrawn or when {@link #MAX_OPEN} links are open.
     */
    @Transactional
    public Created create(Credential caller, UUID depositId, String label, int days, String from) {
        String named = label == null || label.isBlank() ? "Reviewers" : label.strip();
        Deposit deposit = access.deposit(caller, depositId, Need.CHANGE, LockModeType.PESSIMISTIC_WRITE);
        checkLink(named, days);
        if (!SHAREABLE.contains(deposit.state())) {
            throw ProblemException.conflict("a reviewer link shares an unpublished deposit; this one is "
                    + deposit.state().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        long open = list(deposit).stream().filter(l -> l.opensAt(clock.now())).count();
        if (open >= MAX_OPEN) {
            throw ProblemException.conflict(
                    "the deposit has " + open + " open reviewer links, the most it may have; revoke one first");
        }
        String secret = Tokens.newSecret(ReviewerLink.PREFIX);
        ReviewerLink link = new ReviewerLink(
                depositId, Tokens.hash(secret), named, caller.account().id(), clock.now(), days);
        em.persist(link);
        audit.record(
                caller.account().id(),
                "deposit.reviewer-link.create",
                "deposit",
                depositId.toString(),
                "link " + link.id() + ", " + days + " days",
                from);
        return new Created(link, Setting.BASE_URL.get() + address(secret));
    }

    /** 404 unless the caller owns the deposit: asked before a request's body is read. */
    @Transactional
    public void requireOwner(Credential caller, UUID depositId) {
        access.deposit(caller, depositId, Need.CHANGE, LockModeType.NONE);
    }

    /** The path a secret opens: {@code /preview/{secret}}. */
    public static String address(String secret) {
        return "/preview/" + secret;
    }

    /** The deposit's links, newest first, open or not; for its owner alone. */
    @Transactional
    public List<ReviewerLink> list(Credential caller, UUID depositId) {
        return list(access.deposit(caller, depositId, Need.CHANGE, LockModeType.NONE));
    }

    private List<ReviewerLink> list(Deposit deposit) {
        return em.createQuery(
                        "SELECT l FROM ReviewerLink l WHERE l.depositId = :d ORDER BY l.createdAt DESC",
                        ReviewerLink.class)
                .setParameter("d", deposit.id())
                .getResultList();
    }

    /** The owner ends a link for good; 404 for another deposit's link or anyone else. */
    @Transactional
    public ReviewerLink revoke(Credential caller, UUID depositId, UUID linkId, String from) {
        access.deposit(caller, depositId, Need.CHANGE, LockModeType.NONE);
        ReviewerLink link = em.find(ReviewerLink.class, linkId, LockModeType.PESSIMISTIC_WRITE);
        if (link == null || !link.depositId().equals(depositId)) {
            throw ProblemException.notFound("reviewer link " + linkId);
        }
        if (link.revokedAt() == null) {
            link.revoke(caller.account().id(), clock.now());
            audit.record(
                    caller.account().id(),
                    "deposit.reviewer-link.revoke",
                    "deposit",
                    depositId.toString(),
                    "link " + link.id(),
                    from);
        }
        return link;
    }

    /**
     * What the link with this secret opens, counting and auditing the opening ({@code what}: "page",
     * "table x.csv"). 404 for a secret no link has; 410 for a link that expired or was revoked, or
     * whose deposit was withdrawn (saying which); a deposit published since opens as its landing
     * page.
     */
    @Transactional
    public Opened open(String secret, String what, String from) {
        if (secret == null || !secret.startsWith(ReviewerLink.PREFIX) || secret.length() > 100) {
            throw ProblemException.notFound("reviewer link");
        }
        List<ReviewerLink> found = em.createQuery(
                        "SELECT l FROM ReviewerLink l WHERE l.tokenHash = :h", ReviewerLink.class)
                .setParameter("h", Tokens.hash(secret))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("reviewer link");
        }
        ReviewerLink link = found.get(0);
        String ended = link.endedAt(clock.now());
        if (ended != null) {
            throw gone("This reviewer link no longer opens: " + ended + ". Ask the depositor for a new one.");
        }
        Deposit deposit = em.find(Deposit.class, link.depositId());
        if (deposit.state() == DepositState.WITHDRAWN) {
            throw gone("This reviewer link no longer opens: the depositor withdrew the deposit.");
        }
        link.used(clock.now());
        audit.record(
                null,
                "deposit.reviewer-link.open",
                "deposit",
                deposit.id().toString(),
                "link " + link.id() + ": " + what,
                from);
        if (deposit.state() == DepositState.PUBLISHED) {
            DatasetVersion v = em.createQuery("SELECT v FROM DatasetVersion v WHERE v.doi = :doi", DatasetVersion.class)
                    .setParameter("doi", deposit.doi())
                    .getSingleResult();
            return new Opened(
                    link,
                    deposit,
                    List.of(),
                    null,
                    PublicDatasets.versionPage(v.dataset().id(), v.versionNumber()));
        }
        List<DepositFile> files = em.createQuery(
                        "SELECT f FROM DepositFile f WHERE f.deposit = :d ORDER BY f.fileName", DepositFile.class)
                .setParameter("d", deposit)
                .getResultList();
        return new Opened(
                link, deposit, files, SynthesisJob.latest(em, deposit.id()).orElse(null), null);
    }

    /** Whether the synthesis' tables may be shown through a link: it finished and passed the privacy gate. */
    public static boolean showsTables(SynthesisJob job) {
        return job != null && job.resultKey() != null && (PrivacyGate.passed(job.report()) || job.privacyOverridden());
    }

    private static void checkLink(String label, int days) {
        if (days < 1 || days > ReviewerLink.MAX_DAYS) {
            throw invalid("$.expiresInDays", "a link lives 1 to " + ReviewerLink.MAX_DAYS + " days");
        }
        if (label.length() > 200) {
            throw invalid("$.label", "at most 200 characters");
        }
        String bad = Text.unstorable(label);
        if (bad != null) {
            throw invalid("$.label", bad);
        }
    }

    private static ProblemException invalid(String path, String message) {
        return ProblemException.invalidField("invalid-link", "Invalid reviewer link", path, message);
    }

    private static ProblemException gone(String detail) {
        return new ProblemException(410, "link-gone", "Gone", detail);
    }
}
