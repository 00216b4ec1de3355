package org.facsimile.synth.privacy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * A Gower-style distance between rows, in [0, 1]: the mean over compared columns of a per-column
 * distance — for numbers |a - b| over the training rows' 1st-99th percentile range (capped at 1),
 * for everything else 0 when equal and 1 when not; missing equals missing. Keys are not compared.
 */
final class RowDistance {

    private final int[] columns;
    private final boolean[] numeric;
    private final ColumnKind[] kinds;
    private final double[] range;
    private final Map<String, Integer>[] codes;

    @SuppressWarnings("unchecked")
    RowDistance(TableSpec spec, Table training) {
        int m = spec.columns().size();
        int[] compared = new int[m];
        int n = 0;
        for (int c = 0; c < m; c++) {
            boolean key = spec.primaryKey().contains(spec.column(c).name())
                    || spec.column(c).kind() == ColumnKind.IDENTIFIER
                    // fakes, drawn apart from the rest of the row: nothing to compare
                    || spec.column(c).personal() != null;
            if (!key) {
                compared[n++] = c;
            }
        }
        this.columns = Arrays.copyOf(compared, n);
        this.numeric = new boolean[n];
        this.kinds = new ColumnKind[n];
        this.range = new double[n];
        this.codes = new Map[n];
        for (int j = 0; j < n; j++) {
            ColumnKind kind = spec.column(columns[j]).kind();
            kinds[j] = kind;
            numeric[j] = kind.isNumeric();
            codes[j] = new HashMap<>();
            if (numeric[j]) {
                double[] values = Arrays.stream(training.column(columns[j]))
                        .mapToDouble(v -> kind.toNumber(v))
                        .filter(d -> !Double.isNaN(d))
                        .sorted()
                        .toArray();
                range[j] =
                        values.length == 0 ? 1 : Math.max(1e-12, percentile(values, 0.99) - percentile(values, 0.01));
            }
        }
    }

    /** A row as numbers: numeric columns as values, others as category codes; missing is NaN. */
    double[] encode(String[] row) {
        double[] out = new double[columns.length];
        for (int j = 0; j < columns.length; j++) {
            String v = row[columns[j]];
            if (v == null) {
                out[j] = Double.NaN;
            } else if (numeric[j]) {
                out[j] = kinds[j].toNumber(v);
            } else {
                Map<String, Integer> code = codes[j];
                out[j] = code.computeIfAbsent(v, k -> code.size());
            }
        }
        return out;
    }

    double distance(double[] a, double[] b) {
        if (columns.length == 0) {
            return 0;
        }
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double x = a[j];
            double y = b[j];
            if (Double.isNaN(x) || Double.isNaN(y)) {
                sum += Double.isNaN(x) && Double.isNaN(y) ? 0 : 1;
            } else if (numeric[j]) {
                sum += Math.min(1, Math.abs(x - y) / range[j]);
            } else {
                sum += x == y ? 0 : 1;
            }
        }
        return sum / a.length;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * (sorted.length - 1)))];
    }
}
