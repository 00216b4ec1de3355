package org.facsimile.web.deposit;

import java.util.ArrayList;
import java.util.List;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.TableSpec;
import org.facsimile.vocab.csvw.CsvwColumn;
import org.facsimile.vocab.csvw.CsvwTable;

/**
 * Between what the depositor declares (CSVW: datatypes, null markers, primary key) and what the
 * engine needs (column kinds). Inference proposes; a declaration wins where it says something:
 * a declared datatype fixes the kind, a declared key makes identifiers.
 */
public final class DepositTables {

    private DepositTables() {}

    /** The CSVW description of an inferred table. */
    public static CsvwTable describe(String fileName, TableSpec inferred) {
        List<CsvwColumn> columns = new ArrayList<>();
        for (ColumnSpec column : inferred.columns()) {
            columns.add(new CsvwColumn(column.name(), column.kind().csvwDatatype(), column.nullMarkers(), null));
        }
        return new CsvwTable(fileName, columns, inferred.primaryKey());
    }

    /** The engine's view of a table: inferred kinds, overridden by the declaration. */
    public static TableSpec resolve(CsvwTable declared, TableSpec inferred) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (int c = 0; c < declared.columns().size(); c++) {
            CsvwColumn column = declared.columns().get(c);
            ColumnKind guess = inferred.column(c).kind();
            ColumnKind kind = declared.primaryKey().contains(column.name())
                    ? ColumnKind.IDENTIFIER
                    : ColumnKind.forDatatype(column.datatype(), guess);
            columns.add(new ColumnSpec(column.name(), kind, column.nullMarkers()));
        }
        return new TableSpec(inferred.name(), columns, declared.primaryKey());
    }
}
