package org.facsimile.synth.columns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A finite set of values with their probabilities, missing included. Values seen fewer than the
 * protection threshold are pooled into one rare token, so no single person's rare category is
 * reproduced.
 */
public final class DiscreteMarginal implements Marginal {

    /**
     * Written in place of categories too rare to publish; the documented pooling token every
     * synthesizer writes ({@code Synthesizer.RARE_CATEGORY} is this one).
     */
    public static final String RARE_TOKEN = "_RARE_";

    private final String[] values;
    private final double[] cumulative;
    private final boolean numeric;
    private final Map<String, Integer> index = new HashMap<>();
    /** The values as numbers, for a numeric column (NaN for missing). */
    private final double[] numbers;
    /**
     * How many bins of neighbouring values {@link #bins} groups a numeric column into; 0 = a bin
     * per value.
     */
    private final int grouped;

    private DiscreteMarginal(String[] values, double[] cumulative, boolean numeric) {
        this(values, cumulative, numeric, 0);
    }

    private DiscreteMarginal(String[] values, double[] cumulative, boolean numeric, int grouped) {
        this.grouped = grouped;
        this.values = values;
        this.cumulative = cumulative;
        this.numeric = numeric;
        this.numbers = new double[numeric ? values.length : 0];
        for (int i = 0; i < values.length; i++) {
            index.put(values[i], i);
            if (numeric) {
                numbers[i] = values[i] == null ? Double.NaN : number(values[i]);
            }
        }
    }

    /**
     * @param column the training values (null = missing)
     * @param numericOrder the values are numbers, dates, date-times or times (in ISO form): order
     *     them by value, and publish rare values folded into a frequent neighbour or for a group
     *     of neighbours together ({@link #foldRareNumbers}) instead of the rare token, so every
     *     value published is one of the column's type (else order by frequency)
     * @param rareThreshold values seen fewer times than this are not published; 0 keeps all
     */
    public static DiscreteMarginal fit(String[] column, boolean numericOrder, int rareThreshold) {
        Map<String, Integer> counts = new HashMap<>();
        int missing = 0;
        for (String v : column) {
            if (v == null) {
                missing++;
            } else {
                counts.merge(v, 1, Integer::sum);
            }
        }
        int rare = 0;
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        if (numericOrder) {
            kept = foldRareNumbers(counts, rareThreshold);
        } else {
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (e.getValue() < rareThreshold) {
                    rare += e.getValue();
                } else {
                    kept.add(e);
                }
            }
            kept.sort(
                    Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        }
        List<String> values = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        if (missing > 0) {
            values.add(null);
            weights.add(missing);
        }
        for (Map.Entry<String, Integer> e : kept) {
            values.add(e.getKey());
            weights.add(e.getValue());
        }
        if (rare > 0) {
            values.add(RARE_TOKEN);
            weights.add(rare);
        }
        return new DiscreteMarginal(values.toArray(String[]::new), cumulative(weights), numericOrder);
    }

    /**
     * A number column whose values mostly repeat but too few rows stand behind each for a model
     * to learn them one by one (whole-degree temperatures over a few hundred days): its value set
     * as {@link #fit} with numeric order publishes it (rare values folded into a frequent
     * neighbour or grouped), learnt in about {@code bins} bins of neighbouring values, each value
     * in one bin. A model then learns from bins of several values, as from a continuous column's
     * quantile bins, and every value it generates is a published one, in its real proportion
     * within its bin.
     */
    public static DiscreteMarginal fitGrouped(String[] column, int rareThreshold, int bins) {
        DiscreteMarginal each = fit(column, true, rareThreshold);
        return new DiscreteMarginal(each.values, each.cumulative, true, Math.max(1, bins));
    }

    /**
     * A categorical column under differential privacy: each value's count (the missing values'
     * too) gets Gaussian noise of the given standard deviation, and a value is kept only when its
     * noisy count reaches {@code threshold} (Gaussian partition selection: which values exist is
     * itself protected; the budget sets the threshold). The missing values, which need no
     * selection, are kept when their noisy count is above the noise (more than a thousand-to-one
     * chance of noise alone). The kept values are weighted by their noisy counts; there is no
     * rare token, since which rows are rare is not known privately.
     */
    public static DiscreteMarginal fitPrivate(
            String[] column, double deviation, double threshold, org.facsimile.synth.dp.Noise noise) {
        Map<String, Integer> counts = new HashMap<>();
        int missing = 0;
        for (String v : column) {
            if (v == null) {
                missing++;
            } else {
                counts.merge(v, 1, Integer::sum);
            }
        }
        List<String> values = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double noisyMissing = missing + noise.gaussian(deviation);
        // missing values are always a possible value; below the noise floor, take them as none
        if (noisyMissing >= ContinuousMarginal.NOISE_FLOOR * deviation) {
            values.add(null);
            weights.add(noisyMissing);
        }
        List<String> sorted = new ArrayList<>(counts.keySet());
        Collections.sort(sorted);
        for (String value : sorted) {
            double noisy = counts.get(value) + noise.gaussian(deviation);
            if (noisy >= threshold) {
                values.add(value);
                weights.add(noisy);
            }
        }
        if (values.isEmpty()) {
            // nothing survives the noise: the column is published as missing
            return new DiscreteMarginal(new String[] {null}, new double[] {1.0}, false);
        }
        return new DiscreteMarginal(values.toArray(String[]::new), cumulative(weights), false);
    }

    /** The running shares of the weights, the last exactly 1. */
    private static double[] cumulative(List<? extends Number> weights) {
        double total = weights.stream().mapToDouble(Number::doubleValue).sum();
        double[] cumulative = new double[weights.size()];
        double running = 0;
        for (int i = 0; i < cumulative.length; i++) {
            running += weights.get(i).doubleValue() / total;
            cumulative[i] = running;
        }
        cumulative[cumulative.length - 1] = 1.0;
        return cumulative;
    }

    /** How many bins of values {@link #bins} groups the column into; 0 when it has a bin per value. */
    public int grouped() {
        return grouped;
    }

    /** Written after {@link #write} for a grouped marginal. */
    public void writeGrouping(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(grouped);
    }

    /** This marginal grouped as a file's {@link #writeGrouping} says. */
    public DiscreteMarginal readGrouping(java.io.DataInputStream in) throws java.io.IOException {
        int bins = in.readInt();
        if (bins < 1 || !numeric) {
            throw new java.io.IOException("corrupt model file: grouping " + bins);
        }
        return new DiscreteMarginal(values, cumulative, true, bins);
    }

    public void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeBoolean(numeric);
        out.writeInt(values.length);
        for (String v : values) {
            Io.writeString(out, v);
        }
        Io.writeDoubles(out, cumulative);
    }

    public static DiscreteMarginal read(java.io.DataInputStream in) throws java.io.IOException {
        boolean numeric = in.readBoolean();
        String[] values = new String[Io.count(in)];
        for (int i = 0; i < values.length; i++) {
            values[i] = Io.readString(in);
        }
        return new DiscreteMarginal(values, Io.readDoubles(in), numeric);
    }

    /**
     * The share of a column's rows a run of rare values must hold to be published in groups
     * rather than folded: half a decile. A run this large folded onto one value would move a
     * visible part of the distribution (measured on the suite's numeric columns: precipitation's
     * tail of rare amounts folded onto its last common one cost 0.10 of decile TVD, grouped
     * 0.002), while smaller runs fold as before, so a column's published values stay its common
     * ones where they can.
     */
    static final double GROUPED_RUN_SHARE = 0.05;

    /**
     * The published values of a numeric column, sorted by value, with their counts. Values seen at
     * least {@code rareThreshold} times are published as they are. Rare values lying between two
     * frequent ones (or beyond the last) form a run. A run of fewer rows than both {@code
     * rareThreshold} and {@link #GROUPED_RUN_SHARE} of the column's moves each value's count to
     * its nearest published value, as a few odd readings beside a common one do. A longer run (a
     * tail of unique decimals above whole-number readings, say) is cut into groups of consecutive
     * values of at least {@code rareThreshold} rows each, each published as one value standing for
     * its rows ({@link #representative}): folded onto the last frequent value instead, a fifth of
     * a column's rows could move there and its tail vanish.
     */
    static List<Map.Entry<String, Integer>> foldRareNumbers(Map<String, Integer> counts, int rareThreshold) {
        List<Map.Entry<String, Integer>> all = new ArrayList<>(counts.entrySet());
        all.sort(Comparator.comparingDouble(e -> number(e.getKey())));
        int present = all.stream().mapToInt(Map.Entry::getValue).sum();
        int grouped = Math.max(rareThreshold, (int) Math.ceil(GROUPED_RUN_SHARE * present));
        List<Map.Entry<String, Integer>> published = new ArrayList<>();
        List<Map.Entry<String, Integer>> scattered = new ArrayList<>();
        List<Map.Entry<String, Integer>> run = new ArrayList<>();
        for (Map.Entry<String, Integer> e : all) {
            if (e.getValue() >= rareThreshold) {
                publishRun(run, rareThreshold, grouped, published, scattered);
                published.add(new SimpleEntry<>(e.getKey(), e.getValue()));
            } else {
                run.add(e);
            }
        }
        publishRun(run, rareThreshold, grouped, published, scattered);
        if (published.isEmpty()) {
            if (all.isEmpty()) {
                // every value missing: there is no value to publish
                return published;
            }
            // too few rows for even one group: publish the median value only
            return List.of(new SimpleEntry<>(all.get(all.size() / 2).getKey(), present));
        }
        published.sort(Comparator.comparingDouble(e -> number(e.getKey())));
        for (Map.Entry<String, Integer> e : scattered) {
            double x = number(e.getKey());
            Map.Entry<String, Integer> nearest = published.get(0);
            for (Map.Entry<String, Integer> f : published) {
                if (Math.abs(number(f.getKey()) - x) < Math.abs(number(nearest.getKey()) - x)) {
                    nearest = f;
                }
            }
            nearest.setValue(nearest.getValue() + e.getValue());
        }
        return published;
    }

    /**
     * A run of consecutive rare values: cut into groups of at least {@code rareThreshold} rows,
     * each published as its {@link #representative}, when it holds at least {@code grouped} rows; else left
     * to be folded into the nearest published value. The run is emptied.
     */
    private static void publishRun(
            List<Map.Entry<String, Integer>> run,
            int rareThreshold,
            int grouped,
            List<Map.Entry<String, Integer>> published,
            List<Map.Entry<String, Integer>> scattered) {
        int total = run.stream().mapToInt(Map.Entry::getValue).sum();
        if (total < Math.max(1, grouped)) {
            scattered.addAll(run);
            run.clear();
            return;
        }
        int from = 0;
        int rows = 0;
        int left = total;
        for (int i = 0; i < run.size(); i++) {
            rows += run.get(i).getValue();
            left -= run.get(i).getValue();
            // a group closes once it holds enough rows, unless what is left could not make another
            if (rows >= rareThreshold && (left >= rareThreshold || left == 0)) {
                published.add(new SimpleEntry<>(representative(run.subList(from, i + 1), rows), rows));
                from = i + 1;
                rows = 0;
            }
        }
        run.clear();
    }

    /**
     * The value a group of consecutive rare values holding {@code rows} rows is published as: for
     * plain numbers their mean, written with as many decimals as the most precise of them (an
     * aggregate of several people's values, as micro-aggregation publishes, rather than one
     * person's); for dates, date-times and times the value at the middle row.
     */
    static String representative(List<Map.Entry<String, Integer>> group, int rows) {
        BigDecimal sum = BigDecimal.ZERO;
        int scale = 0;
        try {
            for (Map.Entry<String, Integer> e : group) {
                BigDecimal value = new BigDecimal(e.getKey());
                sum = sum.add(value.multiply(BigDecimal.valueOf(e.getValue())));
                scale = Math.max(scale, Math.max(0, value.scale()));
            }
            return sum.divide(BigDecimal.valueOf(rows), scale, RoundingMode.HALF_EVEN)
                    .toPlainString();
        } catch (NumberFormatException temporal) {
            int middle = (rows - 1) / 2;
            int seen = 0;
            for (Map.Entry<String, Integer> e : group) {
                seen += e.getValue();
                if (seen > middle) {
                    return e.getKey();
                }
            }
            return group.get(group.size() - 1).getKey();
        }
    }

    /**
     * A number, or an ISO date (days), date-time (seconds) or time (seconds of the day) as one: the
     * order of a numeric column's values whatever their kind.
     */
    static double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            // not a plain number: one of the temporal ISO forms
        }
        if (value.indexOf(':') < 0) {
            return java.time.LocalDate.parse(value).toEpochDay();
        }
        if (value.indexOf('-', 1) < 0) {
            return java.time.LocalTime.parse(value).toSecondOfDay();
        }
        return java.time.LocalDateTime.parse(value.replace(' ', 'T')).toEpochSecond(java.time.ZoneOffset.UTC);
    }

    @Override
    public double toUniform(String value, Random random) {
        Integer i = index.get(value);
        if (i == null) {
            i = numeric && value != null ? nearest(number(value)) : index.getOrDefault(RARE_TOKEN, 0);
        }
        double low = i == 0 ? 0 : cumulative[i - 1];
        return low + random.nextDouble() * (cumulative[i] - low);
    }

    private int nearest(double x) {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && (best < 0 || Math.abs(numbers[i] - x) < Math.abs(numbers[best] - x))) {
                best = i;
            }
        }
        return Math.max(0, best);
    }

    /**
     * One bin per value; for a grouped marginal, neighbouring values gathered until a bin holds at
     * least 1 / bins of the present values (missing stays a bin of its own, a value is never
     * split, a spike is one bin). Rounding up rather than to the nearest edge measured better on
     * the suite (fewer, fuller bins: new-york-weather .826 vs .816 over three seeds, DCR .522 vs
     * .543).
     */
    @Override
    public double[] bins(int maxBins) {
        if (grouped == 0) {
            return cumulative.clone();
        }
        int first = values.length > 0 && values[0] == null ? 1 : 0;
        double start = first == 1 ? cumulative[0] : 0;
        int target = Math.max(1, Math.min(grouped, maxBins - first));
        double step = (1 - start) / target;
        List<Double> edges = new ArrayList<>();
        if (first == 1) {
            edges.add(cumulative[0]);
        }
        double last = start;
        for (int i = first; i < values.length; i++) {
            // a hair short of a full step closes the bin, so rounding does not merge two
            if (cumulative[i] - last >= step * 0.999 || i == values.length - 1) {
                edges.add(cumulative[i]);
                last = cumulative[i];
            }
        }
        double[] out = edges.stream().mapToDouble(Double::doubleValue).toArray();
        out[out.length - 1] = 1.0;
        return out;
    }

    @Override
    public String fromUniform(double u, Random random) {
        return values[Io.index(cumulative, u)];
    }
}
