package org.facsimile.web.deposit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.web.account.Credential;
import org.facsimile.web.deposit.DepositAccess.Need;
import org.facsimile.web.platform.AuditEvent;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.Problem;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.schema.TableSchemas;
import org.facsimile.web.storage.BlobStore;
import org.facsimile.web.synthesis.JobState;
import org.facsimile.web.synthesis.SynthesisJob;
import org.facsimile.web.synthesis.SynthesisJobEvent;

/**
 * The private deposit area's rules. Every method takes the caller's credential and reaches the
 * deposit through {@link DepositAccess}: a deposit the caller may not see answers 404, exactly like
 * a missing one.
 *
 * <p>Longer than most: every change of a deposit goes through here, after the access check and in
 * one transaction, so the private area's rules are read in one place.
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
    DoiReservation dois;

    @Inject
    DepositAccess access;

    @Inject
    BlobStore blobs;

    @Transactional
    public Deposit create(Credential caller, DepositMetadata metadata, String from) {
        metadata.validated();
        Deposit deposit = new Deposit(caller.account(), metadata, dois.mint(), clock.now());
        em.persist(deposit);
        em.flush();
        dois.reserve(deposit.doi(), deposit.id());
        audit.record(
                caller.account().id(), "deposit.create", "deposit", deposit.id().toString(), null, from);
        return deposit;
    }

    @Transactional
    public List<Deposit> list(Credential caller) {
        return em.createQuery("SELECT d FROM Deposit d WHERE d.owner = :owner ORDER BY d.createdAt DESC", Deposit.class)
                .setParameter("owner", caller.account())
                .getResultList();
    }

    /** The steps of a job so far, in order (for its owner's pages: call after {@link #latestJob}). */
    @Transactional
    public List<SynthesisJobEvent> events(SynthesisJob job) {
        return em.createQuery(
                        "SELECT e FROM SynthesisJobEvent e WHERE e.jobId = :job ORDER BY e.id", SynthesisJobEvent.class)
                .setParameter("job", job.id())
                .getResultList();
    }

    /**
     * Where a queued job stands: the queued jobs ahead of it (the queue takes the oldest first)
     * and the jobs running now. Counts only, of everyone's jobs; nothing about whose.
     */
    public record QueuePlace(long ahead, long running) {

        /** Where the job stands, in the words of the deposit's badge. */
        public String words() {
            String line = ahead == 0 ? "next in line" : ahead + (ahead == 1 ? " job" : " jobs") + " ahead";
            return "queued: " + line + (running == 0 ? "" : ", " + running + " running now");
        }
    }

    @Transactional
    public QueuePlace queuePlace(SynthesisJob job) {
        long ahead = em.createQuery(
                        "SELECT count(j) FROM SynthesisJob j WHERE j.state = :q AND j.createdAt < :c", Long.class)
                .setParameter("q", JobState.QUEUED)
                .setParameter("c", job.createdAt())
                .getSingleResult();
        long running = em.createQuery("SELECT count(j) FROM SynthesisJob j WHERE j.state = :r", Long.class)
                .setParameter("r", JobState.RUNNING)
                .getSingleResult();
        return new QueuePlace(ahead, running);
    }

    /** Deposits waiting for a curator, oldest first; never the curator's own. */
    @Transactional
    public List<Deposit> inReview(Credential curator) {
        return em.createQuery(
                        // the owner fetched too: the review page names each depositor
                        "SELECT d FROM Deposit d JOIN FETCH d.owner WHERE d.state = :s AND d.owner <> :me"
                                + " ORDER BY d.updatedAt",
                        Deposit.class)
                .setParameter("s", DepositState.IN_REVIEW)
                .setParameter("me", curator.account())
                .setMaxResults(500)
                .getResultList();
    }

    /** The deposit, when the caller may read it (404 otherwise); the read is audited. */
    @Transactional
    public Deposit get(Credential caller, UUID id, String from) {
        Deposit deposit = access.deposit(caller, id, Need.READ, LockModeType.NONE);
        audit.record(caller.account().id(), "deposit.read", "deposit", id.toString(), null, from);
        return deposit;
    }

    /** The deposit, when the caller may read it (404 otherwise), for reads already audited. */
    @Transactional
    public Deposit readable(Credential caller, UUID id) {
        return access.deposit(caller, id, Need.READ, LockModeType.NONE);
    }

    /** Records that the caller read or downloaded something of the deposit. */
    @Transactional
    public void recordRead(Credential caller, UUID id, String what, String from) {
        access.deposit(caller, id, Need.READ, LockModeType.NONE);
        audit.record(caller.account().id(), "deposit.read", "deposit", id.toString(), what, from);
    }

    @Transactional
    public Deposit describe(Credential caller, UUID id, DepositMetadata metadata, String from) {
        metadata.validated();
        Deposit deposit = access.deposit(caller, id, Need.CHANGE, LockModeType.PESSIMISTIC_WRITE);
        deposit.describe(metadata, clock.now());
        audit.record(caller.account().id(), "deposit.describe", "deposit", id.toString(), null, from);
        return deposit;
    }

    @Transactional
    public List<DepositFile> files(Credential caller, UUID id) {
        Deposit deposit = access.deposit(caller, id, Need.READ, LockModeType.NONE);
        return em.createQuery("SELECT f FROM DepositFile f WHERE f.deposit = :d ORDER BY f.fileName", DepositFile.class)
                .setParameter("d", deposit)
                .getResultList();
    }

    @Transactional
    public DepositFile file(Credential caller, UUID id, String fileName) {
        Deposit deposit = access.deposit(caller, id, Need.READ, LockModeType.NONE);
        return fileOf(deposit, fileName);
    }

    /** Checks, before an upload streams, that the deposit is the caller's and still a draft. */
    @Transactional
    public void requireDraft(Credential caller, UUID id) {
        access.deposit(caller, id, Need.CHANGE, LockModeType.NONE).requireDraft();
    }

    /**
     * Records an uploaded file (already stored and validated). A file of the same name is replaced;
     * the storage key of the replaced file is returned so the caller can delete it after commit.
     */
    @Transactional
    public String attachFile(
            Credential caller,
            UUID id,
            String fileName,
            String tableName,
            long byteSize,
            String sha256,
            String storageKey,
            long rowCount,
            String tableSchema,
            String from) {
        List<String> replaced = attachFiles(
                caller,
                id,
                List.of(new NewFile(fileName, tableName, byteSize, sha256, storageKey, rowCount, tableSchema)),
                null,
                from);
        return replaced.isEmpty() ? null : replaced.get(0);
    }

    /** An uploaded table, stored and validated, to be recorded. */
    public record NewFile(
            String fileName,
            String tableName,
            long byteSize,
            String sha256,
            String storageKey,
            long rowCount,
            String tableSchema) {}

    /**
     * Records uploaded tables (already stored and validated) all at once. A file of the same name
     * is replaced. When the tables were taken out of a nested document, the tables an earlier
     * upload of that document became are replaced as a whole (those it no longer has go), and a
     * CSV table of the same name as one of them is not overwritten but refused.
     *
     * @param document the nested document the tables were taken out of, or null
     * @return the storage keys of the replaced files, for the caller to delete after commit
     */
    @Transactional
    public List<String> attachFiles(Credential caller, UUID id, List<NewFile> files, String document, String from) {
        Deposit deposit = access.deposit(caller, id, Need.CHANGE, LockModeType.PESSIMISTIC_WRITE);
        deposit.requireDraft();
        List<DepositFile> existing = em.createQuery(
                        "SELECT f FROM DepositFile f WHERE f.deposit = :d", DepositFile.class)
                .setParameter("d", deposit)
                .getResultList();
        Map<String, CsvwTable> schemas = DepositFile.schemas(existing);
        Set<String> earlier = document == null ? Set.of() : TableSchemas.nestedTables(schemas, document);
        Set<String> nested = TableSchemas.nestedTables(schemas, null);
        Set<String> names = new HashSet<>();
        files.forEach(f -> names.add(f.fileName()));
        List<String> replaced = new ArrayList<>();
        for (DepositFile old : existing) {
            boolean sameName = names.contains(old.fileName());
            if (sameName && document != null && !earlier.contains(old.fileName())) {
                throw ProblemException.conflict("the deposit already has a table " + old.fileName() + "; the document "
                        + document + " would become a table of that name");
            }
            if (sameName && document == null && nested.contains(old.fileName())) {
                throw ProblemException.conflict(old.fileName() + " was taken out of a nested document;"
                        + " upload the document again to change it");
            }
            if (sameName || earlier.contains(old.fileName())) {
                replaced.add(old.storageKey());
                em.remove(old);
                continue;
            }
            for (NewFile f : files) {
                if (old.tableName().equals(f.tableName())) {
                    throw ProblemException.conflict("the deposit already has a table named '" + f.tableName()
                            + "' (file " + old.fileName() + ")");
                }
            }
        }
        em.flush();
        for (NewFile f : files) {
            em.persist(new DepositFile(
                    deposit,
                    f.fileName(),
                    f.tableName(),
                    f.byteSize(),
                    f.sha256(),
                    f.storageKey(),
                    f.rowCount(),
                    f.tableSchema(),
                    clock.now()));
            audit.record(
                    caller.account().id(),
                    "deposit.upload",
                    "deposit",
                    id.toString(),
                    f.fileName() + (document == null ? "" : " from " + document) + " sha256=" + f.sha256(),
                    from);
        }
        return replaced;
    }

    @Transactional
    public DepositFile changeSchema(Credential caller, UUID id, String fileName, String tableSchema, String from) {
        Deposit deposit = access.deposit(caller, id, Need.CHANGE, LockModeType.PESSIMISTIC_WRITE);
        DepositFile file = fileOf(deposit, fileName);
        file.changeSchema(tableSchema);
        audit.record(caller.account().id(), "deposit.schema", "deposit", id.toString(), fileName, from);
        return file;
    }

    /** Freezes the deposit and queues its synthesis. */
    @Transactional
    public SynthesisJob submit(Credential caller, UUID id, String settingsJson, String from) {
        Deposit deposit = access.deposit(caller, id, Need.CHANGE, LockModeType.PESSIMISTIC_WRITE);
        Long files = em.createQuery("SELECT count(f) FROM DepositFile f WHERE f.deposit = :d", Long.class)
                .setParameter("d", deposit)
                .getSingleResult();
        if (files == 0) {
            throw new ProblemException(
                    409, "no-files", "Nothing to synthesize", "upload at least one CSV table before submitting");
        }
        access.actingAs(caller.account().id(), null);
        deposit.submit(clock.now());
        SynthesisJob job = new SynthesisJob(deposit.id(), settingsJson, MAX_ATTEMPTS, clock.now());
        em.persist(job);
        audit.record(caller.account().id(), "deposit.submit", "deposit", id.toString(), "job " + job.id(), from);
        return job;
    }

    /** The depositor withdraws the deposit before publication, saying why if they like. */
    @Transactional
    public Deposit withdraw(Credential caller, UUID id, String reason, String from) {
        Deposit deposit = access.deposit(caller, id, Need.CHANGE, LockModeType.PESSIMISTIC_WRITE);
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        if (note != null && note.length() > 1000) {
            throw new ProblemException(
                    422,
                    "invalid-reason",
                    "Reason too long",
                    "the reason is longer than 1,000 characters",
                    List.of(new Problem.Where(null, null, null, "$.reason", "longer than 1,000 characters")));
        }
        access.actingAs(caller.account().id(), note);
        deposit.withdraw(clock.now());
        audit.record(caller.account().id(), "deposit.withdraw", "deposit", id.toString(), null, from);
        return deposit;
    }

    /** The deposit's latest synthesis job, or 404. */
    @Transactional
    public SynthesisJob latestJob(Credential caller, UUID id) {
        Deposit deposit = access.deposit(caller, id, Need.READ, LockModeType.NONE);
        return SynthesisJob.latest(em, deposit.id())
                .orElseThrow(() ->
                        new ProblemException(404, "not-found", "Not Found", "the deposit has not been submitted"));
    }

    /** The deposit's state changes, oldest first. */
    @Transactional
    public List<Map<String, Object>> history(Credential caller, UUID id) {
        access.deposit(caller, id, Need.READ, LockModeType.NONE);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] row :
                rows(em.createNativeQuery("SELECT from_state, to_state, actor_id, note, at FROM deposit_transition"
                                + " WHERE deposit_id = ?1 ORDER BY id")
                        .setParameter(1, id))) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("from", row[0]);
            entry.put("to", row[1]);
            entry.put("by", row[2] == null ? null : row[2].toString());
            entry.put("note", row[3]);
            entry.put("at", instant(row[4]));
            rows.add(entry);
        }
        return rows;
    }

    /** The audit trail of a deposit: who read, changed or published it, when and from where. Owner only. */
    @Transactional
    public List<Map<String, Object>> auditTrail(Credential caller, UUID id) {
        access.deposit(caller, id, Need.CHANGE, LockModeType.NONE);
        return AuditLog.view(em.createQuery(
                        "SELECT e FROM AuditEvent e WHERE e.targetType = 'deposit' AND e.targetId = :id"
                                + " AND e.action <> :refused ORDER BY e.id",
                        AuditEvent.class)
                .setParameter("id", id.toString())
                .setParameter("refused", DepositAccess.REFUSED)
                .setMaxResults(10_000)
                .getResultList());
    }

    /**
     * Marks the private input of a published deposit erased and returns the private files to delete
     * after commit: the uploads and every private result of its syntheses (tables, model, report
     * page). Returns them again on a second call, so an erasure cut short can be finished.
     */
    @Transactional
    public List<String> erase(Credential caller, UUID id, String from) {
        Deposit deposit = access.deposit(caller, id, Need.CHANGE, LockModeType.PESSIMISTIC_WRITE);
        if (deposit.state() != DepositState.PUBLISHED && deposit.state() != DepositState.WITHDRAWN) {
            throw ProblemException.conflict(
                    "only the input of a published deposit can be erased; this one is " + deposit.state());
        }
        List<String> keys = new ArrayList<>();
        for (DepositFile file : em.createQuery("SELECT f FROM DepositFile f WHERE f.deposit = :d", DepositFile.class)
                .setParameter("d", deposit)
                .getResultList()) {
            if (file.erasedAt() == null) {
                file.erased(clock.now());
            }
            keys.add(file.storageKey());
        }
        List<String> folders = em.createQuery(
                        "SELECT j.resultKey FROM SynthesisJob j WHERE j.depositId = :d AND j.resultKey IS NOT NULL",
                        String.class)
                .setParameter("d", deposit.id())
                .getResultList();
        try (Stream<String> stored = blobs.keys(BlobStore.Area.PRIVATE)) {
            stored.filter(key -> folders.stream().anyMatch(folder -> key.startsWith(folder + "/")))
                    .forEach(keys::add);
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the private area", e);
        }
        audit.record(caller.account().id(), "deposit.erase", "deposit", id.toString(), keys.size() + " files", from);
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    private static String instant(Object value) {
        return value instanceof Timestamp t
                ? t.toInstant().toString()
                : value instanceof OffsetDateTime o ? o.toInstant().toString() : String.valueOf(value);
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
