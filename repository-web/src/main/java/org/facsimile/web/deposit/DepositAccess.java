package org.facsimile.web.deposit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.facsimile.web.account.Caller;
import org.facsimile.web.account.Credential;
import org.facsimile.web.account.Scope;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.ProblemException;

/**
 * Who may do what with a private deposit — the one place that decides, for every private
 * resource hanging off a deposit (its files, schemas, jobs, reports, model artefacts and audit
 * trail). Anyone not allowed gets the same 404 as for a deposit that does not exist, so ids reveal
 * nothing. Every refusal is audited (who tried which id, wanting what, from where) in a
 * transaction of its own, so it stays when the request's transaction rolls back; admins read
 * them, the deposit's owner does not (they name other people and their addresses).
 *
 * <ul>
 *   <li>the owner reads and changes their own deposits;
 *   <li>a curator (credential with the curate scope) reads and decides deposits that were sent to
 *       review, but never their own (no one reviews their own work);
 *   <li>nobody else, admins included: an admin acts on deposits only through the audited admin
 *       endpoints.
 * </ul>
 */
@ApplicationScoped
public class DepositAccess {

    /** What the caller wants to do. */
    public enum Need {
        /** See the deposit, its files' descriptions, its job and its report. */
        READ,
        /** Change, submit, publish or erase it. */
        CHANGE,
        /** Decide a review. */
        REVIEW
    }

    /** The states in which a curator may look at someone else's deposit. */
    private static final Set<DepositState> REVIEWED =
            EnumSet.of(DepositState.IN_REVIEW, DepositState.REJECTED, DepositState.PUBLISHED);

    /** The audit action of a refused attempt. */
    public static final String REFUSED = "deposit.refused";

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Caller request;

    /** The deposit when the caller may do {@code need} with it; otherwise 404, audited. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Deposit deposit(Credential caller, UUID id, Need need, LockModeType lock) {
        Deposit deposit = em.find(Deposit.class, id, lock);
        if (deposit == null || !allows(caller, deposit, need)) {
            audit.recordNow(
                    caller.account().id(),
                    REFUSED,
                    "deposit",
                    id.toString(),
                    need.name().toLowerCase(Locale.ROOT) + (deposit == null ? ", no such deposit" : ""),
                    request.remoteAddress());
            throw ProblemException.notFound("deposit " + id);
        }
        return deposit;
    }

    static boolean allows(Credential caller, Deposit deposit, Need need) {
        boolean owner = deposit.isOwnedBy(caller.account());
        boolean curator = caller.allows(Scope.CURATE) && caller.account().isCurator() && !owner;
        return switch (need) {
            case READ -> owner || curator && REVIEWED.contains(deposit.state());
            case CHANGE -> owner;
            case REVIEW -> curator && deposit.state() == DepositState.IN_REVIEW;
        };
    }

    /**
     * Names the account (and an optional note) for the state changes this transaction makes; the
     * database's transition trigger records them with it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void actingAs(UUID account, String note) {
        em.createNativeQuery("SELECT set_config('facsimile.actor', ?1, true), set_config('facsimile.note', ?2, true)")
                .setParameter(1, account == null ? "" : account.toString())
                .setParameter(2, note == null ? "" : note)
                .getSingleResult();
    }
}
