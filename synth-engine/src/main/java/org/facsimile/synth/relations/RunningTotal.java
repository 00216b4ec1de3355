package org.facsimile.synth.relations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.TableSpec;

/**
 * A column that carries a running total from one sibling to the next: each row's value is the
 * sibling before's plus or minus another column's, the sign fixed or given by a category (an
 * account's balance after each credit and debit). Found in the real families, in their order; in
 * the synthetic families every sibling after the first gets it computed from the one before, so
 * the rule holds exactly, as it does in the real data.
 *
 * @param total the running total's column
 * @param step the column added to it
 * @param sign +1 or -1 when the step is always added or always taken away; 0 when a category says
 * @param category the column whose value says, when the sign is 0; else -1
 * @param signs per value of that column, +1 or -1
 * @param scale the total's decimal places in the real data
 * @param realShare the share of real consecutive siblings for which the rule holds
 */
record RunningTotal(
        int total, int step, int sign, int category, Map<String, Integer> signs, int scale, double realShare) {

    /** The share of real consecutive siblings the rule must hold for. */
    static final double HOLDS_SHARE = 0.99;

    /** Fewer real consecutive siblings than this prove nothing. */
    static final int MIN_PAIRS = 20;

    RunningTotal {
        signs = Map.copyOf(signs);
    }

    /**
     * The running totals of a table's real families, at most one per total column: the first step
     * column (and sign) for which the rule holds for {@link #HOLDS_SHARE} of the consecutive
     * siblings that have all their values.
     *
     * @param families per family, its real rows in order
     * @param keyOrReference per column, whether it is a key or reference (never a total or step)
     */
    static List<RunningTotal> find(TableSpec spec, List<List<String[]>> families, boolean[] keyOrReference) {
        List<RunningTotal> found = new ArrayList<>();
        for (int x = 0; x < keyOrReference.length; x++) {
            if (!amount(spec, x, keyOrReference)) {
                continue;
            }
            for (int y = 0; y < keyOrReference.length; y++) {
                if (y == x || !amount(spec, y, keyOrReference)) {
                    continue;
                }
                RunningTotal rule = judge(spec, families, x, y, keyOrReference);
                if (rule != null) {
                    found.add(rule);
                    break;
                }
            }
        }
        return found;
    }

    private static boolean amount(TableSpec spec, int c, boolean[] keyOrReference) {
        ColumnKind kind = spec.column(c).kind();
        return !keyOrReference[c] && (kind == ColumnKind.INTEGER || kind == ColumnKind.DECIMAL);
    }

    /** The rule total = before + sign * step, if it holds; the sign fixed, or by the best category. */
    private static RunningTotal judge(
            TableSpec spec, List<List<String[]>> families, int x, int y, boolean[] keyOrReference) {
        // per consecutive pair with all three values: its direction, its family and its place
        List<int[]> pairs = new ArrayList<>();
        int all = 0;
        int scale = 0;
        for (int f = 0; f < families.size(); f++) {
            List<String[]> family = families.get(f);
            for (int k = 0; k < family.size(); k++) {
                BigDecimal now = number(family.get(k)[x]);
                scale = now == null ? scale : Math.max(scale, now.scale());
                if (k == 0) {
                    continue;
                }
                all++;
                BigDecimal before = number(family.get(k - 1)[x]);
                BigDecimal step = number(family.get(k)[y]);
                if (before == null || now == null || step == null) {
                    continue;
                }
                pairs.add(new int[] {direction(before, now, step), f, k});
            }
        }
        if (pairs.size() < MIN_PAIRS || pairs.size() < HOLDS_SHARE * all) {
            return null;
        }
        long plus = pairs.stream().filter(p -> p[0] == 1 || p[0] == 0).count();
        long minus = pairs.stream().filter(p -> p[0] == -1 || p[0] == 0).count();
        if (plus >= HOLDS_SHARE * pairs.size()) {
            return new RunningTotal(x, y, 1, -1, Map.of(), scale, (double) plus / pairs.size());
        }
        if (minus >= HOLDS_SHARE * pairs.size()) {
            return new RunningTotal(x, y, -1, -1, Map.of(), scale, (double) minus / pairs.size());
        }
        RunningTotal best = null;
        for (int c = 0; c < keyOrReference.length; c++) {
            ColumnKind kind = spec.column(c).kind();
            if (keyOrReference[c] || (kind != ColumnKind.CATEGORICAL && kind != ColumnKind.BOOLEAN)) {
                continue;
            }
            // per value of the category, how often the step was added and taken away
            Map<String, int[]> votes = new HashMap<>();
            for (int[] p : pairs) {
                String value = families.get(p[1]).get(p[2])[c];
                if (value != null && p[0] != 2 && p[0] != 0) {
                    votes.computeIfAbsent(value, v -> new int[2])[p[0] > 0 ? 0 : 1]++;
                }
            }
            Map<String, Integer> signs = new HashMap<>();
            votes.forEach((value, v) -> signs.put(value, v[0] >= v[1] ? 1 : -1));
            long holds = 0;
            for (int[] p : pairs) {
                Integer s = signs.get(families.get(p[1]).get(p[2])[c]);
                holds += p[0] == 0 || (s != null && s == p[0]) ? 1 : 0;
            }
            double share = (double) holds / pairs.size();
            if (share >= HOLDS_SHARE && (best == null || share > best.realShare())) {
                best = new RunningTotal(x, y, 0, c, signs, scale, share);
            }
        }
        return best;
    }

    /**
     * How a total went from one sibling to the next against the step: +1 when the step was added,
     * -1 when taken away, 0 when both (a step of 0 and no change), 2 when neither.
     */
    private static int direction(BigDecimal before, BigDecimal now, BigDecimal step) {
        BigDecimal change = now.subtract(before);
        boolean plus = change.compareTo(step) == 0;
        boolean minus = change.compareTo(step.negate()) == 0;
        return plus && minus ? 0 : plus ? 1 : minus ? -1 : 2;
    }

    private static BigDecimal number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Computes the total of every sibling after the first from the one before and its own step; a
     * row missing the values, or with a category the real data never had, keeps its drawn total.
     */
    void apply(List<String[]> family) {
        for (int k = 1; k < family.size(); k++) {
            BigDecimal before = number(family.get(k - 1)[total]);
            BigDecimal step = number(family.get(k)[this.step]);
            Integer s = sign != 0 ? Integer.valueOf(sign) : signs.get(family.get(k)[category]);
            if (before != null && step != null && s != null) {
                BigDecimal now = s > 0 ? before.add(step) : before.subtract(step);
                family.get(k)[total] =
                        now.setScale(Math.max(scale, 0), RoundingMode.HALF_EVEN).toPlainString();
            }
        }
    }

    /** The share of consecutive siblings with all their values for which the rule holds; NaN when none. */
    double holds(List<List<String[]>> families) {
        int judged = 0;
        int holding = 0;
        for (List<String[]> family : families) {
            for (int k = 1; k < family.size(); k++) {
                BigDecimal before = number(family.get(k - 1)[total]);
                BigDecimal now = number(family.get(k)[total]);
                BigDecimal step = number(family.get(k)[this.step]);
                Integer s = sign != 0 ? Integer.valueOf(sign) : signs.get(family.get(k)[category]);
                if (before == null || now == null || step == null) {
                    continue;
                }
                judged++;
                int direction = direction(before, now, step);
                if (direction == 0 || (s != null && direction == s)) {
                    holding++;
                }
            }
        }
        return judged == 0 ? Double.NaN : (double) holding / judged;
    }

    /** The rule in words, with the table's column names (never a value: the category's values stay out). */
    String describe(TableSpec spec) {
        String total = spec.column(this.total).name();
        String step = spec.column(this.step).name();
        if (sign != 0) {
            return String.format(Locale.ROOT, "%s = %s before %s %s", total, total, sign > 0 ? "+" : "\u2212", step);
        }
        return String.format(
                Locale.ROOT,
                "%s = %s before \u00b1 %s, the sign given by %s",
                total,
                total,
                step,
                spec.column(category).name());
    }
}
