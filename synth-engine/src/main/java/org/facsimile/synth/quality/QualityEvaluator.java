package org.facsimile.synth.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/** Computes a {@link QualityReport} from the training, holdout and synthetic rows of one table. */
public final class QualityEvaluator {

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
            ColumnKind kind = spec.column(c).kind();
            boolean key = spec.primaryKey().contains(spec.column(c).name());
            if (key
                    || kind == ColumnKind.IDENTIFIER
                    || kind == ColumnKind.TEXT
                    || kind == ColumnKind.EMPTY
                    || kind == ColumnKind.CONSTANT) {
                continue;
            }
            binnings[c] = Binning.fit(training.column(c), kind);
            measured.add(c);
        }
        int[][] trainBins = bins(training, binnings);
        int[][] holdBins = bins(holdout, binnings);
        int[][] synthBins = bins(synthetic, binnings);

        List<QualityReport.ColumnQuality> columns = new ArrayList<>();
        double uniSynth = 0;
        double uniHold = 0;
        for (int c = 0; c < binnings.length; c++) {
            if (binnings[c] == null) {
                columns.add(new QualityReport.ColumnQuality(
                        spec.column(c).name(), spec.column(c).kind().name(), Double.NaN));
                continue;
            }
            double accuracy = 1 - tvd(trainBins, synthBins, c, -1, binnings);
            uniSynth += accuracy;
            uniHold += holdBins.length == 0 ? 0 : 1 - tvd(trainBins, holdBins, c, -1, binnings);
            columns.add(new QualityReport.ColumnQuality(
                    spec.column(c).name(), spec.column(c).kind().name(), accuracy));
        }
        double biSynth = 0;
        double biHold = 0;
        int pairs = 0;
        for (int i = 0; i < measured.size(); i++) {
            for (int j = i + 1; j < measured.size(); j++) {
                int a = measured.get(i);
                int b = measured.get(j);
                biSynth += 1 - tvd(trainBins, synthBins, a, b, binnings);
                biHold += holdBins.length == 0 ? 0 : 1 - tvd(trainBins, holdBins, a, b, binnings);
                pairs++;
            }
        }
        int k = measured.size();
        return new QualityReport(
                spec.name(),
                training.rowCount(),
                holdout.rowCount(),
                synthetic.rowCount(),
                k == 0 ? Double.NaN : uniSynth / k,
                pairs == 0 ? Double.NaN : biSynth / pairs,
                k == 0 || holdout.rowCount() == 0 ? Double.NaN : uniHold / k,
                pairs == 0 || holdout.rowCount() == 0 ? Double.NaN : biHold / pairs,
                identicalShare(training, synthetic, spec),
                holdout.rowCount() == 0 ? Double.NaN : identicalShare(training, holdout, spec),
                columns);
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

    /** Total variation distance between the (joint) bin distributions of one column or a pair. */
    private static double tvd(int[][] p, int[][] q, int a, int b, Binning[] binnings) {
        int width = b < 0 ? 1 : binnings[b].binCount();
        int cells = binnings[a].binCount() * width;
        double[] fp = new double[cells];
        double[] fq = new double[cells];
        for (int[] row : p) {
            fp[row[a] * width + (b < 0 ? 0 : row[b])] += 1.0 / p.length;
        }
        for (int[] row : q) {
            fq[row[a] * width + (b < 0 ? 0 : row[b])] += 1.0 / q.length;
        }
        double sum = 0;
        for (int i = 0; i < cells; i++) {
            sum += Math.abs(fp[i] - fq[i]);
        }
        return sum / 2;
    }

    /** Share of {@code candidates} rows equal to a training row on every column that is not a key. */
    private static double identicalShare(Table training, Table candidates, TableSpec spec) {
        if (candidates.rowCount() == 0) {
            return 0;
        }
        boolean[] compared = new boolean[spec.columns().size()];
        for (int c = 0; c < compared.length; c++) {
            compared[c] = !spec.primaryKey().contains(spec.column(c).name())
                    && spec.column(c).kind() != ColumnKind.IDENTIFIER;
        }
        Set<List<String>> seen = new HashSet<>();
        for (String[] row : training.rows()) {
            seen.add(key(row, compared));
        }
        long matches = 0;
        for (String[] row : candidates.rows()) {
            if (seen.contains(key(row, compared))) {
                matches++;
            }
        }
        return matches / (double) candidates.rowCount();
    }

    private static List<String> key(String[] row, boolean[] compared) {
        String[] key = new String[row.length];
        for (int c = 0; c < row.length; c++) {
            key[c] = compared[c] ? row[c] : "";
        }
        return Arrays.asList(key);
    }
}
