package org.facsimile.web.deposit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.facsimile.web.account.Account;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.publishing.DoiRegistrar;
import org.facsimile.web.synthesis.SynthesisJob;

/**
 * The private deposit area's rules. Every method takes the calling account and finds deposits
 * only among that account's own: someone else's deposit id answers 404, exactly like a missing one.
 */
@ApplicationScoped
public class DepositService {

    /** How many times a job is tried when its worker dies. */
    static final int MAX_ATTEMPTS = 3;

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    DoiRegistrar dois;

    @Transactional
    public Deposit create(Account caller, DepositMetadata metadata, String from) {
        metadata.validated();
        Deposit deposit = new Deposit(caller, metadata, dois.mint(), clock.now());
        em.persist(deposit);
        em.flush();
        dois.reserve(deposit.doi(), deposit.id());
        audit.record(caller.id(), "deposit.create", "deposit", deposit.id().toString(), null, from);
        return deposit;
    }

    @Transactional
    public List<Deposit> list(Account caller) {
        return em.createQuery("SELECT d FROM Deposit d WHERE d.owner = :owner ORDER BY d.createdAt DESC", Deposit.class)
                .setParameter("owner", caller)
                .getResultList();
    }

    /** The caller's deposit, or 404. */
    @Transactional
    public Deposit get(Account caller, UUID id) {
        return owned(caller, id, LockModeType.NONE);
    }

    @Transactional
    public Deposit describe(Account caller, UUID id, DepositMetadata metadata, String from) {
        metadata.validated();
        Deposit deposit = owned(caller, id, LockModeType.PESSIMISTIC_WRITE);
        deposit.describe(metadata, clock.now());
        audit.record(caller.id(), "deposit.describe", "deposit", id.toString(), null, from);
        return deposit;
    }

    @Transactional
    public List<DepositFile> files(Account caller, UUID id) {
        Deposit deposit = owned(caller, id, LockModeType.NONE);
        return em.createQuery("SELECT f FROM DepositFile f WHERE f.deposit = :d ORDER BY f.fileName", DepositFile.class)
                .setParameter("d", deposit)
                .getResultList();
    }

    @Transactional
    public DepositFile file(Account caller, UUID id, String fileName) {
        Deposit deposit = owned(caller, id, LockModeType.NONE);
        return fileOf(deposit, fileName);
    }

    /** Checks, before an upload streams, that the deposit is the caller's and still a draft. */
    @Transactional
    public void requireDraft(Account caller, UUID id) {
        owned(caller, id, LockModeType.NONE).requireDraft();
    }

    /**
     * Records an uploaded file (already stored and validated). A file of the same name is replaced;
     * the storage key of the replaced file is returned so the caller can delete it after commit.
     */
    @Transactional
    public String attachFile(
            Account caller,
            UUID id,
            String fileName,
            String tableName,
            long byteSize,
            String sha256,
            String storageKey,
            long rowCount,
            String tableSchema,
            String from) {
        Deposit deposit = owned(caller, id, LockModeType.PESSIMISTIC_WRITE);
        deposit.requireDraft();
        String replaced = null;
        for (DepositFile existing : em.createQuery(
                        "SELECT f FROM DepositFile f WHERE f.deposit = :d", DepositFile.class)
                .setParameter("d", deposit)
                .getResultList()) {
            if (existing.fileName().equals(fileName)) {
                replaced = existing.storageKey();
                em.remove(existing);
            } else if (existing.tableName().equals(tableName)) {
                throw ProblemException.conflict(
                        "the deposit already has a table named '" + tableName + "' (file " + existing.fileName() + ")");
            }
        }
        em.flush();
        em.persist(new DepositFile(
                deposit, fileName, tableName, byteSize, sha256, storageKey, rowCount, tableSchema, clock.now()));
        audit.record(caller.id(), "deposit.upload", "deposit", id.toString(), fileName + " sha256=" + sha256, from);
        return replaced;
    }

    @Transactional
    public DepositFile changeSchema(Account caller, UUID id, String fileName, String tableSchema, String from) {
        Deposit deposit = owned(caller, id, LockModeType.PESSIMISTIC_WRITE);
        DepositFile file = fileOf(deposit, fileName);
        file.changeSchema(tableSchema);
        audit.record(caller.id(), "deposit.schema", "deposit", id.toString(), fileName, from);
        return file;
    }

    /** Freezes the deposit and queues its synthesis. */
    @Transactional
    public SynthesisJob submit(Account caller, UUID id, String settingsJson, String from) {
        Deposit deposit = owned(caller, id, LockModeType.PESSIMISTIC_WRITE);
        Long files = em.createQuery("SELECT count(f) FROM DepositFile f WHERE f.deposit = :d", Long.class)
                .setParameter("d", deposit)
                .getSingleResult();
        if (files == 0) {
            throw new ProblemException(
                    409, "no-files", "Nothing to synthesize", "upload at least one CSV table before submitting");
        }
        deposit.submit(clock.now());
        SynthesisJob job = new SynthesisJob(deposit, settingsJson, MAX_ATTEMPTS, clock.now());
        em.persist(job);
        audit.record(caller.id(), "deposit.submit", "deposit", id.toString(), "job " + job.id(), from);
        return job;
    }

    /** The deposit's latest synthesis job, or 404. */
    @Transactional
    public SynthesisJob latestJob(Account caller, UUID id) {
        Deposit deposit = owned(caller, id, LockModeType.NONE);
        List<SynthesisJob> jobs = em.createQuery(
                        "SELECT j FROM SynthesisJob j WHERE j.deposit = :d ORDER BY j.createdAt DESC",
                        SynthesisJob.class)
                .setParameter("d", deposit)
                .setMaxResults(1)
                .getResultList();
        if (jobs.isEmpty()) {
            throw new ProblemException(404, "not-found", "Not Found", "the deposit has not been submitted");
        }
        return jobs.get(0);
    }

    Deposit owned(Account caller, UUID id, LockModeType lock) {
        Deposit deposit = em.find(Deposit.class, id, lock);
        if (deposit == null || !deposit.isOwnedBy(caller)) {
            throw ProblemException.notFound("deposit " + id);
        }
        return deposit;
    }

    private DepositFile fileOf(Deposit deposit, String fileName) {
        List<DepositFile> files = em.createQuery(
                        "SELECT f FROM DepositFile f WHERE f.deposit = :d AND f.fileName = :n", DepositFile.class)
                .setParameter("d", deposit)
                .setParameter("n", fileName)
                .getResultList();
        if (files.isEmpty()) {
            throw ProblemException.notFound("file " + fileName);
        }
        return files.get(0);
    }
}
