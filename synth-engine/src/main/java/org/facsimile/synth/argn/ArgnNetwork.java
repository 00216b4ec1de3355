package org.facsimile.synth.argn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

/**
 * The parameters of the autoregressive network, independent of any engine: plain float arrays
 * that a model file stores and {@link ArgnTrainer} and {@link ArgnSampler} load into PyTorch.
 *
 * <p>Shape: every learnt column {@code c} has {@code vocab[c]} tokens and an embedding of
 * {@code widths[c]} numbers per token (at most {@code embedding}: a yes/no column needs fewer
 * than one of forty categories; the embedding table is {@code embedding} wide and a column uses
 * its first {@code widths[c]}). The predictor of column {@code i} sees the concatenated
 * embeddings of the columns that come before it in the current column order (the others are
 * masked to zero) and the order mask itself, and maps them through two layers of {@code hidden}
 * units (the second residual) to logits over column {@code i}'s tokens. All columns' predictors
 * are stacked so one batched matrix product serves them all.
 */
final class ArgnNetwork {

    static final int EMB = 0;
    static final int W1 = 1;
    static final int WM = 2;
    static final int B1 = 3;
    static final int W2 = 4;
    static final int B2 = 5;
    static final int W3 = 6;
    static final int B3 = 7;
    static final String[] NAMES = {"emb", "w1", "wm", "b1", "w2", "b2", "w3", "b3"};

    /** Larger sizes mean a corrupt or hostile file, not a model. */
    private static final int MAX_SIZE = 1 << 16;

    final int[] vocab;
    final int embedding;
    /** Embedding numbers each column uses, at most {@link #embedding}. */
    final int[] widths;

    final int hidden;
    final float[][] parameters;
    /** The column order generation follows: the one the network models the table best in. */
    final int[] order;

    ArgnNetwork(int[] vocab, int embedding, int[] widths, int hidden, float[][] parameters) {
        this(vocab, embedding, widths, hidden, parameters, identity(vocab.length));
    }

    ArgnNetwork(int[] vocab, int embedding, int[] widths, int hidden, float[][] parameters, int[] order) {
        this.vocab = vocab.clone();
        this.embedding = embedding;
        this.widths = widths.clone();
        if (widths.length != vocab.length || Arrays.stream(widths).anyMatch(w -> w < 1 || w > embedding)) {
            throw new IllegalArgumentException("every column uses 1 to " + embedding + " embedding numbers");
        }
        this.hidden = hidden;
        this.parameters = parameters;
        this.order = order.clone();
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        if (!Arrays.equals(sorted, identity(vocab.length))) {
            throw new IllegalArgumentException("the order is not a permutation of the columns");
        }
        long[][] shapes = shapes();
        if (parameters.length != shapes.length) {
            throw new IllegalArgumentException("expected " + shapes.length + " parameter arrays");
        }
        for (int p = 0; p < shapes.length; p++) {
            if (parameters[p].length != size(shapes[p])) {
                throw new IllegalArgumentException("parameter " + NAMES[p] + " has " + parameters[p].length
                        + " numbers, expected " + size(shapes[p]));
            }
        }
    }

    static int[] identity(int columns) {
        int[] order = new int[columns];
        Arrays.setAll(order, i -> i);
        return order;
    }

    /** The same parameters generating in another column order. */
    ArgnNetwork withOrder(int[] order) {
        return new ArgnNetwork(vocab, embedding, widths, hidden, parameters, order);
    }

    int columns() {
        return vocab.length;
    }

    int maxVocab() {
        return Arrays.stream(vocab).max().orElse(1);
    }

    /** Where column {@code c}'s tokens start in the shared embedding table. */
    int[] offsets() {
        int[] offsets = new int[vocab.length];
        for (int c = 1; c < vocab.length; c++) {
            offsets[c] = offsets[c - 1] + vocab[c - 1];
        }
        return offsets;
    }

    long[][] shapes() {
        return shapes(vocab, embedding, widths, hidden);
    }

    /** The length of a predictor's input: every column's embedding numbers. */
    int context() {
        return Arrays.stream(widths).sum();
    }

    /**
     * The embedding numbers a column of {@code tokens} tokens uses: about 1.6 t^0.56 (the rule of
     * thumb fast.ai's tabular models use), 2 to {@code embedding}. A predictor's first layer, the
     * network's costliest (every column's predictor reads every column's embedding), shrinks with
     * it; the few-valued columns that dominate most tables need no more.
     */
    static int width(int tokens, int embedding) {
        int rule = (int) Math.round(1.6 * Math.pow(tokens, 0.56));
        return Math.max(Math.min(2, embedding), Math.min(embedding, rule));
    }

    /** Every column's {@link #width}. */
    static int[] widths(int[] vocab, int embedding) {
        return Arrays.stream(vocab).map(v -> width(v, embedding)).toArray();
    }

    /** Every column using the whole embedding, as models written before widths were. */
    static int[] fullWidths(int columns, int embedding) {
        int[] widths = new int[columns];
        Arrays.fill(widths, embedding);
        return widths;
    }

    static long[][] shapes(int[] vocab, int embedding, int[] widths, int hidden) {
        long c = vocab.length;
        long v = Arrays.stream(vocab).sum();
        long k = Arrays.stream(vocab).max().orElse(1);
        long d = Arrays.stream(widths).sum();
        return new long[][] {
            {v, embedding},
            {c, d, hidden},
            {c, c, hidden},
            {c, 1, hidden},
            {c, hidden, hidden},
            {c, 1, hidden},
            {c, hidden, k},
            {c, 1, k}
        };
    }

    /** Small random weights (scaled by fan-in), zero biases. */
    static ArgnNetwork initial(int[] vocab, int embedding, int hidden, Random random) {
        int[] widths = widths(vocab, embedding);
        long[][] shapes = shapes(vocab, embedding, widths, hidden);
        float[][] parameters = new float[shapes.length][];
        for (int p = 0; p < shapes.length; p++) {
            parameters[p] = new float[Math.toIntExact(size(shapes[p]))];
            if (p == B1 || p == B2 || p == B3) {
                continue;
            }
            double scale = p == EMB ? 0.5 : 1 / Math.sqrt(shapes[p][1]);
            for (int i = 0; i < parameters[p].length; i++) {
                parameters[p][i] = (float) ((random.nextDouble() * 2 - 1) * scale);
            }
        }
        return new ArgnNetwork(vocab, embedding, widths, hidden, parameters);
    }

    /**
     * These weights set to predict {@code frequencies} (per position, a share per token; null:
     * evenly) whatever the context: the output biases their logarithms and the output weights
     * zero, so training starts from the marginals and learns only how the context moves them.
     * Under DP-SGD the marginals come from the private value protection; the noisy steps need not
     * find them.
     */
    ArgnNetwork startingFrom(double[][] frequencies) {
        if (frequencies.length != vocab.length) {
            throw new IllegalArgumentException("one frequency list per position");
        }
        float[][] copy = parameters.clone();
        copy[W3] = new float[parameters[W3].length];
        copy[B3] = parameters[B3].clone();
        int k = maxVocab();
        for (int c = 0; c < vocab.length; c++) {
            if (frequencies[c] == null) {
                continue;
            }
            if (frequencies[c].length != vocab[c]) {
                throw new IllegalArgumentException("position " + c + " has " + vocab[c] + " tokens");
            }
            for (int t = 0; t < vocab[c]; t++) {
                copy[B3][c * k + t] = (float) Math.log(frequencies[c][t]);
            }
        }
        return new ArgnNetwork(vocab, embedding, widths, hidden, copy, order);
    }

    /** These weights with {@code shift} (per position, per token) added to the output biases. */
    ArgnNetwork shifted(double[][] shift) {
        float[][] copy = parameters.clone();
        copy[B3] = parameters[B3].clone();
        int k = maxVocab();
        for (int c = 0; c < vocab.length; c++) {
            for (int t = 0; t < vocab[c]; t++) {
                copy[B3][c * k + t] += (float) shift[c][t];
            }
        }
        return new ArgnNetwork(vocab, embedding, widths, hidden, copy, order);
    }

    static long size(long[] shape) {
        long size = 1;
        for (long s : shape) {
            size *= s;
        }
        return size;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(vocab.length);
        for (int k : vocab) {
            out.writeInt(k);
        }
        out.writeInt(embedding);
        for (int w : widths) {
            out.writeInt(w);
        }
        out.writeInt(hidden);
        for (float[] parameter : parameters) {
            out.writeInt(parameter.length);
            for (float x : parameter) {
                out.writeFloat(x);
            }
        }
        for (int c : order) {
            out.writeInt(c);
        }
    }

    /**
     * @param withWidths whether the file has per-column embedding widths (model format 3 on);
     *     older files used the whole embedding for every column
     */
    static ArgnNetwork read(DataInputStream in, boolean withWidths) throws IOException {
        int[] vocab = new int[bounded(in.readInt(), "column count")];
        for (int c = 0; c < vocab.length; c++) {
            vocab[c] = bounded(in.readInt(), "vocabulary");
            if (vocab[c] < 1) {
                throw new IOException("corrupt model file: empty vocabulary");
            }
        }
        int embedding = bounded(in.readInt(), "embedding");
        int[] widths = fullWidths(vocab.length, embedding);
        if (withWidths) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = in.readInt();
                if (widths[c] < 1 || widths[c] > embedding) {
                    throw new IOException("corrupt model file: embedding width " + widths[c]);
                }
            }
        }
        int hidden = bounded(in.readInt(), "hidden size");
        long[][] shapes = shapes(vocab, embedding, widths, hidden);
        float[][] parameters = new float[shapes.length][];
        for (int p = 0; p < shapes.length; p++) {
            int length = in.readInt();
            if (length != size(shapes[p])) {
                throw new IOException("corrupt model file: parameter " + NAMES[p] + " of " + length + " numbers");
            }
            parameters[p] = new float[length];
            for (int i = 0; i < length; i++) {
                parameters[p][i] = in.readFloat();
            }
        }
        int[] order = new int[vocab.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = in.readInt();
        }
        try {
            return new ArgnNetwork(vocab, embedding, widths, hidden, parameters, order);
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt model file: " + e.getMessage(), e);
        }
    }

    private static int bounded(int value, String what) throws IOException {
        if (value < 0 || value > MAX_SIZE) {
            throw new IOException("corrupt model file: " + what + " " + value);
        }
        return value;
    }

    /**
     * The order mask of a column order: {@code mask[i][j] = 1} when column {@code j} comes before
     * column {@code i}, as a [C, 1, C] array.
     *
     * @param order the columns in the order they are predicted
     */
    static float[] orderMask(int[] order) {
        int c = order.length;
        int[] position = new int[c];
        for (int p = 0; p < c; p++) {
            position[order[p]] = p;
        }
        float[] mask = new float[c * c];
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < c; j++) {
                mask[i * c + j] = position[j] < position[i] ? 1f : 0f;
            }
        }
        return mask;
    }

    /** The order mask widened to the embeddings: [C, context]. */
    float[] embeddingMask(float[] mask) {
        int columns = vocab.length;
        int d = context();
        float[] wide = new float[columns * d];
        for (int i = 0; i < columns; i++) {
            int at = i * d;
            for (int j = 0; j < columns; j++) {
                Arrays.fill(wide, at, at + widths[j], mask[i * columns + j]);
                at += widths[j];
            }
        }
        return wide;
    }

    /**
     * The 0/1 matrix [C * embedding, context] that keeps each column's first {@code widths[c]}
     * embedding numbers of a row's looked-up embeddings; null where every column uses them all.
     */
    float[] selection() {
        int columns = vocab.length;
        int d = context();
        if (d == columns * embedding) {
            return null;
        }
        float[] select = new float[columns * embedding * d];
        int at = 0;
        for (int j = 0; j < columns; j++) {
            for (int k = 0; k < widths[j]; k++) {
                select[(j * embedding + k) * d + at++] = 1f;
            }
        }
        return select;
    }

    /** Logit added to the padding tokens beyond a column's vocabulary, so they are never chosen. */
    float[] padding() {
        int k = maxVocab();
        float[] pad = new float[vocab.length * k];
        for (int c = 0; c < vocab.length; c++) {
            Arrays.fill(pad, c * k + vocab[c], (c + 1) * k, -1e9f);
        }
        return pad;
    }
}
