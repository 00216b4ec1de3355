package org.facsimile.synth.argn;

import java.util.Random;
import org.facsimile.synth.columns.Marginal;

/**
 * One learnt column as one token for the network: a value's token is the bin of the column's
 * protected marginal it falls in (a category, a discrete number, missing, or a quantile bin of a
 * continuous column); a token comes back as a value drawn uniformly within its bin. The network
 * therefore never sees more than the marginal publishes: rare categories are already pooled and
 * tails already clipped.
 */
final class BinCodec implements ColumnCodec {

    private final Marginal marginal;
    private final double[] edges;

    BinCodec(Marginal marginal, int maxTokens) {
        this.marginal = marginal;
        this.edges = marginal.bins(maxTokens);
    }

    /** How many tokens the column has. */
    int size() {
        return edges.length;
    }

    @Override
    public int[] vocab() {
        return new int[] {edges.length};
    }

    @Override
    public void encode(String value, Random random, int[] out, int offset) {
        out[offset] = encode(value, random);
    }

    @Override
    public String decode(int[] tokens, int offset, Random random) {
        return decode(tokens[offset], random);
    }

    int encode(String value, Random random) {
        double u = marginal.toUniform(value, random);
        int lo = 0;
        int hi = edges.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    String decode(int token, Random random) {
        double low = token == 0 ? 0 : edges[token - 1];
        double high = edges[token];
        // strictly inside the bin, so the value is the bin's own
        double u = low + (0.001 + 0.998 * random.nextDouble()) * (high - low);
        return marginal.fromUniform(u, random);
    }
}
