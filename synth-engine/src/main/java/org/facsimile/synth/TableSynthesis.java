package org.facsimile.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
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

    /** The evaluation of one run: how close to the real data, and how far from the real people. */
    public record Report(QualityReport quality, PrivacyReport privacy) {}

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
        Table[] parts = table.split(settings.holdoutShare(), settings.seed());
        Table training = parts[0];
        Table holdout = parts[1];
        Generator generator = synthesizer.fit(training, spec, settings, progress);

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
                quality.evaluate(spec, training, holdout, synthetic),
                privacy.evaluate(spec, training, holdout, synthetic, settings.seed()));
    }
}
