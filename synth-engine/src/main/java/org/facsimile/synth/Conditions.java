package org.facsimile.synth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.TableSpec;

/**
 * Conditional generation: rows generated given some of their values.
 *
 * @param seedRows one synthetic row per entry, taking the entry's values (by column name); the
 *     other columns are drawn given them. Empty: no seeding
 * @param rebalance a category brought to a target share of the rows, the rest drawn as learnt;
 *     null: none
 */
public record Conditions(List<Map<String, String>> seedRows, Rebalance rebalance) {

    /** The most seed rows one run takes. */
    public static final int MAX_SEED_ROWS = 1_000_000;

    /** A category of a column brought to a share of the generated rows. */
    public record Rebalance(String column, String value, double share) {}

    public Conditions {
        seedRows = seedRows == null ? List.of() : List.copyOf(seedRows);
    }

    public static Conditions none() {
        return new Conditions(List.of(), null);
    }

    public boolean isEmpty() {
        return seedRows.isEmpty() && rebalance == null;
    }

    /**
     * Checks the conditions against a table's columns.
     *
     * @throws IllegalArgumentException naming the column (and seed row) that cannot be used
     */
    public void check(TableSpec spec) {
        if (!seedRows.isEmpty() && rebalance != null) {
            throw new IllegalArgumentException("seed rows and a rebalance cannot be combined: choose one");
        }
        if (seedRows.size() > MAX_SEED_ROWS) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "at most %,d seed rows, not %,d", MAX_SEED_ROWS, seedRows.size()));
        }
        for (int r = 0; r < seedRows.size(); r++) {
            for (Map.Entry<String, String> e : seedRows.get(r).entrySet()) {
                ColumnSpec column = learnt(spec, e.getKey(), "seed row " + (r + 1));
                if (e.getValue() != null
                        && column.kind().isNumeric()
                        && Double.isNaN(column.kind().toNumber(e.getValue()))) {
                    throw new IllegalArgumentException(
                            "seed row " + (r + 1) + ", column " + e.getKey() + ": '" + e.getValue() + "' is not a "
                                    + column.kind().name().toLowerCase(Locale.ROOT));
                }
            }
        }
        if (rebalance != null) {
            ColumnSpec column = learnt(spec, rebalance.column(), "rebalance");
            if (column.kind() != ColumnKind.CATEGORICAL && column.kind() != ColumnKind.BOOLEAN) {
                throw new IllegalArgumentException("rebalance: column " + rebalance.column() + " is "
                        + column.kind().name().toLowerCase(Locale.ROOT) + "; only a category can be rebalanced");
            }
            if (rebalance.value() == null || rebalance.value().isEmpty()) {
                throw new IllegalArgumentException("rebalance: which value of " + rebalance.column() + "?");
            }
            if (!(rebalance.share() > 0 && rebalance.share() < 1)) {
                throw new IllegalArgumentException(
                        "rebalance: the share must be between 0 and 1 (exclusive), was " + rebalance.share());
            }
        }
    }

    /** A column the model learns (keys, identifiers, free text and constants are not learnt). */
    private static ColumnSpec learnt(TableSpec spec, String name, String where) {
        int index = spec.columnNames().indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(where + ": table " + spec.name() + " has no column '" + name
                    + "'; its columns: " + spec.columnNames());
        }
        ColumnSpec column = spec.column(index);
        ColumnKind kind = column.kind();
        if (spec.primaryKey().contains(name)
                || column.personal() != null
                || kind == ColumnKind.IDENTIFIER
                || kind == ColumnKind.TEXT
                || kind == ColumnKind.EMPTY
                || kind == ColumnKind.CONSTANT) {
            throw new IllegalArgumentException(where + ": column " + name
                    + " is not learnt (a key, a direct identifier, free text or a constant) and cannot be given");
        }
        return column;
    }
}
