package org.facsimile.synth.argn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.optimizer.Optimizer;
import java.util.Locale;
import java.util.Random;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.Step;
import org.facsimile.synth.dp.DifferentialPrivacy;
import org.facsimile.synth.dp.Noise;
import org.facsimile.synth.dp.RdpAccountant;

/**
 * DP-SGD for the {@link ArgnNetwork} (Abadi et al. 2016): each step takes every training row
 * independently with probability {@code q} (Poisson sampling, as the accountant assumes),
 * computes each row's gradient, clips it to the clipping norm, sums, adds Gaussian noise of
 * {@code noiseMultiplier} times the norm and takes an AdamW step on the noisy mean (Adam is
 * post-processing of the noisy gradient). Training stops before the step that would take the
 * {@link RdpAccountant}, which composes the steps with the value protection's noisy counts, past
 * the budget's epsilon, or at the time limit.
 *
 * <p>Three things cost no privacy and recover much of what the noise takes: the network starts
 * out predicting the private marginals of value protection ({@link ArgnNetwork#startingFrom}),
 * the weights kept are the moving average of the noisy steps' weights, not the last step's, and
 * the output biases are then moved until the rows drawn have those marginals ({@link
 * MarginalCalibration}). On Adult they took epsilon 4 from 0.927 to 0.949 and epsilon 1 from
 * 0.894 to 0.927 ({@code --dp} benchmark); planning 40 epochs instead of 10 (more noise, more
 * steps, which the average smooths) took them to 0.958 and 0.938.
 *
 * <p>The network is a stack of per-position linear layers, so the per-row gradients need no
 * per-row backward pass: the backward pass is written out by hand over the batch, each row's
 * gradient norm follows from its activations and output gradients (the norm of an outer product
 * is the product of the norms), and the clipped sum is the ordinary batch gradient with each row's
 * output gradients scaled by its clipping factor. Nothing is chosen on held-out rows (no best
 * epoch, no order search): every use of the data goes through the noisy steps.
 */
final class DpTrainer {

    /**
     * The outcome: the final network, the steps taken, the epsilon spent in all (with value
     * protection) and what the steps alone would have spent.
     */
    record Result(
            ArgnNetwork network,
            double noiseMultiplier,
            long steps,
            double epochs,
            double samplingRate,
            double epsilon,
            double trainingEpsilon,
            String stopReason) {}

    /**
     * AdamW's rate under DP-SGD, fixed: the noisy steps are averaged rather than annealed, and
     * Adult's figures at epsilon 1 and 4 were reached at this rate. The options' rate is the peak
     * of the ordinary training's cosine, twice this.
     */
    static final float LEARNING_RATE = 2e-3f;

    private final ArgnOptions options;
    private final DifferentialPrivacy budget;

    DpTrainer(ArgnOptions options, DifferentialPrivacy budget) {
        this.options = options;
        this.budget = budget;
    }

    /** The expected rows per step: as the ordinary trainer's batch, at least 64 so the noise averages out. */
    static int expectedBatch(int rows, int columns) {
        return Math.min(rows, Math.max(64, ArgnTrainer.batchSize(rows, columns)));
    }

    /**
     * @param prior per token position, the tokens' shares in the private marginals: the network
     *     starts out predicting them ({@link ArgnNetwork#startingFrom})
     */
    Result train(int[][] tokens, int[] vocab, boolean[] given, double[][] prior, long seed, ProgressListener progress) {
        Random random = new Random(seed);
        int n = tokens.length;
        int columns = vocab.length;
        int batch = expectedBatch(n, columns);
        double q = (double) batch / n;
        double clip = budget.clipNorm();
        double epsilon = budget.epsilon();
        long stepsPerEpoch = Math.max(1, n / batch);
        long planned = plannedSteps(
                stepsPerEpoch,
                options.maxEpochs(),
                options.maxSeconds(),
                secondsPerStep(vocab, given, batch, clip, random));
        double sigma = budget.noiseFor(q, planned);
        ArgnNetwork network = ArgnNetwork.initial(vocab, options.embedding(), options.hidden(), random)
                .startingFrom(prior);
        // which rows each step takes, and the gradient noise, must not follow from the run's seed
        Noise noise = Noise.fresh();
        ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed(noise.seed());
        long started = System.nanoTime();
        long steps = 0;
        String stop;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            ArgnTrainer.Forward forward = new ArgnTrainer.Forward(network, manager, given);
            Optimizer optimizer = optimizer();
            NDArray[] average = new NDArray[forward.parameters.length];
            for (int k = 0; k < average.length; k++) {
                average[k] = forward.parameters[k].duplicate();
            }
            while (true) {
                if (budget.epsilonAfter(q, sigma, steps + 1) > epsilon) {
                    stop = String.format(Locale.ROOT, "privacy budget: epsilon %.2f reached", epsilon);
                    break;
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                if (steps > 0 && seconds * (steps + 1) / steps > options.maxSeconds()) {
                    stop = "time budget of " + options.maxSeconds() + " s";
                    break;
                }
                if (steps >= (long) options.maxEpochs() * stepsPerEpoch) {
                    stop = "reached " + options.maxEpochs() + " epochs";
                    break;
                }
                int[] rows = poisson(n, q, noise);
                step(
                        forward,
                        optimizer,
                        tokens,
                        rows,
                        ArgnTrainer.givenFirst(given, shuffled(columns, random)),
                        clip,
                        sigma,
                        batch);
                steps++;
                average(average, forward, steps);
                if (steps % stepsPerEpoch == 0) {
                    double spent = budget.epsilonAfter(q, sigma, steps);
                    // whichever ends training first: the privacy budget, the epochs or the time
                    double done = Math.max(
                            spent / epsilon,
                            Math.max(
                                    (double) steps / ((long) options.maxEpochs() * stepsPerEpoch),
                                    seconds / options.maxSeconds()));
                    progress.stepAdvanced(
                            Step.TRAINING,
                            Math.min(1.0, done),
                            String.format(
                                    Locale.ROOT,
                                    "DP-SGD epoch %d: epsilon %.3f spent of %.3f (with value protection), %.0f s",
                                    steps / stepsPerEpoch,
                                    spent,
                                    epsilon,
                                    seconds));
                }
            }
            network = forward.snapshot(average);
        }
        network = network.withOrder(ArgnTrainer.givenFirst(given, ArgnNetwork.identity(columns)));
        network = MarginalCalibration.calibrated(network, prior, given, random);
        return new Result(
                network,
                sigma,
                steps,
                (double) steps / stepsPerEpoch,
                q,
                budget.epsilonAfter(q, sigma, steps),
                budget.trainingAlone(q, sigma, steps),
                stop);
    }

    /** AdamW at the fixed DP-SGD rate, for training and for timing a step. */
    private Optimizer optimizer() {
        return Optimizer.adamW()
                .optLearningRateTracker(ai.djl.training.tracker.Tracker.fixed(LEARNING_RATE))
                .optWeightDecays(options.weightDecay())
                .build();
    }

    /** The share of the time budget the planned steps may take; the rest is for what follows training. */
    static final double TRAINING_SHARE = 0.85;

    /**
     * The steps the noise is chosen for: {@link DifferentialPrivacy#PLANNED_EPOCHS} epochs (at
     * most {@code maxEpochs}), or as many steps as {@link #TRAINING_SHARE} of the time budget
     * holds at {@code secondsPerStep}. Noise chosen for more steps than the time allows would stop
     * training at the time limit with the budget partly unspent: more noise than needed.
     */
    static long plannedSteps(long stepsPerEpoch, int maxEpochs, double maxSeconds, double secondsPerStep) {
        long wanted = stepsPerEpoch * Math.min(maxEpochs, DifferentialPrivacy.PLANNED_EPOCHS);
        double affordable = Math.floor(TRAINING_SHARE * maxSeconds / Math.max(1e-9, secondsPerStep));
        return Math.max(1, (long) Math.min(wanted, affordable));
    }

    /** Steps run to warm up before the timed ones, and timed ones. */
    private static final int WARM_UP_STEPS = 2;

    private static final int TIMED_STEPS = 3;

    /**
     * Seconds one noisy step of this network's shape takes here, timed on random tokens of the
     * table's vocabulary (nothing of the rows is read, so the timing costs no privacy), after a
     * few steps of warming up.
     */
    private double secondsPerStep(int[] vocab, boolean[] given, int batch, double clip, Random random) {
        Random shapes = new Random(random.nextLong());
        int[][] tokens = new int[batch][vocab.length];
        for (int[] row : tokens) {
            for (int c = 0; c < vocab.length; c++) {
                row[c] = shapes.nextInt(vocab[c]);
            }
        }
        int[] rows = new int[batch];
        for (int r = 0; r < batch; r++) {
            rows[r] = r;
        }
        ArgnNetwork network = ArgnNetwork.initial(vocab, options.embedding(), options.hidden(), shapes);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            ArgnTrainer.Forward forward = new ArgnTrainer.Forward(network, manager, given);
            Optimizer optimizer = optimizer();
            long started = 0;
            for (int k = 0; k < WARM_UP_STEPS + TIMED_STEPS; k++) {
                if (k == WARM_UP_STEPS) {
                    started = System.nanoTime();
                }
                int[] order = ArgnTrainer.givenFirst(given, shuffled(vocab.length, shapes));
                step(forward, optimizer, tokens, rows, order, clip, 1.0, batch);
            }
            return (System.nanoTime() - started) / 1e9 / TIMED_STEPS;
        }
    }

    /** The weight the running average of the weights keeps at each step, once past its first steps. */
    static final double AVERAGE_DECAY = 0.995;

    /**
     * Folds the weights after step {@code step} into their exponential moving average, whose
     * decay grows as (1 + step) / (10 + step) up to {@link #AVERAGE_DECAY} so the first steps do
     * not hold the start in place. Each noisy step moves the weights at random as much as it
     * moves them on; the average keeps the movement and cancels much of the noise (post-processing:
     * it costs nothing).
     */
    private static void average(NDArray[] average, ArgnTrainer.Forward forward, long step) {
        float decay = (float) Math.min(AVERAGE_DECAY, (1.0 + step) / (10.0 + step));
        try (NDManager scope = forward.manager.newSubManager()) {
            for (int k = 0; k < average.length; k++) {
                NDArray part = forward.parameters[k].mul(1 - decay);
                part.attach(scope);
                average[k].muli(decay).addi(part);
            }
        }
    }

    /** Each row independently with probability q. */
    private static int[] poisson(int n, double q, Noise noise) {
        int[] chosen = new int[n];
        int k = 0;
        for (int r = 0; r < n; r++) {
            if (noise.uniform() < q) {
                chosen[k++] = r;
            }
        }
        return java.util.Arrays.copyOf(chosen, k);
    }

    private static int[] shuffled(int n, Random random) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        return values;
    }

    /**
     * One noisy step: per-row gradients clipped and summed (by the hand-written backward pass),
     * Gaussian noise added, divided by the expected batch size.
     */
    private static void step(
            ArgnTrainer.Forward forward,
            Optimizer optimizer,
            int[][] tokens,
            int[] rows,
            int[] order,
            double clip,
            double sigma,
            int expected) {
        NDArray[] p = forward.parameters;
        try (NDManager scope = forward.manager.newSubManager()) {
            scope.tempAttachAll(new NDList(p));
            NDArray[] gradients = new NDArray[p.length];
            if (rows.length == 0) {
                for (int k = 0; k < p.length; k++) {
                    gradients[k] = scope.zeros(p[k].getShape());
                }
            } else {
                clippedSum(forward, scope, tokens, rows, order, clip, gradients);
            }
            for (int k = 0; k < p.length; k++) {
                NDArray noise = scope.randomNormal(0f, (float) (sigma * clip), p[k].getShape(), DataType.FLOAT32);
                NDArray g = gradients[k].add(noise).div(expected);
                optimizer.update(ArgnNetwork.NAMES[k], p[k], g);
            }
        }
    }

    /** The sum over the batch of each row's gradient clipped to {@code clip}. */
    static void clippedSum(
            ArgnTrainer.Forward forward,
            NDManager scope,
            int[][] tokens,
            int[] rows,
            int[] order,
            double clip,
            NDArray[] gradients) {
        NDArray[] p = forward.parameters;
        int b = rows.length;
        int c = forward.shape.columns();
        int e = forward.shape.embedding;
        long d = forward.shape.context();
        ArgnTrainer.Forward.Batch batch = forward.batch(scope, tokens, rows, 0, b, order);
        // forward, keeping what the backward pass needs
        NDArray embedded = forward.embed(p[ArgnNetwork.EMB], batch).reshape(b, 1, d);
        NDArray context = embedded.mul(batch.embeddingMask()).transpose(1, 0, 2); // [C, B, D]
        NDArray orderTerm = batch.mask().batchMatMul(p[ArgnNetwork.WM]); // [C, 1, H]
        NDArray a1 =
                context.batchMatMul(p[ArgnNetwork.W1]).add(p[ArgnNetwork.B1]).add(orderTerm);
        NDArray h1 = a1.maximum(0f);
        NDArray a2 = h1.batchMatMul(p[ArgnNetwork.W2]).add(p[ArgnNetwork.B2]);
        NDArray h2 = h1.add(a2.maximum(0f));
        NDArray logits =
                h2.batchMatMul(p[ArgnNetwork.W3]).add(p[ArgnNetwork.B3]).add(forward.padding);
        int k = forward.shape.maxVocab();
        // d(loss)/d(logits) per row: softmax minus the one-hot target, zero where always given
        NDArray dLogits = logits.softmax(2).sub(batch.targets().squeeze(2).oneHot(k)); // [C, B, K]
        if (forward.counted != null) {
            dLogits = dLogits.mul(forward.counted);
        }
        NDArray dh2 = dLogits.batchMatMul(p[ArgnNetwork.W3].transpose(0, 2, 1)); // [C, B, H]
        NDArray da2 = dh2.mul(a2.gt(0f).toType(DataType.FLOAT32, false));
        NDArray dh1 = dh2.add(da2.batchMatMul(p[ArgnNetwork.W2].transpose(0, 2, 1)));
        NDArray da1 = dh1.mul(a1.gt(0f).toType(DataType.FLOAT32, false));
        NDArray dContext = da1.batchMatMul(p[ArgnNetwork.W1].transpose(0, 2, 1)); // [C, B, D]
        NDArray dEmbedded = dContext.mul(batch.embeddingMask().expandDims(1)).sum(new int[] {0}); // [B, D]

        // each row's squared gradient norm, summed over every parameter
        NDArray maskNorm = batch.mask().square().sum(new int[] {1, 2}).reshape(c, 1); // [C, 1]
        NDArray da1Norm = squaredNorm(da1);
        NDArray norms = squaredNorm(dLogits)
                .mul(squaredNorm(h2).add(1))
                .add(squaredNorm(da2).mul(squaredNorm(h1).add(1)))
                .add(da1Norm.mul(squaredNorm(context).add(maskNorm).add(1)))
                .sum(new int[] {0}) // [B]
                .add(dEmbedded.square().sum(new int[] {1}));
        NDArray factor = norms.sqrt().add(1e-12f).pow(-1).mul((float) clip).minimum(1f); // [B]
        NDArray f = factor.reshape(1, b, 1);

        NDArray sLogits = dLogits.mul(f);
        NDArray sDa2 = da2.mul(f);
        NDArray sDa1 = da1.mul(f);
        gradients[ArgnNetwork.B3] = sLogits.sum(new int[] {1}, true);
        gradients[ArgnNetwork.W3] = h2.transpose(0, 2, 1).batchMatMul(sLogits);
        gradients[ArgnNetwork.B2] = sDa2.sum(new int[] {1}, true);
        gradients[ArgnNetwork.W2] = h1.transpose(0, 2, 1).batchMatMul(sDa2);
        gradients[ArgnNetwork.B1] = sDa1.sum(new int[] {1}, true);
        gradients[ArgnNetwork.W1] = context.transpose(0, 2, 1).batchMatMul(sDa1);
        gradients[ArgnNetwork.WM] = batch.mask().transpose(0, 2, 1).batchMatMul(gradients[ArgnNetwork.B1]);
        // the embedding: each row's gradient goes to the rows of its tokens, one per position
        NDArray sContext = dEmbedded.mul(factor.reshape(b, 1)); // [B, D]
        // back through the selection of each column's numbers: unused numbers get no gradient
        NDArray sEmbedded = (forward.selection == null ? sContext : sContext.matMul(forward.selection.transpose()))
                .reshape((long) b * c, e);
        long vocabulary = p[ArgnNetwork.EMB].getShape().get(0);
        NDArray oneHot = batch.ids().reshape((long) b * c).oneHot((int) vocabulary); // [B*C, V]
        gradients[ArgnNetwork.EMB] = oneHot.transpose().matMul(sEmbedded);
        for (int i = 0; i < gradients.length; i++) {
            gradients[i] = gradients[i].reshape(p[i].getShape());
        }
    }

    /** Per position and row, the squared norm over the last axis: [C, B]. */
    private static NDArray squaredNorm(NDArray x) {
        return x.square().sum(new int[] {2});
    }
}
