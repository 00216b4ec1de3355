package org.facsimile.web.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.facsimile.web.account.Account;
import org.facsimile.web.account.Role;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.OutboxEvent;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.publishing.doi.DoiRegistrar;

/**
 * Withdrawal: an admin takes a published dataset out of circulation, with a reason, in one
 * transaction — the tombstone written, the search index removal queued in the outbox, the act
 * audited. Everything public reads the tombstone: downloads, the catalogue and the landing page
 * stop serving the dataset, OAI-PMH lists it as deleted.
 */
@ApplicationScoped
public class WithdrawalService {

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    DoiRegistrar dois;

    @Transactional
    public DatasetWithdrawal withdraw(Account caller, UUID datasetId, String reason, String from) {
        if (caller.role() != Role.ADMIN) {
            throw new ProblemException(403, "forbidden", "Forbidden", "only an admin can withdraw a dataset");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("a reason is required: it is shown where the dataset was");
        }
        if (reason.length() > DatasetWithdrawal.MAX_REASON) {
            throw ProblemException.badRequest(
                    "the reason is longer than " + DatasetWithdrawal.MAX_REASON + " characters");
        }
        Dataset dataset = em.find(Dataset.class, datasetId, LockModeType.PESSIMISTIC_WRITE);
        if (dataset == null) {
            throw ProblemException.notFound("dataset " + datasetId);
        }
        if (em.find(DatasetWithdrawal.class, datasetId) != null) {
            throw new ProblemException(
                    409, "already-withdrawn", "Already withdrawn", "the dataset was withdrawn before");
        }
        DatasetWithdrawal withdrawal = new DatasetWithdrawal(datasetId, clock.now(), caller.id(), reason.strip());
        em.persist(withdrawal);
        em.persist(new OutboxEvent(OutboxEvent.REMOVE_DATASET, datasetId, clock.now()));
        dois.withdraw(datasetId);
        audit.record(caller.id(), "dataset.withdraw", "dataset", datasetId.toString(), reason.strip(), from);
        return withdrawal;
    }
}
