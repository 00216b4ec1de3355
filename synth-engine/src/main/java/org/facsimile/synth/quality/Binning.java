package org.facsimile.synth.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.facsimile.synth.table.ColumnKind;

/**
 * Turns a column's values into at most 12 bins, fitted on the training rows: numeric columns by
 * 10 quantile bins, categorical ones as the top 10 categories and "other"; missing is a bin of its
 * own (the last).
 */
final class Binning {

    private static final int BINS = 10;

    private final ColumnKind kind;
    private final double[] edges;
    private final Map<String, Integer> categories;
    private final int binCount;

    private Binning(ColumnKind kind, double[] edges, Map<String, Integer> categories, int binCount) {
        this.kind = kind;
        this.edges = edges;
        this.categories = categories;
        this.binCount = binCount;
    }

    static Binning fit(String[] training, ColumnKind kind) {
        if (kind.isNumeric()) {
            double[] values = Arrays.stream(training)
                    .filter(v -> v != null)
                    .mapToDouble(v -> kind.toNumber(v))
                    .filter(d -> !Double.isNaN(d))
                    .sorted()
                    .toArray();
            double[] edges = new double[BINS - 1];
            for (int b = 1; b < BINS; b++) {
                edges[b - 1] = values.length == 0
                        ? 0
                        : values[Math.min(values.length - 1, (int) Math.floor(values.length * b / (double) BINS))];
            }
            double[] distinctEdges = Arrays.stream(edges).distinct().toArray();
            return new Binning(kind, distinctEdges, null, distinctEdges.length + 2);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String v : training) {
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> top = new ArrayList<>(counts.entrySet());
        top.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> categories = new HashMap<>();
        for (int i = 0; i < Math.min(BINS, top.size()); i++) {
            categories.put(top.get(i).getKey(), i);
        }
        // top categories, then "other", then missing
        return new Binning(kind, null, categories, categories.size() + 2);
    }

    /** A human label per bin, in bin order: value ranges or categories, then "(other)", "(missing)". */
    List<String> labels() {
        List<String> labels = new ArrayList<>();
        if (edges != null) {
            if (edges.length == 0) {
                labels.add("all values");
            } else {
                labels.add("< " + format(edges[0]));
                for (int b = 1; b < edges.length; b++) {
                    labels.add(format(edges[b - 1]) + " \u2013 " + format(edges[b]));
                }
                labels.add("\u2265 " + format(edges[edges.length - 1]));
            }
        } else {
            String[] names = new String[categories.size()];
            categories.forEach((name, index) -> names[index] = name);
            labels.addAll(List.of(names));
            labels.add("(other)");
        }
        labels.add("(missing)");
        return labels;
    }

    private String format(double x) {
        return switch (kind) {
            case DATE -> java.time.LocalDate.ofEpochDay((long) x).toString();
            case DATETIME ->
                java.time.LocalDateTime.ofEpochSecond((long) x, 0, java.time.ZoneOffset.UTC)
                        .toString();
            case TIME ->
                java.time.LocalTime.ofSecondOfDay(Math.floorMod((long) x, 86_400L))
                        .toString();
            default ->
                x == Math.rint(x) && Math.abs(x) < 1e15
                        ? Long.toString((long) x)
                        : String.format(java.util.Locale.ROOT, "%.4g", x);
        };
    }

    int binCount() {
        return binCount;
    }

    int bin(String value) {
        if (value == null) {
            return binCount - 1;
        }
        if (edges != null) {
            double x = kind.toNumber(value);
            if (Double.isNaN(x)) {
                return binCount - 1;
            }
            int b = 0;
            while (b < edges.length && x >= edges[b]) {
                b++;
            }
            return b;
        }
        return categories.getOrDefault(value, binCount - 2);
    }
}
