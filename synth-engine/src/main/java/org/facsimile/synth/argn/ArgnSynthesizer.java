package org.facsimile.synth.argn;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Random;
import org.facsimile.synth.Generator;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.Step;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.Synthesizer;
import org.facsimile.synth.columns.ColumnModel;
import org.facsimile.synth.dp.DifferentialPrivacy;
import org.facsimile.synth.dp.PrivacySpent;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * The engine's main synthesizer: an autoregressive network over the table's columns in the
 * manner of TabularARGN. Each column is profiled into a protected marginal (shared with the
 * baseline), cut into tokens, and the network learns every column's distribution given any
 * subset of the others; generation draws column by column. Identifiers, free text and constant
 * columns are not learnt.
 */
public final class ArgnSynthesizer implements Synthesizer {

    /** The name recorded with runs and model files. */
    public static final String NAME = "argn";

    private final ArgnOptions options;

    public ArgnSynthesizer() {
        this(ArgnOptions.defaults());
    }

    public ArgnSynthesizer(ArgnOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Generator fit(Table table, TableSpec spec, SynthesisSettings settings, ProgressListener progress) {
        return fit(table, spec, 0, null, settings, progress);
    }

    @Override
    public Generator fitGiven(
            Table table,
            TableSpec spec,
            int given,
            int[] groups,
            SynthesisSettings settings,
            ProgressListener progress) {
        if (given < 0 || given > table.columnCount()) {
            throw new IllegalArgumentException("given columns out of range: " + given);
        }
        if (groups != null && groups.length != table.rowCount()) {
            throw new IllegalArgumentException("one group per row: " + groups.length + " for " + table.rowCount());
        }
        return fit(table, spec, given, groups, settings, progress);
    }

    private Generator fit(
            Table table,
            TableSpec spec,
            int givenColumns,
            int[] groups,
            SynthesisSettings settings,
            ProgressListener progress) {
        DifferentialPrivacy budget = settings.privacy();
        progress.stepStarted(
                Step.PROFILING, "profiling " + table.columnCount() + " columns of " + table.rowCount() + " rows");
        ColumnModel[] columns = budget == null
                ? ColumnModel.fitAll(table, spec, settings.seed())
                : ColumnModel.fitAllPrivate(table, spec, budget);
        int[] learnt = ColumnModel.jointlyLearnt(columns);
        ColumnCodec[] codecs = ArgnGenerator.codecs(columns, learnt, options.maxTokens());
        int[] vocab = ArgnGenerator.vocab(codecs);
        int[] positions = ArgnGenerator.positions(codecs);
        Random random = new Random(settings.seed());
        int n = table.rowCount();
        int[][] tokens = new int[n][vocab.length];
        for (int r = 0; r < n; r++) {
            String[] row = table.row(r);
            for (int j = 0; j < learnt.length; j++) {
                codecs[j].encode(row[learnt[j]], random, tokens[r], positions[j]);
            }
        }

        ArgnNetwork network = null;
        PrivacySpent spent = null;
        ArgnOptions limited =
                options.sizedFor(n).withMaxSeconds(Math.min(options.maxSeconds(), settings.trainingSeconds()));
        boolean[] given = null;
        if (givenColumns > 0) {
            given = new boolean[vocab.length];
            for (int j = 0; j < learnt.length && learnt[j] < givenColumns; j++) {
                for (int k = 0; k < codecs[j].vocab().length; k++) {
                    given[positions[j] + k] = true;
                }
            }
        }
        if (vocab.length > 0) {
            progress.stepStarted(
                    Step.TRAINING,
                    String.format(
                            Locale.ROOT,
                            "training the network%s over %d columns (%d token positions, %d tokens) on %,d rows",
                            budget == null ? "" : " with DP-SGD",
                            learnt.length,
                            vocab.length,
                            java.util.Arrays.stream(vocab).sum(),
                            n));
            if (budget == null) {
                ArgnTrainer.Result result =
                        new ArgnTrainer(limited).train(tokens, vocab, given, groups, settings.seed(), progress);
                progress.stepStarted(
                        Step.TRAINING,
                        String.format(
                                Locale.ROOT,
                                "trained %d epochs (%s); validation loss %.4f, %.4f in the generation order",
                                result.epochs(),
                                result.stopReason(),
                                result.validationLoss(),
                                result.orderLoss()));
                // a child's network draws given the parent's columns, whose shares it does not
                // model; calibrating it without them would move its conditionals, so it is not.
                // The training rows' shares are trusted as far as their number allows.
                network = given == null
                        ? MarginalCalibration.calibrated(
                                result.network(),
                                MarginalCalibration.tokenShares(tokens, vocab),
                                n / (n + MarginalCalibration.TRUSTED_ROWS),
                                null,
                                random)
                        : result.network();
            } else {
                DpTrainer.Result result = new DpTrainer(limited, budget)
                        .train(
                                tokens,
                                vocab,
                                given,
                                MarginalCalibration.tokenShares(columns, learnt, codecs, random),
                                settings.seed(),
                                progress);
                spent = new PrivacySpent(
                        result.epsilon(),
                        budget.delta(),
                        result.trainingEpsilon(),
                        budget.valuesAlone(),
                        budget.valueNoise(ColumnModel.privateCounts(columns)),
                        budget,
                        result.noiseMultiplier(),
                        result.steps(),
                        result.epochs(),
                        result.samplingRate(),
                        result.stopReason());
                progress.stepStarted(
                        Step.TRAINING,
                        String.format(
                                Locale.ROOT,
                                "trained %d DP-SGD steps, %.1f epochs (%s); epsilon %.3f at delta %.1e",
                                result.steps(),
                                result.epochs(),
                                result.stopReason(),
                                spent.epsilon(),
                                spent.delta()));
                network = result.network();
            }
        } else if (budget != null) {
            spent = new PrivacySpent(
                    budget.valuesAlone(),
                    budget.delta(),
                    0,
                    budget.valuesAlone(),
                    budget.valueNoise(Math.max(1, ColumnModel.privateCounts(columns))),
                    budget,
                    0,
                    0,
                    0,
                    0,
                    "nothing to train");
        }
        return new ArgnGenerator(columns, options.maxTokens(), network, settings.temperature(), settings.topP())
                .spent(spent);
    }

    @Override
    public Generator read(InputStream in) throws IOException {
        return ArgnGenerator.read(in);
    }
}
