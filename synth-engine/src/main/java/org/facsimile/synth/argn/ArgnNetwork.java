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
 * {@code embedding} numbers per token. The predictor of column {@code i} sees the concatenated
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
    final int hidden;
    final float[][] parameters;
    /** The column order generation follows: the one the network models the table best in. */
    final int[] order;

    ArgnNetwork(int[] vocab, int embedding, int hidden, float[][] parameters) {
        this(vocab, embedding, hidden, parameters, identity(vocab.length));
    }

    ArgnNetwork(int[] vocab, int embedding, int hidden, float[][] parameters, int[] order) {
        this.vocab = vocab.clone();
        this.embedding = embedding;
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
        return new ArgnNetwork(vocab, embedding, hidden, parameters, order);
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
        return shapes(vocab, embedding, hidden);
    }

    static long[][] shapes(int[] vocab, int embedding, int hidden) {
        long c = vocab.length;
        long v = Arrays.stream(vocab).sum();
        long k = Arrays.stream(vocab).max().orElse(1);
        long d = c * embedding;
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
        long[][] shapes = shapes(vocab, embedding, hidden);
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
        return new ArgnNetwork(vocab, embedding, hidden, parameters);
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

    static ArgnNetwork read(DataInputStream in) throws IOException {
        int[] vocab = new int[bounded(in.readInt(), "column count")];
        for (int c = 0; c < vocab.length; c++) {
            vocab[c] = bounded(in.readInt(), "vocabulary");
            if (vocab[c] < 1) {
                throw new IOException("corrupt model file: empty vocabulary");
            }
        }
        int embedding = bounded(in.readInt(), "embedding");
        int hidden = bounded(in.readInt(), "hidden size");
        long[][] shapes = shapes(vocab, embedding, hidden);
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
            return new ArgnNetwork(vocab, embedding, hidden, parameters, order);
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

    /** The order mask widened to the embeddings: [C, C * embedding]. */
    static float[] embeddingMask(float[] mask, int columns, int embedding) {
        float[] wide = new float[columns * columns * embedding];
        for (int i = 0; i < columns; i++) {
            for (int j = 0; j < columns; j++) {
                Arrays.fill(
                        wide, (i * columns + j) * embedding, (i * columns + j + 1) * embedding, mask[i * columns + j]);
            }
        }
        return wide;
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
