package org.facsimile.synth.argn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.Step;

/**
 * Trains an {@link ArgnNetwork} on token rows: each batch under a fresh random column order
 * (so the network learns every conditional it may be asked for), cross-entropy summed over the
 * columns, AdamW with a learning rate that falls along a cosine over a planned number of steps
 * ({@link #plannedEpochs}), a validation split that stops training early when it no longer gains,
 * and the best weights seen kept. Every random choice comes from one seed, so a run is
 * reproducible on the same machine.
 */
final class ArgnTrainer {

    /**
     * DJL's PyTorch gradient collector is one per process; training runs one at a time and
     * generation (which needs no gradients) alongside.
     */
    private static final ReentrantLock TRAINING = new ReentrantLock();

    /** The budget for one batch's widest intermediate array ([C, B, C * embedding] floats). */
    private static final long BATCH_FLOATS = 16L << 20;

    private final ArgnOptions options;

    ArgnTrainer(ArgnOptions options) {
        this.options = options;
    }

    /** The outcome: the best network and how training went. */
    record Result(
            ArgnNetwork network,
            int epochs,
            double trainingLoss,
            double validationLoss,
            double orderLoss,
            String stopReason) {}

    /** Random column orders tried, besides the table's, when choosing the generation order. */
    static final int ORDER_CANDIDATES = 24;

    /** Rows the candidate orders are compared on: enough to rank them, few enough for a large table. */
    static final int ORDER_ROWS = 5000;

    /**
     * @param tokens one row of tokens per training row, {@code tokens[r][c] < vocab[c]}
     * @param vocab tokens per column
     */
    Result train(int[][] tokens, int[] vocab, long seed, ProgressListener progress) {
        return train(tokens, vocab, null, null, seed, progress);
    }

    /**
     * Training for drawing some positions given others: the given positions come first in every
     * order tried and their own likelihood is not part of the loss (they are always known when
     * the network is used, as a child row's parent is).
     *
     * @param given the positions always given, or null when none
     * @param groups per row, its group: validation holds out whole groups; null: single rows
     */
    Result train(int[][] tokens, int[] vocab, boolean[] given, int[] groups, long seed, ProgressListener progress) {
        TRAINING.lock();
        try {
            return trainLocked(tokens, vocab, given, groups, seed, progress);
        } finally {
            TRAINING.unlock();
        }
    }

    private Result trainLocked(
            int[][] tokens, int[] vocab, boolean[] given, int[] groups, long seed, ProgressListener progress) {
        Random random = new Random(seed);
        int columns = vocab.length;
        int n = tokens.length;
        int[] rows = groups == null ? shuffled(n, random) : groupsShuffled(groups, random);
        int validation = n >= 200 ? Math.max(50, n / 10) : 0;
        int[] validationRows = java.util.Arrays.copyOfRange(rows, 0, validation);
        int[] trainingRows = java.util.Arrays.copyOfRange(rows, validation, n);
        int batch = batchSize(trainingRows.length, columns);
        int stepsPerEpoch = (trainingRows.length + batch - 1) / batch;
        int stopPatience =
                Math.min(options.stopPatience(), Math.max(2, patience(options.stopPatience(), stepsPerEpoch)));
        ArgnNetwork best = ArgnNetwork.initial(vocab, options.embedding(), options.hidden(), random);
        long started = System.nanoTime();

        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            Forward forward = new Forward(best, manager, given);
            forward.dropout = options.dropout();
            for (NDArray p : forward.parameters) {
                p.setRequiresGradient(true);
            }
            MutableRate rate = new MutableRate(options.learningRate());
            Optimizer optimizer = Optimizer.adamW()
                    .optLearningRateTracker(rate)
                    .optWeightDecays(options.weightDecay())
                    .build();
            int[][] validationOrders = new int[3][];
            for (int v = 0; v < validationOrders.length; v++) {
                validationOrders[v] = order(given, columns, random);
            }

            double bestLoss = Double.POSITIVE_INFINITY;
            double trainingLoss = Double.NaN;
            int sinceBest = 0;
            int epoch = 0;
            int planned = plannedEpochs(stepsPerEpoch, options.maxEpochs());
            String stop = "completed the " + planned + " planned epochs";
            long step = 0;
            while (epoch < planned) {
                epoch++;
                shuffleInPlace(trainingRows, random);
                double sum = 0;
                int batches = 0;
                for (int from = 0; from < trainingRows.length; from += batch) {
                    rate.value = cosineRate(options.learningRate(), step++, (long) planned * stepsPerEpoch);
                    int to = Math.min(trainingRows.length, from + batch);
                    sum += step(forward, optimizer, tokens, trainingRows, from, to, order(given, columns, random));
                    batches++;
                }
                trainingLoss = sum / batches;
                double loss =
                        validation > 0 ? evaluate(forward, tokens, validationRows, validationOrders) : trainingLoss;
                if (loss < bestLoss - 1e-4) {
                    bestLoss = loss;
                    sinceBest = 0;
                    best = forward.snapshot();
                } else {
                    sinceBest++;
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                if (epoch == 1) {
                    // a plan the time budget cannot hold is shortened now, so the rate still
                    // reaches its end instead of being cut off high
                    int affordable = (int) Math.min(planned, Math.floor(options.maxSeconds() / seconds));
                    if (affordable < planned) {
                        planned = Math.max(1, affordable);
                        stop = "completed the " + planned + " epochs the time budget of " + options.maxSeconds()
                                + " s holds";
                    }
                }
                progress.stepAdvanced(
                        Step.TRAINING,
                        Math.min(1.0, Math.max((double) epoch / planned, seconds / options.maxSeconds())),
                        String.format(
                                Locale.ROOT,
                                "epoch %d of %d: training loss %.4f, validation loss %.4f, %.0f s",
                                epoch,
                                planned,
                                trainingLoss,
                                loss,
                                seconds));
                if (sinceBest >= stopPatience) {
                    stop = "validation loss stopped improving after epoch " + (epoch - sinceBest);
                    break;
                }
                if (seconds * (epoch + 1) / epoch > options.maxSeconds()) {
                    stop = "time budget of " + options.maxSeconds() + " s";
                    break;
                }
            }
            // The network models every column order; generation follows the one it fits best.
            Forward chosen = new Forward(best, manager, given);
            int[] rowsForOrder = java.util.Arrays.copyOf(
                    validation > 0 ? validationRows : trainingRows,
                    Math.min(ORDER_ROWS, validation > 0 ? validation : trainingRows.length));
            int[] order = givenFirst(given, ArgnNetwork.identity(columns));
            double orderLoss = evaluate(chosen, tokens, rowsForOrder, new int[][] {order});
            for (int candidate = 0; candidate < ORDER_CANDIDATES; candidate++) {
                int[] other = order(given, columns, random);
                double loss = evaluate(chosen, tokens, rowsForOrder, new int[][] {other});
                if (loss < orderLoss) {
                    orderLoss = loss;
                    order = other;
                }
            }
            return new Result(best.withOrder(order), epoch, trainingLoss, bestLoss, orderLoss, stop);
        }
    }

    private static double step(
            Forward forward, Optimizer optimizer, int[][] tokens, int[] rows, int from, int to, int[] order) {
        double loss;
        try (NDManager scope = forward.manager.newSubManager()) {
            Forward.Batch batch = forward.batch(scope, tokens, rows, from, to, order);
            try (NDManager graph = scope.newSubManager()) {
                graph.tempAttachAll(forward.parameters);
                try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                    forward.training = true;
                    NDArray nll = forward.negativeLogLikelihood(batch);
                    collector.backward(nll);
                    loss = nll.getFloat();
                } finally {
                    forward.training = false;
                }
            }
            for (int p = 0; p < forward.parameters.length; p++) {
                NDArray parameter = forward.parameters[p];
                NDArray gradient = parameter.getGradient();
                gradient.attach(scope);
                optimizer.update(ArgnNetwork.NAMES[p], parameter, gradient);
                gradient.subi(gradient);
            }
        }
        return loss;
    }

    private static double evaluate(Forward forward, int[][] tokens, int[] rows, int[][] orders) {
        double sum = 0;
        int count = 0;
        int batch = 2048;
        for (int[] order : orders) {
            for (int from = 0; from < rows.length; from += batch) {
                int to = Math.min(rows.length, from + batch);
                try (NDManager scope = forward.manager.newSubManager()) {
                    scope.tempAttachAll(forward.parameters);
                    Forward.Batch b = forward.batch(scope, tokens, rows, from, to, order);
                    sum += forward.negativeLogLikelihood(b).getFloat() * (to - from);
                    count += to - from;
                }
            }
        }
        return sum / count;
    }

    /**
     * Optimizer steps a training run plans for. Measured on Adult (24,421 training rows, 43 steps
     * an epoch), a rate falling along a cosine over about 1,200 steps reached the validation loss
     * and accuracy that 2,450 steps at a constant rate, halved whenever validation stalled, had
     * reached: half the time. Past about 20,000 rows a plan covers fewer epochs, not more steps,
     * so training time stops growing with the rows (Adult's 39,000: 13 epochs, 40 s here).
     */
    static final int PLANNED_STEPS = 1_200;

    /** The fewest epochs planned, however many steps an epoch has: every row is seen a few times. */
    static final int MIN_EPOCHS = 4;

    /**
     * The epochs a run plans for when an epoch has {@code stepsPerEpoch} steps: those that
     * {@link #PLANNED_STEPS} fill, at least {@link #MIN_EPOCHS} and at most {@code maxEpochs}.
     */
    static int plannedEpochs(int stepsPerEpoch, int maxEpochs) {
        int filled = (PLANNED_STEPS + stepsPerEpoch - 1) / stepsPerEpoch;
        return Math.max(1, Math.min(maxEpochs, Math.max(MIN_EPOCHS, filled)));
    }

    /** The rate at step {@code step} of {@code steps}: {@code peak} falling along a half cosine to 0. */
    static float cosineRate(float peak, long step, long steps) {
        double done = Math.min(1, step / (double) Math.max(1, steps));
        return (float) (peak * 0.5 * (1 + Math.cos(Math.PI * done)));
    }

    /**
     * The most optimizer steps an epoch has while batches grow with the table (a 32nd of the rows,
     * so 32 to 63 steps): the patience options are epochs of up to this many steps.
     */
    static final int PATIENCE_STEPS = 64;

    /**
     * A patience in epochs for epochs of {@code stepsPerEpoch} steps: the configured one up to
     * {@link #PATIENCE_STEPS} steps an epoch, proportionally fewer epochs (at least one) where the
     * batch has reached its cap and epochs make more updates. Waiting six epochs of 50,000 rows
     * for an improvement costs three times the updates (and time) that six of 16,000 do, and buys
     * nothing more.
     */
    static int patience(int epochs, int stepsPerEpoch) {
        if (stepsPerEpoch <= PATIENCE_STEPS) {
            return epochs;
        }
        return Math.max(1, (int) ((long) epochs * PATIENCE_STEPS / stepsPerEpoch));
    }

    /** Batches grow with the data (about 1/32 of it, 32 to 512 rows) and shrink for wide tables. */
    static int batchSize(int rows, int columns) {
        int batch = Integer.highestOneBit(Math.max(1, rows / 32));
        batch = Math.max(32, Math.min(512, batch));
        long perRow = (long) columns * columns * 16;
        while (batch > 8 && batch * perRow > BATCH_FLOATS) {
            batch /= 2;
        }
        return batch;
    }

    /** The rows in an order that keeps each group's rows together, the groups shuffled. */
    static int[] groupsShuffled(int[] groups, Random random) {
        java.util.Map<Integer, java.util.List<Integer>> members = new java.util.LinkedHashMap<>();
        for (int r = 0; r < groups.length; r++) {
            members.computeIfAbsent(groups[r], g -> new java.util.ArrayList<>()).add(r);
        }
        java.util.List<java.util.List<Integer>> shuffled = new java.util.ArrayList<>(members.values());
        java.util.Collections.shuffle(shuffled, random);
        int[] rows = new int[groups.length];
        int k = 0;
        for (java.util.List<Integer> group : shuffled) {
            for (int r : group) {
                rows[k++] = r;
            }
        }
        return rows;
    }

    /** A random order of the positions, the given ones (if any) first. */
    private static int[] order(boolean[] given, int columns, Random random) {
        return givenFirst(given, shuffled(columns, random));
    }

    /** The order with the given positions moved to the front, each part in its own order. */
    static int[] givenFirst(boolean[] given, int[] order) {
        if (given == null) {
            return order;
        }
        int[] out = new int[order.length];
        int next = 0;
        for (int p : order) {
            if (given[p]) {
                out[next++] = p;
            }
        }
        for (int p : order) {
            if (!given[p]) {
                out[next++] = p;
            }
        }
        return out;
    }

    private static int[] shuffled(int n, Random random) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        shuffleInPlace(values, random);
        return values;
    }

    private static void shuffleInPlace(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** The learning rate, set by the trainer before each step. */
    private static final class MutableRate implements ParameterTracker {
        float value;

        MutableRate(float value) {
            this.value = value;
        }

        @Override
        public float getNewValue(String parameterId, int numUpdate) {
            return value;
        }
    }

    /** The network's parameters in PyTorch and the training-time forward pass. */
    static final class Forward {
        final NDManager manager;
        final ArgnNetwork shape;
        final NDArray[] parameters;
        final NDArray padding;
        /** Keeps each column's embedding numbers of the looked-up rows; null: all of them. */
        final NDArray selection;

        final int[] offsets;
        /**
         * The positions whose likelihood counts (those not always given), in position order; null:
         * all of them. Only their predictors run: a child table's model, given its parent's and
         * the sibling before's columns, has two to three times as many given positions as learnt.
         */
        final NDArray learnt;
        /** {@link #padding} of the learnt positions only. */
        final NDArray learntPadding;
        /**
         * Per position, 1 where its likelihood counts and 0 where it is always given; null: all
         * count. For the DP trainer's hand-written gradients, which run every predictor.
         */
        final NDArray counted;
        /** The share of hidden units dropped while training; none when evaluating. */
        float dropout;
        /** Whether the current pass trains (dropout applies) or evaluates. */
        boolean training;

        Forward(ArgnNetwork network, NDManager manager, boolean[] given) {
            this.manager = manager;
            this.shape = network;
            long[][] shapes = network.shapes();
            this.parameters = new NDArray[shapes.length];
            for (int p = 0; p < shapes.length; p++) {
                parameters[p] = manager.create(network.parameters[p], new Shape(shapes[p]));
            }
            this.padding = manager.create(network.padding(), new Shape(network.columns(), 1, network.maxVocab()));
            float[] select = network.selection();
            this.selection = select == null
                    ? null
                    : manager.create(
                            select, new Shape((long) network.columns() * network.embedding, network.context()));
            this.offsets = network.offsets();
            if (given == null) {
                this.learnt = null;
                this.learntPadding = padding;
                this.counted = null;
            } else {
                float[] weights = new float[network.columns()];
                for (int p = 0; p < weights.length; p++) {
                    weights[p] = given[p] ? 0 : 1;
                }
                this.counted = manager.create(weights, new Shape(network.columns(), 1, 1));
                long[] positions = java.util.stream.IntStream.range(0, network.columns())
                        .filter(p -> !given[p])
                        .asLongStream()
                        .toArray();
                // every position given (a table of keys and references only): all run, none counts
                this.learnt = positions.length == 0 ? null : manager.create(positions);
                this.learntPadding = learnt == null ? padding : padding.get(learnt);
            }
        }

        /** The learnt positions' slices of a [C, ...] array; all of it when none is given (or every one is). */
        private NDArray learnt(NDArray perPosition) {
            return learnt == null ? perPosition : perPosition.get(learnt);
        }

        /** One batch's inputs: token ids into the shared embedding table, targets, and the order. */
        record Batch(int rows, NDArray ids, NDArray targets, NDArray embeddingMask, NDArray mask) {}

        Batch batch(NDManager scope, int[][] tokens, int[] rows, int from, int to, int[] order) {
            int b = to - from;
            int c = shape.columns();
            long[] ids = new long[b * c];
            long[] targets = new long[c * b];
            for (int r = 0; r < b; r++) {
                int[] row = tokens[rows[from + r]];
                for (int j = 0; j < c; j++) {
                    ids[r * c + j] = offsets[j] + row[j];
                    targets[j * b + r] = row[j];
                }
            }
            float[] mask = ArgnNetwork.orderMask(order);
            return new Batch(
                    b,
                    scope.create(ids, new Shape(b, c)),
                    scope.create(targets, new Shape(c, b, 1)),
                    scope.create(shape.embeddingMask(mask), new Shape(c, shape.context())),
                    scope.create(mask, new Shape(c, 1, c)));
        }

        /** Each row's embeddings, every column's own numbers of them: [B, context]. */
        NDArray embed(NDArray table, Batch batch) {
            NDArray looked = table.get(batch.ids()).reshape(batch.rows(), (long) shape.columns() * shape.embedding);
            return selection == null ? looked : looked.matMul(selection);
        }

        /** Mean over rows of the summed per-column negative log-likelihood. */
        NDArray negativeLogLikelihood(Batch batch) {
            NDArray embedded = embed(parameters[ArgnNetwork.EMB], batch).reshape(batch.rows(), 1, shape.context());
            // only the learnt positions' predictors run: [L, B, D], L = C when nothing is given
            NDArray context = embedded.mul(learnt(batch.embeddingMask())).transpose(1, 0, 2);
            NDArray orderTerm = learnt(batch.mask()).batchMatMul(learnt(parameters[ArgnNetwork.WM])); // [L, 1, H]
            NDArray h1 = Activation.relu(context.batchMatMul(learnt(parameters[ArgnNetwork.W1]))
                    .add(learnt(parameters[ArgnNetwork.B1]))
                    .add(orderTerm));
            if (training && dropout > 0) {
                h1 = ai.djl.nn.norm.Dropout.dropout(h1, dropout, true).singletonOrThrow();
            }
            NDArray h2 = h1.add(Activation.relu(
                    h1.batchMatMul(learnt(parameters[ArgnNetwork.W2])).add(learnt(parameters[ArgnNetwork.B2]))));
            NDArray logits = h2.batchMatMul(learnt(parameters[ArgnNetwork.W3]))
                    .add(learnt(parameters[ArgnNetwork.B3]))
                    .add(learntPadding);
            NDArray logLikelihood = logits.logSoftmax(2).gather(learnt(batch.targets()), 2);
            if (learnt == null && counted != null) {
                logLikelihood = logLikelihood.mul(counted);
            }
            return logLikelihood.sum().div(-batch.rows());
        }

        ArgnNetwork snapshot() {
            return snapshot(parameters);
        }

        /** A network of these shapes with the given weights (one array per parameter). */
        ArgnNetwork snapshot(NDArray[] weights) {
            float[][] values = new float[weights.length][];
            for (int p = 0; p < weights.length; p++) {
                values[p] = weights[p].toFloatArray();
            }
            return new ArgnNetwork(shape.vocab, shape.embedding, shape.widths, shape.hidden, values);
        }
    }
}
