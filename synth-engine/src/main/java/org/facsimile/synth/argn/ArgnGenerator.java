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
import org.facsimile.synth.columns.Io;

/**
 * Generates rows from a trained network: the learnt columns as tokens drawn column by column,
 * each token turned back into a value within its bin; identifiers fresh, free text and constant
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
    private final TokenCodec[] codecs;

    ArgnGenerator(ColumnModel[] columns, int maxTokens, ArgnNetwork network, double temperature, double topP) {
        this.columns = columns;
        this.maxTokens = maxTokens;
        this.network = network;
        this.temperature = temperature;
        this.topP = topP;
        this.learnt = learntColumns(columns);
        this.codecs = codecs(columns, learnt, maxTokens);
        if (network != null && network.columns() != learnt.length) {
            throw new IllegalArgumentException(
                    "the network learnt " + network.columns() + " columns, not " + learnt.length);
        }
    }

    static int[] learntColumns(ColumnModel[] columns) {
        return java.util.stream.IntStream.range(0, columns.length)
                .filter(c -> columns[c].marginal() != null)
                .toArray();
    }

    static TokenCodec[] codecs(ColumnModel[] columns, int[] learnt, int maxTokens) {
        TokenCodec[] codecs = new TokenCodec[learnt.length];
        for (int j = 0; j < learnt.length; j++) {
            codecs[j] = new TokenCodec(columns[learnt[j]].marginal(), maxTokens);
        }
        return codecs;
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
                        row[learnt[j]] = codecs[j].decode(tokens[r][j], random);
                    }
                    for (int c = 0; c < columns.length; c++) {
                        if (columns[c].marginal() == null) {
                            row[c] = columns[c].generate(done + r, random);
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
            ArgnGenerator generator = new ArgnGenerator(columns, maxTokens, network, temperature, topP);
            for (int j = 0; j < generator.codecs.length; j++) {
                if (network != null && generator.codecs[j].size() != network.vocab[j]) {
                    throw new IOException("corrupt model file: column " + j + " has " + generator.codecs[j].size()
                            + " tokens, the network " + network.vocab[j]);
                }
            }
            return generator;
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt model file: " + e.getMessage(), e);
        }
    }
}
