package org.facsimile.synth.quality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.CsvTables;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/** Computes a {@link QualityReport} from the training, holdout and synthetic rows of one table. */
public final class QualityEvaluator {

    /** Column triples measured at most; beyond, a fixed random sample of triples. */
    static final int MAX_TRIPLES = 500;

    /**
     * @param spec the table's columns; key, text, constant and empty columns are not measured
     * @param training the rows the model learnt from
     * @param holdout real rows the model never saw
     * @param synthetic the generated rows
     */
    public QualityReport evaluate(TableSpec spec, Table training, Table holdout, Table synthetic) {
        List<Integer> measured = new ArrayList<>();
        Binning[] binnings = new Binning[spec.columns().size()];
        for (int c = 0; c < binnings.length; c++) {
            if (measurable(spec, c)) {
                binnings[c] = Binning.fit(training.column(c), spec.column(c).kind());
                measured.add(c);
            }
        }
        int[][] trainBins = bins(training, binnings);
        int[][] holdBins = bins(holdout, binnings);
        int[][] synthBins = bins(synthetic, binnings);
        boolean reference = holdout.rowCount() > 0;

        List<QualityReport.ColumnQuality> columns = new ArrayList<>();
        long[] invalid = CsvTables.invalidValues(synthetic, spec);
        double uniSynth = 0;
        double uniHold = 0;
        for (int c = 0; c < binnings.length; c++) {
            String name = spec.column(c).name();
            String kind = spec.column(c).kind().name();
            String format = spec.column(c).format();
            if (binnings[c] == null) {
                columns.add(new QualityReport.ColumnQuality(name, kind, Double.NaN, List.of(), invalid[c], format));
                continue;
            }
            int[] cols = {c};
            double[] real = frequencies(trainBins, cols, binnings);
            double[] synth = frequencies(synthBins, cols, binnings);
            double accuracy = 1 - tvd(real, synth);
            uniSynth += accuracy;
            uniHold += reference ? 1 - tvd(real, frequencies(holdBins, cols, binnings)) : 0;
            List<String> labels = binnings[c].labels();
            List<QualityReport.Bin> bins = new ArrayList<>();
            for (int b = 0; b < real.length; b++) {
                bins.add(new QualityReport.Bin(labels.get(b), real[b], synth[b]));
            }
            columns.add(new QualityReport.ColumnQuality(name, kind, accuracy, bins, invalid[c], format));
        }

        List<QualityReport.PairQuality> pairs = new ArrayList<>();
        double biSynth = 0;
        double biHold = 0;
        double assocSynth = 0;
        double assocHold = 0;
        for (int i = 0; i < measured.size(); i++) {
            for (int j = i + 1; j < measured.size(); j++) {
                int[] cols = {measured.get(i), measured.get(j)};
                double[] real = frequencies(trainBins, cols, binnings);
                double[] synth = frequencies(synthBins, cols, binnings);
                double accuracy = 1 - tvd(real, synth);
                biSynth += accuracy;
                int rowsOf = binnings[cols[0]].binCount();
                int colsOf = binnings[cols[1]].binCount();
                double realV = cramersV(real, rowsOf, colsOf);
                double synthV = cramersV(synth, rowsOf, colsOf);
                assocSynth += 1 - Math.abs(realV - synthV);
                if (reference) {
                    double[] hold = frequencies(holdBins, cols, binnings);
                    biHold += 1 - tvd(real, hold);
                    assocHold += 1 - Math.abs(realV - cramersV(hold, rowsOf, colsOf));
                }
                pairs.add(new QualityReport.PairQuality(
                        spec.column(cols[0]).name(), spec.column(cols[1]).name(), accuracy, realV, synthV));
            }
        }

        List<int[]> triples = triples(measured);
        double triSynth = 0;
        double triHold = 0;
        for (int[] cols : triples) {
            double[] real = frequencies(trainBins, cols, binnings);
            triSynth += 1 - tvd(real, frequencies(synthBins, cols, binnings));
            triHold += reference ? 1 - tvd(real, frequencies(holdBins, cols, binnings)) : 0;
        }

        int[] binCounts = new int[binnings.length];
        for (int c = 0; c < binnings.length; c++) {
            binCounts[c] = binnings[c] == null ? 0 : binnings[c].binCount();
        }
        double auc = measured.isEmpty() ? Double.NaN : Discriminator.auc(trainBins, synthBins, binCounts, 11);
        double holdoutAuc =
                measured.isEmpty() || !reference ? Double.NaN : Discriminator.auc(trainBins, holdBins, binCounts, 11);

        int k = measured.size();
        int p = pairs.size();
        int t = triples.size();
        return new QualityReport(
                spec.name(),
                training.rowCount(),
                holdout.rowCount(),
                synthetic.rowCount(),
                k == 0 ? Double.NaN : uniSynth / k,
                p == 0 ? Double.NaN : biSynth / p,
                t == 0 ? Double.NaN : triSynth / t,
                k == 0 || !reference ? Double.NaN : uniHold / k,
                p == 0 || !reference ? Double.NaN : biHold / p,
                t == 0 || !reference ? Double.NaN : triHold / t,
                p == 0 ? Double.NaN : assocSynth / p,
                p == 0 || !reference ? Double.NaN : assocHold / p,
                auc,
                holdoutAuc,
                columns,
                pairs);
    }

    /** Whether a column's values are compared: not keys, identifiers, text or constants. */
    public static boolean measurable(TableSpec spec, int c) {
        ColumnKind kind = spec.column(c).kind();
        return !spec.primaryKey().contains(spec.column(c).name())
                && spec.column(c).personal() == null
                && kind != ColumnKind.IDENTIFIER
                && kind != ColumnKind.TEXT
                && kind != ColumnKind.EMPTY
                && kind != ColumnKind.CONSTANT;
    }

    /**
     * How well two groups of columns keep their relation, such as a parent's columns against its
     * children's: the mean bivariate accuracy over the pairs with one column of each group.
     *
     * @param accuracy mean over the pairs of 1 - TVD(training, synthetic); NaN when no pair
     * @param holdoutAccuracy the same for the holdout rows, the reference
     * @param pairs each pair's accuracy and association strength
     */
    public record CrossQuality(double accuracy, double holdoutAccuracy, List<QualityReport.PairQuality> pairs) {}

    /**
     * @param left the columns before this index form the first group, the rest the second
     */
    public CrossQuality cross(TableSpec spec, int left, Table training, Table holdout, Table synthetic) {
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < left; i++) {
            for (int j = left; j < spec.columns().size(); j++) {
                pairs.add(new int[] {i, j});
            }
        }
        return pairs(spec, pairs, training, holdout, synthetic);
    }

    /**
     * How well a sequence keeps each column's step from one row to the next: rows are pairs of
     * consecutive rows (the earlier row's columns, then the later's, in the same order), and each
     * column is compared with itself one row later.
     */
    public CrossQuality consecutive(TableSpec spec, Table training, Table holdout, Table synthetic) {
        int half = spec.columns().size() / 2;
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < half; i++) {
            pairs.add(new int[] {i, half + i});
        }
        return pairs(spec, pairs, training, holdout, synthetic);
    }

    /** The mean bivariate accuracy over the given pairs of columns, each fitted on the training rows. */
    private CrossQuality pairs(TableSpec spec, List<int[]> wanted, Table training, Table holdout, Table synthetic) {
        Binning[] binnings = new Binning[spec.columns().size()];
        for (int c = 0; c < binnings.length; c++) {
            if (measurable(spec, c)) {
                binnings[c] = Binning.fit(training.column(c), spec.column(c).kind());
            }
        }
        int[][] trainBins = bins(training, binnings);
        int[][] holdBins = bins(holdout, binnings);
        int[][] synthBins = bins(synthetic, binnings);
        List<QualityReport.PairQuality> pairs = new ArrayList<>();
        double synth = 0;
        double hold = 0;
        for (int[] cols : wanted) {
            int i = cols[0];
            int j = cols[1];
            if (binnings[i] == null || binnings[j] == null) {
                continue;
            }
            double[] real = frequencies(trainBins, cols, binnings);
            double[] synthFreq = frequencies(synthBins, cols, binnings);
            double accuracy = 1 - tvd(real, synthFreq);
            synth += accuracy;
            hold += holdout.rowCount() > 0 ? 1 - tvd(real, frequencies(holdBins, cols, binnings)) : 0;
            int rowsOf = binnings[i].binCount();
            int colsOf = binnings[j].binCount();
            pairs.add(new QualityReport.PairQuality(
                    spec.column(i).name(),
                    spec.column(j).name(),
                    accuracy,
                    cramersV(real, rowsOf, colsOf),
                    cramersV(synthFreq, rowsOf, colsOf)));
        }
        int n = pairs.size();
        return new CrossQuality(
                n == 0 ? Double.NaN : synth / n, n == 0 || holdout.rowCount() == 0 ? Double.NaN : hold / n, pairs);
    }

    /** All column triples, or a fixed random sample of {@link #MAX_TRIPLES} of them. */
    private static List<int[]> triples(List<Integer> measured) {
        List<int[]> all = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            for (int j = i + 1; j < measured.size(); j++) {
                for (int l = j + 1; l < measured.size(); l++) {
                    all.add(new int[] {measured.get(i), measured.get(j), measured.get(l)});
                }
            }
        }
        if (all.size() > MAX_TRIPLES) {
            Collections.shuffle(all, new Random(0));
            return all.subList(0, MAX_TRIPLES);
        }
        return all;
    }

    private static int[][] bins(Table table, Binning[] binnings) {
        int[][] bins = new int[table.rowCount()][binnings.length];
        for (int r = 0; r < table.rowCount(); r++) {
            String[] row = table.row(r);
            for (int c = 0; c < binnings.length; c++) {
                bins[r][c] = binnings[c] == null ? 0 : binnings[c].bin(row[c]);
            }
        }
        return bins;
    }

    /** The joint distribution of the bins of {@code columns}, flattened. */
    private static double[] frequencies(int[][] rows, int[] columns, Binning[] binnings) {
        int cells = 1;
        for (int c : columns) {
            cells *= binnings[c].binCount();
        }
        double[] f = new double[cells];
        if (rows.length == 0) {
            return f;
        }
        for (int[] row : rows) {
            int cell = 0;
            for (int c : columns) {
                cell = cell * binnings[c].binCount() + row[c];
            }
            f[cell] += 1.0 / rows.length;
        }
        return f;
    }

    /**
     * Cramér's V of a two-way table of joint frequencies: 0 when the two columns are independent,
     * 1 when one determines the other. Rows or columns that are empty do not count towards the
     * table's size.
     */
    static double cramersV(double[] joint, int rows, int columns) {
        double[] rowSum = new double[rows];
        double[] colSum = new double[columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                rowSum[i] += joint[i * columns + j];
                colSum[j] += joint[i * columns + j];
            }
        }
        int usedRows = 0;
        int usedColumns = 0;
        for (double r : rowSum) {
            usedRows += r > 0 ? 1 : 0;
        }
        for (double c : colSum) {
            usedColumns += c > 0 ? 1 : 0;
        }
        int k = Math.min(usedRows, usedColumns);
        if (k < 2) {
            return 0;
        }
        double phi2 = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double expected = rowSum[i] * colSum[j];
                if (expected > 0) {
                    double d = joint[i * columns + j] - expected;
                    phi2 += d * d / expected;
                }
            }
        }
        return Math.sqrt(Math.min(1, phi2 / (k - 1)));
    }

    /** Total variation distance between two distributions over the same cells. */
    public static double tvd(double[] p, double[] q) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += Math.abs(p[i] - q[i]);
        }
        return sum / 2;
    }
}
