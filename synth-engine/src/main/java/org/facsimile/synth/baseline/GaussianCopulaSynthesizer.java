package org.facsimile.synth.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.facsimile.synth.Generator;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.Step;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.Synthesizer;
import org.facsimile.synth.columns.ColumnModel;
import org.facsimile.synth.columns.Marginal;
import org.facsimile.synth.table.ColumnSpec;
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
        if (!table.columns().equals(spec.columnNames())) {
            throw new IllegalArgumentException(
                    "table columns " + table.columns() + " differ from spec " + spec.columnNames());
        }
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException("table " + table.name() + " has no rows to learn from");
        }
        progress.stepStarted(
                Step.PROFILING, "profiling " + table.columnCount() + " columns of " + table.rowCount() + " rows");
        int m = table.columnCount();
        ColumnModel[] columns = new ColumnModel[m];
        List<Integer> copulaColumns = new ArrayList<>();
        Random protection = new Random(settings.seed());
        for (int c = 0; c < m; c++) {
            ColumnSpec column = spec.column(c);
            String[] values = table.column(c);
            columns[c] = ColumnModel.fit(column, values, spec.primaryKey().contains(column.name()), protection);
            if (columns[c].marginal() != null) {
                copulaColumns.add(c);
            }
        }

        progress.stepStarted(Step.TRAINING, "fitting the copula over " + copulaColumns.size() + " columns");
        Random random = new Random(settings.seed());
        int k = copulaColumns.size();
        int n = table.rowCount();
        double[][] scores = new double[n][k];
        for (int j = 0; j < k; j++) {
            int c = copulaColumns.get(j);
            Marginal marginal = columns[c].marginal();
            for (int r = 0; r < n; r++) {
                double u = marginal.toUniform(table.row(r)[c], random);
                scores[r][j] = Normal.inverseCdf(Math.min(1 - 1e-9, Math.max(1e-9, u)));
            }
        }
        double[][] cholesky = independent ? identity(k) : Correlation.choleskyOfCorrelation(scores, k);
        int[] copulaIndex = copulaColumns.stream().mapToInt(Integer::intValue).toArray();
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
