package org.facsimile.synth.argn;

/**
 * The network's size and how long it trains. The defaults suit tables of thousands to millions
 * of rows and tens of columns on a few CPU cores.
 *
 * @param embedding numbers per token embedding
 * @param hidden units per predictor layer
 * @param maxTokens the most tokens a continuous column is cut into (quantile bins)
 * @param maxEpochs the most passes over the training rows
 * @param maxSeconds training stops before an epoch that would end past this many seconds
 * @param learningRate AdamW's starting learning rate
 * @param weightDecay AdamW's decoupled weight decay
 * @param decayPatience epochs without validation gain before the learning rate halves
 * @param stopPatience epochs without validation gain before training stops
 */
public record ArgnOptions(
        int embedding,
        int hidden,
        int maxTokens,
        int maxEpochs,
        double maxSeconds,
        float learningRate,
        float weightDecay,
        int decayPatience,
        int stopPatience) {

    public ArgnOptions {
        if (embedding < 1 || hidden < 1 || maxTokens < 2 || maxEpochs < 1 || maxSeconds <= 0) {
            throw new IllegalArgumentException("network sizes, tokens, epochs and time must be positive");
        }
        if (decayPatience < 1 || stopPatience < 1) {
            throw new IllegalArgumentException("patience must be at least one epoch");
        }
    }

    public static ArgnOptions defaults() {
        return new ArgnOptions(12, 128, 16, 100, 600, 2e-3f, 1e-4f, 2, 6);
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
                decayPatience,
                stopPatience);
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
                decayPatience,
                stopPatience);
    }
}
