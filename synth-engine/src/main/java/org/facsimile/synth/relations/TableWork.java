package org.facsimile.synth.relations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.facsimile.synth.RunReport;
import org.facsimile.synth.TableSynthesis;
import org.facsimile.synth.quality.QualityEvaluator;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/** What a dataset run knows of one table while the dataset is generated. */
final class TableWork {

    final DatasetTable input;
    /** The real rows with one count column per context child appended. */
    Table real;
    /** The columns as learnt: references not learnt, count columns appended. */
    TableSpec spec;
    /** Per context child, the count column's index. */
    final Map<String, Integer> countColumn = new LinkedHashMap<>();
    /** Per real row: held out with its family. */
    boolean[] holdout;
    /** Per real row of a context child: its real parent row, -1 when the reference is empty or dangling. */
    int[] parentRow;
    /** The synthetic rows with the count columns. */
    List<String[]> synthetic;
    /** Per synthetic row of a context child: its synthetic parent row. */
    int[] syntheticParent;
    /** For a context child, the column its real families follow; null when none. */
    SequenceOrder order;
    /** For a context child, the running totals its real families carry from one sibling to the next. */
    List<RunningTotal> totals = List.of();

    RunReport report;

    TableWork(DatasetTable input) {
        this.input = input;
    }

    String name() {
        return input.name();
    }

    /** The columns as deposited; the count columns come after them. */
    int width() {
        return input.spec().columns().size();
    }

    /** Per deposited column, whether it is a key, an identifier or a reference: renumbered or matched. */
    boolean[] keysAndReferences() {
        boolean[] key = Arrays.copyOf(TableSynthesis.keyColumns(spec), width());
        for (int c = 0; c < key.length; c++) {
            key[c] |= isReference(c);
        }
        return key;
    }

    /** Whether a column of the table is one of its references. */
    boolean isReference(int c) {
        return input.foreignKeys().stream()
                .anyMatch(k -> k.columns().contains(spec.column(c).name()));
    }

    /** Per real child row, the index of the parent row its reference names; -1 when empty or dangling. */
    static int[] parentRows(TableWork parent, TableWork child, Relations.Relation r) {
        Table parents = parent.input.table();
        int key = parents.columns().indexOf(r.parentColumn());
        Map<String, Integer> keys = new HashMap<>();
        for (int p = 0; p < parents.rowCount(); p++) {
            keys.put(parents.row(p)[key], p);
        }
        Table children = child.input.table();
        int c = children.columns().indexOf(r.column());
        int[] rows = new int[children.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            String value = children.row(i)[c];
            Integer p = value == null ? null : keys.get(value);
            rows[i] = p == null ? -1 : p;
        }
        return rows;
    }

    /** The indices of the first {@code width} columns whose values are learnt and compared. */
    static int[] measurable(TableSpec spec, int width) {
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            if (QualityEvaluator.measurable(spec, c)) {
                columns.add(c);
            }
        }
        return columns.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The name, or it in parentheses (again) until no column has it. */
    static String unique(String name, List<ColumnSpec> columns) {
        String candidate = name;
        while (taken(candidate, columns)) {
            candidate = "(" + candidate + ")";
        }
        return candidate;
    }

    private static boolean taken(String name, List<ColumnSpec> columns) {
        return columns.stream().anyMatch(c -> c.name().equals(name));
    }

    /** The child rows of each parent row, in file order. */
    static List<List<Integer>> families(int[] parentRow, int parents) {
        List<List<Integer>> families = new ArrayList<>(parents);
        for (int p = 0; p < parents; p++) {
            families.add(new ArrayList<>());
        }
        for (int r = 0; r < parentRow.length; r++) {
            if (parentRow[r] >= 0) {
                families.get(parentRow[r]).add(r);
            }
        }
        return families;
    }
}
