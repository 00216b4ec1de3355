package org.facsimile.synth.argn;

import java.util.Random;
import org.facsimile.synth.columns.CodeMarginal;

/**
 * A code column as one token per character position (the code's end among them), so the network
 * learns which characters follow which, and which codes go with which values of the other columns.
 */
final class CharCodec implements ColumnCodec {

    private final CodeMarginal marginal;
    private final int[] vocab;

    CharCodec(CodeMarginal marginal) {
        this.marginal = marginal;
        this.vocab = marginal.vocab();
    }

    @Override
    public int[] vocab() {
        return vocab.clone();
    }

    @Override
    public void encode(String value, Random random, int[] out, int offset) {
        marginal.encode(value, out, offset);
    }

    @Override
    public String decode(int[] tokens, int offset, Random random) {
        return marginal.decode(tokens, offset);
    }
}
