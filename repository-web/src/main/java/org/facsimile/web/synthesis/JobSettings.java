package org.facsimile.web.synthesis;

import java.util.List;
import java.util.Map;
import org.facsimile.synth.Conditions;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.Synthesizer;
import org.facsimile.synth.argn.ArgnSynthesizer;
import org.facsimile.synth.baseline.GaussianCopulaSynthesizer;
import org.facsimile.synth.dp.DifferentialPrivacy;
import org.facsimile.web.platform.Setting;

/**
 * A job's settings as a depositor sends them and as the job row stores them: every field
 * optional, the engine's defaults filling the gaps. A job stored before a field existed still
 * reads.
 *
 * @param synthesizer "argn" (the autoregressive network, default) or "baseline" (Gaussian copula)
 * @param seed seed of every random choice
 * @param sampleRows rows to generate per table; 0 = as many as the input
 * @param holdoutShare share of the input kept back as the quality and privacy reference
 * @param temperature sampling temperature of the network (1 = as learnt)
 * @param topP nucleus sampling share of the network (1 = all values)
 * @param trainingSeconds the network's training time budget
 * @param conditions conditional generation for one table: seed rows or a rebalanced category
 * @param differentialPrivacy a differential-privacy budget, or null for none
 */
public record JobSettings(
        String synthesizer,
        Long seed,
        Long sampleRows,
        Double holdoutShare,
        Double temperature,
        Double topP,
        Double trainingSeconds,
        Conditional conditions,
        Privacy differentialPrivacy) {

    /**
     * A differential-privacy budget as a depositor sends it: epsilon required, the rest defaulted.
     *
     * @param epsilon the whole budget's epsilon
     * @param delta its delta; by default 1e-6
     * @param noiseMultiplier DP-SGD's noise over the clipping norm; by default (0) chosen: 1.0 while
     *     ten epochs fit the budget at it (training goes on while the budget lasts), else the least
     *     noise with which they fit
     * @param clipNorm DP-SGD's per-row clipping norm; by default 1.0
     * @param valueShare the share of the budget spent on value protection; by default 0.1
     */
    public record Privacy(Double epsilon, Double delta, Double noiseMultiplier, Double clipNorm, Double valueShare) {

        /** The default delta: far below one over the rows of any deposit this repository takes. */
        public static final double DEFAULT_DELTA = 1e-6;

        /** The engine's budget. */
        public DifferentialPrivacy engine() {
            if (epsilon == null) {
                throw new IllegalArgumentException("differentialPrivacy needs an epsilon");
            }
            DifferentialPrivacy defaults = DifferentialPrivacy.of(epsilon, DEFAULT_DELTA);
            return new DifferentialPrivacy(
                    epsilon,
                    delta == null ? defaults.delta() : delta,
                    noiseMultiplier == null ? defaults.noiseMultiplier() : noiseMultiplier,
                    clipNorm == null ? defaults.clipNorm() : clipNorm,
                    valueShare == null ? defaults.valueShare() : valueShare);
        }

        /** The same budget with every default written out. */
        Privacy complete() {
            DifferentialPrivacy b = engine();
            return new Privacy(b.epsilon(), b.delta(), b.noiseMultiplier(), b.clipNorm(), b.valueShare());
        }
    }

    /**
     * Rows generated given some values, for one table of the deposit.
     *
     * @param table the table's file name; may be left out when the deposit has one table
     * @param seedRows one synthetic row per entry, with the entry's values (column name to value)
     * @param rebalance a category brought to a share of the rows
     */
    public record Conditional(String table, List<Map<String, String>> seedRows, Rebalance rebalance) {

        /** {@code {"column": "sex", "value": "Female", "share": 0.5}} */
        public record Rebalance(String column, String value, Double share) {}

        /** The engine's conditions. */
        public Conditions engine() {
            return new Conditions(
                    seedRows,
                    rebalance == null
                            ? null
                            : new Conditions.Rebalance(
                                    rebalance.column(),
                                    rebalance.value(),
                                    rebalance.share() == null ? Double.NaN : rebalance.share()));
        }
    }

    /** Settings with nothing chosen: the defaults everywhere. */
    public static JobSettings defaults() {
        return new JobSettings(null, null, null, null, null, null, null, null, null);
    }

    /** The synthesizer when none is chosen. */
    public static final String DEFAULT_SYNTHESIZER = ArgnSynthesizer.NAME;

    /**
     * The most one job may ask for, so that one request cannot hold a worker for ever or fill the
     * store: rows generated per table and seconds of training.
     */
    public record Limits(long maxSampleRows, double maxTrainingSeconds) {

        /** The limits configured for this repository. */
        public static Limits configured() {
            return new Limits(
                    Setting.SYNTHESIS_MAX_SAMPLE_ROWS.getLong(), Setting.SYNTHESIS_MAX_TRAINING_SECONDS.getLong());
        }
    }

    /**
     * These settings with the defaults filled in, checked.
     *
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public JobSettings complete(Limits limits) {
        SynthesisSettings engine = engine();
        if (engine.sampleRows() > limits.maxSampleRows()) {
            throw new IllegalArgumentException("sampleRows must be at most " + limits.maxSampleRows()
                    + " (this repository's limit), was " + engine.sampleRows());
        }
        if (engine.trainingSeconds() > limits.maxTrainingSeconds()) {
            throw new IllegalArgumentException("trainingSeconds must be at most " + (long) limits.maxTrainingSeconds()
                    + " (this repository's limit), was " + engine.trainingSeconds());
        }
        String name = synthesizer == null ? DEFAULT_SYNTHESIZER : synthesizer;
        newSynthesizer(name);
        if (conditions != null && !name.equals(ArgnSynthesizer.NAME)) {
            throw new IllegalArgumentException(
                    "conditional generation (seed rows, rebalancing) needs the argn synthesizer, not " + name);
        }
        if (differentialPrivacy != null && !name.equals(ArgnSynthesizer.NAME)) {
            throw new IllegalArgumentException("differential privacy needs the argn synthesizer, not " + name);
        }
        return new JobSettings(
                name,
                engine.seed(),
                engine.sampleRows(),
                engine.holdoutShare(),
                engine.temperature(),
                engine.topP(),
                engine.trainingSeconds(),
                conditions,
                differentialPrivacy == null ? null : differentialPrivacy.complete());
    }

    /** The engine's settings, defaults where none is given. */
    public SynthesisSettings engine() {
        SynthesisSettings defaults = SynthesisSettings.defaults();
        return new SynthesisSettings(
                seed == null ? defaults.seed() : seed,
                sampleRows == null ? defaults.sampleRows() : sampleRows,
                holdoutShare == null ? defaults.holdoutShare() : holdoutShare,
                temperature == null ? defaults.temperature() : temperature,
                topP == null ? defaults.topP() : topP,
                trainingSeconds == null ? defaults.trainingSeconds() : trainingSeconds,
                differentialPrivacy == null ? null : differentialPrivacy.engine());
    }

    /** The synthesizer and what was chosen of its settings, in words ("argn, seed 42, ..."). */
    public String inWords() {
        StringBuilder words = new StringBuilder(synthesizer == null ? DEFAULT_SYNTHESIZER : synthesizer);
        if (seed != null) {
            words.append(", seed ").append(seed);
        }
        if (conditions != null) {
            words.append(", conditional generation");
        }
        if (differentialPrivacy != null && differentialPrivacy.epsilon() != null) {
            words.append(", differential privacy with epsilon ").append(differentialPrivacy.epsilon());
        }
        return words.toString();
    }

    /** A fresh instance of the chosen synthesizer. */
    public Synthesizer newSynthesizer() {
        return newSynthesizer(synthesizer == null ? DEFAULT_SYNTHESIZER : synthesizer);
    }

    private static Synthesizer newSynthesizer(String name) {
        return switch (name) {
            case ArgnSynthesizer.NAME -> new ArgnSynthesizer();
            case "baseline" -> new GaussianCopulaSynthesizer();
            default -> throw new IllegalArgumentException("synthesizer must be argn or baseline, was " + name);
        };
    }
}
