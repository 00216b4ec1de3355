package org.facsimile.web.synthesis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.facsimile.synth.Conditions;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.Synthesizer;
import org.facsimile.synth.TableSynthesis;
import org.facsimile.synth.report.HtmlReport;
import org.facsimile.synth.report.JsonReport;
import org.facsimile.synth.table.CsvInspection;
import org.facsimile.synth.table.CsvProblem;
import org.facsimile.synth.table.CsvTables;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.facsimile.vocab.csvw.CsvwJson;
import org.facsimile.vocab.csvw.CsvwProblem;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.web.deposit.DepositTables;
import org.facsimile.web.storage.BlobStore;
import org.facsimile.web.storage.BlobStore.Area;

/**
 * What a synthesis job does: read each deposited table from the private area, profile it
 * (honouring the declared schema), synthesize it, and write the synthetic tables and the report
 * to the private area under the job's attempt. Nothing becomes public here.
 */
@ApplicationScoped
public class SynthesisJobHandler implements SynthesisWorker.JobHandler {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    BlobStore blobs;

    /** The file name of the HTML report in a job's folder. */
    public static final String REPORT_PAGE = "report.html";

    /** A deposited table as the job needs it. */
    public record InputTable(String fileName, String storageKey, String tableSchema) {}

    /** What a job reads of its deposit, all in one transaction before the long work starts. */
    public record Input(String title, List<InputTable> tables) {}

    @Transactional
    public Input input(UUID depositId) {
        String title = em.find(org.facsimile.web.deposit.Deposit.class, depositId)
                .metadata()
                .title();
        List<InputTable> tables = em
                .createQuery(
                        "SELECT f FROM DepositFile f WHERE f.deposit.id = :d ORDER BY f.fileName",
                        org.facsimile.web.deposit.DepositFile.class)
                .setParameter("d", depositId)
                .getResultList()
                .stream()
                .map(f -> new InputTable(f.fileName(), f.storageKey(), f.tableSchema()))
                .toList();
        return new Input(title, tables);
    }

    @Override
    public SynthesisWorker.Outcome run(JobQueue.Claim claim, SynthesisWorker.Progress progress) throws Exception {
        JobSettings chosen = JSONB.fromJson(claim.settings(), JobSettings.class);
        SynthesisSettings settings;
        Synthesizer synthesizer;
        try {
            settings = chosen.engine();
            synthesizer = chosen.newSynthesizer();
        } catch (IllegalArgumentException e) {
            throw new SynthesisWorker.JobFailure("invalid settings: " + e.getMessage(), e);
        }
        TableSynthesis synthesis = new TableSynthesis(synthesizer);
        String folder = "jobs/" + claim.jobId() + "/attempt-" + claim.attempt();
        List<TableSynthesis.Report> reports = new ArrayList<>();
        Input job = input(claim.depositId());
        for (InputTable input : job.tables()) {
            TableSpec spec;
            Table table;
            List<String> constraints;
            try {
                CsvInspection inspection;
                try (InputStream in = blobs.open(Area.PRIVATE, input.storageKey())) {
                    inspection = CsvTables.inspect(in, input.fileName(), java.nio.charset.StandardCharsets.UTF_8);
                }
                CsvwTable declared = CsvwJson.read(input.tableSchema()).get(0);
                Optional<DepositTables.Refusal> refusal = DepositTables.refusal(input.fileName(), declared, inspection);
                if (refusal.isPresent()) {
                    throw new SynthesisWorker.JobFailure(refusal.get().detail(), null);
                }
                spec = DepositTables.resolve(declared, inspection.spec());
                constraints = declared.constraints();
                try (InputStream in = blobs.open(Area.PRIVATE, input.storageKey())) {
                    table = CsvTables.read(in, input.fileName(), spec);
                }
            } catch (CsvProblem | CsvwProblem e) {
                throw new SynthesisWorker.JobFailure(input.fileName() + ": " + e.getMessage(), e);
            }
            TableSynthesis.Report[] report = new TableSynthesis.Report[1];
            TableSpec outputSpec = spec;
            List<String> rules = constraints;
            Conditions conditions = chosen.conditions() != null
                            && (chosen.conditions().table() == null
                                    || chosen.conditions().table().equals(input.fileName()))
                    ? chosen.conditions().engine()
                    : Conditions.none();
            try {
                blobs.write(Area.PRIVATE, folder + "/" + input.fileName(), out -> {
                    try (CsvTables.RowWriter writer = CsvTables.writer(out, outputSpec)) {
                        report[0] = synthesis.run(
                                table,
                                outputSpec,
                                rules,
                                conditions,
                                settings,
                                (step, message) -> progress.step(JobStep.of(step), input.fileName() + ": " + message),
                                writer);
                    }
                });
            } catch (IllegalArgumentException e) {
                // rules no generated row meets, conditions the profiled columns refuse: the depositor's to change
                throw new SynthesisWorker.JobFailure(input.fileName() + ": " + e.getMessage(), e);
            }
            reports.add(report[0]);
        }
        String reportJson = JsonReport.render(synthesizer.name(), reports);
        blobs.write(
                Area.PRIVATE,
                folder + "/report.json",
                out -> out.write(reportJson.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String reportHtml = HtmlReport.render(job.title(), synthesizer.name(), reports);
        blobs.write(
                Area.PRIVATE,
                folder + "/" + REPORT_PAGE,
                out -> out.write(reportHtml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new SynthesisWorker.Outcome(folder, reportJson);
    }
}
