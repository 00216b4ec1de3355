package org.facsimile.synth.personal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.PersonalData;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * How a table's direct identifiers are kept out of learning, two ways by what the column holds:
 *
 * <ul>
 *   <li>values that are (nearly) all different, one per person (a patient's name, e-mail): not
 *       learnt at all; every synthetic row gets the fakes of a fresh fake person;
 *   <li>values that repeat (the doctor who saw each patient): each real value is replaced by one
 *       fake before anything is learnt (a pseudonym, drawn with a secret seed that is never stored,
 *       so nobody can recompute which real value became which fake), and the pseudonyms are learnt
 *       as a category: how often each appears and with what stays in the data, the real values
 *       never.
 * </ul>
 *
 * Either way no synthetic value is a real one: fakes that happen to equal a real value are drawn
 * again, and {@link #check} counts what reaches the output for the report.
 */
public final class PersonalColumns {

    /** A column whose distinct values are at most this share of its values is pseudonymised. */
    static final double REPEATING = 0.5;

    /** How a personal-data column was treated, and the check of the output. */
    public record Treated(String column, PersonalData kind, String method, long values, long realValuesFound) {

        public static final String FAKE_PER_ROW = "a fake per synthetic row";
        public static final String PSEUDONYMS = "a pseudonym per real value, learnt as a category";
    }

    /**
     * The table as learning sees it: repeating personal-data columns pseudonymised and learnt as
     * categories (their mark dropped from the spec), the others still marked and left for fakes.
     */
    public record Prepared(Table table, TableSpec spec, Map<String, String> methods) {}

    private PersonalColumns() {}

    public static Prepared prepare(Table table, TableSpec spec) {
        Map<String, String> methods = new HashMap<>();
        List<ColumnSpec> columns = new ArrayList<>(spec.columns());
        List<Integer> pseudonymised = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            ColumnSpec column = columns.get(c);
            if (column.personal() == null || spec.primaryKey().contains(column.name())) {
                continue;
            }
            if (repeats(table.column(c))) {
                pseudonymised.add(c);
                methods.put(column.name(), Treated.PSEUDONYMS);
                columns.set(
                        c,
                        new ColumnSpec(
                                column.name(), ColumnKind.CATEGORICAL, column.nullMarkers(), null, column.lang()));
            } else {
                methods.put(column.name(), Treated.FAKE_PER_ROW);
            }
        }
        if (pseudonymised.isEmpty()) {
            return new Prepared(table, spec, methods);
        }
        List<String[]> rows = new ArrayList<>(table.rowCount());
        for (String[] row : table.rows()) {
            rows.add(row.clone());
        }
        long secret = new SecureRandom().nextLong();
        for (int c : pseudonymised) {
            ColumnSpec column = spec.column(c);
            Map<String, String> pseudonyms = pseudonyms(table.column(c), column, secret);
            for (String[] row : rows) {
                if (row[c] != null && !column.isMissing(row[c])) {
                    row[c] = pseudonyms.get(row[c]);
                }
            }
        }
        return new Prepared(
                new Table(table.name(), table.columns(), rows),
                new TableSpec(spec.name(), columns, spec.primaryKey()),
                methods);
    }

    /**
     * How each personal-data column was treated, with how many of its synthetic values equal
     * (loosely) a real value of the column: zero, unless something went wrong.
     */
    public static List<Treated> check(TableSpec spec, Table real, Table synthetic, Map<String, String> methods) {
        List<Treated> treated = new ArrayList<>();
        for (int c = 0; c < spec.columns().size(); c++) {
            ColumnSpec column = spec.column(c);
            if (!methods.containsKey(column.name())) {
                continue;
            }
            RealValues values = RealValues.of(nonMissing(real.column(c), column));
            long found = 0;
            long count = 0;
            for (String v : synthetic.column(c)) {
                if (v != null && !column.isMissing(v)) {
                    count++;
                    if (values.contains(v)) {
                        found++;
                    }
                }
            }
            treated.add(new Treated(column.name(), column.personal(), methods.get(column.name()), count, found));
        }
        return treated;
    }

    private static Map<String, String> pseudonyms(String[] values, ColumnSpec column, long secret) {
        String[] real = nonMissing(values, column);
        RealValues realValues = RealValues.of(real);
        FakePeople fakes = new FakePeople(column.locale());
        Map<String, String> pseudonyms = new HashMap<>();
        Set<String> used = new HashSet<>();
        long n = 0;
        for (String v : real) {
            if (v == null || pseudonyms.containsKey(v)) {
                continue;
            }
            String fake = null;
            for (int attempt = 0; fake == null; attempt++) {
                String candidate = fakes.value(column.personal(), secret, n, attempt);
                if (!realValues.contains(candidate) && used.add(RealValues.loose(candidate))) {
                    fake = candidate;
                } else if (attempt > 1_000) {
                    // more distinct values than the locale has fakes of this kind: number them
                    fake = candidate + " " + (n + 1);
                    used.add(RealValues.loose(fake));
                }
            }
            pseudonyms.put(v, fake);
            n++;
        }
        return pseudonyms;
    }

    private static boolean repeats(String[] values) {
        Set<String> distinct = new HashSet<>();
        long count = 0;
        for (String v : values) {
            if (v != null) {
                count++;
                distinct.add(v);
            }
        }
        return count > 0 && distinct.size() <= REPEATING * count;
    }

    private static String[] nonMissing(String[] values, ColumnSpec column) {
        return java.util.Arrays.stream(values)
                .map(v -> v == null || column.isMissing(v) ? null : v)
                .toArray(String[]::new);
    }
}
