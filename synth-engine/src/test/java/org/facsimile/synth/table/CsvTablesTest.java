package org.facsimile.synth.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTablesTest {

    private static CsvInspection inspect(String csv) throws CsvProblem {
        return CsvTables.inspect(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "people.csv", StandardCharsets.UTF_8);
    }

    private static CsvProblem problem(byte[] bytes) {
        return assertThrows(
                CsvProblem.class,
                () -> CsvTables.inspect(new ByteArrayInputStream(bytes), "people.csv", StandardCharsets.UTF_8));
    }

    private static CsvProblem problem(String csv) {
        return problem(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void infersKindsMissingMarkersAndKey() throws CsvProblem {
        StringBuilder csv = new StringBuilder("person_id,age,income,born,city,member,notes,empty,country\n");
        for (int i = 1; i <= 60; i++) {
            csv.append(i)
                    .append(',')
                    .append(20 + i % 50)
                    .append(',')
                    .append(i * 101.25)
                    .append(",19")
                    .append(50 + i % 40)
                    .append("-0")
                    .append(1 + i % 9)
                    .append("-1")
                    .append(i % 9)
                    .append(',')
                    .append(i % 3 == 0 ? "?" : "city" + i % 4)
                    .append(',')
                    .append(i % 2 == 0)
                    .append(",the visit note number ")
                    .append(i)
                    .append(" says little")
                    .append(",,NL\n");
        }
        CsvInspection inspection = inspect(csv.toString());
        assertEquals(60, inspection.rowCount());
        TableSpec spec = inspection.spec();
        assertEquals("people", spec.name());
        assertEquals(List.of("person_id"), spec.primaryKey());
        List<ColumnKind> kinds = spec.columns().stream().map(ColumnSpec::kind).toList();
        assertEquals(
                List.of(
                        ColumnKind.IDENTIFIER,
                        ColumnKind.INTEGER,
                        ColumnKind.DECIMAL,
                        ColumnKind.DATE,
                        ColumnKind.CATEGORICAL,
                        ColumnKind.BOOLEAN,
                        ColumnKind.TEXT,
                        ColumnKind.EMPTY,
                        ColumnKind.CONSTANT),
                kinds);
        assertTrue(spec.column(4).nullMarkers().contains("?"), "'?' is recognised as a missing marker");
    }

    @Test
    void aDeclaredPrimaryKeyMustHoldInEveryRow() throws CsvProblem {
        TableSpec spec = new TableSpec(
                "t",
                java.util.List.of(
                        new ColumnSpec("ward", ColumnKind.CATEGORICAL, null),
                        new ColumnSpec("bed", ColumnKind.INTEGER, java.util.List.of(""))),
                java.util.List.of("ward", "bed"));
        CsvTables.checkValues(stream("ward,bed\na,1\na,2\nb,1\n"), "t.csv", spec);
        CsvProblem repeated = org.junit.jupiter.api.Assertions.assertThrows(
                CsvProblem.class, () -> CsvTables.checkValues(stream("ward,bed\na,1\nb,1\na,1\n"), "t.csv", spec));
        assertEquals(4, repeated.row());
        assertEquals("ward,bed", repeated.column());
        assertTrue(repeated.getMessage().contains("line 2"), repeated.getMessage());
        CsvProblem missing = org.junit.jupiter.api.Assertions.assertThrows(
                CsvProblem.class, () -> CsvTables.checkValues(stream("ward,bed\na,1\nb,\n"), "t.csv", spec));
        assertEquals(3, missing.row());
        assertEquals("bed", missing.column());
    }

    @Test
    void valuesThatDoNotParseAreCountedAndPlacedNeverQuoted() {
        TableSpec spec = new TableSpec(
                "t",
                java.util.List.of(
                        new ColumnSpec("ward", ColumnKind.CATEGORICAL, null),
                        new ColumnSpec("beds", ColumnKind.INTEGER, java.util.List.of("")),
                        new ColumnSpec("opened", ColumnKind.DATE, null)),
                java.util.List.of());
        String csv =
                "ward,beds,opened\na,12,2020-01-02\nb,twelve,2020-01-03\nc,,2020-01-04\nd,1 2,2020-13-01\ne,7,2021-02-02\n";
        CsvProblem p = org.junit.jupiter.api.Assertions.assertThrows(
                CsvProblem.class, () -> CsvTables.checkValues(stream(csv), "t.csv", spec));
        assertEquals(3, p.row(), "the first such value's line");
        assertEquals("beds", p.column());
        assertTrue(
                p.getMessage()
                        .startsWith("column beds: 2 values of 4 do not parse as integer in plain digits"
                                + " (the first on line 3); so do values of 1 other column; declare"),
                p.getMessage());
        for (String value : new String[] {"twelve", "1 2", "2020-13-01"}) {
            assertTrue(!p.getMessage().contains(value), "never quotes a value: " + p.getMessage());
        }
        CsvProblem one = org.junit.jupiter.api.Assertions.assertThrows(
                CsvProblem.class,
                () -> CsvTables.checkValues(stream("ward,beds,opened\na,x,2020-01-01\n"), "t.csv", spec));
        assertTrue(one.getMessage().startsWith("column beds: 1 value of 1 does not parse"), one.getMessage());
    }

    private static java.io.InputStream stream(String csv) {
        return new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void manyValuedColumnsAreCodesCategoriesOrProseByTheirValues() throws CsvProblem {
        StringBuilder csv = new StringBuilder("zip_code,city,remark,customer_id\n");
        for (int i = 0; i < 200; i++) {
            csv.append(String.format("%05d", 501 + i * 37))
                    .append(",Town ")
                    .append(i)
                    .append(",we spoke about item ")
                    .append(i)
                    .append(" at length,C-")
                    .append(String.format("%04d", i + 1))
                    .append('\n');
        }
        TableSpec spec = inspect(csv.toString()).spec();
        assertEquals(
                List.of(ColumnKind.CODE, ColumnKind.CATEGORICAL, ColumnKind.TEXT, ColumnKind.IDENTIFIER),
                spec.columns().stream().map(ColumnSpec::kind).toList(),
                "a unique code is learnt, not renumbered; a name is a category; prose is text; an id is a key");
        assertEquals(List.of("customer_id"), spec.primaryKey());
    }

    @Test
    void leadingZeroCodesStayCategorical() throws CsvProblem {
        CsvInspection inspection = inspect("zip\n0123\n0456\n0123\n");
        assertEquals(ColumnKind.CATEGORICAL, inspection.spec().column(0).kind());
    }

    @Test
    void emptyFileIsRejected() {
        CsvProblem p = problem("");
        assertTrue(p.getMessage().contains("empty"), p.getMessage());
    }

    @Test
    void headerWithoutRowsIsRejected() {
        CsvProblem p = problem("a,b\n");
        assertTrue(p.getMessage().contains("no data rows"), p.getMessage());
    }

    @Test
    void raggedRowNamesItsLine() {
        CsvProblem p = problem("a,b\n1,2\n3,4,5\n6,7\n");
        assertEquals(3, p.row());
        assertEquals("people.csv", p.file());
        assertTrue(p.getMessage().contains("3 fields"), p.getMessage());
    }

    @Test
    void unclosedQuoteIsReported() {
        CsvProblem p = problem("a,b\n1,2\n3,\"unterminated\n4,5\n");
        assertTrue(p.row() >= 3, "row " + p.row());
        assertTrue(p.getMessage().contains("malformed"), p.getMessage());
    }

    @Test
    void invalidUtf8NamesTheLineAndNeverTheBytes() {
        byte[] latin1 = "name,city\nJos\u00e9,Z\u00fcrich\n".getBytes(StandardCharsets.ISO_8859_1);
        CsvProblem p = problem(latin1);
        assertTrue(p.getMessage().contains("not valid UTF-8"), p.getMessage());
        assertEquals(2, p.row());
        assertTrue(!p.getMessage().contains("Jos"), "no cell value in the message");
    }

    @Test
    void aWorkbookADocumentAnImageOrUtf16TextIsNamedForWhatItIs() {
        byte[] xlsx = bytes(
                0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xFF, 0xFE, 0x9C,
                0x61, 0x0A, 0x80);
        assertTrue(
                problem(xlsx).getMessage().contains("zip archive (an Excel .xlsx"),
                problem(xlsx).getMessage());
        byte[] xls = bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00);
        assertTrue(
                problem(xls).getMessage().contains("an older Office file"),
                problem(xls).getMessage());
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        CsvProblem p = problem(pdf);
        assertTrue(p.getMessage().startsWith("the file is a PDF document, not CSV text"), p.getMessage());
        assertTrue(p.getMessage().contains("save the table as CSV (UTF-8)"), p.getMessage());
        byte[] png = bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00);
        assertTrue(
                problem(png).getMessage().contains("a PNG image"), problem(png).getMessage());
        byte[] utf16 = "\uFEFFname,city\nAna,Bern\n".getBytes(StandardCharsets.UTF_16LE);
        CsvProblem text = problem(utf16);
        assertTrue(text.getMessage().contains("UTF-16 text, not UTF-8"), text.getMessage());
        assertTrue(text.getMessage().contains("choose UTF-16 as its encoding"), text.getMessage());
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void declaredLatin1IsDecoded() throws CsvProblem {
        byte[] latin1 = "name,city\nJos\u00e9,Z\u00fcrich\nAna,Bern\n".getBytes(StandardCharsets.ISO_8859_1);
        CsvInspection inspection =
                CsvTables.inspect(new ByteArrayInputStream(latin1), "p.csv", Charset.forName("ISO-8859-1"));
        assertEquals(2, inspection.rowCount());
    }

    @Test
    void binaryIsRejected() {
        CsvProblem p = problem(new byte[] {'a', ',', 'b', '\n', 1, 0, 2, ',', 3, '\n'});
        assertTrue(p.getMessage().contains("binary"), p.getMessage());
    }

    @Test
    void duplicateAndEmptyHeaderNamesAreRejected() {
        CsvProblem duplicate = problem("a,b,a\n1,2,3\n");
        assertEquals("column 3", duplicate.column());
        CsvProblem empty = problem("a,,c\n1,2,3\n");
        assertEquals("column 2", empty.column());
    }

    @Test
    void otherSeparatorIsDetected() {
        CsvProblem p = problem("a;b;c\n1;2;3\n");
        assertTrue(p.getMessage().contains("';'"), p.getMessage());
    }

    @Test
    void byteOrderMarkIsIgnored() throws CsvProblem {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "id,x\n1,2\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        CsvInspection inspection = CsvTables.inspect(new ByteArrayInputStream(all), "t.csv", StandardCharsets.UTF_8);
        assertEquals("id", inspection.spec().column(0).name());
    }

    @Test
    void readMapsMarkersToNullAndWriteRestoresThem() throws Exception {
        String csv = "a,b\n1,?\n2,x\n";
        TableSpec spec = inspect(csv).spec();
        Table table = CsvTables.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv", spec);
        assertNull(table.row(0)[1]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvTables.RowWriter writer = CsvTables.writer(out, spec)) {
            table.rows().forEach(writer);
        }
        assertEquals(csv, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void cellsThatSpreadsheetsWouldRunAsFormulasAreDefused() {
        for (String hostile :
                new String[] {"=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3+cmd|x", "@SUM(A1)", "\t=1", "\r=1"
                }) {
            assertEquals("'" + hostile, CsvTables.formulaSafe(hostile), hostile);
        }
        for (String harmless : new String[] {"-5", "+1.5e3", "-.5", "-12.", "plain", "", "a=b", "2025-01-01"}) {
            assertEquals(harmless, CsvTables.formulaSafe(harmless), harmless);
        }
    }

    @Test
    void theWriterDefusesFormulasButKeepsNumbersAndMissingMarkers() throws Exception {
        TableSpec spec = new TableSpec(
                "t",
                List.of(
                        new ColumnSpec("note", ColumnKind.CATEGORICAL, List.of("")),
                        new ColumnSpec("n", ColumnKind.INTEGER, List.of(""))),
                List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvTables.RowWriter writer = CsvTables.writer(out, spec)) {
            writer.accept(new String[] {"=1+1", "-3"});
            writer.accept(new String[] {null, "4"});
        }
        assertEquals("note,n\n'=1+1,-3\n,4\n", out.toString(StandardCharsets.UTF_8));
    }
}
