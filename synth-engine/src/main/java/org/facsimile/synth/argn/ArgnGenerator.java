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

    /** Format version of {@link #write}; bump on any change. */
    static final int FORMAT = 1;

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

    /** Dates and date-times as calendar parts where their span allows, everything else as bins. */
    static ColumnCodec[] codecs(ColumnModel[] columns, int[] learnt, int maxTokens) {
        ColumnCodec[] codecs = new ColumnCodec[learnt.length];
        for (int j = 0; j < learnt.length; j++) {
            Marginal marginal = columns[learnt[j]].marginal();
            ColumnCodec calendar = marginal instanceof ContinuousMarginal c ? CalendarCodec.of(c) : null;
            codecs[j] = calendar != null ? calendar : new BinCodec(marginal, maxTokens);
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
        return new ArgnGenerator(columns, maxTokens, network, temperature, topP);
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
        if (format != FORMAT) {
            throw new IOException("unknown argn model format " + format);
        }
        ColumnModel[] columns = new ColumnModel[Io.count(in)];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = ColumnModel.read(in);
        }
        int maxTokens = in.readInt();
        double temperature = in.readDouble();
        double topP = in.readDouble();
        ArgnNetwork network = in.readBoolean() ? ArgnNetwork.read(in) : null;
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
