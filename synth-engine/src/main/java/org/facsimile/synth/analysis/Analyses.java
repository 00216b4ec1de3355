package org.facsimile.synth.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.facsimile.synth.analysis.AnalysisResult.Cell;
import org.facsimile.synth.analysis.AnalysisResult.Figure;
import org.facsimile.synth.analysis.AnalysisResult.Term;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.facsimile.synth.table.ValueFormat;

/**
 * Binds a declared {@link Analysis} to a table's schema and runs it: on the original under the
 * {@link Disclosure} rules, or on the twin as it is. Both tables hold canonical values (as {@code
 * CsvTables.read} gives them) under the same schema.
 */
public final class Analyses {

    /** Cells one analysis may have. */
    public static final int MAX_CELLS = 1_000;
    /** Filters one analysis may have. */
    public static final int MAX_FILTERS = 10;
    /** Quantiles one analysis may ask for. */
    public static final int MAX_QUANTILES = 9;
    /** Terms (coefficients, the intercept and each level included) one regression may have. */
    public static final int MAX_TERMS = 50;

    private Analyses() {}

    /**
     * Checks the analysis against the schema and binds its columns and filters.
     *
     * @throws AnalysisProblem naming what is wrong and where, as a JSON path
     */
    public static Bound bind(Analysis analysis, TableSpec spec) throws AnalysisProblem {
        if (analysis == null || analysis.kind() == null) {
            throw new AnalysisProblem("$.kind", "say what to compute: " + Arrays.toString(Analysis.Kind.values()));
        }
        List<Predicate<String[]>> filters = new ArrayList<>();
        if (analysis.filters().size() > MAX_FILTERS) {
            throw new AnalysisProblem("$.filters", "at most " + MAX_FILTERS + " filters");
        }
        for (int f = 0; f < analysis.filters().size(); f++) {
            filters.add(filter(spec, analysis.filters().get(f), "$.filters[" + f + "]"));
        }
        Analysis.Kind kind = analysis.kind();
        boolean regression = kind == Analysis.Kind.LINEAR_REGRESSION || kind == Analysis.Kind.LOGISTIC_REGRESSION;
        if (regression) {
            if (!analysis.groupBy().isEmpty()) {
                throw new AnalysisProblem("$.groupBy", "a regression is not split by groups: add the column as a term");
            }
            return regression(analysis, spec, filters);
        }
        if (analysis.groupBy().size() > 2) {
            throw new AnalysisProblem("$.groupBy", "group by at most two columns");
        }
        int[] groups = new int[analysis.groupBy().size()];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = column(spec, analysis.groupBy().get(g), "$.groupBy[" + g + "]");
        }
        if (new LinkedHashSet<>(analysis.groupBy()).size() < groups.length) {
            throw new AnalysisProblem("$.groupBy", "a column is named twice");
        }
        int measured = -1;
        double[] probabilities = new double[0];
        if (kind == Analysis.Kind.MEAN || kind == Analysis.Kind.QUANTILES) {
            if (analysis.column() == null) {
                throw new AnalysisProblem("$.column", "name the numeric column to measure");
            }
            measured = column(spec, analysis.column(), "$.column");
            if (!spec.column(measured).kind().isNumeric()) {
                throw new AnalysisProblem(
                        "$.column", "column '" + analysis.column() + "' is not numeric: count its values instead");
            }
        }
        if (kind == Analysis.Kind.QUANTILES) {
            if (analysis.probabilities().isEmpty() || analysis.probabilities().size() > MAX_QUANTILES) {
                throw new AnalysisProblem("$.probabilities", "ask for 1 to " + MAX_QUANTILES + " quantiles");
            }
            probabilities = new double[analysis.probabilities().size()];
            for (int q = 0; q < probabilities.length; q++) {
                Double p = analysis.probabilities().get(q);
                if (p == null || !(p > 0 && p < 1)) {
                    throw new AnalysisProblem(
                            "$.probabilities[" + q + "]",
                            "a quantile's probability is between 0 and 1 (0.5: the median)");
                }
                probabilities[q] = p;
            }
        }
        return new Bound(analysis, spec, filters, groups, measured, probabilities, -1, new int[0], null);
    }

    private static Bound regression(Analysis analysis, TableSpec spec, List<Predicate<String[]>> filters)
            throws AnalysisProblem {
        if (analysis.formula() == null || !analysis.formula().contains("~")) {
            throw new AnalysisProblem("$.formula", "write the model as 'outcome ~ term + term'");
        }
        String[] sides = analysis.formula().split("~", 2);
        List<String> left = names(sides[0]);
        List<String> right = names(sides[1]);
        if (left.size() != 1 || right.isEmpty() || right.contains("")) {
            throw new AnalysisProblem(
                    "$.formula", "write the model as 'outcome ~ term + term', a name with spaces in back-quotes");
        }
        int outcome = column(spec, left.get(0), "$.formula");
        ColumnSpec y = spec.column(outcome);
        String positive = null;
        if (analysis.kind() == Analysis.Kind.LINEAR_REGRESSION) {
            if (!y.kind().isNumeric()) {
                throw new AnalysisProblem(
                        "$.formula", "the outcome '" + y.name() + "' of a linear regression is numeric");
            }
        } else if (y.kind() == ColumnKind.BOOLEAN && analysis.positive() == null) {
            positive = "true";
        } else if (analysis.positive() == null) {
            throw new AnalysisProblem(
                    "$.positive", "say which value of '" + y.name() + "' is the outcome counted as 1");
        } else {
            positive = canonical(y, analysis.positive(), "$.positive");
        }
        if (new LinkedHashSet<>(right).size() < right.size() || right.contains(y.name())) {
            throw new AnalysisProblem("$.formula", "a column is named twice");
        }
        int[] terms = new int[right.size()];
        for (int t = 0; t < terms.length; t++) {
            terms[t] = column(spec, right.get(t), "$.formula");
            ColumnKind k = spec.column(terms[t]).kind();
            if (!k.isNumeric() && k != ColumnKind.BOOLEAN && k != ColumnKind.CATEGORICAL && k != ColumnKind.CODE) {
                throw new AnalysisProblem("$.formula", "column '" + right.get(t) + "' cannot be a term");
            }
        }
        return new Bound(analysis, spec, filters, new int[0], -1, new double[0], outcome, terms, positive);
    }

    /** The names in one side of a formula, split at {@code +}, back-quotes kept together. */
    private static List<String> names(String side) {
        List<String> names = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        boolean quoted = false;
        for (char ch : side.toCharArray()) {
            if (ch == '`') {
                quoted = !quoted;
            } else if (ch == '+' && !quoted) {
                names.add(name.toString().strip());
                name.setLength(0);
            } else {
                name.append(ch);
            }
        }
        names.add(name.toString().strip());
        return names;
    }

    private static int column(TableSpec spec, String name, String path) throws AnalysisProblem {
        int index = name == null ? -1 : spec.columnNames().indexOf(name);
        if (index < 0) {
            throw new AnalysisProblem(path, "the table has no column named '" + name + "'");
        }
        ColumnSpec column = spec.column(index);
        if (column.personal() != null
                || spec.primaryKey().contains(column.name())
                || column.kind() == ColumnKind.IDENTIFIER
                || column.kind() == ColumnKind.TEXT
                || column.kind() == ColumnKind.EMPTY) {
            throw new AnalysisProblem(
                    path,
                    "column '" + name + "' is a key, free text or a direct identifier: it is not released in any"
                            + " analysis");
        }
        return index;
    }

    private static Predicate<String[]> filter(TableSpec spec, Analysis.Filter f, String path) throws AnalysisProblem {
        if (f == null) {
            throw new AnalysisProblem(path, "a filter is {column, op, value}");
        }
        int c = column(spec, f.column(), path + ".column");
        ColumnSpec column = spec.column(c);
        String op = f.op() == null ? "" : f.op();
        switch (op) {
            case "missing":
                return row -> row[c] == null;
            case "present":
                return row -> row[c] != null;
            case "in": {
                if (f.values().isEmpty() || f.values().size() > 100) {
                    throw new AnalysisProblem(path + ".values", "'in' takes 1 to 100 values");
                }
                Set<String> values = new HashSet<>();
                for (int v = 0; v < f.values().size(); v++) {
                    values.add(canonical(column, f.values().get(v), path + ".values[" + v + "]"));
                }
                return row -> row[c] != null && values.contains(row[c]);
            }
            case "=", "!=", "<", "<=", ">", ">=":
                break;
            default:
                throw new AnalysisProblem(path + ".op", "one of = != < <= > >= in missing present");
        }
        String value = canonical(column, f.value(), path + ".value");
        if (op.equals("=")) {
            return row -> value.equals(row[c]);
        }
        if (op.equals("!=")) {
            return row -> row[c] != null && !value.equals(row[c]);
        }
        if (!column.kind().isNumeric()) {
            throw new AnalysisProblem(path + ".op", "column '" + column.name() + "' is not ordered: use = != or in");
        }
        double bound = column.kind().toNumber(value);
        ColumnKind kind = column.kind();
        return row -> {
            double x = kind.toNumber(row[c]);
            return !Double.isNaN(x)
                    && switch (op) {
                        case "<" -> x < bound;
                        case "<=" -> x <= bound;
                        case ">" -> x > bound;
                        default -> x >= bound;
                    };
        };
    }

    /** A value as the reader wrote it (in the column's own form or ISO), canonical. */
    private static String canonical(ColumnSpec column, String written, String path) throws AnalysisProblem {
        if (written == null) {
            throw new AnalysisProblem(path, "a value is needed");
        }
        ValueFormat format = column.valueFormat();
        String value = format == null ? null : format.toCanonical(written);
        if (value == null) {
            value = written;
        }
        if (column.kind().isNumeric() && Double.isNaN(column.kind().toNumber(value))) {
            throw new AnalysisProblem(
                    path,
                    "not a value of column '" + column.name() + "' ("
                            + column.kind().csvwDatatype() + ")");
        }
        if (column.kind() == ColumnKind.BOOLEAN && !value.equals("true") && !value.equals("false")) {
            throw new AnalysisProblem(path, "not a value of column '" + column.name() + "' (boolean)");
        }
        return value;
    }

    /** An analysis bound to a schema, ready to run on any table of it. */
    public static final class Bound {

        private final Analysis analysis;
        private final TableSpec spec;
        private final List<Predicate<String[]>> filters;
        private final int[] groups;
        private final int measured;
        private final double[] probabilities;
        private final int outcome;
        private final int[] terms;
        private final String positive;

        private Bound(
                Analysis analysis,
                TableSpec spec,
                List<Predicate<String[]>> filters,
                int[] groups,
                int measured,
                double[] probabilities,
                int outcome,
                int[] terms,
                String positive) {
            this.analysis = analysis;
            this.spec = spec;
            this.filters = filters;
            this.groups = groups;
            this.measured = measured;
            this.probabilities = probabilities;
            this.outcome = outcome;
            this.terms = terms;
            this.positive = positive;
        }

        public Analysis analysis() {
            return analysis;
        }

        /** The analysis on a public table (the twin): computed as it is, nothing held back. */
        public Outcome onTwin(Table twin) {
            return new Run(this, twin, null, null, null).outcome();
        }

        /**
         * The analysis on the original, checked before release.
         *
         * @param twin the public twin: under differential privacy its cells and ranges are the
         *     public domain the noise is calibrated to
         * @param noise where Laplace noise is drawn from (a secure source in production)
         */
        public Outcome onOriginal(Table original, Disclosure rules, Table twin, Random noise) {
            return new Run(this, original, Objects.requireNonNull(rules), twin, noise).outcome();
        }
    }

    /** One run of a bound analysis on one table. */
    private static final class Run {

        private final Bound b;
        private final List<String[]> rows = new ArrayList<>();
        private final Disclosure rules;
        private final Table twin;
        private final Random noise;
        private final List<String> notes = new ArrayList<>();

        /** A column that picks rows by value though it nearly identifies them, or null. */
        private final String identifying;

        Run(Bound bound, Table table, Disclosure rules, Table twin, Random noise) {
            this.b = bound;
            this.rules = rules;
            this.twin = twin;
            this.noise = noise;
            for (String[] row : table.rows()) {
                if (b.filters.stream().allMatch(f -> f.test(row))) {
                    rows.add(row);
                }
            }
            this.identifying = rules == null ? null : identifying(table);
        }

        /**
         * The first column an equality filter ({@code = != in}) reads whose values are more than
         * half distinct: such a filter picks out single rows, and two counts that differ by one
         * such row tell whether it exists, whatever the rounding.
         */
        private String identifying(Table table) {
            for (Analysis.Filter f : b.analysis.filters()) {
                if (!Set.of("=", "!=", "in").contains(f.op())) {
                    continue;
                }
                int c = b.spec.columnNames().indexOf(f.column());
                Set<String> distinct = new HashSet<>();
                for (String[] row : table.rows()) {
                    if (row[c] != null) {
                        distinct.add(row[c]);
                    }
                }
                if (distinct.size() * 2 > table.rowCount()) {
                    return f.column();
                }
            }
            return null;
        }

        private boolean checked() {
            return rules != null;
        }

        private boolean noised() {
            return rules != null && rules.epsilon() != null;
        }

        Outcome outcome() {
            if (identifying != null) {
                return Outcome.refused(
                        "identifying-column",
                        "column '" + identifying + "' has a value for nearly every row: it cannot pick rows by = != or"
                                + " in (a range or a coarser column can)");
            }
            return switch (b.analysis.kind()) {
                case COUNT, MEAN, QUANTILES -> cells();
                case LINEAR_REGRESSION, LOGISTIC_REGRESSION -> regression();
            };
        }

        private Outcome cells() {
            Map<List<String>, List<String[]>> cells = new TreeMap<>(GROUP_ORDER);
            if (noised() && b.groups.length > 0) {
                // the cells come from the public twin, never from which values the original holds
                for (String[] row : twin.rows()) {
                    cells.putIfAbsent(groupOf(row), new ArrayList<>());
                }
                for (String[] row : rows) {
                    List<String[]> cell = cells.get(groupOf(row));
                    if (cell != null) {
                        cell.add(row);
                    }
                }
                notes.add("cells are the twin's groups: rows of the original in other groups are not counted");
            } else {
                for (String[] row : rows) {
                    cells.computeIfAbsent(groupOf(row), g -> new ArrayList<>()).add(row);
                }
                if (cells.isEmpty() && b.groups.length == 0) {
                    cells.put(List.of(), rows);
                }
            }
            if (cells.size() > MAX_CELLS) {
                return Outcome.refused(
                        "too-many-cells",
                        "the analysis has more than " + MAX_CELLS + " cells: group by fewer or coarser columns");
            }
            if (b.analysis.kind() == Analysis.Kind.QUANTILES && noised()) {
                return Outcome.refused(
                        "not-covered-by-noise",
                        "the deposit's differential privacy covers counts and means: quantiles are not released");
            }
            Violations violations = new Violations();
            List<Cell> out = new ArrayList<>();
            double[] range = noised() && b.measured >= 0
                    ? range(twin, b.measured, b.spec.column(b.measured).kind())
                    : null;
            int suppressed = 0;
            for (Map.Entry<List<String>, List<String[]>> cell : cells.entrySet()) {
                Cell made = cell(cell.getKey(), cell.getValue(), violations, range);
                if (noised() && made.count() < rules.minCell()) {
                    // the cells are the twin's and the count is noisy: leaving out a small one is
                    // post-processing, which spends no privacy (refusing all would waste the answer)
                    suppressed++;
                } else {
                    out.add(made);
                }
            }
            if (suppressed > 0) {
                notes.add(suppressed + " cell(s) with fewer than " + rules.minCell() + " rows after noise are not"
                        + " shown");
            }
            if (checked() && !noised() && out.isEmpty()) {
                // "no row matches" is as telling as a cell of one
                violations.minimumCell++;
            }
            if (violations.any()) {
                return violations.refusal(Math.max(1, out.size()));
            }
            if (checked()) {
                notes.add(
                        noised()
                                ? "counts carry Laplace noise (epsilon " + rules.epsilon()
                                        + " for this analysis), then are" + " rounded to a multiple of "
                                        + rules.countBase()
                                : "counts are rounded to a multiple of " + rules.countBase() + "; cells of fewer than "
                                        + rules.minCell() + " rows are not released");
                if (b.analysis.kind() != Analysis.Kind.COUNT) {
                    notes.add("figures are rounded to " + rules.digits() + " significant digits");
                }
                if (b.analysis.kind() == Analysis.Kind.QUANTILES) {
                    notes.add("each quantile is the mean of the " + window() + " values nearest it, never one"
                            + " row's value");
                }
            }
            // under noise the whole is the sum of the noisy cells: counting it again would spend more
            long total = noised() ? out.stream().mapToLong(Cell::count).sum() : count(rows.size(), 1);
            return Outcome.released(new AnalysisResult(
                    b.analysis.kind(), total, b.analysis.groupBy(), out, List.of(), List.of(), notes));
        }

        private Cell cell(List<String> group, List<String[]> members, Violations violations, double[] range) {
            List<Figure> figures = new ArrayList<>();
            int split = b.analysis.kind() == Analysis.Kind.MEAN ? 2 : 1;
            long n = count(members.size(), split);
            // the threshold reads the true count (a rounded 8 is 10), or under noise the noisy one
            if (checked() && !noised() && members.size() < rules.minCell()) {
                violations.minimumCell++;
            }
            if (b.measured >= 0) {
                ColumnSpec column = b.spec.column(b.measured);
                double[] values = members.stream()
                        .mapToDouble(r -> column.kind().toNumber(r[b.measured]))
                        .filter(x -> !Double.isNaN(x))
                        .sorted()
                        .toArray();
                long m = noised() ? n : values.length;
                if (checked() && !noised() && values.length < rules.minCell() && members.size() >= rules.minCell()) {
                    // enough rows, but too few of them have a value to measure
                    violations.minimumCell++;
                }
                if (b.analysis.kind() == Analysis.Kind.MEAN) {
                    if (checked() && !noised() && dominated(column, values)) {
                        violations.dominance++;
                    }
                    double mean = noised() ? noisyMean(values, range, m) : average(values, 0, values.length);
                    if (values.length > 0 || noised()) {
                        figures.add(figure("mean", mean, column));
                    }
                } else {
                    for (double p : b.probabilities) {
                        if (checked()
                                && (p * values.length < rules.minCell() || (1 - p) * values.length < rules.minCell())) {
                            violations.extremeQuantile++;
                        } else if (values.length > 0) {
                            figures.add(figure(name(p), quantile(values, p), column));
                        }
                    }
                }
            }
            List<String> written = new ArrayList<>();
            for (int g = 0; g < b.groups.length; g++) {
                written.add(written(b.spec.column(b.groups[g]), group.get(g)));
            }
            return new Cell(written, n, figures);
        }

        /** The (n, k) dominance rule on magnitudes: a few rows hold most of the cell's total. */
        private boolean dominated(ColumnSpec column, double[] values) {
            if (column.kind().isTemporal() || values.length == 0) {
                return false;
            }
            double[] magnitudes = Arrays.stream(values).map(Math::abs).sorted().toArray();
            double total = Arrays.stream(magnitudes).sum();
            double top = 0;
            for (int i = 0; i < Math.min(rules.dominantUnits(), magnitudes.length); i++) {
                top += magnitudes[magnitudes.length - 1 - i];
            }
            return total > 0 && top > rules.dominantShare() * total;
        }

        /**
         * A mean under differential privacy: half the epsilon on the count, half on the sum of
         * values clamped to the twin's range (the public bound on one row's contribution).
         */
        private double noisyMean(double[] values, double[] range, long noisyCount) {
            double lo = range[0];
            double hi = range[1];
            double sum = 0;
            for (double x : values) {
                sum += Math.max(lo, Math.min(hi, x));
            }
            double bound = Math.max(Math.abs(lo), Math.abs(hi));
            double noisySum = sum + laplace(2 * bound / rules.epsilon());
            return Math.max(lo, Math.min(hi, noisySum / Math.max(1, noisyCount)));
        }

        /** Rows of a cell or of the whole, as released: rounded, and noised under DP. */
        private long count(int n, int split) {
            if (!checked()) {
                return n;
            }
            double value = n;
            if (noised()) {
                value = Math.max(0, n + laplace(split / rules.epsilon()));
            }
            long base = rules.countBase();
            return Math.round(value / base) * base;
        }

        private double laplace(double scale) {
            double u = noise.nextDouble() - 0.5;
            return -scale * Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
        }

        private int window() {
            return Math.max(3, rules.minCell() / 2);
        }

        /**
         * A quantile: on the twin R's type 7 (interpolated between the two nearest order
         * statistics); on the original the mean of the {@link #window()} order statistics around
         * that position, so no one row's value is released.
         */
        private double quantile(double[] sorted, double p) {
            double h = (sorted.length - 1) * p;
            if (!checked()) {
                int lo = (int) Math.floor(h);
                int hi = Math.min(sorted.length - 1, lo + 1);
                return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
            }
            int w = window();
            int from = (int) Math.round(h - (w - 1) / 2.0);
            from = Math.max(0, Math.min(sorted.length - w, from));
            return average(sorted, from, from + w);
        }

        private Outcome regression() {
            boolean logistic = b.analysis.kind() == Analysis.Kind.LOGISTIC_REGRESSION;
            if (noised()) {
                return Outcome.refused(
                        "not-covered-by-noise",
                        "the deposit's differential privacy covers counts and means: regressions are not released");
            }
            List<String[]> complete = new ArrayList<>();
            for (String[] row : rows) {
                boolean missing = row[b.outcome] == null;
                for (int t : b.terms) {
                    missing |= row[t] == null;
                }
                if (!missing) {
                    complete.add(row);
                }
            }
            Violations violations = new Violations();
            List<String> names = new ArrayList<>(List.of("(intercept)"));
            List<ToDoubleFunction<String[]>> columns = new ArrayList<>();
            for (int t : b.terms) {
                ColumnSpec column = b.spec.column(t);
                if (column.kind().isNumeric()) {
                    names.add(column.name());
                    columns.add(r -> column.kind().toNumber(r[t]));
                    continue;
                }
                Map<String, Integer> levels = new HashMap<>();
                for (String[] row : complete) {
                    levels.merge(row[t], 1, Integer::sum);
                }
                List<String> ordered = new ArrayList<>(levels.keySet());
                // the most frequent level is the baseline; the others in the order of their values
                ordered.sort(Comparator.<String>comparingInt(levels::get)
                        .reversed()
                        .thenComparing(Comparator.naturalOrder()));
                for (String level : ordered) {
                    if (checked() && levels.get(level) < rules.minCell()) {
                        violations.minimumCell++;
                    }
                }
                List<String> coded = new ArrayList<>(ordered.subList(Math.min(1, ordered.size()), ordered.size()));
                coded.sort(Comparator.naturalOrder());
                for (String level : coded) {
                    names.add(column.name() + "=" + written(column, level));
                    columns.add(r -> level.equals(r[t]) ? 1 : 0);
                }
            }
            int p = names.size();
            if (p > MAX_TERMS) {
                return Outcome.refused("too-many-terms", "the model has more than " + MAX_TERMS + " coefficients");
            }
            double[][] x = new double[complete.size()][p];
            double[] y = new double[complete.size()];
            ColumnSpec outcomeColumn = b.spec.column(b.outcome);
            long positives = 0;
            for (int i = 0; i < x.length; i++) {
                String[] row = complete.get(i);
                x[i][0] = 1;
                for (int j = 1; j < p; j++) {
                    x[i][j] = columns.get(j - 1).applyAsDouble(row);
                }
                y[i] = logistic
                        ? (b.positive.equals(row[b.outcome]) ? 1 : 0)
                        : outcomeColumn.kind().toNumber(row[b.outcome]);
                positives += (long) y[i];
            }
            if (checked()) {
                if (complete.size() < rules.minCell()) {
                    violations.minimumCell++;
                } else if (complete.size() - p < rules.minCell()) {
                    return Outcome.refused(
                            "residual-df",
                            "the model leaves fewer than " + rules.minCell() + " residual degrees of freedom");
                }
                if (logistic && (positives < rules.minCell() || complete.size() - positives < rules.minCell())) {
                    violations.minimumCell++;
                }
                if (violations.any()) {
                    return violations.refusal(p);
                }
            }
            if (complete.size() <= p) {
                return Outcome.refused("not-estimable", "fewer complete rows than coefficients");
            }
            Regression.Fit fit = logistic ? Regression.logistic(x, y) : Regression.linear(x, y);
            if (fit == null) {
                return Outcome.refused(
                        logistic ? "separation" : "not-estimable",
                        logistic
                                ? "the model does not converge: terms are collinear, or a term's values separate the"
                                        + " outcome (every row with them has one outcome)"
                                : "the terms are collinear (or one is constant): drop one");
            }
            List<Term> out = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                out.add(new Term(
                        names.get(j),
                        round(fit.estimate()[j]),
                        round(fit.standardError()[j]),
                        round(fit.statistic()[j])));
            }
            List<Figure> figures = new ArrayList<>();
            figures.add(new Figure("residual-df", complete.size() - p, Integer.toString(complete.size() - p)));
            if (logistic) {
                double ll = round(fit.logLikelihood());
                figures.add(new Figure("log-likelihood", ll, plain(ll)));
                figures.add(new Figure("iterations", fit.iterations(), Integer.toString(fit.iterations())));
            } else if (!Double.isNaN(fit.rSquared())) {
                double r2 = round(fit.rSquared());
                figures.add(new Figure("r-squared", r2, plain(r2)));
            }
            if (checked()) {
                notes.add("estimates are rounded to " + rules.digits() + " significant digits and the rows to a"
                        + " multiple of " + rules.countBase() + "; every level of a categorical term has at least "
                        + rules.minCell() + " rows");
            }
            notes.add(
                    complete.size() == rows.size()
                            ? "every row that passed the filters was used"
                            : "rows with a missing value in the model's columns were left out");
            return Outcome.released(new AnalysisResult(
                    b.analysis.kind(), count(complete.size(), 1), List.of(), List.of(), out, figures, notes));
        }

        private List<String> groupOf(String[] row) {
            List<String> group = new ArrayList<>(b.groups.length);
            for (int g : b.groups) {
                group.add(row[g]);
            }
            return group;
        }

        private Figure figure(String name, double value, ColumnSpec column) {
            double shown = column.kind().isTemporal() ? Math.rint(value) : round(value);
            return new Figure(name, shown, written(column, shown));
        }

        private double round(double value) {
            if (!checked() || !Double.isFinite(value) || value == 0) {
                return value;
            }
            return new BigDecimal(value)
                    .round(new MathContext(rules.digits(), RoundingMode.HALF_EVEN))
                    .doubleValue();
        }

        /** How the refusals of one run add up. */
        private final class Violations {
            int minimumCell;
            int extremeQuantile;
            int dominance;

            boolean any() {
                return minimumCell + extremeQuantile + dominance > 0;
            }

            Outcome refusal(int cells) {
                if (minimumCell > 0) {
                    return Outcome.refused(
                            "minimum-cell",
                            minimumCell + " of " + cells + (b.terms.length > 0 ? " terms or outcomes" : " cells")
                                    + " rest on fewer than " + rules.minCell() + " rows: filter less, or group by"
                                    + " coarser columns");
                }
                if (extremeQuantile > 0) {
                    return Outcome.refused(
                            "extreme-quantile",
                            extremeQuantile + " quantile(s) lie within " + rules.minCell() + " rows of a cell's end:"
                                    + " ask for quantiles nearer the middle, or for larger cells");
                }
                return Outcome.refused(
                        "dominance",
                        dominance + " of " + cells + " cells are dominated: " + rules.dominantUnits() + " rows hold"
                                + " more than " + Math.round(rules.dominantShare() * 100) + "% of the cell's total");
            }
        }
    }

    /** Missing groups last, the others in their values' order. */
    private static final Comparator<List<String>> GROUP_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = Comparator.nullsLast(Comparator.<String>naturalOrder()).compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    /** The smallest and largest value of a numeric column (0, 0 when it has none). */
    private static double[] range(Table table, int column, ColumnKind kind) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (String[] row : table.rows()) {
            double x = kind.toNumber(row[column]);
            if (!Double.isNaN(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 0};
    }

    private static double average(double[] sorted, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += sorted[i];
        }
        return to > from ? sum / (to - from) : Double.NaN;
    }

    private static String name(double p) {
        return "p" + BigDecimal.valueOf(p).stripTrailingZeros().toPlainString();
    }

    /** A canonical value as its column writes it. */
    private static String written(ColumnSpec column, String canonical) {
        ValueFormat format = column.valueFormat();
        if (canonical == null || format == null) {
            return canonical;
        }
        try {
            return format.toWritten(canonical);
        } catch (IllegalArgumentException e) {
            return canonical;
        }
    }

    /** A number as its column writes it: temporal kinds as dates, date-times or times. */
    private static String written(ColumnSpec column, double value) {
        String canonical = switch (column.kind()) {
            case DATE -> LocalDate.ofEpochDay((long) value).toString();
            case DATETIME ->
                LocalDateTime.ofEpochSecond((long) value, 0, ZoneOffset.UTC).toString();
            case TIME ->
                LocalTime.ofSecondOfDay(Math.floorMod((long) value, 86_400L)).toString();
            default -> plain(value);
        };
        return column.kind().isTemporal() ? written(column, canonical) : canonical;
    }

    private static String plain(double value) {
        return Double.isFinite(value)
                ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : String.valueOf(value).toLowerCase(Locale.ROOT);
    }
}
