package org.facsimile.synth.relations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.facsimile.synth.table.ColumnSpec;

/**
 * The plan for a dataset of related tables. Each child table gets one foreign key as its
 * <em>context</em>: its rows are generated per parent row, as a sequence given that row and the
 * sibling before. The first declared reference to another table is the context unless that would
 * make a table its own ancestor; such references, and references of a table to itself, are
 * matched instead: filled with synthetic parents after generation, keeping how many rows refer to
 * each parent. A reference to a table published as deposited is never a context: the child
 * learns the referenced key as one of its columns, so its references keep the real, public keys.
 * Tables are generated parents first.
 */
public final class Relations {

    /**
     * One single-column reference.
     *
     * @param child the referencing table
     * @param column its referencing column
     * @param parent the referenced table
     * @param parentColumn the parent's (single-column) primary key
     * @param context whether the child's rows are generated per parent row through it
     */
    public record Relation(String child, String column, String parent, String parentColumn, boolean context) {

        /** "visits.patient_id → patients.id" */
        public String label() {
            return child + "." + column + " → " + parent + "." + parentColumn;
        }
    }

    private final Map<String, DatasetTable> tables;
    private final List<String> order;
    private final List<Relation> relations;

    private Relations(Map<String, DatasetTable> tables, List<String> order, List<Relation> relations) {
        this.tables = tables;
        this.order = order;
        this.relations = relations;
    }

    /**
     * Checks the references and plans the generation.
     *
     * @throws RelationProblem naming the table and column of a composite key, a reference to a
     *     table or column that is not there, to something other than a primary key, or to a key
     *     whose real values repeat
     */
    public static Relations of(List<DatasetTable> input) {
        Map<String, DatasetTable> tables = new LinkedHashMap<>();
        for (DatasetTable t : input) {
            if (tables.put(t.name(), t) != null) {
                throw new RelationProblem(t.name(), null, "two tables are named " + t.name());
            }
        }
        for (DatasetTable t : input) {
            deposited(t);
        }
        List<Relation> relations = new ArrayList<>();
        Map<String, String> contextParent = new HashMap<>();
        for (DatasetTable t : input) {
            for (ForeignKey key : t.foreignKeys()) {
                Relation r = check(t, key, tables);
                boolean context = !contextParent.containsKey(t.name())
                        && !tables.get(r.parent()).publishedAsDeposited()
                        && !r.parent().equals(t.name())
                        && !isAncestor(t.name(), r.parent(), contextParent);
                if (context) {
                    contextParent.put(t.name(), r.parent());
                }
                relations.add(new Relation(r.child(), r.column(), r.parent(), r.parentColumn(), context));
            }
        }
        Set<String> referenced = new HashSet<>();
        for (Relation r : relations) {
            if (referenced.add(r.parent())) {
                uniqueKeys(tables.get(r.parent()), r.parentColumn());
            }
        }
        List<String> order = new ArrayList<>();
        for (DatasetTable t : input) {
            if (!contextParent.containsKey(t.name())) {
                addWithChildren(t.name(), relations, order);
            }
        }
        return new Relations(tables, List.copyOf(order), List.copyOf(relations));
    }

    private static Relation check(DatasetTable t, ForeignKey key, Map<String, DatasetTable> tables) {
        String first = key.columns().isEmpty() ? null : key.columns().get(0);
        if (key.columns().size() != 1 || key.parentColumns().size() != 1) {
            throw new RelationProblem(
                    t.name(),
                    first,
                    "composite foreign keys are not supported: " + t.name() + " " + key.columns() + " refers to "
                            + key.parent() + " " + key.parentColumns()
                            + "; give the referenced table a single-column primary key");
        }
        if (!t.spec().columnNames().contains(first)) {
            throw new RelationProblem(
                    t.name(), first, "the foreign key names " + first + ", not a column of " + t.name());
        }
        if (t.publishedAsDeposited() && !tables.get(key.parent()).publishedAsDeposited()) {
            throw new RelationProblem(
                    t.name(),
                    first,
                    t.name() + " is published as deposited, so its references keep their real values; it can only"
                            + " refer to a table published as deposited too, not to " + key.parent()
                            + ", whose keys are generated");
        }
        ColumnSpec column = t.spec().columns().get(t.spec().columnNames().indexOf(first));
        if (column.personal() != null) {
            throw new RelationProblem(
                    t.name(),
                    first,
                    t.name() + "." + first + " is a foreign key and cannot also be marked as personal data");
        }
        DatasetTable parent = tables.get(key.parent());
        if (parent == null) {
            throw new RelationProblem(
                    t.name(),
                    first,
                    t.name() + "." + first + " refers to table " + key.parent() + ", which is not in this dataset");
        }
        String parentColumn = key.parentColumn();
        if (!parent.spec().primaryKey().equals(List.of(parentColumn))) {
            throw new RelationProblem(
                    t.name(),
                    first,
                    t.name() + "." + first + " refers to " + parent.name() + "." + parentColumn
                            + ", which is not that table's primary key; a reference must point at a"
                            + " single-column primary key");
        }
        return new Relation(t.name(), first, parent.name(), parentColumn, false);
    }

    /** A table published as deposited may hold no personal data: its rows are published as they are. */
    private static void deposited(DatasetTable t) {
        if (!t.publishedAsDeposited()) {
            return;
        }
        for (ColumnSpec c : t.spec().columns()) {
            if (c.personal() != null) {
                throw new RelationProblem(
                        t.name(),
                        c.name(),
                        t.name() + " is declared public reference data, published as deposited, but its column "
                                + c.name() + " is marked as personal data; publish it as deposited only if it"
                                + " holds no one's data");
            }
        }
    }

    private static boolean isAncestor(String table, String of, Map<String, String> contextParent) {
        for (String p = of; p != null; p = contextParent.get(p)) {
            if (p.equals(table)) {
                return true;
            }
        }
        return false;
    }

    private static void uniqueKeys(DatasetTable parent, String column) {
        int c = parent.table().columns().indexOf(column);
        Set<String> seen = new HashSet<>();
        for (int r = 0; r < parent.table().rowCount(); r++) {
            String value = parent.table().row(r)[c];
            if (value == null) {
                throw new RelationProblem(
                        parent.name(),
                        column,
                        "row " + (r + 2) + " of " + parent.name() + " has no " + column
                                + ", the key other tables refer to");
            }
            if (!seen.add(value)) {
                throw new RelationProblem(
                        parent.name(),
                        column,
                        "row " + (r + 2) + " of " + parent.name() + " repeats a value of " + column
                                + ", the key other tables refer to; it must be unique");
            }
        }
    }

    private static void addWithChildren(String table, List<Relation> relations, List<String> order) {
        order.add(table);
        for (Relation r : relations) {
            if (r.context() && r.parent().equals(table)) {
                addWithChildren(r.child(), relations, order);
            }
        }
    }

    /** The tables, each after its context parent. */
    public List<DatasetTable> order() {
        return order.stream().map(tables::get).toList();
    }

    /** Every reference, in declaration order. */
    public List<Relation> all() {
        return relations;
    }

    /** The table's context reference, or null for a table generated on its own. */
    public Relation context(String table) {
        return relations.stream()
                .filter(r -> r.context() && r.child().equals(table))
                .findFirst()
                .orElse(null);
    }

    /** The references whose rows are generated per row of this table. */
    public List<Relation> contextChildren(String table) {
        return relations.stream()
                .filter(r -> r.context() && r.parent().equals(table))
                .toList();
    }

    /** The table's references that are matched after generation, not its context. */
    public List<Relation> matched(String table) {
        return relations.stream()
                .filter(r -> !r.context() && r.child().equals(table))
                .toList();
    }

    /** Whether the reference points at a table published as deposited: the child keeps its real keys. */
    public boolean published(Relation r) {
        return tables.get(r.parent()).publishedAsDeposited();
    }

    /** Whether any table refers to another. */
    public boolean isEmpty() {
        return relations.isEmpty();
    }
}
