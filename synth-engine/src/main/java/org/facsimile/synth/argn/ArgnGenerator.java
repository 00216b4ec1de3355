package org.facsimile.synth.argn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.function.Consumer;
import org.facsimile.synth.Generator;
import org.facsimile.synth.columns.ColumnModel;
import org.facsimile.synth.columns.ContinuousMarginal;
import org.facsimile.synth.columns.Io;
import org.facsimile.synth.columns.Marginal;

/**
 * Generates rows from a trained network: the learnt columns as tokens drawn position by
 * position, turned back into values (within a bin, or from calendar parts); identifiers fresh, free text and constant
 * columns by their own rules. Rows are made in batches and handed on at once, so memory stays
 * flat in the number of rows.
 */
public final class ArgnGenerator implements Generator {

    /**
     * Format version of {@link #write}; bump on any change (2: columns of many tokens split in two;
     * 3: per-column embedding widths). Format 2 files are still read.
     */
    static final int FORMAT = 3;

    /** Rows drawn per batch: large enough for fast matrix products, small enough to stay flat. */
    static final int BATCH = 8192;

    private final ColumnModel[] columns;
    private final int maxTokens;
    private final ArgnNetwork network;
    private final double temperature;
    private final double topP;
    private final int[] learnt;
    private final ColumnCodec[] codecs;
    private final int[] positions;

    /** What a private fit spent; null otherwise (and after reading from a file). */
    private org.facsimile.synth.dp.PrivacySpent spent;

    ArgnGenerator(ColumnModel[] columns, int maxTokens, ArgnNetwork network, double temperature, double topP) {
        this.columns = columns;
        this.maxTokens = maxTokens;
        this.network = network;
        this.temperature = temperature;
        this.topP = topP;
        this.learnt = ColumnModel.jointlyLearnt(columns);
        this.codecs = codecs(columns, learnt, maxTokens);
        this.positions = positions(codecs);
        int[] vocab = vocab(codecs);
        if (network != null && !java.util.Arrays.equals(network.vocab, vocab)) {
            throw new IllegalArgumentException("the network's tokens " + java.util.Arrays.toString(network.vocab)
                    + " do not match the columns' " + java.util.Arrays.toString(vocab));
        }
    }

    /**
     * Dates and date-times as calendar parts where their span allows, codes as their characters,
     * everything else as bins.
     */
    static ColumnCodec[] codecs(ColumnModel[] columns, int[] learnt, int maxTokens) {
        ColumnCodec[] codecs = new ColumnCodec[learnt.length];
        for (int j = 0; j < learnt.length; j++) {
            Marginal marginal = columns[learnt[j]].marginal();
            ColumnCodec calendar = marginal instanceof ContinuousMarginal c ? CalendarCodec.of(c) : null;
            if (marginal instanceof org.facsimile.synth.columns.CodeMarginal code) {
                codecs[j] = new CharCodec(code);
            } else {
                codecs[j] = calendar != null ? calendar : SplitCodec.of(new BinCodec(marginal, maxTokens));
            }
        }
        return codecs;
    }

    /** The vocabulary of every token position, the columns' positions one after another. */
    static int[] vocab(ColumnCodec[] codecs) {
        return java.util.Arrays.stream(codecs)
                .flatMapToInt(c -> java.util.Arrays.stream(c.vocab()))
                .toArray();
    }

    /** Where each column's token positions start. */
    static int[] positions(ColumnCodec[] codecs) {
        int[] positions = new int[codecs.length];
        for (int j = 1; j < codecs.length; j++) {
            positions[j] = positions[j - 1] + codecs[j - 1].vocab().length;
        }
        return positions;
    }

    /**
     * The same model sampled differently.
     *
     * @param temperature logits are divided by it (1 = as learnt)
     * @param topP only the likeliest tokens reaching this probability are drawn (1 = all)
     */
    @Override
    public ArgnGenerator withSampling(double temperature, double topP) {
        if (!(temperature > 0) || !(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("temperature must be positive and topP in (0, 1]");
        }
        ArgnGenerator other = new ArgnGenerator(columns, maxTokens, network, temperature, topP);
        other.spent = spent;
        return other;
    }

    /** This generator, recording what its private fit spent. */
    ArgnGenerator spent(org.facsimile.synth.dp.PrivacySpent privacy) {
        this.spent = privacy;
        return this;
    }

    @Override
    public org.facsimile.synth.dp.PrivacySpent privacySpent() {
        return spent;
    }

    @Override
    public void generate(long rows, long seed, Consumer<String[]> sink) {
        Random random = new Random(seed);
        ArgnSampler sampler = network == null ? null : new ArgnSampler(network);
        try {
            for (long done = 0; done < rows; ) {
                int batch = (int) Math.min(BATCH, rows - done);
                int[][] tokens = sampler == null ? new int[batch][0] : sampler.sample(batch, random, temperature, topP);
                for (int r = 0; r < batch; r++) {
                    String[] row = new String[columns.length];
                    for (int j = 0; j < learnt.length; j++) {
                        row[learnt[j]] = codecs[j].decode(tokens[r], positions[j], random);
                    }
                    for (int c = 0; c < columns.length; c++) {
                        if (columns[c].marginal() == null) {
                            row[c] = columns[c].generate(done + r, seed, random);
                        }
                    }
                    sink.accept(row);
                }
                done += batch;
            }
        } finally {
            if (sampler != null) {
                sampler.close();
            }
        }
    }

    /**
     * Seeded generation: the network was trained under random column orders, so it can draw any
     * column given any others. Seeds with the same given columns are drawn together, in an order
     * that puts those columns first (the rest in the network's own order); given values are
     * written as given.
     */
    @Override
    public void generateSeeded(java.util.List<String[]> seeds, long seed, Consumer<String[]> sink) {
        Random random = new Random(seed);
        for (int from = 0; from < seeds.size(); from += BATCH) {
            java.util.List<String[]> batch = seeds.subList(from, Math.min(seeds.size(), from + BATCH));
            String[][] rows = new String[batch.size()][];
            java.util.Map<String, java.util.List<Integer>> groups = new java.util.LinkedHashMap<>();
            for (int r = 0; r < batch.size(); r++) {
                StringBuilder pattern = new StringBuilder();
                for (int j = 0; j < learnt.length; j++) {
                    pattern.append(batch.get(r)[learnt[j]] != null ? '1' : '0');
                }
                groups.computeIfAbsent(pattern.toString(), k -> new java.util.ArrayList<>())
                        .add(r);
            }
            for (java.util.Map.Entry<String, java.util.List<Integer>> group : groups.entrySet()) {
                drawGroup(batch, group.getKey(), group.getValue(), from, seed, random, rows);
            }
            for (String[] row : rows) {
                sink.accept(row);
            }
        }
    }

    /**
     * Rows drawn given their context: the network was trained with the context positions first
     * ({@link ArgnSynthesizer#fitGiven}); a missing context value is given as missing.
     */
    @Override
    public void generateGiven(java.util.List<String[]> contexts, int given, long seed, Consumer<String[]> sink) {
        StringBuilder pattern = new StringBuilder();
        for (int j = 0; j < learnt.length; j++) {
            pattern.append(learnt[j] < given ? '1' : '0');
        }
        Random random = new Random(seed);
        for (int from = 0; from < contexts.size(); from += BATCH) {
            java.util.List<String[]> batch = contexts.subList(from, Math.min(contexts.size(), from + BATCH));
            String[][] rows = new String[batch.size()][];
            java.util.List<Integer> members = new java.util.ArrayList<>(batch.size());
            for (int r = 0; r < batch.size(); r++) {
                members.add(r);
            }
            drawGroup(batch, pattern.toString(), members, from, seed, random, rows);
            for (int r = 0; r < rows.length; r++) {
                // columns outside the learnt ones (constants, keys) keep what the context gave
                for (int c = 0; c < given; c++) {
                    rows[r][c] = batch.get(r)[c];
                }
                sink.accept(rows[r]);
            }
        }
    }

    private void drawGroup(
            java.util.List<String[]> batch,
            String pattern,
            java.util.List<Integer> members,
            int from,
            long seed,
            Random random,
            String[][] rows) {
        int positionsCount = network == null ? 0 : network.columns();
        boolean[] fixed = new boolean[positionsCount];
        for (int j = 0; j < learnt.length; j++) {
            if (pattern.charAt(j) == '1') {
                for (int k = 0; k < codecs[j].vocab().length; k++) {
                    fixed[positions[j] + k] = true;
                }
            }
        }
        int[][] given = new int[members.size()][positionsCount];
        for (int m = 0; m < members.size(); m++) {
            String[] s = batch.get(members.get(m));
            for (int j = 0; j < learnt.length; j++) {
                if (pattern.charAt(j) == '1') {
                    codecs[j].encode(s[learnt[j]], random, given[m], positions[j]);
                }
            }
        }
        int[][] tokens;
        if (network == null) {
            tokens = new int[members.size()][0];
        } else {
            int[] order = new int[positionsCount];
            int next = 0;
            for (int p : network.order) {
                if (fixed[p]) {
                    order[next++] = p;
                }
            }
            for (int p : network.order) {
                if (!fixed[p]) {
                    order[next++] = p;
                }
            }
            try (ArgnSampler sampler = new ArgnSampler(network.withOrder(order))) {
                tokens = sampler.sample(members.size(), random, temperature, topP, given, fixed);
            }
        }
        for (int m = 0; m < members.size(); m++) {
            int r = members.get(m);
            String[] s = batch.get(r);
            String[] row = new String[columns.length];
            for (int j = 0; j < learnt.length; j++) {
                row[learnt[j]] =
                        pattern.charAt(j) == '1' ? s[learnt[j]] : codecs[j].decode(tokens[m], positions[j], random);
            }
            for (int c = 0; c < columns.length; c++) {
                if (columns[c].marginal() == null) {
                    row[c] = columns[c].generate(from + r, seed, random);
                }
            }
            rows[r] = row;
        }
    }

    @Override
    public void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(FORMAT);
        out.writeInt(columns.length);
        for (ColumnModel column : columns) {
            column.write(out);
        }
        out.writeInt(maxTokens);
        out.writeDouble(temperature);
        out.writeDouble(topP);
        out.writeBoolean(network != null);
        if (network != null) {
            network.write(out);
        }
        out.flush();
    }

    static ArgnGenerator read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int format = in.readInt();
        if (format != FORMAT && format != 2) {
            throw new IOException("unknown argn model format " + format);
        }
        ColumnModel[] columns = new ColumnModel[Io.count(in)];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = ColumnModel.read(in);
        }
        int maxTokens = in.readInt();
        double temperature = in.readDouble();
        double topP = in.readDouble();
        ArgnNetwork network = in.readBoolean() ? ArgnNetwork.read(in, format >= 3) : null;
        if (maxTokens < 2 || !(temperature > 0) || !(topP > 0 && topP <= 1)) {
            throw new IOException("corrupt model file: sampling settings");
        }
        try {
            return new ArgnGenerator(columns, maxTokens, network, temperature, topP);
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt model file: " + e.getMessage(), e);
        }
    }
}
