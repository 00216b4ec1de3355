package org.facsimile.synth.argn;

/**
 * The network's size and how long it trains. The defaults suit tables of thousands to millions
 * of rows and tens of columns on a few CPU cores.
 *
 * @param embedding numbers per token embedding
 * @param hidden units per predictor layer
 * @param maxTokens the most tokens a continuous column is cut into (quantile bins)
 * @param maxEpochs the most passes over the training rows (a run plans for fewer where its epochs
 *     are long: {@link ArgnTrainer#plannedEpochs})
 * @param maxSeconds training stops before an epoch that would end past this many seconds
 * @param learningRate AdamW's learning rate at the first step, from which it falls along a
 *     cosine to 0 at the last planned one
 * @param weightDecay AdamW's decoupled weight decay
 * @param stopPatience epochs without validation gain before training stops (epochs of up to 64
 *     steps; tables whose epochs take more steps wait proportionally fewer epochs, at least two)
 * @param dropout the share of hidden units dropped in each training step (0 = none)
 * @param sized the embedding, hidden size and dropout are chosen by {@link #sizedFor} from the
 *     table's rows, as TabularARGN picks a model size; false: they are used as given
 */
public record ArgnOptions(
        int embedding,
        int hidden,
        int maxTokens,
        int maxEpochs,
        double maxSeconds,
        float learningRate,
        float weightDecay,
        int stopPatience,
        float dropout,
        boolean sized) {

    public ArgnOptions {
        if (embedding < 1 || hidden < 1 || maxTokens < 2 || maxEpochs < 1 || maxSeconds <= 0) {
            throw new IllegalArgumentException("network sizes, tokens, epochs and time must be positive");
        }
        if (stopPatience < 1) {
            throw new IllegalArgumentException("patience must be at least one epoch");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1)");
        }
    }

    /** Options used as given, without dropout. */
    public ArgnOptions(
            int embedding,
            int hidden,
            int maxTokens,
            int maxEpochs,
            double maxSeconds,
            float learningRate,
            float weightDecay,
            int stopPatience) {
        this(embedding, hidden, maxTokens, maxEpochs, maxSeconds, learningRate, weightDecay, stopPatience, 0, false);
    }

    /** The engine's defaults: the network's size follows the table ({@link #sizedFor}). */
    public static ArgnOptions defaults() {
        return new ArgnOptions(12, 128, 16, 100, 600, 4e-3f, 1e-4f, 6, 0, true);
    }

    /**
     * Rows below which a table counts as small (a smaller network, more dropout), medium, or
     * large (the full network, no dropout): a network that can memorise a 300-row table copies it,
     * and one too small for 50,000 rows blurs it.
     */
    static final int SMALL_ROWS = 2_000;

    static final int MEDIUM_ROWS = 10_000;
    static final int LARGE_ROWS = 20_000;

    /** These options for a table of {@code rows} training rows, when they are {@link #sized}. */
    public ArgnOptions sizedFor(int rows) {
        if (!sized) {
            return this;
        }
        if (rows < SMALL_ROWS) {
            return resized(8, 48, 0.25f);
        }
        if (rows < MEDIUM_ROWS) {
            return resized(10, 96, 0.15f);
        }
        if (rows < LARGE_ROWS) {
            return resized(12, 128, 0.1f);
        }
        return resized(embedding, hidden, dropout);
    }

    private ArgnOptions resized(int embedding, int hidden, float dropout) {
        return new ArgnOptions(
                embedding,
                hidden,
                maxTokens,
                maxEpochs,
                maxSeconds,
                learningRate,
                weightDecay,
                stopPatience,
                dropout,
                false);
    }

    /** The same options with another training time budget. */
    public ArgnOptions withMaxSeconds(double seconds) {
        return new ArgnOptions(
                embedding,
                hidden,
                maxTokens,
                maxEpochs,
                seconds,
                learningRate,
                weightDecay,
                stopPatience,
                dropout,
                sized);
    }

    /** The same options with another epoch limit. */
    public ArgnOptions withMaxEpochs(int epochs) {
        return new ArgnOptions(
                embedding,
                hidden,
                maxTokens,
                epochs,
                maxSeconds,
                learningRate,
                weightDecay,
                stopPatience,
                dropout,
                sized);
    }
}
