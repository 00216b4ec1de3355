package org.facsimile.web.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.facsimile.synth.analysis.Analyses;
import org.facsimile.synth.analysis.Analysis;
import org.facsimile.synth.analysis.AnalysisProblem;
import org.facsimile.synth.analysis.Outcome;
import org.facsimile.vocab.csvw.CsvwJson;
import org.facsimile.vocab.csvw.CsvwProblem;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.web.account.Credential;
import org.facsimile.web.deposit.AccessTermsService;
import org.facsimile.web.deposit.AnalysisTerms;
import org.facsimile.web.deposit.AnalysisTermsService;
import org.facsimile.web.deposit.DepositAccess;
import org.facsimile.web.deposit.DepositFile;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.RateLimits;
import org.facsimile.web.platform.Setting;
import org.facsimile.web.platform.SharedWindow;
import org.facsimile.web.publishing.Distribution;
import org.facsimile.web.publishing.PublicDatasets;
import org.facsimile.web.schema.TableSchemas;

/**
 * Verified analyses of the original behind a published twin, from the reader's declaration to
 * the released (or refused) result. Who may do what:
 *
 * <ul>
 *   <li>any signed-in account submits one against a table of a published, open twin whose
 *       depositor set {@link AnalysisTerms}, while the dataset's budget lasts (every analysis run
 *       counts, refusals too: a refusal tells something) and within
 *       {@code facsimile.analyses.max-per-day};
 *   <li>a worker runs it on the original and on the twin ({@link AnalysisRunner}); only what the
 *       disclosure rules let through is kept of the original;
 *   <li>the submitter, and whoever may read the deposit (its owner), read it; for everyone else
 *       it is not there (404).
 * </ul>
 *
 * Every submission and outcome is audited on the deposit.
 */
@ApplicationScoped
public class VerifiedAnalyses {

    /** Attempts before an analysis whose workers kept dying is failed. */
    static final int MAX_ATTEMPTS = 3;

    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    PublicDatasets datasets;

    @Inject
    AccessTermsService originals;

    @Inject
    AnalysisTermsService analysisTerms;

    @Inject
    DepositAccess access;

    @Inject
    RateLimits limits;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    private volatile SharedWindow perDay;

    /**
     * An analysis as its submitter and the deposit's owner see it.
     *
     * @param original the outcome on the original: the released result or the rule it broke
     * @param twin the same analysis on the twin, as computed
     * @param failure why it could not run, or null
     */
    public record View(
            String id,
            String dataset,
            int version,
            String landingPage,
            String table,
            Analysis analysis,
            String state,
            Instant submittedAt,
            Instant finishedAt,
            Outcome original,
            Outcome twin,
            String failure) {}

    /** The analyses as views. */
    public List<View> views(List<VerifiedAnalysis> analyses) {
        return analyses.stream()
                .map(a -> new View(
                        a.id().toString(),
                        a.datasetId().toString(),
                        a.versionNumber(),
                        PublicDatasets.versionPage(a.datasetId(), a.versionNumber()),
                        a.tableName(),
                        JSONB.fromJson(a.declared(), Analysis.class),
                        a.state().name(),
                        a.submittedAt(),
                        a.finishedAt(),
                        a.originalOutcome() == null ? null : JSONB.fromJson(a.originalOutcome(), Outcome.class),
                        a.twinOutcome() == null ? null : JSONB.fromJson(a.twinOutcome(), Outcome.class),
                        a.failureReason()))
                .toList();
    }

    /**
     * {@code reader} submits {@code analysis} of {@code table} in the dataset's version {@code
     * number} (null: the latest). 404/410 for a dataset not or no longer public, 403 while its
     * files are embargoed; 409 when its depositor allows no analyses, its input was erased, or
     * its budget is spent; 422 naming where the declaration does not fit the table; 429 past the
     * reader's daily limit.
     */
    @Transactional
    public VerifiedAnalysis submit(
            Credential reader, String datasetId, String number, String table, Analysis analysis, String from) {
        PublicDatasets.PublicVersion p =
                number == null ? datasets.published(datasetId) : datasets.published(datasetId, number);
        UUID depositId = datasets.depositOf(p.version().id());
        if (table == null) {
            throw invalid("$.table", "name the table (its CSV file, as the landing page lists it)");
        }
        Optional<Distribution> file = p.files().stream()
                .filter(f -> f.tableName() != null && f.fileName().equals(table) && "text/csv".equals(f.mediaType()))
                .findFirst();
        if (file.isEmpty()) {
            throw invalid(
                    "$.table",
                    "the version has no table '" + table + "'; its tables: "
                            + p.files().stream()
                                    .filter(f -> f.tableName() != null && "text/csv".equals(f.mediaType()))
                                    .map(Distribution::fileName)
                                    .collect(Collectors.joining(", ")));
        }
        p.requireOpen(table);
        // the terms' row, locked, orders concurrent submissions against the budget
        AnalysisTerms terms = em.find(AnalysisTerms.class, depositId, LockModeType.PESSIMISTIC_WRITE);
        if (terms == null) {
            throw ProblemException.conflict(
                    "the depositor of this dataset allows no verified analyses of its original");
        }
        if (originals.inputErased(depositId)) {
            throw ProblemException.conflict(
                    "the original was erased at its depositor's request: it answers no analyses");
        }
        Analyses.Bound bound;
        try {
            CsvwTable declared = schema(depositId, table);
            bound = Analyses.bind(analysis, TableSchemas.resolve(declared, TableSchemas.declaredSpec(declared, table)));
        } catch (AnalysisProblem e) {
            throw ProblemException.invalidField(
                    "invalid-analysis",
                    "Invalid analysis",
                    "$.analysis" + e.path().substring(1),
                    e.getMessage());
        }
        long spent = em.createQuery(
                        "SELECT count(a) FROM VerifiedAnalysis a WHERE a.datasetId = :d AND a.state <> :failed",
                        Long.class)
                .setParameter("d", p.datasetId())
                .setParameter("failed", VerifiedAnalysis.State.FAILED)
                .getSingleResult();
        if (spent >= terms.budget()) {
            throw new ProblemException(
                    409,
                    "analysis-budget-spent",
                    "Budget spent",
                    "the original of this dataset has answered all " + terms.budget()
                            + " analyses its depositor allows");
        }
        Instant now = clock.now();
        Instant blocked = limits.tryRecord(perDay(), reader.account().id().toString(), now);
        if (blocked != null) {
            throw ProblemException.tooMany(
                    "too-many-analyses",
                    "at most " + Setting.ANALYSES_MAX_PER_DAY.getInt() + " verified analyses a day",
                    now,
                    blocked);
        }
        VerifiedAnalysis made = new VerifiedAnalysis(
                depositId,
                p.datasetId(),
                p.number(),
                reader.account().id(),
                table,
                JSONB.toJson(bound.analysis()),
                now);
        em.persist(made);
        audit.record(
                reader.account().id(),
                "deposit.analysis-submit",
                "deposit",
                depositId.toString(),
                "analysis " + made.id() + " by account " + reader.account().id() + ": " + analysis.kind() + " of "
                        + table,
                from);
        return made;
    }

    /** The caller's own analyses, newest first. */
    @Transactional
    public List<VerifiedAnalysis> mine(Credential caller) {
        return em.createQuery(
                        "SELECT a FROM VerifiedAnalysis a WHERE a.requesterId = :me ORDER BY a.submittedAt DESC",
                        VerifiedAnalysis.class)
                .setParameter("me", caller.account().id())
                .setMaxResults(500)
                .getResultList();
    }

    /** The analyses of a deposit's original, for whoever may read the deposit (404 otherwise). */
    @Transactional
    public List<VerifiedAnalysis> ofDeposit(Credential caller, UUID depositId) {
        access.deposit(caller, depositId, DepositAccess.Need.READ, LockModeType.NONE);
        return em.createQuery(
                        "SELECT a FROM VerifiedAnalysis a WHERE a.depositId = :d ORDER BY a.submittedAt DESC",
                        VerifiedAnalysis.class)
                .setParameter("d", depositId)
                .setMaxResults(500)
                .getResultList();
    }

    /** The caller's own analysis, or one of a deposit the caller may read; 404 otherwise. */
    @Transactional
    public VerifiedAnalysis get(Credential caller, UUID id) {
        VerifiedAnalysis a = em.find(VerifiedAnalysis.class, id);
        if (a != null && a.requesterId().equals(caller.account().id())) {
            return a;
        }
        if (a != null) {
            try {
                access.deposit(caller, a.depositId(), DepositAccess.Need.READ, LockModeType.NONE);
                return a;
            } catch (ProblemException notTheirs) {
                // as if it were not there
            }
        }
        throw ProblemException.notFound("analysis " + id);
    }

    // ---- the worker's side

    /** An analysis a worker holds: which, and which attempt (its lease is the pair with the worker). */
    record Claim(UUID id, int attempt, String worker) {}

    /** What a worker reads to run an analysis. */
    record Inputs(
            VerifiedAnalysis analysis,
            DepositFile original,
            Distribution twin,
            AnalysisTerms terms,
            boolean erased,
            boolean underDifferentialPrivacy) {}

    /**
     * Claims the oldest queued analysis, or one whose worker's lease ran out, for {@code worker};
     * analyses whose workers kept dying are failed on the way.
     */
    @Transactional
    public Optional<Claim> claim(String worker, Duration lease) {
        em.createNativeQuery("UPDATE verified_analysis SET state = 'FAILED', finished_at = now(), lease_owner = NULL,"
                        + " lease_until = NULL, failure_reason = 'the worker stopped during every attempt'"
                        + " WHERE state = 'RUNNING' AND lease_until < now() AND attempts >= ?1")
                .setParameter(1, MAX_ATTEMPTS)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = em.createNativeQuery(
                        "UPDATE verified_analysis SET state = 'RUNNING', attempts = attempts + 1, lease_owner = ?1,"
                                + " lease_until = now() + make_interval(secs => ?2)"
                                + " WHERE id = (SELECT id FROM verified_analysis"
                                + "   WHERE state = 'QUEUED' OR (state = 'RUNNING' AND lease_until < now())"
                                + "   ORDER BY submitted_at FOR UPDATE SKIP LOCKED LIMIT 1)"
                                + " RETURNING CAST(id AS varchar), attempts")
                .setParameter(1, worker)
                .setParameter(2, lease.toMillis() / 1000.0)
                .getResultList();
        return claimed.stream()
                .findFirst()
                .map(row -> new Claim(UUID.fromString((String) row[0]), ((Number) row[1]).intValue(), worker));
    }

    /** What the claimed analysis needs, read in one transaction before the work. */
    @Transactional
    public Inputs inputs(Claim claim) {
        VerifiedAnalysis a = em.find(VerifiedAnalysis.class, claim.id());
        DepositFile original = depositFile(a.depositId(), a.tableName()).orElse(null);
        // a withdrawn dataset's twin is no longer published: nothing to compare with, nothing to run
        Distribution twin = datasets.withdrawal(a.datasetId()).isPresent()
                ? null
                : datasets.published(a.datasetId().toString(), Integer.toString(a.versionNumber())).files().stream()
                        .filter(f -> f.fileName().equals(a.tableName()) && "text/csv".equals(f.mediaType()))
                        .findFirst()
                        .orElse(null);
        return new Inputs(
                a,
                original,
                twin,
                em.find(AnalysisTerms.class, a.depositId()),
                originals.inputErased(a.depositId()),
                analysisTerms.madeUnderDifferentialPrivacy(a.depositId()));
    }

    /**
     * Records the outcome (released or refused) while the lease holds; false (nothing changed)
     * when another worker took the analysis over.
     */
    @Transactional
    public boolean finish(Claim claim, Outcome original, Outcome twin) {
        boolean released = original.isReleased();
        int updated = em.createNativeQuery("UPDATE verified_analysis SET state = ?1, rule = ?2, original_outcome = ?3,"
                        + " twin_outcome = ?4, finished_at = now(), lease_owner = NULL, lease_until = NULL"
                        + " WHERE id = ?5 AND lease_owner = ?6 AND attempts = ?7 AND state = 'RUNNING'")
                .setParameter(1, released ? "RELEASED" : "REFUSED")
                .setParameter(2, original.rule())
                .setParameter(3, JSONB.toJson(original))
                .setParameter(4, JSONB.toJson(twin))
                .setParameter(5, claim.id())
                .setParameter(6, claim.worker())
                .setParameter(7, claim.attempt())
                .executeUpdate();
        if (updated == 1) {
            VerifiedAnalysis a = em.find(VerifiedAnalysis.class, claim.id());
            audit.record(
                    null,
                    released ? "deposit.analysis-released" : "deposit.analysis-refused",
                    "deposit",
                    a.depositId().toString(),
                    "analysis " + a.id() + " by account " + a.requesterId()
                            + (released ? "" : ": rule " + original.rule()),
                    null);
        }
        return updated == 1;
    }

    /** Fails the analysis for good, saying why in words that name no value of the data. */
    @Transactional
    public boolean fail(Claim claim, String reason) {
        int updated = em.createNativeQuery("UPDATE verified_analysis SET state = 'FAILED', failure_reason = ?1,"
                        + " finished_at = now(), lease_owner = NULL, lease_until = NULL"
                        + " WHERE id = ?2 AND lease_owner = ?3 AND attempts = ?4 AND state = 'RUNNING'")
                .setParameter(1, reason)
                .setParameter(2, claim.id())
                .setParameter(3, claim.worker())
                .setParameter(4, claim.attempt())
                .executeUpdate();
        if (updated == 1) {
            VerifiedAnalysis a = em.find(VerifiedAnalysis.class, claim.id());
            audit.record(
                    null,
                    "deposit.analysis-failed",
                    "deposit",
                    a.depositId().toString(),
                    "analysis " + a.id() + ": " + reason,
                    null);
        }
        return updated == 1;
    }

    /** The deposited file the table {@code name} was made from. */
    private Optional<DepositFile> depositFile(UUID depositId, String name) {
        return em.createQuery(
                        "SELECT f FROM DepositFile f WHERE f.deposit.id = :d AND f.fileName = :name", DepositFile.class)
                .setParameter("d", depositId)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    private CsvwTable schema(UUID depositId, String table) {
        DepositFile file = depositFile(depositId, table)
                .orElseThrow(() -> ProblemException.conflict("the original of this table is no longer held"));
        try {
            return CsvwJson.readTable(file.tableSchema());
        } catch (CsvwProblem e) {
            throw new IllegalStateException("the stored schema of a published table does not read", e);
        }
    }

    private SharedWindow perDay() {
        if (perDay == null) {
            synchronized (this) {
                if (perDay == null) {
                    perDay = new SharedWindow(
                            "verified-analyses", Setting.ANALYSES_MAX_PER_DAY.getInt(), Duration.ofDays(1));
                }
            }
        }
        return perDay;
    }

    private static ProblemException invalid(String path, String message) {
        return ProblemException.invalidField("invalid-analysis", "Invalid analysis", path, message);
    }
}
