package org.facsimile.web.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.facsimile.web.account.Account;
import org.facsimile.web.account.Credential;
import org.facsimile.web.account.Scope;
import org.facsimile.web.deposit.AccessTerms;
import org.facsimile.web.deposit.AccessTermsService;
import org.facsimile.web.deposit.Deposit;
import org.facsimile.web.deposit.DepositFile;
import org.facsimile.web.deposit.DepositState;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Text;
import org.facsimile.web.publishing.PublicDatasets;

/**
 * Requests for the restricted original of a published twin, from asking to downloading. Who may
 * do what:
 *
 * <ul>
 *   <li>any signed-in account but the depositor asks, with a purpose and the agreement accepted,
 *       when the deposit takes requests ({@link AccessTerms}) and its input was not erased; one
 *       open request per person and original;
 *   <li>the deciders the terms named (the depositor, the curators, or either; never the requester)
 *       grant or refuse it with a reason, and may revoke a grant;
 *   <li>the requester alone downloads the original while the grant lasts, or withdraws a request
 *       not yet decided;
 *   <li>for everyone else a request is not there (404).
 * </ul>
 *
 * Every step is audited on the deposit, so its owner reads the whole history in its audit trail.
 */
@ApplicationScoped
public class AccessRequests {

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    PublicDatasets datasets;

    @Inject
    AccessTermsService originals;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /**
     * A request as its requester and its deciders see it.
     *
     * @param requester who asked: username and name (the deciders must know)
     * @param landingPage the version whose original is asked for
     */
    public record View(
            String id,
            String dataset,
            int version,
            String landingPage,
            String requester,
            String purpose,
            String state,
            String deciders,
            Instant requestedAt,
            Instant decidedAt,
            String reason,
            Instant expiresAt,
            boolean open) {

        /** The state as a page writes it ("granted"). */
        public String stateWords() {
            return state.toLowerCase(Locale.ROOT);
        }
    }

    /** The requests as views. */
    @Transactional
    public List<View> views(List<AccessRequest> requests) {
        Instant now = clock.now();
        return requests.stream()
                .map(r -> {
                    Account a = em.find(Account.class, r.requesterId());
                    return new View(
                            r.id().toString(),
                            r.datasetId().toString(),
                            r.versionNumber(),
                            PublicDatasets.versionPage(r.datasetId(), r.versionNumber()),
                            a.username() + " (" + a.displayName() + ")",
                            r.purpose(),
                            r.state().name(),
                            r.deciders().name(),
                            r.requestedAt(),
                            r.decidedAt(),
                            r.reason(),
                            r.expiresAt(),
                            r.opensAt(now));
                })
                .toList();
    }

    /** What the original of a granted request is: its tables, and the request that opened them. */
    public record Original(AccessRequest request, Deposit deposit, List<DepositFile> files, AccessTerms terms) {}

    /**
     * {@code reader} asks for the original of the dataset's version {@code number} (null: the
     * latest). 404/410 for a dataset that is not or no longer public; 409 when its depositor takes
     * no requests, it is the reader's own, its input was erased, or the reader has one open.
     */
    @Transactional
    public AccessRequest ask(
            Credential reader, String datasetId, String number, String purpose, boolean accepted, String from) {
        PublicDatasets.PublicVersion p =
                number == null ? datasets.published(datasetId) : datasets.published(datasetId, number);
        UUID depositId = datasets.depositOf(p.version().id());
        // the terms' row, locked, orders one person's concurrent asks: the second sees the first
        AccessTerms terms = em.find(AccessTerms.class, depositId, LockModeType.PESSIMISTIC_WRITE);
        if (terms == null) {
            throw ProblemException.conflict("the depositor of this dataset takes no requests for its original");
        }
        Deposit deposit = em.find(Deposit.class, depositId);
        if (deposit.isOwnedBy(reader.account())) {
            throw ProblemException.conflict("this dataset is yours: its original is in your deposit");
        }
        if (originals.inputErased(depositId)) {
            throw ProblemException.conflict(
                    "the original was erased at its depositor's request: it cannot be requested");
        }
        String text = purpose == null ? "" : purpose.strip();
        if (text.length() < 20 || text.length() > 2000) {
            throw invalid("$.purpose", "say what the original is for, in 20 to 2,000 characters");
        }
        String bad = Text.unstorable(text);
        if (bad != null) {
            throw invalid("$.purpose", bad);
        }
        if (!accepted) {
            throw invalid("$.acceptAgreement", "the data use agreement must be accepted (true)");
        }
        boolean open = em
                .createQuery(
                        "SELECT r FROM AccessRequest r WHERE r.depositId = :d AND r.requesterId = :me"
                                + " AND r.state IN :open",
                        AccessRequest.class)
                .setParameter("d", depositId)
                .setParameter("me", reader.account().id())
                .setParameter("open", List.of(AccessRequest.State.PENDING, AccessRequest.State.GRANTED))
                .getResultList()
                .stream()
                .anyMatch(r -> r.state() == AccessRequest.State.PENDING || r.opensAt(clock.now()));
        if (open) {
            throw ProblemException.conflict("you have an open request for this original: withdraw it or wait");
        }
        AccessRequest request = new AccessRequest(
                depositId, p.datasetId(), p.number(), reader.account().id(), text, terms, clock.now());
        em.persist(request);
        record(reader, "deposit.access-request", request, "asked", from);
        return request;
    }

    /** The caller's own requests, newest first. */
    @Transactional
    public List<AccessRequest> mine(Credential caller) {
        return em.createQuery(
                        "SELECT r FROM AccessRequest r WHERE r.requesterId = :me ORDER BY r.requestedAt DESC",
                        AccessRequest.class)
                .setParameter("me", caller.account().id())
                .setMaxResults(500)
                .getResultList();
    }

    /** The requests the caller decides (as depositor or curator, per their terms), newest first. */
    @Transactional
    public List<AccessRequest> deciding(Credential caller) {
        return em.createQuery(
                        "SELECT r FROM AccessRequest r, Deposit d WHERE d.id = r.depositId AND r.requesterId <> :me"
                                + " AND ((d.owner.id = :me AND r.deciders IN :byOwner)"
                                + " OR (:curator = TRUE AND d.owner.id <> :me AND r.deciders IN :byCurators))"
                                + " ORDER BY r.requestedAt DESC",
                        AccessRequest.class)
                .setParameter("me", caller.account().id())
                .setParameter("byOwner", List.of(AccessTerms.Deciders.DEPOSITOR, AccessTerms.Deciders.EITHER))
                .setParameter("curator", curator(caller))
                .setParameter("byCurators", List.of(AccessTerms.Deciders.CURATORS, AccessTerms.Deciders.EITHER))
                .setMaxResults(500)
                .getResultList();
    }

    /** A decider grants a pending request; 404 for anyone else, 409 once it is not pending. */
    @Transactional
    public AccessRequest grant(Credential decider, UUID id, String note, String from) {
        AccessRequest r = decidable(decider, id);
        pending(r);
        r.grant(decider.account().id(), blankToNull(note) == null ? null : required(note), clock.now());
        record(decider, "deposit.access-grant", r, "until " + r.expiresAt(), from);
        return r;
    }

    /** A decider refuses a pending request, saying why (the requester reads it). */
    @Transactional
    public AccessRequest refuse(Credential decider, UUID id, String reason, String from) {
        AccessRequest r = decidable(decider, id);
        String why = required(reason);
        pending(r);
        r.refuse(decider.account().id(), why, clock.now());
        record(decider, "deposit.access-refuse", r, null, from);
        return r;
    }

    /** A decider ends a grant before it expires, saying why; 409 for a request not granted. */
    @Transactional
    public AccessRequest revoke(Credential decider, UUID id, String reason, String from) {
        AccessRequest r = decidable(decider, id);
        String why = required(reason);
        if (r.state() != AccessRequest.State.GRANTED) {
            throw ProblemException.conflict("only a grant can be revoked; the request is " + words(r));
        }
        r.revoke(decider.account().id(), why, clock.now());
        record(decider, "deposit.access-revoke", r, null, from);
        return r;
    }

    /** The requester takes back a request not yet decided. */
    @Transactional
    public AccessRequest withdraw(Credential requester, UUID id, String from) {
        AccessRequest r = own(requester, id);
        pending(r);
        r.withdraw(clock.now());
        record(requester, "deposit.access-withdraw", r, null, from);
        return r;
    }

    /** The caller's own request, or one the caller decides; 404 otherwise. */
    @Transactional
    public AccessRequest get(Credential caller, UUID id) {
        AccessRequest r = em.find(AccessRequest.class, id);
        if (r != null && (r.requesterId().equals(caller.account().id()) || decides(caller, r))) {
            return r;
        }
        throw ProblemException.notFound("access request " + id);
    }

    /**
     * The original, for its requester while the grant lasts; the download is audited. 404 for
     * anyone else; 403 (saying why) for a request not granted or a grant that ended; 410 when the
     * input was erased or the dataset withdrawn since.
     */
    @Transactional
    public Original original(Credential requester, UUID id, String from) {
        AccessRequest r = own(requester, id);
        String closed = r.closedBecause(clock.now());
        if (closed != null) {
            throw new ProblemException(
                    403, "access-not-granted", "Access not granted", "the original does not open: " + closed);
        }
        Deposit deposit = em.find(Deposit.class, r.depositId());
        List<DepositFile> files = em.createQuery(
                        "SELECT f FROM DepositFile f WHERE f.deposit = :d ORDER BY f.fileName", DepositFile.class)
                .setParameter("d", deposit)
                .getResultList();
        if (deposit.state() == DepositState.WITHDRAWN
                || files.stream().anyMatch(f -> f.erasedAt() != null)
                || datasets.withdrawal(r.datasetId()).isPresent()) {
            throw new ProblemException(
                    410, "original-gone", "Gone", "the original was erased, or its dataset withdrawn, since the grant");
        }
        record(requester, "deposit.original-download", r, null, from);
        return new Original(r, deposit, files, em.find(AccessTerms.class, r.depositId()));
    }

    private AccessRequest own(Credential requester, UUID id) {
        AccessRequest r = em.find(AccessRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || !r.requesterId().equals(requester.account().id())) {
            throw ProblemException.notFound("access request " + id);
        }
        return r;
    }

    private AccessRequest decidable(Credential decider, UUID id) {
        AccessRequest r = em.find(AccessRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || !decides(decider, r)) {
            throw ProblemException.notFound("access request " + id);
        }
        return r;
    }

    /** Whether the caller decides the request: the terms' deciders, never the requester. */
    private boolean decides(Credential caller, AccessRequest r) {
        if (r.requesterId().equals(caller.account().id())) {
            return false;
        }
        boolean owner = em.find(Deposit.class, r.depositId()).isOwnedBy(caller.account());
        return switch (r.deciders()) {
            case DEPOSITOR -> owner;
            case CURATORS -> !owner && curator(caller);
            case EITHER -> owner || curator(caller);
        };
    }

    private static boolean curator(Credential caller) {
        return caller.allows(Scope.CURATE) && caller.account().isCurator();
    }

    private static void pending(AccessRequest r) {
        if (r.state() != AccessRequest.State.PENDING) {
            throw ProblemException.conflict("the request was already decided: it is " + words(r));
        }
    }

    private static String words(AccessRequest r) {
        return r.state().name().toLowerCase(Locale.ROOT);
    }

    private static String required(String reason) {
        String why = blankToNull(reason);
        if (why == null || why.length() > 2000) {
            throw invalid("$.reason", "say why, in 1 to 2,000 characters: the requester reads it");
        }
        String bad = Text.unstorable(why);
        if (bad != null) {
            throw invalid("$.reason", bad);
        }
        return why;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private void record(Credential actor, String action, AccessRequest r, String note, String from) {
        audit.record(
                actor.account().id(),
                action,
                "deposit",
                r.depositId().toString(),
                "request " + r.id() + " by account " + r.requesterId() + (note == null ? "" : ": " + note),
                from);
    }

    private static ProblemException invalid(String path, String message) {
        return ProblemException.invalidField("invalid-request", "Invalid access request", path, message);
    }
}
