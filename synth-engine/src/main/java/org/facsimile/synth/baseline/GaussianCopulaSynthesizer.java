package org.facsimile.synth.baseline;

import java.util.Random;
import org.facsimile.synth.Generator;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.Step;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.Synthesizer;
import org.facsimile.synth.columns.ColumnModel;
import org.facsimile.synth.columns.Marginal;
import org.facsimile.synth.maths.Normal;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * The baseline: every learnt column gets an empirical marginal; a Gaussian copula (the
 * correlation of the columns' normal scores) ties them together. Identifier columns are generated
 * fresh, free text comes from a protected bag of words, constant and empty columns stay so.
 */
public final class GaussianCopulaSynthesizer implements Synthesizer {

    private final boolean independent;

    /** The baseline synthesizer. */
    public GaussianCopulaSynthesizer() {
        this(false);
    }

    private GaussianCopulaSynthesizer(boolean independent) {
        this.independent = independent;
    }

    /**
     * The same marginals with every column drawn on its own (the copula's correlation set to the
     * identity): keeps each column, loses every relation between columns. Not for release; the
     * floor a benchmark measures real synthesizers against.
     */
    public static GaussianCopulaSynthesizer independentColumns() {
        return new GaussianCopulaSynthesizer(true);
    }

    @Override
    public String name() {
        return independent ? "independent-columns" : "baseline";
    }

    @Override
    public Generator fit(Table table, TableSpec spec, SynthesisSettings settings, ProgressListener progress) {
        progress.stepStarted(
                Step.PROFILING, "profiling " + table.columnCount() + " columns of " + table.rowCount() + " rows");
        ColumnModel[] columns = ColumnModel.fitAll(table, spec, settings.seed());
        int[] copulaIndex = ColumnModel.jointlyLearnt(columns);

        progress.stepStarted(Step.TRAINING, "fitting the copula over " + copulaIndex.length + " columns");
        Random random = new Random(settings.seed());
        int k = copulaIndex.length;
        int n = table.rowCount();
        double[][] scores = new double[n][k];
        for (int j = 0; j < k; j++) {
            int c = copulaIndex[j];
            Marginal marginal = columns[c].marginal();
            for (int r = 0; r < n; r++) {
                double u = marginal.toUniform(table.row(r)[c], random);
                scores[r][j] = Normal.inverseCdf(Math.min(1 - 1e-9, Math.max(1e-9, u)));
            }
        }
        double[][] cholesky = independent ? identity(k) : Correlation.choleskyOfCorrelation(scores, k);
        return new CopulaGenerator(columns, copulaIndex, cholesky);
    }

    @Override
    public Generator read(java.io.InputStream in) throws java.io.IOException {
        return CopulaGenerator.read(in);
    }

    private static double[][] identity(int k) {
        double[][] identity = new double[k][k];
        for (int i = 0; i < k; i++) {
            identity[i][i] = 1;
        }
        return identity;
    }
}
