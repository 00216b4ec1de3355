package org.facsimile.synth.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numbers as people write them: separators, decimal commas, currencies, percent, parentheses. */
class NumericFormatTest {

    private static CsvInspection inspect(String csv) throws CsvProblem {
        return CsvTables.inspect(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv", StandardCharsets.UTF_8);
    }

    private static ColumnSpec column(String... values) throws CsvProblem {
        StringBuilder csv = new StringBuilder("v\n");
        for (String value : values) {
            csv.append('"').append(value).append("\"\n");
        }
        return inspect(csv.toString()).spec().column(0);
    }

    @Test
    void eachWayOfWritingNumbersIsFoundWithItsPicture() throws CsvProblem {
        Object[][] cases = {
            {new String[] {"1,234", "56", "7,890,123"}, ColumnKind.INTEGER, "#,##0"},
            {new String[] {"1.234", "56", "7.890.123"}, ColumnKind.INTEGER, "#.##0"},
            {new String[] {"1 234,5", "56,25", "7 890"}, ColumnKind.DECIMAL, "# ##0,##"},
            {new String[] {"3,5", "12,75", "0,1"}, ColumnKind.DECIMAL, "0,0#"},
            {new String[] {"$1,234.50", "$56.00", "$0.99"}, ColumnKind.DECIMAL, "'$'#,##0.00"},
            {new String[] {"12,50 €", "3,00 €"}, ColumnKind.DECIMAL, "0,00' €'"},
            {new String[] {"USD 12", "USD 1,300"}, ColumnKind.INTEGER, "'USD '#,##0"},
            {new String[] {"12%", "7.5%", "100%"}, ColumnKind.DECIMAL, "0.#%"},
            {new String[] {"1,200.00", "(300.00)", "45.10"}, ColumnKind.DECIMAL, "#,##0.00;'('#,##0.00')'"},
            {new String[] {"-$5", "$1,000"}, ColumnKind.INTEGER, "'$'#,##0"},
            {new String[] {"72 kg", "80.5 kg", "65 kg"}, ColumnKind.DECIMAL, "0.#' kg'"},
            {new String[] {"21.5°C", "-3°C", "0°C"}, ColumnKind.DECIMAL, "0.#'°C'"},
            {new String[] {"120 km/h", "90 km/h"}, ColumnKind.INTEGER, "0' km/h'"},
            {new String[] {"1,200 m²", "85 m²"}, ColumnKind.INTEGER, "#,##0' m²'"},
            {new String[] {"3.5GB", "12GB", "3.5GB"}, ColumnKind.DECIMAL, "0.#'GB'"},
        };
        for (Object[] c : cases) {
            ColumnSpec column = column((String[]) c[0]);
            assertEquals(c[1], column.kind(), String.join(" ", (String[]) c[0]));
            assertEquals(c[2], column.format(), String.join(" ", (String[]) c[0]));
            assertEquals(c[2], NumericFormat.of((String) c[2]).picture(), "the picture reads back as itself");
        }
    }

    @Test
    void valuesAreReadAsPlainNumbersAndWrittenBackAsTheyWere() throws Exception {
        String csv = "amount,share,n\n\"$1,234.50\",12.5%,1\n($0.99),3%,2\n,,3\n\"$1,000,000.00\",100%,4\n";
        TableSpec spec = inspect(csv).spec();
        assertEquals("'$'#,##0.00;'($'#,##0.00')'", spec.column(0).format());
        Table table = CsvTables.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv", spec);
        assertEquals(
                List.of("1234.50", "-0.99", "1000000.00"), List.of(table.row(0)[0], table.row(1)[0], table.row(3)[0]));
        assertEquals(List.of("0.125", "0.03", "1"), List.of(table.row(0)[1], table.row(1)[1], table.row(3)[1]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvTables.RowWriter writer = CsvTables.writer(out, spec)) {
            table.rows().forEach(writer);
        }
        assertEquals(csv, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void syntheticValuesAreRoundedToTheColumnsDecimalsAndGrouped() {
        NumericFormat money = NumericFormat.of("'$'#,##0.00;'($'#,##0.00')'");
        assertEquals("$1,234,567.89", money.toWritten("1234567.891"));
        assertEquals("($12.00)", money.toWritten("-12"));
        assertEquals("$0.00", money.toWritten("-0.001"), "no negative zero");
        NumericFormat comma = NumericFormat.of("#.##0,0#");
        assertEquals("1.234,5", comma.toWritten("1234.5"));
        assertEquals("-12,0", comma.toWritten("-12"));
        assertEquals("1234.5", comma.toCanonical("1.234,5"));
        assertEquals("33.3%", NumericFormat.of("0.0%").toWritten("0.3333"));
    }

    @Test
    void readingIsStrict() {
        NumericFormat money = NumericFormat.of("'$'#,##0.00");
        for (String bad : new String[] {"1,234.50", "$1,23.50", "$01.50", "$1.5", "$1,234.505", "$", "$1 234.50"}) {
            assertNull(money.toCanonical(bad), bad);
        }
        assertEquals("1234.50", money.toCanonical("$1234.50"), "grouping is not required when reading");
        assertEquals("-5.00", money.toCanonical("-$5.00"));
    }

    @Test
    void codesMixedAffixesAndOtherShapesAreNotNumbers() throws CsvProblem {
        String[][] notNumbers = {
            {"00501", "1,234"},
            {"$12", "€12"},
            {"12%", "12"},
            {"1,2,3", "4"},
            {"555 1234", "555 9876"},
            {"(12", "5"},
            {"12-5", "1,000"},
            {"INV-0042", "INV-0043"},
            {"5 kg", "5 lb"},
            {"12 years", "1 year"},
            {"3 km/", "4 km/"},
            {"10 m2", "12 m2"},
            {"Flat 4", "Flat 12"}
        };
        for (String[] values : notNumbers) {
            ColumnSpec column = column(values);
            assertTrue(
                    column.kind() != ColumnKind.INTEGER && column.kind() != ColumnKind.DECIMAL,
                    String.join(" ", values) + " read as " + column.kind());
            assertNull(column.format(), String.join(" ", values));
        }
    }

    @Test
    void measurementsKeepTheirUnitAndUniqueLetteredWholeNumbersAreKeys() throws Exception {
        String csv = "ref,weight\n1001K,72.5 kg\n1002K,80 kg\n1003K,\n1004K,65.25 kg\n";
        TableSpec spec = inspect(csv).spec();
        assertEquals(ColumnKind.IDENTIFIER, spec.column(0).kind(), "unique 1001K, 1002K are keys, not kilo-amounts");
        assertEquals(ColumnKind.DECIMAL, spec.column(1).kind());
        Table table = CsvTables.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv", spec);
        assertEquals(List.of("72.5", "80", "65.25"), List.of(table.row(0)[1], table.row(1)[1], table.row(3)[1]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvTables.RowWriter writer = CsvTables.writer(out, spec)) {
            table.rows().forEach(writer);
        }
        assertEquals(csv, out.toString(StandardCharsets.UTF_8));
        assertEquals("70.33 kg", NumericFormat.of(spec.column(1).format()).toWritten("70.333"));
    }

    @Test
    void theProfileSaysWhatWasReadAndWhereTheValuesCouldNotTell() throws CsvProblem {
        assertEquals(
                "read as integer values written #,##0; no value tells whether '.' or ',' is the decimal separator;"
                        + " '.' was taken (declare the format to say otherwise)",
                inspect("v\n\"1,234\"\n\"5,678\"\n").notes().get("v"));
        assertEquals(
                "read as decimal values written 0,0#",
                inspect("v\n\"3,5\"\n\"1,25\"\n").notes().get("v"));
    }

    @Test
    void aValueOutsideADeclaredFormatIsRefusedWithItsPlaceAndBadPicturesThrow() {
        TableSpec spec = new TableSpec(
                "t", List.of(new ColumnSpec("price", ColumnKind.DECIMAL, null).withFormat("'$'#,##0.00")), List.of());
        byte[] csv = "price\n$1.00\n7.00\n".getBytes(StandardCharsets.UTF_8);
        CsvProblem problem = assertThrows(
                CsvProblem.class, () -> CsvTables.checkValues(new ByteArrayInputStream(csv), "t.csv", spec));
        assertEquals(3, problem.row());
        assertEquals("price", problem.column());
        assertTrue(!problem.getMessage().contains("7.00"), "never quotes the value");
        for (String bad : new String[] {"0.00E0", "#,##0;-#,##0", "abc", "0.#0", "'$0.00"}) {
            assertThrows(IllegalArgumentException.class, () -> NumericFormat.of(bad), bad);
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> new ColumnSpec("n", ColumnKind.INTEGER, null).withFormat("0.00"),
                "an integer column has no decimals");
    }
}
