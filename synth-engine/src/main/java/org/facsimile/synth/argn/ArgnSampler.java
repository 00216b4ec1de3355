package org.facsimile.synth.argn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.Arrays;
import java.util.Random;

/**
 * Draws token rows from a trained network, column after column in the network's generation
 * order: each column's predictor sees the tokens already drawn for the row. Needs no gradients and no
 * training lock; one sampler serves one thread.
 */
final class ArgnSampler implements AutoCloseable {

    private final NDManager manager;
    private final ArgnNetwork network;
    private final int[] offsets;
    private final NDList loaded = new NDList();
    private final NDArray embedding;
    /** Keeps each column's embedding numbers of the looked-up rows; null: all of them. */
    private final NDArray selection;

    private final NDArray[] contextMask;
    private final NDArray[] w1;
    private final NDArray[] bias1;
    private final NDArray[] w2;
    private final NDArray[] b2;
    private final NDArray[] w3;
    private final NDArray[] b3;

    ArgnSampler(ArgnNetwork network) {
        this.network = network;
        this.offsets = network.offsets();
        this.manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        long[][] shapes = network.shapes();
        NDArray[] p = new NDArray[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            p[i] = manager.create(network.parameters[i], new Shape(shapes[i]));
        }
        int c = network.columns();
        float[] mask = ArgnNetwork.orderMask(network.order);
        float[] wide = network.embeddingMask(mask);
        int d = network.context();
        float[] select = network.selection();
        selection = select == null ? null : keep(manager.create(select, new Shape((long) c * network.embedding, d)));
        NDArray masks = manager.create(mask, new Shape(c, 1, c));
        NDArray orderTerm = masks.batchMatMul(p[ArgnNetwork.WM]).add(p[ArgnNetwork.B1]);
        embedding = keep(p[ArgnNetwork.EMB]);
        contextMask = new NDArray[c];
        w1 = new NDArray[c];
        bias1 = new NDArray[c];
        w2 = new NDArray[c];
        b2 = new NDArray[c];
        w3 = new NDArray[c];
        b3 = new NDArray[c];
        for (int i = 0; i < c; i++) {
            contextMask[i] = keep(manager.create(Arrays.copyOfRange(wide, i * d, (i + 1) * d), new Shape(1, d)));
            w1[i] = keep(p[ArgnNetwork.W1].get(i));
            bias1[i] = keep(orderTerm.get(i));
            w2[i] = keep(p[ArgnNetwork.W2].get(i));
            b2[i] = keep(p[ArgnNetwork.B2].get(i));
            String tokens = ":, :" + network.vocab[i];
            w3[i] = keep(p[ArgnNetwork.W3].get(i).get(new NDIndex(tokens)));
            b3[i] = keep(p[ArgnNetwork.B3].get(i).get(new NDIndex(tokens)));
        }
    }

    private NDArray keep(NDArray array) {
        loaded.add(array);
        return array;
    }

    /**
     * @param rows how many token rows
     * @param temperature logits are divided by this: below 1 sharper, above 1 flatter
     * @param topP only the most likely tokens that together reach this probability are drawn from
     * @return {@code rows} rows of one token per learnt column
     */
    int[][] sample(int rows, Random random, double temperature, double topP) {
        return sample(rows, random, temperature, topP, null, null);
    }

    /**
     * Rows some of whose token positions are given: those are not drawn but set, and every other
     * position is drawn given them. The given positions must come first in the network's order,
     * so that all that is drawn sees them.
     *
     * @param given per row, the tokens of the given positions (others ignored); null when none
     * @param fixed which positions are given; null when none
     */
    int[][] sample(int rows, Random random, double temperature, double topP, int[][] given, boolean[] fixed) {
        int c = network.columns();
        long[] ids = new long[rows * c];
        int[][] out = new int[rows][c];
        boolean drawing = false;
        for (int i : network.order) {
            if (fixed != null && fixed[i]) {
                if (drawing) {
                    throw new IllegalArgumentException("given positions must come first in the order");
                }
                for (int r = 0; r < rows; r++) {
                    out[r][i] = given[r][i];
                    ids[r * c + i] = offsets[i] + given[r][i];
                }
                continue;
            }
            drawing = true;
            float[] probabilities;
            try (NDManager scope = manager.newSubManager()) {
                scope.tempAttachAll(loaded);
                NDArray looked = embedding
                        .get(scope.create(ids, new Shape(rows, c)))
                        .reshape(rows, (long) c * network.embedding);
                NDArray x = (selection == null ? looked : looked.matMul(selection)).mul(contextMask[i]);
                NDArray h1 = Activation.relu(x.matMul(w1[i]).add(bias1[i]));
                NDArray h2 = h1.add(Activation.relu(h1.matMul(w2[i]).add(b2[i])));
                NDArray logits = h2.matMul(w3[i]).add(b3[i]).div(temperature);
                probabilities = logits.softmax(1).toFloatArray();
            }
            int k = network.vocab[i];
            for (int r = 0; r < rows; r++) {
                int token = draw(probabilities, r * k, k, topP, random);
                out[r][i] = token;
                ids[r * c + i] = offsets[i] + token;
            }
        }
        return out;
    }

    /** A token from one row's probabilities, restricted to the top-p nucleus. */
    static int draw(float[] probabilities, int offset, int k, double topP, Random random) {
        if (topP >= 1) {
            double u = random.nextDouble();
            double sum = 0;
            for (int t = 0; t < k; t++) {
                sum += probabilities[offset + t];
                if (u < sum) {
                    return t;
                }
            }
            return lastPositive(probabilities, offset, k);
        }
        Integer[] byProbability = new Integer[k];
        Arrays.setAll(byProbability, t -> t);
        Arrays.sort(byProbability, (a, b) -> Float.compare(probabilities[offset + b], probabilities[offset + a]));
        double mass = 0;
        int kept = 0;
        while (kept < k && mass < topP) {
            mass += probabilities[offset + byProbability[kept++]];
        }
        double u = random.nextDouble() * mass;
        double sum = 0;
        for (int j = 0; j < kept; j++) {
            sum += probabilities[offset + byProbability[j]];
            if (u < sum) {
                return byProbability[j];
            }
        }
        return byProbability[kept - 1];
    }

    private static int lastPositive(float[] probabilities, int offset, int k) {
        for (int t = k - 1; t > 0; t--) {
            if (probabilities[offset + t] > 0) {
                return t;
            }
        }
        return 0;
    }

    @Override
    public void close() {
        manager.close();
    }
}
