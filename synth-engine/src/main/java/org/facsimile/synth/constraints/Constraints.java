package org.facsimile.synth.constraints;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.facsimile.synth.columns.ColumnModel;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * A table's declared constraints and how each is enforced, so that every synthetic row obeys all
 * of them:
 *
 * <ul>
 *   <li>an inequality {@code low < high} is built in: the model learns {@code high - low} (never
 *       below zero after generation) and {@code high} is rebuilt from it;
 *   <li>fixed combinations are built in: the columns are learnt as one column of combinations,
 *       so only combinations seen in the data (and common enough to survive value protection) come
 *       out;
 *   <li>a computed column is built in: it is not learnt, and is computed from its terms;
 *   <li>ranges and conditional rules are enforced by redrawing the rows that break them (they are
 *       rare when the data obeys the rule: the model learnt from rows that all do);
 *   <li>and every row is checked against every rule at the end, a row that breaks any is redrawn.
 * </ul>
 *
 * Contradictions are refused up front, naming the column: a cycle of inequalities, a range whose
 * bounds cross, a column computed twice or computed and also constrained in another built-in way.
 */
public final class Constraints {

    /** Where the columns of a combination are joined in the learnt column. */
    static final char JOIN = '\u001F';

    private static final String MISSING = "\u0000";

    /** How one constraint was enforced, and how often the real and generated rows broke it. */
    public record Enforcement(
            String constraint,
            String method,
            double realViolationShare,
            long redrawn,
            long repaired,
            double syntheticSatisfiedShare) {

        public static final String DIFFERENCE = "built in: the model learns the difference of the two columns";
        public static final String COMBINED = "built in: the columns are learnt as one column of seen combinations";
        public static final String COMPUTED = "built in: computed from its terms after generation";
        public static final String REDRAWN = "rows breaking it are redrawn";
    }

    /** The table as the model learns it, and the spec of that table. */
    public record Prepared(Table table, TableSpec spec) {}

    private final TableSpec spec;
    private final List<Constraint> constraints;
    /** Built-in inequalities in the order high columns are rebuilt (lows first). */
    private final List<Constraint.Inequality> differences = new ArrayList<>();

    private final List<Constraint.FixedCombinations> combinations = new ArrayList<>();
    private final List<Constraint.Computed> computed = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    /** Per combination constraint: the combinations that may be generated, with their frequencies. */
    private final Map<Constraint.FixedCombinations, Combinations> allowed = new HashMap<>();

    /** Combinations, and cumulative counts to draw one by frequency. */
    private record Combinations(Set<String> set, String[] values, long[] cumulative) {
        String draw(Random random) {
            long u = (long) (random.nextDouble() * cumulative[cumulative.length - 1]);
            int i = java.util.Arrays.binarySearch(cumulative, u + 1);
            return values[i >= 0 ? i : -i - 1];
        }
    }

    private final Map<Constraint, long[]> counts = new LinkedHashMap<>();
    private final Map<Constraint, Double> realShares = new HashMap<>();

    private Constraints(TableSpec spec, List<Constraint> constraints) {
        this.spec = spec;
        this.constraints = List.copyOf(constraints);
        for (int c = 0; c < spec.columns().size(); c++) {
            index.put(spec.column(c).name(), c);
        }
        for (Constraint c : constraints) {
            counts.put(c, new long[2]);
        }
    }

    /** No constraints: every row passes unchanged. */
    public static Constraints none(TableSpec spec) {
        return new Constraints(spec, List.of());
    }

    /**
     * Reads and checks a table's declared constraints.
     *
     * @throws ConstraintProblem for a constraint that cannot be read, or constraints that
     *     contradict each other, naming the column
     */
    public static Constraints of(List<String> declared, TableSpec spec) {
        List<Constraint> parsed = new ArrayList<>();
        for (String text : declared == null ? List.<String>of() : declared) {
            parsed.add(ConstraintParser.parse(text, spec));
        }
        Constraints c = new Constraints(spec, parsed);
        c.plan();
        return c;
    }

    public boolean isEmpty() {
        return constraints.isEmpty();
    }

    public List<Constraint> constraints() {
        return constraints;
    }

    private void plan() {
        Set<String> structural = new HashSet<>();
        Set<String> keys = new HashSet<>(spec.primaryKey());
        for (Constraint c : constraints) {
            for (String column : c.columns()) {
                if (keys.contains(column)) {
                    throw new ConstraintProblem(
                            column,
                            "constraint '" + c.text() + "': column " + column
                                    + " is the primary key, generated fresh: it cannot be constrained");
                }
                if (spec.column(index.get(column)).personal() != null) {
                    throw new ConstraintProblem(
                            column,
                            "constraint '" + c.text() + "': column " + column
                                    + " holds direct identifiers, replaced by fakes: it cannot be constrained");
                }
            }
        }
        for (Constraint c : constraints) {
            if (c instanceof Constraint.Computed comp) {
                claim(structural, comp.target(), c);
                computed.add(comp);
            } else if (c instanceof Constraint.FixedCombinations fixed) {
                for (String column : fixed.combined()) {
                    claim(structural, column, c);
                }
                combinations.add(fixed);
            } else if (c instanceof Constraint.Range r) {
                checkRange(r);
            }
        }
        for (Constraint.Computed comp : computed) {
            for (String term : comp.terms()) {
                if (computed.stream().anyMatch(o -> o.target().equals(term))) {
                    throw new ConstraintProblem(
                            term,
                            "constraint '" + comp.text() + "': term " + term
                                    + " is itself computed; write the sum of the learnt columns instead");
                }
            }
        }
        // inequalities: refuse cycles; build in one per high column, in an order that rebuilds lows first
        List<Constraint.Inequality> inequalities = constraints.stream()
                .filter(c -> c instanceof Constraint.Inequality)
                .map(c -> (Constraint.Inequality) c)
                .toList();
        checkCycles(inequalities);
        Set<String> rebuilt = new HashSet<>();
        List<Constraint.Inequality> pending = new ArrayList<>();
        for (Constraint.Inequality q : inequalities) {
            if (!structural.contains(q.high()) && !structural.contains(q.low()) && rebuilt.add(q.high())) {
                pending.add(q);
            }
        }
        while (!pending.isEmpty()) {
            for (var it = pending.iterator(); it.hasNext(); ) {
                Constraint.Inequality q = it.next();
                boolean lowRebuiltLater =
                        pending.stream().anyMatch(o -> o != q && o.high().equals(q.low()));
                if (!lowRebuiltLater) {
                    differences.add(q);
                    it.remove();
                }
            }
        }
    }

    private void claim(Set<String> structural, String column, Constraint c) {
        if (!structural.add(column)) {
            throw new ConstraintProblem(
                    column,
                    "constraint '" + c.text() + "': column " + column
                            + " is already computed or in a fixed combination; one such rule per column");
        }
    }

    private void checkRange(Constraint.Range r) {
        if (r.min() == null || r.max() == null) {
            return;
        }
        ColumnKind kind = spec.column(index.get(r.column())).kind();
        double min = kind.toNumber(r.min());
        double max = kind.toNumber(r.max());
        if (min > max || min == max && (r.minStrict() || r.maxStrict())) {
            throw new ConstraintProblem(
                    r.column(), "constraint '" + r.text() + "': no value of " + r.column() + " can lie in this range");
        }
    }

    private void checkCycles(List<Constraint.Inequality> inequalities) {
        Map<String, List<String>> above = new HashMap<>();
        for (Constraint.Inequality q : inequalities) {
            above.computeIfAbsent(q.low(), k -> new ArrayList<>()).add(q.high());
        }
        for (String start : above.keySet()) {
            List<String> frontier = new ArrayList<>(above.get(start));
            Set<String> seen = new HashSet<>();
            while (!frontier.isEmpty()) {
                String next = frontier.remove(frontier.size() - 1);
                if (next.equals(start)) {
                    throw new ConstraintProblem(
                            start,
                            "the inequalities contradict each other: column " + start
                                    + " would have to be below itself");
                }
                if (seen.add(next)) {
                    frontier.addAll(above.getOrDefault(next, List.of()));
                }
            }
        }
    }

    /**
     * The table as the model learns it: each built-in inequality's high column as the difference,
     * each combination in its first column (the others empty), computed columns empty. Also
     * measures how often the real rows break each constraint, for the report.
     */
    public Prepared prepare(Table table) {
        for (Constraint c : constraints) {
            long broken = 0;
            for (String[] row : table.rows()) {
                if (!holds(c, row)) {
                    broken++;
                }
            }
            realShares.put(c, table.rowCount() == 0 ? 0 : (double) broken / table.rowCount());
        }
        if (differences.isEmpty() && combinations.isEmpty() && computed.isEmpty()) {
            return new Prepared(table, spec);
        }
        List<ColumnSpec> columns = new ArrayList<>(spec.columns());
        for (Constraint.Inequality q : differences) {
            ColumnSpec high = spec.column(index.get(q.high()));
            ColumnKind kind = high.kind() == ColumnKind.DECIMAL ? ColumnKind.DECIMAL : ColumnKind.INTEGER;
            columns.set(index.get(q.high()), new ColumnSpec(high.name(), kind, high.nullMarkers()));
        }
        for (Constraint.FixedCombinations f : combinations) {
            ColumnSpec first = spec.column(index.get(f.combined().get(0)));
            columns.set(
                    index.get(first.name()), new ColumnSpec(first.name(), ColumnKind.CATEGORICAL, first.nullMarkers()));
            for (String other : f.combined().subList(1, f.combined().size())) {
                ColumnSpec o = spec.column(index.get(other));
                columns.set(index.get(other), new ColumnSpec(o.name(), ColumnKind.EMPTY, o.nullMarkers()));
            }
            allowed.put(f, frequentCombinations(table, f));
        }
        for (Constraint.Computed comp : computed) {
            ColumnSpec t = spec.column(index.get(comp.target()));
            columns.set(index.get(comp.target()), new ColumnSpec(t.name(), ColumnKind.EMPTY, t.nullMarkers()));
        }
        List<String[]> rows = new ArrayList<>(table.rowCount());
        for (String[] real : table.rows()) {
            String[] row = real.clone();
            // differences from the real lows: reverse order, so a high that is another's low is read before it changes
            for (int i = differences.size() - 1; i >= 0; i--) {
                Constraint.Inequality q = differences.get(i);
                row[index.get(q.high())] = difference(q, real);
            }
            for (Constraint.FixedCombinations f : combinations) {
                row[index.get(f.combined().get(0))] = join(f, real);
                for (String other : f.combined().subList(1, f.combined().size())) {
                    row[index.get(other)] = null;
                }
            }
            for (Constraint.Computed comp : computed) {
                row[index.get(comp.target())] = null;
            }
            rows.add(row);
        }
        return new Prepared(
                new Table(table.name(), table.columns(), rows), new TableSpec(spec.name(), columns, spec.primaryKey()));
    }

    /**
     * A generated row turned back into the table's columns, or null when it breaks a constraint
     * and must be redrawn.
     */
    public String[] finish(String[] generated, Random random) {
        String[] row = generated.clone();
        for (Constraint.FixedCombinations f : combinations) {
            String joined = row[index.get(f.combined().get(0))];
            Combinations choices = allowed.get(f);
            if (joined == null || !choices.set().contains(joined)) {
                // the pooled rare combination, or none: a common seen one instead
                joined = choices.draw(random);
                counts.get(f)[1]++;
            }
            String[] parts = joined.split(String.valueOf(JOIN), -1);
            for (int k = 0; k < parts.length; k++) {
                row[index.get(f.combined().get(k))] = parts[k].equals(MISSING) ? null : parts[k];
            }
        }
        for (Constraint.Inequality q : differences) {
            row[index.get(q.high())] = rebuild(q, row);
        }
        for (Constraint.Computed comp : computed) {
            row[index.get(comp.target())] = sum(comp, row);
        }
        for (Constraint c : constraints) {
            if (!holds(c, row)) {
                counts.get(c)[0]++;
                return null;
            }
        }
        return row;
    }

    /**
     * How each constraint was enforced in the rows finished so far, and the share of the given
     * synthetic rows that obey it, measured again here.
     */
    public List<Enforcement> report(List<String[]> synthetic) {
        List<Enforcement> report = new ArrayList<>();
        for (Constraint c : constraints) {
            String method = c instanceof Constraint.Inequality q && differences.contains(q)
                    ? Enforcement.DIFFERENCE
                    : c instanceof Constraint.FixedCombinations
                            ? Enforcement.COMBINED
                            : c instanceof Constraint.Computed ? Enforcement.COMPUTED : Enforcement.REDRAWN;
            long obeying = synthetic.stream().filter(row -> holds(c, row)).count();
            report.add(new Enforcement(
                    c.text(),
                    method,
                    realShares.getOrDefault(c, 0.0),
                    counts.get(c)[0],
                    counts.get(c)[1],
                    synthetic.isEmpty() ? 1.0 : (double) obeying / synthetic.size()));
        }
        return report;
    }

    /** Whether a row obeys a constraint; a rule over a missing value holds (nothing to break). */
    public boolean holds(Constraint c, String[] row) {
        if (c instanceof Constraint.Inequality q) {
            double low = number(q.low(), row);
            double high = number(q.high(), row);
            return Double.isNaN(low) || Double.isNaN(high) || (q.strict() ? low < high : low <= high);
        }
        if (c instanceof Constraint.Range r) {
            double v = number(r.column(), row);
            if (Double.isNaN(v)) {
                return true;
            }
            ColumnKind kind = kind(r.column());
            if (r.min() != null) {
                double min = kind.toNumber(r.min());
                if (r.minStrict() ? v <= min : v < min) {
                    return false;
                }
            }
            if (r.max() != null) {
                double max = kind.toNumber(r.max());
                return r.maxStrict() ? v < max : v <= max;
            }
            return true;
        }
        if (c instanceof Constraint.FixedCombinations f) {
            return allowed.get(f) == null || allowed.get(f).set().contains(join(f, row));
        }
        if (c instanceof Constraint.Computed comp) {
            String value = value(comp.target(), row);
            String expected = sum(comp, row);
            return value == null || expected == null || new BigDecimal(value).compareTo(new BigDecimal(expected)) == 0;
        }
        Constraint.Conditional rule = (Constraint.Conditional) c;
        return !test(rule.condition(), row) || test(rule.consequence(), row);
    }

    private boolean test(Constraint.Predicate p, String[] row) {
        String value = value(p.column(), row);
        if (value == null) {
            // a missing value meets no condition, and is no value a consequence allows except "!="
            return p.operator().equals("!=");
        }
        ColumnKind kind = kind(p.column());
        if (p.operator().equals("in")
                || p.operator().equals("=")
                || p.operator().equals("!=")) {
            boolean in = p.values().stream().anyMatch(v -> same(kind, v, value));
            return p.operator().equals("!=") ? !in : in;
        }
        double v = kind.toNumber(value);
        double bound = kind.toNumber(p.values().get(0));
        return switch (p.operator()) {
            case "<" -> v < bound;
            case "<=" -> v <= bound;
            case ">" -> v > bound;
            default -> v >= bound;
        };
    }

    private static boolean same(ColumnKind kind, String declared, String value) {
        if (kind.isNumeric()) {
            double a = kind.toNumber(declared);
            return !Double.isNaN(a) && a == kind.toNumber(value);
        }
        return declared.equals(value);
    }

    private String value(String column, String[] row) {
        String v = row[index.get(column)];
        return v == null || spec.column(index.get(column)).isMissing(v) ? null : v;
    }

    private ColumnKind kind(String column) {
        return spec.column(index.get(column)).kind();
    }

    private double number(String column, String[] row) {
        String v = value(column, row);
        return v == null ? Double.NaN : kind(column).toNumber(v);
    }

    /** high - low as the learnt value: a number, days between dates, seconds between date-times. */
    private String difference(Constraint.Inequality q, String[] row) {
        String low = value(q.low(), row);
        String high = value(q.high(), row);
        if (low == null || high == null) {
            return null;
        }
        ColumnKind kind = kind(q.high());
        if (kind == ColumnKind.INTEGER || kind == ColumnKind.DECIMAL) {
            if (kind(q.low()) == ColumnKind.INTEGER || kind(q.low()) == ColumnKind.DECIMAL) {
                return new BigDecimal(high).subtract(new BigDecimal(low)).toPlainString();
            }
        }
        double d = kind.toNumber(high) - kind(q.low()).toNumber(low);
        return Double.isNaN(d) ? null : Long.toString(Math.round(d));
    }

    /** high = low + the generated difference, kept at or above zero (above, for a strict rule). */
    private String rebuild(Constraint.Inequality q, String[] row) {
        String low = value(q.low(), row);
        String diff = row[index.get(q.high())];
        if (low == null || diff == null || spec.column(index.get(q.high())).isMissing(diff)) {
            return null;
        }
        ColumnKind kind = kind(q.high());
        BigDecimal d;
        try {
            d = new BigDecimal(diff);
        } catch (NumberFormatException e) {
            return null;
        }
        if (kind == ColumnKind.INTEGER) {
            d = d.setScale(0, java.math.RoundingMode.HALF_UP);
        }
        BigDecimal smallest =
                kind == ColumnKind.DECIMAL ? BigDecimal.ONE.movePointLeft(Math.max(0, scale(low, d))) : BigDecimal.ONE;
        if (d.signum() < 0 || q.strict() && d.signum() == 0) {
            d = q.strict() ? smallest : BigDecimal.ZERO;
            counts.get(q)[1]++;
        }
        return switch (kind) {
            case DATE -> LocalDate.parse(low).plusDays(d.longValue()).toString();
            case DATETIME -> {
                LocalDateTime t = LocalDateTime.parse(low.replace(' ', 'T')).plusSeconds(d.longValue());
                String s = t.atOffset(ZoneOffset.UTC).toLocalDateTime().toString();
                if (s.length() == 16) {
                    s += ":00";
                }
                yield low.indexOf(' ') > 0 ? s.replace('T', ' ') : s;
            }
            case TIME -> {
                long seconds = java.time.LocalTime.parse(low).toSecondOfDay() + d.longValue();
                // a time past midnight is kept at the day's last second: times of day do not wrap
                java.time.LocalTime t = java.time.LocalTime.ofSecondOfDay(Math.min(86_399L, seconds));
                yield low.length() < 8
                        ? t.toString().substring(0, 5)
                        : t.withNano(0).toString().length() == 5
                                ? t + ":00"
                                : t.withNano(0).toString();
            }
            default -> new BigDecimal(low).add(d).toPlainString();
        };
    }

    private static int scale(String low, BigDecimal d) {
        return Math.max(new BigDecimal(low).scale(), d.scale());
    }

    private String sum(Constraint.Computed comp, String[] row) {
        BigDecimal total = BigDecimal.ZERO;
        for (int t = 0; t < comp.terms().size(); t++) {
            String v = value(comp.terms().get(t), row);
            if (v == null) {
                return null;
            }
            BigDecimal term;
            try {
                term = new BigDecimal(v);
            } catch (NumberFormatException e) {
                return null;
            }
            total = comp.negated().get(t) ? total.subtract(term) : total.add(term);
        }
        return total.toPlainString();
    }

    private String join(Constraint.FixedCombinations f, String[] row) {
        StringBuilder joined = new StringBuilder();
        for (String column : f.combined()) {
            if (joined.length() > 0) {
                joined.append(JOIN);
            }
            String v = value(column, row);
            joined.append(v == null ? MISSING : v);
        }
        return joined.toString();
    }

    /**
     * The combinations a generated row may take: those seen at least as often as value protection
     * keeps a category (so a rare combination, which could single a person out, never comes out),
     * all seen ones when none is that common.
     */
    private Combinations frequentCombinations(Table table, Constraint.FixedCombinations f) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String[] row : table.rows()) {
            seen.merge(join(f, row), 1, Integer::sum);
        }
        int common = ColumnModel.RARE_THRESHOLD + ColumnModel.RARE_THRESHOLD_SPREAD;
        boolean anyCommon = seen.values().stream().anyMatch(n -> n >= common);
        List<String> values = new ArrayList<>();
        List<Long> cumulative = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Integer> e : seen.entrySet()) {
            if (!anyCommon || e.getValue() >= common) {
                total += e.getValue();
                values.add(e.getKey());
                cumulative.add(total);
            }
        }
        return new Combinations(
                new HashSet<>(values),
                values.toArray(String[]::new),
                cumulative.stream().mapToLong(Long::longValue).toArray());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d constraints on %s", constraints.size(), spec.name());
    }
}
