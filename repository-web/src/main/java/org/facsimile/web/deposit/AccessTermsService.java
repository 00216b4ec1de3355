package org.facsimile.web.deposit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.facsimile.web.account.Credential;
import org.facsimile.web.deposit.DepositAccess.Need;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Text;

/**
 * The depositor's terms for requests of the restricted original ({@link AccessTerms}): set,
 * changed or withdrawn by the deposit's owner at any time before the deposit is withdrawn (a
 * change applies to requests made after it; a grant stands as it was given), read by anyone once
 * the twin is published.
 */
@ApplicationScoped
public class AccessTermsService {

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    DepositAccess access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** What a depositor sends: the agreement's text, who decides, how many days a grant lasts. */
    public record TermsRequest(String agreement, AccessTerms.Deciders deciders, Integer grantDays) {}

    /** The owner's terms, or empty when the deposit takes no requests; 404 for anyone else. */
    @Transactional
    public Optional<AccessTerms> of(Credential caller, UUID depositId) {
        access.deposit(caller, depositId, Need.CHANGE, LockModeType.NONE);
        return Optional.ofNullable(em.find(AccessTerms.class, depositId));
    }

    /**
     * Whether the original of a published twin can be requested, as its landing page says it.
     *
     * @param terms the terms, or null when the depositor takes no requests
     * @param erased whether the input was erased (then nothing can be requested)
     */
    public record Availability(AccessTerms terms, boolean erased) {

        /** In a reader's words. */
        public String words() {
            if (erased) {
                return "The original was erased at its depositor's request: it can no longer be requested.";
            }
            if (terms == null) {
                return "The original is not available on request: only this synthetic twin is published.";
            }
            String who = switch (terms.deciders()) {
                case DEPOSITOR -> "the depositor decides";
                case CURATORS -> "the repository's curators decide";
                case EITHER -> "the depositor or a curator decides";
            };
            return "The restricted original can be requested by signed-in users for a stated purpose, under a"
                    + " data use agreement; " + who + ", and a grant lasts " + terms.grantDays() + " days.";
        }

        public boolean requestable() {
            return terms != null && !erased;
        }
    }

    /** Whether the original of a deposit whose twin is public can be requested. */
    @Transactional
    public Availability availability(UUID depositId) {
        return new Availability(em.find(AccessTerms.class, depositId), inputErased(depositId));
    }

    /** Whether the deposit's input (its original) was erased, in part or whole. */
    @Transactional
    public boolean inputErased(UUID depositId) {
        return em.createQuery(
                                "SELECT count(f) FROM DepositFile f WHERE f.deposit.id = :d AND f.erasedAt IS NOT NULL",
                                Long.class)
                        .setParameter("d", depositId)
                        .getSingleResult()
                > 0;
    }

    /** 404 unless the caller owns the deposit: asked before a request's body is read. */
    @Transactional
    public void requireOwner(Credential caller, UUID depositId) {
        access.deposit(caller, depositId, Need.CHANGE, LockModeType.NONE);
    }

    /** Sets or changes the terms; 409 for a withdrawn deposit or an erased input. */
    @Transactional
    public AccessTerms set(Credential caller, UUID depositId, TermsRequest terms, String from) {
        Deposit deposit = access.deposit(caller, depositId, Need.CHANGE, LockModeType.PESSIMISTIC_WRITE);
        String agreement = terms.agreement() == null ? "" : terms.agreement().strip();
        int days = terms.grantDays() == null ? 365 : terms.grantDays();
        if (agreement.length() < 20 || agreement.length() > 20_000) {
            throw invalid("$.agreement", "the data use agreement is 20 to 20,000 characters");
        }
        String bad = Text.unstorable(agreement);
        if (bad != null) {
            throw invalid("$.agreement", bad);
        }
        if (terms.deciders() == null) {
            throw invalid("$.deciders", "who decides: DEPOSITOR, CURATORS or EITHER");
        }
        if (days < 1 || days > 3650) {
            throw invalid("$.grantDays", "a grant lasts 1 to 3,650 days");
        }
        if (deposit.state() == DepositState.WITHDRAWN) {
            throw ProblemException.conflict("the deposit was withdrawn: its original cannot be requested");
        }
        if (inputErased(depositId)) {
            throw ProblemException.conflict("the deposit's input was erased: there is no original to request");
        }
        AccessTerms stored = em.find(AccessTerms.class, depositId, LockModeType.PESSIMISTIC_WRITE);
        if (stored == null) {
            stored = new AccessTerms(depositId, agreement, terms.deciders(), days, clock.now());
            em.persist(stored);
        } else {
            stored.change(agreement, terms.deciders(), days, clock.now());
        }
        audit.record(
                caller.account().id(),
                "deposit.access-terms",
                "deposit",
                depositId.toString(),
                terms.deciders() + " decide, grants of " + days + " days",
                from);
        return stored;
    }

    /** Takes no more requests (those made stay as they are); true when there were terms. */
    @Transactional
    public boolean remove(Credential caller, UUID depositId, String from) {
        access.deposit(caller, depositId, Need.CHANGE, LockModeType.PESSIMISTIC_WRITE);
        AccessTerms stored = em.find(AccessTerms.class, depositId, LockModeType.PESSIMISTIC_WRITE);
        if (stored == null) {
            return false;
        }
        em.remove(stored);
        audit.record(
                caller.account().id(),
                "deposit.access-terms",
                "deposit",
                depositId.toString(),
                "no more requests",
                from);
        return true;
    }

    private static ProblemException invalid(String path, String message) {
        return ProblemException.invalidField("invalid-terms", "Invalid access terms", path, message);
    }
}
