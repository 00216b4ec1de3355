package org.facsimile.synth.baseline;

import java.util.Random;
import java.util.function.Consumer;
import org.facsimile.synth.Generator;
import org.facsimile.synth.columns.ColumnModel;
import org.facsimile.synth.columns.Io;
import org.facsimile.synth.maths.Normal;

/** Samples rows: correlated normals through the Cholesky factor, each mapped back by its marginal. */
final class CopulaGenerator implements Generator {

    private final ColumnModel[] columns;
    private final int[] copulaIndex;
    private final double[][] cholesky;

    CopulaGenerator(ColumnModel[] columns, int[] copulaIndex, double[][] cholesky) {
        this.columns = columns;
        this.copulaIndex = copulaIndex;
        this.cholesky = cholesky;
    }

    /** Format version of {@link #write}; bump on any change. */
    static final int FORMAT = 1;

    @Override
    public void write(java.io.OutputStream stream) throws java.io.IOException {
        java.io.DataOutputStream out = new java.io.DataOutputStream(stream);
        out.writeInt(FORMAT);
        out.writeInt(columns.length);
        for (ColumnModel column : columns) {
            column.write(out);
        }
        out.writeInt(copulaIndex.length);
        for (int c : copulaIndex) {
            out.writeInt(c);
        }
        for (double[] row : cholesky) {
            Io.writeDoubles(out, row);
        }
        out.flush();
    }

    static CopulaGenerator read(java.io.InputStream stream) throws java.io.IOException {
        java.io.DataInputStream in = new java.io.DataInputStream(stream);
        int format = in.readInt();
        if (format != FORMAT) {
            throw new java.io.IOException("unknown baseline model format " + format);
        }
        ColumnModel[] columns = new ColumnModel[Io.count(in)];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = ColumnModel.read(in);
        }
        int[] copulaIndex = new int[Io.count(in)];
        for (int i = 0; i < copulaIndex.length; i++) {
            copulaIndex[i] = in.readInt();
            if (copulaIndex[i] < 0 || copulaIndex[i] >= columns.length) {
                throw new java.io.IOException("corrupt model file: column " + copulaIndex[i]);
            }
        }
        double[][] cholesky = new double[copulaIndex.length][];
        for (int i = 0; i < cholesky.length; i++) {
            cholesky[i] = Io.readDoubles(in);
            if (cholesky[i].length != copulaIndex.length) {
                throw new java.io.IOException("corrupt model file: correlation row of " + cholesky[i].length);
            }
        }
        return new CopulaGenerator(columns, copulaIndex, cholesky);
    }

    @Override
    public void generate(long rows, long seed, Consumer<String[]> sink) {
        Random random = new Random(seed);
        int k = copulaIndex.length;
        double[] e = new double[k];
        for (long r = 0; r < rows; r++) {
            String[] row = new String[columns.length];
            for (int j = 0; j < k; j++) {
                e[j] = random.nextGaussian();
            }
            for (int i = 0; i < k; i++) {
                double z = 0;
                for (int j = 0; j <= i; j++) {
                    z += cholesky[i][j] * e[j];
                }
                double u = Math.min(1 - 1e-12, Math.max(1e-12, Normal.cdf(z)));
                row[copulaIndex[i]] = columns[copulaIndex[i]].marginal().fromUniform(u, random);
            }
            for (int c = 0; c < columns.length; c++) {
                if (columns[c].marginal() == null) {
                    row[c] = columns[c].generate(r, seed, random);
                }
            }
            sink.accept(row);
        }
    }
}
