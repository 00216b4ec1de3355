package org.facsimile.synth.columns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.facsimile.synth.table.ColumnKind;

/**
 * A numeric column (integers, decimals, dates, date-times) as a quantile function over a fixed
 * grid, with the missing share at the bottom of the uniform range. Only the grid is kept, not the
 * values; both tails are clipped to the k-th smallest and largest value, so no single person's
 * extreme value is reproduced.
 */
public final class ContinuousMarginal implements Marginal {

    /** The most quantile points kept. */
    private static final int MAX_GRID = 1001;
    /** At least this many real values stand behind each kept quantile point. */
    private static final int VALUES_PER_POINT = 5;

    private final ColumnKind kind;
    private final double missingShare;
    private final double[] quantiles;
    private final int scale;
    private final String dateTimePattern;
    private final DateTimeFormatter dateTimeFormat;

    private ContinuousMarginal(
            ColumnKind kind, double missingShare, double[] quantiles, int scale, String dateTimePattern) {
        this.kind = kind;
        this.missingShare = missingShare;
        this.quantiles = quantiles;
        this.scale = scale;
        this.dateTimePattern = dateTimePattern;
        this.dateTimeFormat = dateTimePattern == null ? null : DateTimeFormatter.ofPattern(dateTimePattern);
    }

    public void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeUTF(kind.name());
        out.writeDouble(missingShare);
        Io.writeDoubles(out, quantiles);
        out.writeInt(scale);
        Io.writeString(out, dateTimePattern);
    }

    public static ContinuousMarginal read(java.io.DataInputStream in) throws java.io.IOException {
        return new ContinuousMarginal(
                ColumnKind.valueOf(in.readUTF()), in.readDouble(), Io.readDoubles(in), in.readInt(), Io.readString(in));
    }

    /**
     * @param column training values (null = missing); all non-null values parse as {@code kind}
     * @param clipRank the tails are clipped to the value of this rank from each end (0 = no clipping)
     */
    public static ContinuousMarginal fit(String[] column, ColumnKind kind, int clipRank) {
        int n = 0;
        int scale = 0;
        String firstValue = null;
        double[] values = new double[column.length];
        for (String v : column) {
            if (v == null) {
                continue;
            }
            if (firstValue == null) {
                firstValue = v;
            }
            values[n++] = toNumber(v, kind);
            if (kind == ColumnKind.DECIMAL) {
                scale = Math.max(scale, fractionDigits(v));
            }
        }
        values = Arrays.copyOf(values, n);
        Arrays.sort(values);
        double missingShare = (column.length - n) / (double) column.length;
        int grid = grid(n);
        double[] quantiles = new double[grid];
        if (n > 0) {
            int k = n > 4 * clipRank ? clipRank : 0;
            double low = values[k];
            double high = values[n - 1 - k];
            for (int g = 0; g < grid; g++) {
                double q = quantile(values, g / (double) (grid - 1));
                quantiles[g] = Math.min(high, Math.max(low, q));
            }
        }
        return new ContinuousMarginal(kind, missingShare, quantiles, scale, pattern(kind, firstValue));
    }

    /** Never more points than values / 5: on a small table the grid must not list the column. */
    private static int grid(int values) {
        return Math.max(2, Math.min(MAX_GRID, values / VALUES_PER_POINT));
    }

    /** How many quantile bins a column of {@code values} present values has at most. */
    public static int quantileBins(int values) {
        return grid(values) - 1;
    }

    /** Quantile points of a column fitted under differential privacy. */
    private static final int PRIVATE_GRID = 101;

    /**
     * Cell edges independent of any data: zero and plus or minus 2^(k/2) from about 0.001 to
     * 3.5e13, each cell about 41% wider than the one before; dates (days) and date-times (seconds
     * since 1970) fall inside. Few, wide cells: each holds enough rows to stand out of the noise.
     */
    private static final double[] EDGES = edges();

    private static double[] edges() {
        List<Double> positive = new ArrayList<>();
        for (int k = -20; k <= 90; k++) {
            positive.add(Math.pow(2, k / 2.0));
        }
        double[] edges = new double[positive.size() * 2 + 1];
        int n = positive.size();
        for (int i = 0; i < n; i++) {
            edges[i] = -positive.get(n - 1 - i);
            edges[n + 1 + i] = positive.get(i);
        }
        return edges;
    }

    /**
     * Noise standard deviations a count must exceed to be taken for more than noise: Gaussian
     * noise alone gets there once in a thousand.
     */
    static final double NOISE_FLOOR = -org.facsimile.synth.maths.Normal.inverseCdf(1e-3);

    /** The most parts {@link #fitPrivate} cuts one range cell into. */
    static final int MOST_PARTS = 16;

    /**
     * A numeric column under differential privacy, from two histograms with Gaussian noise of the
     * given standard deviation, each row counted once in each (so a numeric column is two of the
     * counts a row adds to; see {@link ColumnModel#privateCounts}). First, data-independent cells
     * about 41% wide (and the missing values): cells whose noisy count reaches a threshold that an
     * empty cell passes by noise in one run of a thousand (all cells together) are the column's
     * range, from the lowest to the highest. Second, each range cell cut into up to
     * {@link #MOST_PARTS} equal parts, as many as its noisy count fills with four noise deviations
     * each (half-integer edges for whole numbers, dates and times, so no value is split): the rows
     * counted again in those parts (clipped to the range), parts below two deviations dropped as
     * noise, and the quantile grid follows the rest, uniform within each part. A spike such as a
     * 40-hour week stays a spike; the model learns the finer shape under DP-SGD. Decimals keep two
     * digits.
     */
    public static ContinuousMarginal fitPrivate(
            String[] column, ColumnKind kind, double deviation, org.facsimile.synth.dp.Noise noise) {
        int[] counts = new int[EDGES.length + 1];
        double[] numbers = new double[column.length];
        int present = 0;
        int missing = 0;
        String firstValue = null;
        for (String v : column) {
            if (v == null) {
                missing++;
                continue;
            }
            if (firstValue == null) {
                firstValue = v;
            }
            numbers[present] = toNumber(v, kind);
            counts[cell(numbers[present++])]++;
        }
        double threshold = deviation * -org.facsimile.synth.maths.Normal.inverseCdf(1e-3 / counts.length);
        int low = -1;
        int high = -1;
        double[] noisy = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            noisy[c] = counts[c] + noise.gaussian(deviation);
            if (noisy[c] >= threshold) {
                low = low < 0 ? c : low;
                high = c;
            }
        }
        double[] quantiles = new double[PRIVATE_GRID];
        double inside = 0;
        if (low >= 0) {
            double[] edges = parts(noisy, low, high, deviation, kind != ColumnKind.DECIMAL);
            double[] weight = new double[edges.length - 1];
            for (int r = 0; r < present; r++) {
                double x = Math.max(edges[0], Math.min(edges[edges.length - 1], numbers[r]));
                int i = Arrays.binarySearch(edges, x);
                weight[Math.min(weight.length - 1, i >= 0 ? i : -i - 2)]++;
            }
            for (int i = 0; i < weight.length; i++) {
                weight[i] += noise.gaussian(deviation);
                weight[i] = weight[i] >= 2 * deviation ? weight[i] : 0;
                inside += weight[i];
            }
            if (inside == 0) {
                // the rows are too few for any part to stand out: the range, uniform, weighing what
                // its cells counted
                for (int c = low; c <= high; c++) {
                    inside += Math.max(0, noisy[c]);
                }
                Arrays.fill(weight, inside / weight.length);
            }
            // the inverse of the piecewise-uniform distribution the kept parts describe
            int c = 0;
            double before = 0;
            for (int g = 0; g < PRIVATE_GRID; g++) {
                double target = inside * g / (PRIVATE_GRID - 1);
                while (c < weight.length - 1 && before + weight[c] < target) {
                    before += weight[c++];
                }
                double within = weight[c] == 0 ? 0 : Math.min(1, Math.max(0, (target - before) / weight[c]));
                quantiles[g] = edges[c] + (edges[c + 1] - edges[c]) * within;
            }
        }
        // the missing values' noisy count, taken as none below the cells' noise floor
        double noisyMissing = missing + noise.gaussian(deviation);
        noisyMissing = noisyMissing >= threshold / 2 ? noisyMissing : 0;
        double missingShare = inside + noisyMissing == 0 ? 1 : noisyMissing / (inside + noisyMissing);
        return new ContinuousMarginal(
                kind, missingShare, quantiles, kind == ColumnKind.DECIMAL ? 2 : 0, pattern(kind, firstValue));
    }

    /**
     * The edges of the parts of range cells {@code low} to {@code high}: each cut into as many
     * equal parts as its noisy count holds four deviations, 1 to {@link #MOST_PARTS}; for whole
     * numbers each edge moves to the half below the first whole number at or above it (a cell
     * holds the numbers from its lower edge up to, not including, its upper one), repeats dropped.
     */
    static double[] parts(double[] noisy, int low, int high, double deviation, boolean whole) {
        java.util.TreeSet<Double> edges = new java.util.TreeSet<>();
        for (int c = low; c <= high; c++) {
            int parts = (int) Math.max(1, Math.min(MOST_PARTS, Math.floor(noisy[c] / (4 * deviation))));
            double from = lowerEdge(c);
            double to = upperEdge(c);
            for (int k = 0; k <= parts; k++) {
                double edge = from + (to - from) * k / parts;
                edges.add(whole ? Math.ceil(edge) - 0.5 : edge);
            }
        }
        if (edges.size() < 2) {
            double only = edges.first();
            edges.add(only + 1);
        }
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double lowerEdge(int cell) {
        return cell == 0 ? EDGES[0] : EDGES[cell - 1];
    }

    private static double upperEdge(int cell) {
        return cell == EDGES.length ? EDGES[EDGES.length - 1] : EDGES[cell];
    }

    /** The cell a number falls in: 0 below the first edge, i between edges i-1 and i. */
    private static int cell(double x) {
        int i = Arrays.binarySearch(EDGES, x);
        return i >= 0 ? i + 1 : -i - 1;
    }

    @Override
    public double toUniform(String value, Random random) {
        if (value == null) {
            return random.nextDouble() * missingShare;
        }
        double x = toNumber(value, kind);
        int lo = lowerBound(x);
        int hi = upperBound(x);
        double position;
        if (hi <= lo) {
            // Between two grid points: interpolate.
            int i = Math.max(1, Math.min(quantiles.length - 1, lo));
            double a = quantiles[i - 1];
            double b = quantiles[i];
            double frac = b > a ? (x - a) / (b - a) : random.nextDouble();
            position = (i - 1 + Math.max(0, Math.min(1, frac))) / (quantiles.length - 1);
        } else {
            // A tie spanning grid points (a frequent value): spread uniformly over it.
            position = (lo + random.nextDouble() * (hi - lo)) / (quantiles.length - 1);
        }
        return missingShare + (1 - missingShare) * position;
    }

    @Override
    public double[] bins(int maxBins) {
        int quantileBins = Math.max(1, Math.min(maxBins - (missingShare > 0 ? 1 : 0), quantiles.length - 1));
        double[] edges = new double[quantileBins + (missingShare > 0 ? 1 : 0)];
        int i = 0;
        if (missingShare > 0) {
            edges[i++] = missingShare;
        }
        for (int b = 1; b <= quantileBins; b++) {
            edges[i++] = missingShare + (1 - missingShare) * b / quantileBins;
        }
        edges[edges.length - 1] = 1.0;
        return edges;
    }

    @Override
    public String fromUniform(double u, Random random) {
        if (u < missingShare) {
            return null;
        }
        double position = (u - missingShare) / (1 - missingShare) * (quantiles.length - 1);
        int i = (int) Math.floor(position);
        double value = i >= quantiles.length - 1
                ? quantiles[quantiles.length - 1]
                : quantiles[i] + (position - i) * (quantiles[i + 1] - quantiles[i]);
        return format(value);
    }

    public ColumnKind kind() {
        return kind;
    }

    /** The share of missing values. */
    public double missingShare() {
        return missingShare;
    }

    /** The smallest value published (the low tail is clipped to it), as a number. */
    public double low() {
        return quantiles[0];
    }

    /** The largest value published (the high tail is clipped to it), as a number. */
    public double high() {
        return quantiles[quantiles.length - 1];
    }

    /** True when date-times are written with seconds. */
    public boolean hasSeconds() {
        return dateTimePattern != null && dateTimePattern.endsWith(":ss");
    }

    /** A number of this column's kind (days or seconds for dates and times) written as in the input. */
    public String format(double value) {
        switch (kind) {
            case INTEGER:
                return Long.toString(Math.round(value));
            case DECIMAL:
                return BigDecimal.valueOf(value)
                        .setScale(scale, RoundingMode.HALF_UP)
                        .toPlainString();
            case DATE:
                return LocalDate.ofEpochDay(Math.round(value)).toString();
            case DATETIME:
                return LocalDateTime.ofEpochSecond(Math.round(value), 0, ZoneOffset.UTC)
                        .format(dateTimeFormat);
            case TIME:
                return java.time.LocalTime.ofSecondOfDay(Math.floorMod(Math.round(value), 86_400L))
                        .format(dateTimeFormat);
            default:
                throw new IllegalStateException("not numeric: " + kind);
        }
    }

    /** Training values were validated as {@code kind}: one that does not read is a fault, not data. */
    static double toNumber(String value, ColumnKind kind) {
        double x = kind.toNumber(value);
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("a value does not read as " + kind);
        }
        return x;
    }

    /** How the column's date-times or times are written (ISO, with or without seconds), from one of them. */
    private static String pattern(ColumnKind kind, String example) {
        if (kind == ColumnKind.TIME) {
            return example != null && example.length() < 8 ? "HH:mm" : "HH:mm:ss";
        }
        return kind == ColumnKind.DATETIME ? dateTimePattern(example) : null;
    }

    private static String dateTimePattern(String example) {
        if (example == null) {
            return "yyyy-MM-dd'T'HH:mm:ss";
        }
        char separator = example.length() > 10 ? example.charAt(10) : 'T';
        boolean seconds = example.length() >= 19;
        return "yyyy-MM-dd'" + separator + "'HH:mm" + (seconds ? ":ss" : "");
    }

    private static int fractionDigits(String value) {
        if (value.indexOf('e') >= 0 || value.indexOf('E') >= 0) {
            return Math.min(
                    10,
                    Math.max(
                            0,
                            BigDecimal.valueOf(Double.parseDouble(value))
                                    .stripTrailingZeros()
                                    .scale()));
        }
        int dot = value.indexOf('.');
        return dot < 0 ? 0 : Math.min(10, value.length() - dot - 1);
    }

    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int i = (int) Math.floor(h);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
    }

    private int lowerBound(double x) {
        int lo = 0;
        int hi = quantiles.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (quantiles[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int upperBound(double x) {
        int lo = 0;
        int hi = quantiles.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (quantiles[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
