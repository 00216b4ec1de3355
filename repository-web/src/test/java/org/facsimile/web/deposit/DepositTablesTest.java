package org.facsimile.web.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.TableSpec;
import org.facsimile.vocab.csvw.CsvwColumn;
import org.facsimile.vocab.csvw.CsvwTable;
import org.junit.jupiter.api.Test;

class DepositTablesTest {

    private static final TableSpec INFERRED = new TableSpec(
            "t",
            List.of(
                    new ColumnSpec("id", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("age", ColumnKind.INTEGER, null),
                    new ColumnSpec("note", ColumnKind.TEXT, null),
                    new ColumnSpec("code", ColumnKind.INTEGER, List.of("", "?"))),
            List.of("id"));

    @Test
    void inferenceRoundTripsThroughCsvw() {
        CsvwTable described = DepositTables.describe("t.csv", INFERRED);
        assertEquals(
                List.of("string", "integer", "string", "integer"),
                described.columns().stream().map(CsvwColumn::datatype).toList());
        assertEquals(List.of("", "?"), described.columns().get(3).nullMarkers());
        TableSpec resolved = DepositTables.resolve(described, INFERRED);
        assertEquals(
                INFERRED.columns().stream().map(ColumnSpec::kind).toList(),
                resolved.columns().stream().map(ColumnSpec::kind).toList());
    }

    @Test
    void aDeclarationWinsOverInference() {
        CsvwTable declared = new CsvwTable(
                "t.csv",
                List.of(
                        new CsvwColumn("id", "integer", null, null),
                        new CsvwColumn("age", "string", null, null),
                        new CsvwColumn("note", "string", null, null),
                        new CsvwColumn("code", "decimal", List.of("NA"), null)),
                List.of());
        TableSpec resolved = DepositTables.resolve(declared, INFERRED);
        assertEquals(
                List.of(ColumnKind.INTEGER, ColumnKind.CATEGORICAL, ColumnKind.TEXT, ColumnKind.DECIMAL),
                resolved.columns().stream().map(ColumnSpec::kind).toList());
        assertEquals(List.of("NA"), resolved.column(3).nullMarkers());
        assertEquals(List.of(), resolved.primaryKey(), "no declared key: id is learnt as a number");
    }
}
