package org.facsimile.web.synthesis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.facsimile.synth.Conditions;
import org.facsimile.synth.RunReport;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.Synthesizer;
import org.facsimile.synth.TableSynthesis;
import org.facsimile.synth.nested.NestedShape;
import org.facsimile.synth.relations.DatasetSynthesis;
import org.facsimile.synth.relations.DatasetTable;
import org.facsimile.synth.relations.ForeignKey;
import org.facsimile.synth.relations.RelationProblem;
import org.facsimile.synth.relations.RelationReport;
import org.facsimile.synth.report.HtmlReport;
import org.facsimile.synth.report.JsonReport;
import org.facsimile.synth.table.CsvInspection;
import org.facsimile.synth.table.CsvProblem;
import org.facsimile.synth.table.CsvTables;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.web.schema.TableSchemas;
import org.facsimile.web.storage.BlobStore;
import org.facsimile.web.storage.BlobStore.Area;
import org.facsimile.web.synthesis.JobInputs.InputTable;

/**
 * What a synthesis job does: read each deposited table from the private area, profile it
 * (honouring the declared schema), synthesize it, and write the synthetic tables and the report
 * to the private area under the job's attempt. Nothing becomes public here.
 */
@ApplicationScoped
public class SynthesisJobHandler implements SynthesisWorker.JobHandler {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    BlobStore blobs;

    @Inject
    JobMetrics metrics;

    /** The file name of the HTML report in a job's folder. */
    public static final String REPORT_PAGE = "report.html";

    @Inject
    JobInputs inputs;

    @Override
    public SynthesisWorker.Outcome run(JobQueue.Claim claim, SynthesisWorker.Progress progress) throws Exception {
        long started = System.nanoTime();
        long[] generated = {0};
        JobSettings chosen = JSONB.fromJson(claim.settings(), JobSettings.class);
        SynthesisSettings settings;
        Synthesizer synthesizer;
        try {
            settings = chosen.engine();
            synthesizer = chosen.newSynthesizer();
        } catch (IllegalArgumentException e) {
            throw new SynthesisWorker.JobFailure("invalid settings: " + e.getMessage(), e);
        }
        String folder = "jobs/" + claim.jobId() + "/attempt-" + claim.attempt();
        JobInputs.Input job = inputs.read(claim.depositId());
        List<RunReport> reports = new ArrayList<>();
        List<RelationReport> relations = List.of();
        if (job.tables().stream().noneMatch(t -> t.refersToAnother() || t.nestedShape() != null || t.asDeposited())) {
            // unrelated tables: one at a time in memory, its rows streamed to storage as they are made
            TableSynthesis synthesis = new TableSynthesis(synthesizer);
            for (InputTable input : job.tables()) {
                reports.add(single(synthesis, read(input), chosen, settings, progress, folder, generated));
            }
        } else {
            // related tables, the tables of a nested document and tables published as deposited are
            // handled together: all in memory
            List<DatasetTable> tables = new ArrayList<>();
            for (InputTable input : job.tables()) {
                tables.add(read(input));
            }
            if (chosen.conditions() != null) {
                throw new SynthesisWorker.JobFailure(
                        "conditional generation (seed rows, rebalancing) cannot yet be combined with related tables",
                        null);
            }
            DatasetSynthesis.Result result;
            try {
                result = new DatasetSynthesis(synthesizer).run(tables, settings, progress.engine(""));
            } catch (RelationProblem e) {
                throw new SynthesisWorker.JobFailure(
                        e.table() + (e.column() == null ? "" : ", column " + e.column()) + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                // constraints no generated row meets: the depositor's to change
                throw new SynthesisWorker.JobFailure(e.getMessage(), e);
            }
            Map<String, List<String[]>> synthetic = new HashMap<>();
            for (int t = 0; t < tables.size(); t++) {
                DatasetTable table = tables.get(t);
                List<String[]> rows = result.tables().get(t).rows();
                generated[0] += rows.size();
                synthetic.put(table.name(), rows);
                blobs.write(Area.PRIVATE, folder + "/" + table.name(), out -> {
                    try (CsvTables.RowWriter writer = CsvTables.writer(out, table.spec())) {
                        rows.forEach(writer);
                    }
                });
            }
            for (InputTable input : job.tables()) {
                NestedShape shape = input.nestedShape();
                if (shape != null) {
                    // the synthetic records in the deposited document's own shape, beside its tables
                    blobs.write(Area.PRIVATE, folder + "/" + shape.document(), out -> shape.write(synthetic, out));
                }
            }
            reports = result.reports();
            relations = result.relations();
        }
        String reportJson = JsonReport.render(synthesizer.name(), reports, relations);
        blobs.write(
                Area.PRIVATE, folder + "/report.json", out -> out.write(reportJson.getBytes(StandardCharsets.UTF_8)));
        String reportHtml = HtmlReport.render(job.title(), synthesizer.name(), reports, relations);
        blobs.write(
                Area.PRIVATE,
                folder + "/" + REPORT_PAGE,
                out -> out.write(reportHtml.getBytes(StandardCharsets.UTF_8)));
        metrics.finished(synthesizer.name(), Duration.ofNanos(System.nanoTime() - started), generated[0]);
        return new SynthesisWorker.Outcome(folder, reportJson);
    }

    /** A deposited table read from the private area and resolved against its declared schema. */
    private DatasetTable read(InputTable input) throws IOException, SynthesisWorker.JobFailure {
        try {
            CsvInspection inspection;
            try (InputStream in = blobs.open(Area.PRIVATE, input.storageKey())) {
                inspection = CsvTables.inspect(in, input.fileName(), StandardCharsets.UTF_8);
            }
            if (input.declared() == null) {
                throw new SynthesisWorker.JobFailure(input.fileName() + ": " + input.unreadable(), null);
            }
            CsvwTable declared = input.declared();
            Optional<TableSchemas.Refusal> refusal = TableSchemas.refusal(input.fileName(), declared, inspection);
            if (refusal.isPresent()) {
                throw new SynthesisWorker.JobFailure(refusal.get().detail(), null);
            }
            TableSpec spec = TableSchemas.resolve(declared, inspection.spec());
            Table table;
            try (InputStream in = blobs.open(Area.PRIVATE, input.storageKey())) {
                table = CsvTables.read(in, input.fileName(), spec);
            }
            List<ForeignKey> keys = declared.foreignKeys().stream()
                    .map(k -> new ForeignKey(k.columns(), k.resource(), k.referencedColumns()))
                    .toList();
            return new DatasetTable(
                    input.fileName(), table, spec, declared.constraints(), keys, declared.publishedAsDeposited());
        } catch (CsvProblem e) {
            throw new SynthesisWorker.JobFailure(input.fileName() + ": " + e.getMessage(), e);
        }
    }

    /** One table without relations: synthesized, its rows streamed to the job's folder and counted. */
    private RunReport single(
            TableSynthesis synthesis,
            DatasetTable table,
            JobSettings chosen,
            SynthesisSettings settings,
            SynthesisWorker.Progress progress,
            String folder,
            long[] generated)
            throws IOException, SynthesisWorker.JobFailure {
        RunReport[] report = new RunReport[1];
        Conditions conditions = chosen.conditions() != null
                        && (chosen.conditions().table() == null
                                || chosen.conditions().table().equals(table.name()))
                ? chosen.conditions().engine()
                : Conditions.none();
        try {
            blobs.write(Area.PRIVATE, folder + "/" + table.name(), out -> {
                try (CsvTables.RowWriter writer = CsvTables.writer(out, table.spec())) {
                    report[0] = synthesis.run(
                            table.table(),
                            table.spec(),
                            table.constraints(),
                            conditions,
                            settings,
                            progress.engine(table.name() + ": "),
                            row -> {
                                generated[0]++;
                                writer.accept(row);
                            });
                }
            });
        } catch (IllegalArgumentException e) {
            // rules no generated row meets, conditions the profiled columns refuse: the depositor's to change
            throw new SynthesisWorker.JobFailure(table.name() + ": " + e.getMessage(), e);
        }
        return report[0];
    }
}
