package org.facsimile.synth.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Dates, date-times and times in the patterns real CSV files use: found, read and written back. */
class TemporalFormatTest {

    private static CsvInspection inspect(String csv) throws CsvProblem {
        return CsvTables.inspect(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv", StandardCharsets.UTF_8);
    }

    private static ColumnSpec column(String header, List<String> values) throws CsvProblem {
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (String v : values) {
            csv.append(v.contains(",") ? "\"" + v + "\"" : v).append('\n');
        }
        return inspect(csv.toString()).spec().column(0);
    }

    @Test
    void findsEachCommonPattern() throws CsvProblem {
        record Case(List<String> values, ColumnKind kind, String picture) {}
        List<Case> cases = List.of(
                new Case(
                        List.of("2015/01/01 01:00:00", "2015/02/08 21:00:00"),
                        ColumnKind.DATETIME,
                        "yyyy/MM/dd HH:mm:ss"),
                new Case(List.of("2001/03/08 09:10", "1999/12/31 12:45"), ColumnKind.DATETIME, "yyyy/MM/dd HH:mm"),
                new Case(List.of("Aug 14 1998", "Jun 3 2001", "May 30 1999"), ColumnKind.DATE, "MMM d yyyy"),
                new Case(List.of("August 14, 1998", "June 3, 2001"), ColumnKind.DATE, "MMMM d, yyyy"),
                new Case(List.of("14/08/1998", "03/06/2001"), ColumnKind.DATE, "dd/MM/yyyy"),
                new Case(List.of("8/14/1998", "6/3/2001"), ColumnKind.DATE, "M/d/yyyy"),
                new Case(List.of("14.08.1998", "3.6.2001"), ColumnKind.DATE, "d.M.yyyy"),
                new Case(List.of("14-Aug-98", "03-Jun-01"), ColumnKind.DATE, "dd-MMM-yy"),
                new Case(List.of("09:10", "23:45", "00:00"), ColumnKind.TIME, "HH:mm"),
                new Case(List.of("9:10 AM", "11:45 pm"), ColumnKind.TIME, "h:mm a"),
                new Case(
                        List.of("2020-01-01T10:00:00Z", "2021-06-30T23:59:59Z"),
                        ColumnKind.DATETIME,
                        "yyyy-MM-ddTHH:mm:ss'Z'"),
                new Case(
                        List.of("2020-01-01T10:00:00+01:00", "2021-06-30T23:59:59-05:00"),
                        ColumnKind.DATETIME,
                        "yyyy-MM-ddTHH:mm:ssXXX"),
                new Case(
                        List.of("14/08/1998 5:07 PM", "03/06/2001 11:00 AM"),
                        ColumnKind.DATETIME,
                        "dd/MM/yyyy h:mm a"));
        for (Case c : cases) {
            ColumnSpec spec = column("when", c.values());
            assertEquals(c.kind(), spec.kind(), c.values().toString());
            assertEquals(c.picture(), spec.format(), c.values().toString());
        }
    }

    @Test
    void isoFormsNeedNoPicture() throws CsvProblem {
        assertNull(column("d", List.of("2001-03-08", "1999-12-31")).format());
        assertEquals(
                ColumnKind.DATE,
                column("d", List.of("2001-03-08", "1999-12-31")).kind());
        assertNull(column("t", List.of("2001-03-08 12:45:00", "1999-12-31 01:00:00"))
                .format());
    }

    @Test
    void dayAndMonthOrderIsChosenByTheData() throws CsvProblem {
        // a day above 12 in one value decides the order for the whole column
        assertEquals(
                "dd/MM/yyyy",
                column("d", List.of("01/02/2001", "03/04/2001", "25/12/2001")).format());
        assertEquals(
                "MM/dd/yyyy",
                column("d", List.of("01/02/2001", "03/04/2001", "12/25/2001")).format());
    }

    @Test
    void anAmbiguousOrderIsChosenAndSaid() throws CsvProblem {
        CsvInspection inspection = inspect("d\n01/02/2001\n03/04/2001\n");
        assertEquals("MM/dd/yyyy", inspection.spec().column(0).format());
        String note = inspection.notes().get("d");
        assertTrue(note.contains("MM/dd/yyyy") && note.contains("dd/MM/yyyy"), note);
        assertTrue(!note.contains("01/02"), "no value is quoted: " + note);
    }

    @Test
    void mixedFormatsAreCategoriesAndSaid() throws CsvProblem {
        CsvInspection inspection = inspect("d\n2001/03/08\n2001/04/09\n2001/05/10\n08.03.2001\n");
        ColumnSpec column = inspection.spec().column(0);
        assertEquals(ColumnKind.CATEGORICAL, column.kind());
        assertNull(column.format());
        String note = inspection.notes().get("d");
        assertTrue(note.contains("3 of 4") && note.contains("yyyy/MM/dd"), note);
    }

    @Test
    void impossibleDatesAreNotDates() throws CsvProblem {
        ColumnSpec column = column("d", List.of("31/02/2001", "30/01/2001"));
        assertEquals(ColumnKind.CATEGORICAL, column.kind());
    }

    @Test
    void roundTripsThroughTheIsoForm() {
        TemporalFormat named = TemporalFormat.of(ColumnKind.DATE, "MMM d yyyy", Locale.ENGLISH);
        assertEquals("1998-08-14", named.toCanonical("aug 14 1998"));
        assertEquals("Aug 14 1998", named.toWritten("1998-08-14"));
        TemporalFormat clock = TemporalFormat.of(ColumnKind.DATETIME, "dd/MM/yyyy h:mm a", Locale.ENGLISH);
        assertEquals("1998-08-14T17:07", clock.toCanonical("14/08/1998 5:07 PM"));
        assertEquals("14/08/1998 5:07 PM", clock.toWritten("1998-08-14T17:07"));
        TemporalFormat twoDigit = TemporalFormat.of(ColumnKind.DATE, "dd-MMM-yy", Locale.ENGLISH);
        assertEquals("1960-01-02", twoDigit.toCanonical("02-Jan-60"));
        assertEquals("2049-01-02", twoDigit.toCanonical("02-Jan-49"));
        assertEquals("02-Jan-60", twoDigit.toWritten("1960-01-02"));
        TemporalFormat offset = TemporalFormat.of(ColumnKind.DATETIME, "yyyy-MM-ddTHH:mm:ssXXX", Locale.ENGLISH);
        assertEquals("2020-01-01T09:00:00", offset.toCanonical("2020-01-01T10:00:00+01:00"));
        assertEquals("2020-01-01T09:00:00Z", offset.toWritten("2020-01-01T09:00:00"));
        TemporalFormat german = TemporalFormat.of(ColumnKind.DATE, "d. MMMM yyyy", Locale.GERMAN);
        assertEquals("2001-03-08", german.toCanonical("8. März 2001"));
        assertNull(named.toCanonical("Smarch 14 1998"));
        assertThrows(IllegalArgumentException.class, () -> TemporalFormat.of(ColumnKind.DATE, "HH:mm", null));
        assertThrows(IllegalArgumentException.class, () -> TemporalFormat.of(ColumnKind.DATE, "yyyy-MM-dd QQ", null));
    }

    @Test
    void aTableIsReadInIsoFormAndWrittenInItsOwn() throws Exception {
        String csv = "when,n\nAug 14 1998,1\n,2\nJun 3 2001,3\n";
        TableSpec spec = inspect(csv).spec();
        Table table = CsvTables.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv", spec);
        assertEquals("1998-08-14", table.row(0)[0]);
        assertNull(table.row(1)[0]);
        CsvTables.checkValues(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv", spec);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvTables.RowWriter writer = CsvTables.writer(out, spec)) {
            table.rows().forEach(writer);
        }
        assertEquals(csv, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aDeclaredFormatThatDoesNotReadIsRefusedWithItsPlace() throws CsvProblem {
        String csv = "when\n14/08/1998\n1998-08-15\n";
        TableSpec spec = new TableSpec(
                "t",
                List.of(new ColumnSpec("when", ColumnKind.DATE, List.of(""), null, null, "dd/MM/yyyy")),
                List.of());
        CsvProblem p = assertThrows(
                CsvProblem.class,
                () -> CsvTables.checkValues(
                        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv", spec));
        assertEquals(3, p.row());
        assertEquals("when", p.column());
        assertTrue(p.getMessage().contains("dd/MM/yyyy") && !p.getMessage().contains("1998"), p.getMessage());
    }
}
