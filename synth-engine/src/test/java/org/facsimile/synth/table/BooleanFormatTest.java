package org.facsimile.synth.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Booleans in the spellings real CSV files use: found, read as true and false, written back. */
class BooleanFormatTest {

    private static CsvInspection inspect(String csv) throws CsvProblem {
        return CsvTables.inspect(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv", StandardCharsets.UTF_8);
    }

    @Test
    void commonSpellingsAreBooleansWithTheirFormat() throws CsvProblem {
        String[][] cases = {
            {"yes", "no", "yes|no"}, {"No", "Yes", "Yes|No"}, {"Y", "N", "Y|N"}, {"f", "t", "t|f"}, {"N", "Y", "Y|N"}
        };
        for (String[] c : cases) {
            ColumnSpec column = inspect("smoker\n" + c[0] + "\n" + c[1] + "\n" + c[0] + "\n")
                    .spec()
                    .column(0);
            assertEquals(ColumnKind.BOOLEAN, column.kind(), c[2]);
            assertEquals(c[2], column.format(), "true's spelling first, as CSVW writes it");
        }
        CsvInspection plain = inspect("smoker\ntrue\nfalse\nTRUE\n");
        assertEquals(ColumnKind.BOOLEAN, plain.spec().column(0).kind());
        assertNull(plain.spec().column(0).format(), "XSD's own spellings need no format");
        assertEquals(
                "read as boolean values written Y|N",
                inspect("s\nY\nN\n").notes().get("s"));
    }

    @Test
    void mixedOrUnknownSpellingsStayCategories() throws CsvProblem {
        for (String values : new String[] {"yes\nno\nYes\n", "yes\nn\n", "on\noff\n", "1\n0\n", "yes\nno\nmaybe\n"}) {
            ColumnSpec column = inspect("s\n" + values).spec().column(0);
            assertEquals(
                    values.startsWith("1") ? ColumnKind.INTEGER : ColumnKind.CATEGORICAL,
                    column.kind(),
                    values.replace('\n', ' '));
        }
    }

    @Test
    void valuesAreReadAsTrueAndFalseAndWrittenInTheirSpelling() throws Exception {
        String csv = "smoker,n\nYes,1\nNo,2\n,3\nYes,4\n";
        TableSpec spec = inspect(csv).spec();
        Table table = CsvTables.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv", spec);
        assertEquals("true", table.row(0)[0]);
        assertEquals("false", table.row(1)[0]);
        assertNull(table.row(2)[0]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvTables.RowWriter writer = CsvTables.writer(out, spec)) {
            table.rows().forEach(writer);
        }
        assertEquals(csv, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aValueOutsideADeclaredFormatIsRefusedWithItsPlace() {
        TableSpec spec = new TableSpec(
                "t",
                java.util.List.of(new ColumnSpec("smoker", ColumnKind.BOOLEAN, null).withFormat("Y|N")),
                java.util.List.of());
        byte[] csv = "smoker\nY\nyes\n".getBytes(StandardCharsets.UTF_8);
        CsvProblem problem = assertThrows(
                CsvProblem.class, () -> CsvTables.checkValues(new ByteArrayInputStream(csv), "t.csv", spec));
        assertEquals(3, problem.row());
        assertEquals("smoker", problem.column());
        assertEquals(false, problem.getMessage().contains("yes"), "never quotes the value");
        assertThrows(IllegalArgumentException.class, () -> BooleanFormat.of("yes"));
        assertThrows(IllegalArgumentException.class, () -> BooleanFormat.of("a|a"));
    }
}
