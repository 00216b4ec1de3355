package org.facsimile.synth.baseline;

import java.util.Random;
import java.util.function.Consumer;
import org.facsimile.synth.Generator;
import org.facsimile.synth.baseline.GaussianCopulaSynthesizer.ColumnModel;

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
                row[copulaIndex[i]] = columns[copulaIndex[i]].marginal.fromUniform(u, random);
            }
            for (int c = 0; c < columns.length; c++) {
                ColumnModel column = columns[c];
                if (column.marginal != null) {
                    continue;
                }
                if (column.identifier) {
                    row[c] = column.integerIdentifier ? Long.toString(r + 1) : String.format("S%08d", r + 1);
                } else if (column.text != null) {
                    row[c] = column.text.sample(random);
                } else {
                    row[c] = column.constant;
                }
            }
            sink.accept(row);
        }
    }
}
