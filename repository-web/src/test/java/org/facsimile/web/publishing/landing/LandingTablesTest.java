package org.facsimile.web.publishing.landing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.facsimile.vocab.csvw.CsvwColumn;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.web.schema.TablePreview;
import org.junit.jupiter.api.Test;

/** A table on the landing page: its columns in a reader's words and a bounded preview of its rows. */
class LandingTablesTest {

    private static CsvwTable described(int columns) {
        List<CsvwColumn> cs = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            cs.add(new CsvwColumn(
                    "c" + c,
                    c == 0 ? "integer" : c == 1 ? "dateTime" : "string",
                    List.of(""),
                    "about c" + c,
                    null,
                    null,
                    null));
        }
        return new CsvwTable("t.csv", cs, List.of(), List.of(), List.of(), null, false);
    }

    private static List<String[]> records(int rows, int columns, String cell) {
        List<String[]> records = new ArrayList<>();
        String[] header = new String[columns];
        for (int c = 0; c < columns; c++) {
            header[c] = "c" + c;
        }
        records.add(header);
        for (int r = 0; r < rows; r++) {
            String[] row = new String[columns];
            for (int c = 0; c < columns; c++) {
                row[c] = cell + r;
            }
            records.add(row);
        }
        return records;
    }

    @Test
    void columnsAreNamedInWordsWithTheirDescriptions() {
        LandingPage.Table t = LandingPage.table(described(3), "3 rows", records(3, 3, "v"), false);
        assertEquals(
                new LandingPage.Column("c0", "whole number", "about c0"),
                t.columns().get(0));
        assertEquals("date and time", t.columns().get(1).type());
        assertEquals("text", t.columns().get(2).type());
        assertEquals(List.of("c0", "c1", "c2"), t.preview().header());
        assertEquals(List.of("v0", "v0", "v0"), t.preview().rows().get(0));
        assertEquals(0, t.preview().moreColumns());
    }

    @Test
    void thePreviewIsBoundedInRowsColumnsAndCharacters() {
        String longCell = "x".repeat(200);
        LandingPage.Table t = LandingPage.table(described(40), "", records(11, 40, longCell), false);
        assertEquals(TablePreview.ROWS, t.preview().rows().size(), "rows beyond the preview's are not shown");
        assertEquals(TablePreview.COLUMNS, t.preview().header().size());
        assertEquals(10, t.preview().moreColumns());
        assertEquals(40, t.columns().size(), "the column list has them all");
        String cell = t.preview().rows().get(0).get(0);
        assertEquals(TablePreview.CHARS + 1, cell.length());
        assertTrue(cell.endsWith("\u2026"), cell);
    }

    @Test
    void aFileThatDidNotReadShowsItsColumnsOnly() {
        LandingPage.Table t = LandingPage.table(described(2), "", List.of(), true);
        assertEquals(2, t.columns().size());
        assertTrue(t.preview().isEmpty());
        assertTrue(t.asDeposited());
    }
}
