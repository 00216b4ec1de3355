package org.facsimile.web.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.facsimile.synth.analysis.Analyses;
import org.facsimile.synth.analysis.Analysis;
import org.facsimile.synth.analysis.AnalysisProblem;
import org.facsimile.synth.analysis.Disclosure;
import org.facsimile.synth.analysis.Outcome;
import org.facsimile.synth.table.CsvInspection;
import org.facsimile.synth.table.CsvProblem;
import org.facsimile.synth.table.CsvTables;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.facsimile.vocab.csvw.CsvwJson;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.web.deposit.AnalysisTerms;
import org.facsimile.web.platform.BackgroundDuties;
import org.facsimile.web.platform.NodeLifecycle;
import org.facsimile.web.platform.Redacted;
import org.facsimile.web.platform.Setting;
import org.facsimile.web.schema.TableSchemas;
import org.facsimile.web.storage.BlobStore;
import org.facsimile.web.storage.BlobStore.Area;

/**
 * Runs verified analyses on worker nodes ({@code facsimile.worker.threads} above 0; a web-only
 * node runs none): claims the oldest queued one, reads the original from the private area and the
 * twin from the public one, runs the analysis on both, and records the outcome. The original is
 * read into memory here and dropped with the run; nothing of it is written anywhere but what the
 * disclosure rules released. A node that dies mid-run leaves its lease to run out; another worker
 * takes the analysis over (at most {@link VerifiedAnalyses#MAX_ATTEMPTS} attempts).
 */
@ApplicationScoped
public class AnalysisRunner {

    private static final Logger LOG = Logger.getLogger(AnalysisRunner.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();
    /** How long a run may take before another worker may take it over: far beyond any analysis. */
    static final Duration LEASE = Duration.ofMinutes(10);

    /** Noise an attacker cannot replay: each run's Laplace draws are new. */
    private static final SecureRandom NOISE = new SecureRandom();

    @Inject
    BackgroundDuties duties;

    @Inject
    VerifiedAnalyses analyses;

    @Inject
    BlobStore blobs;

    private final String name = "analyses/" + UUID.randomUUID().toString().substring(0, 8);
    private ScheduledExecutorService scheduler;

    synchronized void begin(@Observes NodeLifecycle.DutiesBegin begin) {
        if (Setting.WORKER_THREADS.getInt() <= 0) {
            return;
        }
        long poll = Setting.WORKER_POLL_MILLIS.getLong();
        scheduler = duties.scheduler("verified-analyses", 1);
        scheduler.scheduleWithFixedDelay(
                BackgroundDuties.guarded("verified analyses", () -> {
                    while (!Thread.currentThread().isInterrupted() && runOne()) {
                        // the next one at once while there are any
                    }
                }),
                poll,
                poll,
                TimeUnit.MILLISECONDS);
    }

    synchronized void end(@Observes NodeLifecycle.DutiesEnd end) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Claims and runs one analysis; false when none was waiting. */
    boolean runOne() {
        Optional<VerifiedAnalyses.Claim> next = analyses.claim(name, LEASE);
        if (next.isEmpty()) {
            return false;
        }
        VerifiedAnalyses.Claim claim = next.get();
        try {
            VerifiedAnalyses.Inputs in = analyses.inputs(claim);
            String unavailable = unavailable(in);
            if (unavailable != null) {
                analyses.fail(claim, unavailable);
                return true;
            }
            CsvwTable declared = CsvwJson.readTable(in.original().tableSchema());
            String file = in.original().fileName();
            CsvInspection inspection;
            try (InputStream stream = blobs.open(Area.PRIVATE, in.original().storageKey())) {
                inspection = CsvTables.inspect(stream, file, StandardCharsets.UTF_8);
            }
            TableSpec spec = TableSchemas.resolve(declared, inspection.spec());
            Analyses.Bound bound = Analyses.bind(JSONB.fromJson(in.analysis().declared(), Analysis.class), spec);
            Table original = read(Area.PRIVATE, in.original().storageKey(), file, spec);
            Table twin = read(Area.PUBLIC, in.twin().storageKey(), file, spec);
            AnalysisTerms terms = in.terms();
            Disclosure rules = Disclosure.withMinimumCell(terms.minCell(), terms.epsilon());
            Outcome onOriginal = bound.onOriginal(original, rules, twin, NOISE);
            Outcome onTwin = bound.onTwin(twin);
            if (!analyses.finish(claim, onOriginal, onTwin)) {
                LOG.info("analysis " + claim.id() + " attempt " + claim.attempt()
                        + " finished after its lease was lost; outcome discarded");
            }
        } catch (AnalysisProblem e) {
            // the schema the worker inferred (keys, free text) is stricter than the declared one
            analyses.fail(claim, "the analysis does not fit the table: " + e.getMessage() + " (at " + e.path() + ")");
        } catch (Exception | Error e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "analysis " + claim.id() + " failed, incident " + incident, Redacted.of(e));
            analyses.fail(claim, "the analysis failed unexpectedly (incident " + incident + ")");
        }
        return true;
    }

    /** Why the analysis cannot run any more, or null when it can. */
    private static String unavailable(VerifiedAnalyses.Inputs in) {
        if (in.terms() == null) {
            return "the depositor no longer allows verified analyses of this original";
        }
        if (in.original() == null || in.erased()) {
            return "the original was erased at its depositor's request";
        }
        if (in.twin() == null) {
            return "the dataset was withdrawn";
        }
        if (in.underDifferentialPrivacy() && in.terms().epsilon() == null) {
            return "the twin was made under differential privacy and its depositor's terms set no epsilon for analyses";
        }
        return null;
    }

    private Table read(Area area, String key, String file, TableSpec spec) throws IOException, CsvProblem {
        try (InputStream stream = blobs.open(area, key)) {
            return CsvTables.read(stream, file, spec);
        }
    }
}
