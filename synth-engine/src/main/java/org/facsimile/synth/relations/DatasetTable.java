package org.facsimile.synth.relations;

import java.util.List;
import java.util.Objects;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * One table of a dataset as the engine takes it.
 *
 * @param name how other tables' foreign keys name it (the CSVW table url)
 * @param table the real rows
 * @param spec its columns and primary key
 * @param constraints its declared constraints ({@link org.facsimile.synth.constraints.ConstraintParser})
 * @param foreignKeys its references to tables of the same dataset
 * @param publishedAsDeposited declared public reference data (a list of districts, a code list):
 *     its rows are published as they were deposited, not generated, and other tables' references
 *     to it keep its real keys
 */
public record DatasetTable(
        String name,
        Table table,
        TableSpec spec,
        List<String> constraints,
        List<ForeignKey> foreignKeys,
        boolean publishedAsDeposited) {

    /** A table to be synthesized. */
    public DatasetTable(
            String name, Table table, TableSpec spec, List<String> constraints, List<ForeignKey> foreignKeys) {
        this(name, table, spec, constraints, foreignKeys, false);
    }

    public DatasetTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(spec, "spec");
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
    }
}
