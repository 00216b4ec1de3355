package org.facsimile.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.facsimile.synth.personal.PersonalColumns;
import org.facsimile.synth.privacy.PrivacyEvaluator;
import org.facsimile.synth.privacy.PrivacyReport;
import org.facsimile.synth.quality.QualityEvaluator;
import org.facsimile.synth.quality.QualityReport;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * One synthesis run over one table: hold out a reference share, fit on the rest, generate,
 * evaluate. The synthetic rows go to a sink as they are made.
 */
public final class TableSynthesis {

    /**
     * The evaluation of one run: how close to the real data, how far from the real people, and how
     * the direct identifiers were replaced (with the check that no real one reached the output).
     */
    public record Report(QualityReport quality, PrivacyReport privacy, List<PersonalColumns.Treated> personal) {

        public Report {
            personal = personal == null ? List.of() : List.copyOf(personal);
        }

        /**
         * Why the run must not be published, if it must not: the privacy measures' reasons, and any
         * direct-identifier column where a real value reached the output.
         */
        public List<String> reasons() {
            List<String> reasons = new ArrayList<>(privacy.reasons());
            for (PersonalColumns.Treated t : personal) {
                if (t.realValuesFound() > 0) {
                    reasons.add("column " + t.column() + " (" + t.kind().description() + "): " + t.realValuesFound()
                            + " synthetic values are real ones");
                }
            }
            return reasons;
        }

        /** Whether the run may be published as far as privacy goes. */
        public boolean passed() {
            return privacy.passed() && reasons().isEmpty();
        }

        /** A run over a table without direct identifiers. */
        public Report(QualityReport quality, PrivacyReport privacy) {
            this(quality, privacy, List.of());
        }
    }

    private final Synthesizer synthesizer;
    private final QualityEvaluator quality = new QualityEvaluator();
    private final PrivacyEvaluator privacy = new PrivacyEvaluator();

    public TableSynthesis(Synthesizer synthesizer) {
        this.synthesizer = Objects.requireNonNull(synthesizer, "synthesizer");
    }

    /**
     * @param table the real rows
     * @param spec the table's columns
     * @param sink receives every synthetic row, in order
     * @return the quality and privacy evaluation of the generated rows
     */
    public Report run(
            Table table,
            TableSpec spec,
            SynthesisSettings settings,
            ProgressListener progress,
            Consumer<String[]> sink) {
        // direct identifiers: repeating ones pseudonymised before anything is learnt, the rest faked
        PersonalColumns.Prepared prepared = PersonalColumns.prepare(table, spec);
        TableSpec learnt = prepared.spec();
        Table[] parts = prepared.table().split(settings.holdoutShare(), settings.seed());
        Table training = parts[0];
        Table holdout = parts[1];
        Generator generator = synthesizer.fit(training, learnt, settings, progress);

        long rows = settings.sampleRows() > 0 ? settings.sampleRows() : table.rowCount();
        progress.stepStarted(Step.GENERATING, "generating " + rows + " rows");
        List<String[]> generated = new ArrayList<>();
        generator.generate(rows, settings.seed() + 1, row -> {
            generated.add(row);
            sink.accept(row);
        });

        progress.stepStarted(Step.EVALUATING, "comparing synthetic and holdout rows with the training rows");
        Table synthetic = new Table(table.name(), table.columns(), generated);
        return new Report(
                quality.evaluate(learnt, training, holdout, synthetic),
                privacy.evaluate(learnt, training, holdout, synthetic, settings.seed()),
                PersonalColumns.check(spec, table, synthetic, prepared.methods()));
    }
}
