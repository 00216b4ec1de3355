package org.facsimile.synth.argn;

import java.util.Random;

/**
 * A column with many tokens (a category among thousands, a number among hundreds of values) as
 * two token positions: its token's rank divided by a base, and the remainder. The network's
 * widest output then has about the square root of the column's tokens instead of all of them,
 * which keeps every position's output layer (all as wide as the widest) and the training time in
 * proportion to the data. Tokens are ranked as the column's marginal orders them (categories most
 * common first), so the first position says "one of the commonest", "one of the next", and so on.
 */
final class SplitCodec implements ColumnCodec {

    /** Columns with more tokens than this are split. */
    static final int MAX_TOKENS = 128;

    private final BinCodec bins;
    private final int size;
    private final int base;

    SplitCodec(BinCodec bins) {
        this.bins = bins;
        this.size = bins.size();
        this.base = (int) Math.ceil(Math.sqrt(size));
    }

    /** The codec of a column's bins: split when it has more than {@link #MAX_TOKENS}, else as it is. */
    static ColumnCodec of(BinCodec bins) {
        return bins.size() > MAX_TOKENS ? new SplitCodec(bins) : bins;
    }

    @Override
    public int[] vocab() {
        return new int[] {(size + base - 1) / base, base};
    }

    @Override
    public void encode(String value, Random random, int[] out, int offset) {
        int token = bins.encode(value, random);
        out[offset] = token / base;
        out[offset + 1] = token % base;
    }

    @Override
    public String decode(int[] tokens, int offset, Random random) {
        // the last group may have fewer than base tokens: a remainder past its end is its last token
        return bins.decode(Math.min(size - 1, tokens[offset] * base + tokens[offset + 1]), random);
    }
}
