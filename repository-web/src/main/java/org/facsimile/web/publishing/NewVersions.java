package org.facsimile.web.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.facsimile.web.account.Credential;
import org.facsimile.web.deposit.AccessTerms;
import org.facsimile.web.deposit.AnalysisTerms;
import org.facsimile.web.deposit.Deposit;
import org.facsimile.web.deposit.DepositFile;
import org.facsimile.web.deposit.DepositState;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.publishing.doi.DoiRegistrar;
import org.facsimile.web.storage.BlobStore;
import org.facsimile.web.storage.BlobStore.Area;

/**
 * New versions of a published dataset. As in Zenodo, a new version starts as a deposit of its own:
 * a draft with the latest version's metadata and a copy of its input tables (where they were not
 * erased), which the depositor changes (other tables, other metadata) and submits with other
 * settings if they like. Publishing that deposit adds the next version to the dataset: its own
 * files and DOI, while the dataset's URL and concept DOI move on to it.
 */
@ApplicationScoped
public class NewVersions {

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    DoiRegistrar dois;

    @Inject
    BlobStore blobs;

    @Inject
    PublicDatasets datasets;

    /**
     * Opens the draft of the next version of a dataset its caller deposited. Refused (409, naming
     * it) while an earlier draft of a next version is still open: two would race for one number.
     */
    @Transactional
    public Deposit open(Credential caller, String datasetId, String from) {
        PublicDatasets.PublicVersion latest = datasets.published(datasetId);
        Dataset dataset = em.find(Dataset.class, latest.datasetId(), LockModeType.PESSIMISTIC_WRITE);
        if (!dataset.owner().id().equals(caller.account().id())) {
            throw new ProblemException(
                    403, "forbidden", "Forbidden", "only the depositor of a dataset can make a new version of it");
        }
        List<UUID> open = em.createQuery(
                        "SELECT d.id FROM Deposit d WHERE d.versionOf = :id AND d.state NOT IN :closed", UUID.class)
                .setParameter("id", dataset.id())
                .setParameter("closed", List.of(DepositState.PUBLISHED, DepositState.WITHDRAWN))
                .getResultList();
        if (!open.isEmpty()) {
            throw new ProblemException(
                    409,
                    "version-in-progress",
                    "A new version is already in progress",
                    "deposit " + open.get(0) + " is the next version of this dataset; continue with it");
        }
        Deposit previous = em.find(Deposit.class, latest.version().job().depositId());
        Deposit next =
                Deposit.nextVersion(caller.account(), previous.metadata(), dois.mint(), dataset.id(), clock.now());
        em.persist(next);
        em.flush();
        dois.reserve(next.doi(), next.id());
        int copied = 0;
        for (DepositFile file : em.createQuery(
                        "SELECT f FROM DepositFile f WHERE f.deposit = :d AND f.erasedAt IS NULL ORDER BY f.fileName",
                        DepositFile.class)
                .setParameter("d", previous)
                .getResultList()) {
            // a copy of its own: erasing either deposit's input leaves the other's whole
            String key = "deposits/" + next.id() + "/" + UUID.randomUUID() + ".csv";
            BlobStore.Stored copy;
            try {
                copy = blobs.copy(Area.PRIVATE, file.storageKey(), Area.PRIVATE, key);
            } catch (IOException e) {
                throw new UncheckedIOException("could not copy the input of the previous version", e);
            }
            em.persist(new DepositFile(
                    next,
                    file.fileName(),
                    file.tableName(),
                    copy.byteSize(),
                    copy.sha256(),
                    copy.key(),
                    file.rowCount(),
                    file.tableSchema(),
                    clock.now()));
            copied++;
        }
        // the original's terms go on as they were; the depositor may change or end them on the draft
        AccessTerms terms = em.find(AccessTerms.class, previous.id());
        if (terms != null) {
            em.persist(new AccessTerms(next.id(), terms.agreement(), terms.deciders(), terms.grantDays(), clock.now()));
        }
        AnalysisTerms analyses = em.find(AnalysisTerms.class, previous.id());
        if (analyses != null) {
            // the budget is the dataset's: analyses of every version count against it
            em.persist(new AnalysisTerms(
                    next.id(), analyses.minCell(), analyses.budget(), analyses.epsilon(), clock.now()));
        }
        audit.record(
                caller.account().id(),
                "deposit.create",
                "deposit",
                next.id().toString(),
                "version " + (latest.latest().number() + 1) + " of dataset " + dataset.id() + ", " + copied
                        + " tables copied from deposit " + previous.id(),
                from);
        return next;
    }
}
