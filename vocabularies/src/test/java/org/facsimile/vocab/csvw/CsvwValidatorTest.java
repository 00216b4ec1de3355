package org.facsimile.vocab.csvw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CSVW validation rules for keys and contexts, against the W3C CSVW test suite's own cases
 * (manifest-validation), plus the guarantees the suite does not spell out: every mismatch is listed
 * with its place, and nothing is ever fetched.
 */
class CsvwValidatorTest {

    private static final String DIR = "/standards/csvw/validation/";

    /** Positive validation tests: the metadata is accepted and the files hold to it. */
    @ParameterizedTest
    @ValueSource(strings = {"test231", "test233", "test250", "test254", "test255", "test256"})
    void positiveCasesValidate(String test) throws Exception {
        CsvwValidator.Result result = validate(test);
        assertTrue(result.valid(), test + ": " + result.findings());
    }

    /** Negative validation tests whose files break a key: the validator reports it. */
    @ParameterizedTest
    @ValueSource(strings = {"test232", "test234", "test257", "test258"})
    void brokenKeysAreFound(String test) throws Exception {
        CsvwValidator.Result result = validate(test);
        assertFalse(result.valid(), test);
        result.findings().forEach(f -> assertTrue(f.row() > 0, f.toString()));
    }

    /**
     * Negative validation tests whose metadata breaks a rule (foreign keys naming missing columns or
     * tables, foreign keys with foreign properties, contexts other than CSVW's): refused on reading.
     */
    @ParameterizedTest
    @ValueSource(strings = {"test251", "test252", "test253", "test271", "test272", "test274", "test134"})
    void brokenMetadataIsRefused(String test) {
        CsvwProblem problem = assertThrows(CsvwProblem.class, () -> CsvwJson.read(resource(test + "-metadata.json")));
        assertTrue(problem.path().startsWith("$"), problem.path());
    }

    /** test273: a local context with {@code @base} is allowed (the suite's file layout is the caller's). */
    @Test
    void aLocalContextWithBaseIsAccepted() throws Exception {
        List<CsvwTable> tables = CsvwJson.read(resource("test273-metadata.json"));
        assertEquals("action.csv", tables.get(0).url());
        assertTrue(CsvwValidator.validate(tables, t -> rows("test273/action.csv"), 10)
                .valid());
    }

    @Test
    void everyMismatchIsListedWithItsPlace() throws Exception {
        String metadata = """
                {"@context": "http://www.w3.org/ns/csvw",
                 "tables": [
                  {"url": "people.csv", "tableSchema": {
                    "columns": [{"name": "id", "datatype": "integer"}, {"name": "born", "datatype": "date"}],
                    "primaryKey": "id"}},
                  {"url": "visits.csv", "tableSchema": {
                    "columns": [{"name": "person"}, {"name": "at", "datatype": "dateTime"}],
                    "foreignKeys": [{"columnReference": "person",
                                     "reference": {"resource": "people.csv", "columnReference": "id"}}]}}]}
                """;
        Map<String, String> files = Map.of(
                "people.csv", "id,born\n1,1980-01-02\n2,02/03/1990\n2,1970-05-06\nx,\n",
                "visits.csv", "person,at\n1,2020-01-01T10:00:00\n3,2020-01-02T10:00:00\n,2020-01-03T10:00:00\n1\n");
        List<CsvwTable> tables = CsvwJson.read(metadata);
        CsvwValidator.Result result = CsvwValidator.validate(tables, t -> parse(files.get(t.url())), 100);
        assertEquals(
                List.of(
                        new CsvwValidator.Finding("people.csv", 2, "born", "the value is not a valid date"),
                        new CsvwValidator.Finding("people.csv", 3, "id", "the primary key repeats that of row 2"),
                        new CsvwValidator.Finding("people.csv", 4, "id", "the value is not a valid integer"),
                        new CsvwValidator.Finding("visits.csv", 4, null, "the row has 1 cells, not 2"),
                        new CsvwValidator.Finding("visits.csv", 2, "person", "references no row of people.csv [id]")),
                result.findings());
        // a finding never quotes the value it is about
        result.findings().forEach(f -> assertFalse(f.message().contains("02/03/1990"), f.message()));

        CsvwValidator.Result capped = CsvwValidator.validate(tables, t -> parse(files.get(t.url())), 2);
        assertEquals(2, capped.findings().size());
        assertEquals(3, capped.notListed());
    }

    @Test
    void aHeaderThatDoesNotMatchIsReportedOnce() throws Exception {
        List<CsvwTable> tables = CsvwJson.read("""
                {"@context": "http://www.w3.org/ns/csvw", "url": "t.csv",
                 "tableSchema": {"columns": [{"name": "a"}, {"name": "b", "datatype": "integer"}]}}
                """);
        CsvwValidator.Result result = CsvwValidator.validate(tables, t -> parse("a,c,d\n1,x,y\n"), 100);
        assertEquals(
                List.of(
                        new CsvwValidator.Finding("t.csv", 0, "b", "header cell 2 does not name this column"),
                        new CsvwValidator.Finding(
                                "t.csv", 0, null, "the header has 3 cells; the description has 2 columns")),
                result.findings());
    }

    /** Remote contexts and schema references are refused by the rules alone: nothing is fetched. */
    @Test
    void nothingRemoteIsEverFetched() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"@context\": {\"name\": \"http://schema.org/name\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String remote = "http://127.0.0.1:" + server.getAddress().getPort() + "/context.jsonld";
            List<String> hostile = List.of(
                    "{\"@context\": \"" + remote + "\", \"url\": \"t.csv\", \"tableSchema\": {\"columns\": []}}",
                    "{\"@context\": [\"http://www.w3.org/ns/csvw\", \"" + remote + "\"], \"url\": \"t.csv\","
                            + " \"tableSchema\": {\"columns\": []}}",
                    "{\"@context\": \"http://www.w3.org/ns/csvw\", \"url\": \"t.csv\", \"tableSchema\": \"" + remote
                            + "\"}",
                    "{\"@context\": \"http://www.w3.org/ns/csvw\", \"url\": \"t.csv\", \"tableSchema\": {\"columns\":"
                            + " [{\"name\": \"a\"}], \"foreignKeys\": [{\"columnReference\": \"a\", \"reference\":"
                            + " {\"schemaReference\": \"" + remote + "\", \"columnReference\": \"a\"}}]}}",
                    "{\"@context\": \"http://www.w3.org/ns/csvw\", \"url\": \"t.csv\", \"dc:source\":"
                            + " {\"@context\": \"" + remote + "\"}, \"tableSchema\": {\"columns\": []}}");
            for (String document : hostile) {
                assertThrows(CsvwProblem.class, () -> CsvwJson.read(document), document);
            }
            assertEquals(0, requests.get());
        } finally {
            server.stop(0);
        }
    }

    /** W3C CSVW test183 "boolean format (valid combinations)": the format is true|false spellings. */
    @Test
    void booleansAreReadThroughTheirTwoSpellings() {
        assertEquals("true", CsvwDatatypes.canonical("boolean", "Y|N", "Y"));
        assertEquals("false", CsvwDatatypes.canonical("boolean", "Y|N", "N"));
        assertNull(CsvwDatatypes.canonical("boolean", "Y|N", "y"), "spellings are exact");
        assertNull(CsvwDatatypes.canonical("boolean", "Y|N", "true"), "the format replaces the XSD forms");
        assertNull(CsvwDatatypes.canonical("boolean", "Y", "Y"), "test184: a format without | reads nothing");
        assertEquals("1", CsvwDatatypes.canonical("boolean", null, "1"), "without a format, XSD's own forms");
    }

    @Test
    void numbersAreReadThroughTheirPatternWithTheColumnsSeparators() {
        assertEquals("1234.50", CsvwDatatypes.canonical("decimal", "'$'#,##0.00", "$1,234.50"));
        assertEquals("-0.99", CsvwDatatypes.canonical("decimal", "'$'#,##0.00;'($'#,##0.00')'", "($0.99)"));
        assertEquals("1234.5", CsvwDatatypes.canonical("decimal", "#.##0,0#", "1.234,5"));
        assertEquals("1234", CsvwDatatypes.canonical("integer", "# ##0", "1 234"));
        assertEquals("0.125", CsvwDatatypes.canonical("decimal", "0.0%", "12.5%"));
        assertNull(CsvwDatatypes.canonical("decimal", "'$'#,##0.00", "1,234.50"), "the currency is part of it");
        assertNull(CsvwDatatypes.canonical("integer", "#,##0", "12.5"), "an integer has no decimals");
        assertNull(CsvwDatatypes.canonical("decimal", "0.00", "1.5x"), "the whole value must read");
        assertEquals(',', CsvwDatatypes.numberSeparators("0,00")[0]);
        assertEquals('.', CsvwDatatypes.numberSeparators("#.##0")[1]);
        assertEquals('.', CsvwDatatypes.numberSeparators("#,##0.00")[0]);
    }

    @Test
    void datesAndTimesAreReadThroughTheirFormatPicture() throws Exception {
        assertEquals("yyyy-MM-dd HH:mm:ss", CsvwDatatypes.dateTimePicture("2025-03-04 10:15:00"));
        assertEquals("yyyy-MM-ddTHH:mm", CsvwDatatypes.dateTimePicture("2025-03-04T10:15"));
        assertEquals(null, CsvwDatatypes.dateTimePicture("2025-03-04T10:15:00"));
        assertEquals(
                "2025-03-04T10:15:00",
                CsvwDatatypes.canonical("dateTime", "yyyy-MM-dd HH:mm:ss", "2025-03-04 10:15:00"));
        assertEquals(
                "2025-03-04T10:15:00", CsvwDatatypes.canonical("dateTime", "yyyy-MM-ddTHH:mm", "2025-03-04T10:15"));
        assertEquals("2010-10-18", CsvwDatatypes.canonical("date", "M/d/yyyy", "10/18/2010"));
        assertNull(CsvwDatatypes.canonical("date", "M/d/yyyy", "2010-10-18"));
        assertNull(CsvwDatatypes.canonical("dateTime", null, "2025-03-04 10:15:00"));

        List<CsvwTable> tables = CsvwJson.read("""
                {"@context": "http://www.w3.org/ns/csvw", "url": "t.csv", "tableSchema": {"columns": [
                  {"name": "at", "datatype": {"base": "dateTime", "format": "yyyy-MM-dd HH:mm:ss"}}]}}
                """);
        CsvwValidator.Result result =
                CsvwValidator.validate(tables, t -> parse("at\n2025-03-04 10:15:00\n2025-03-04T10:15:00\n"), 10);
        assertEquals(
                List.of(new CsvwValidator.Finding(
                        "t.csv", 2, "at", "the value is not a valid dateTime in the format yyyy-MM-dd HH:mm:ss")),
                result.findings());

        org.apache.jena.rdf.model.Model model = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        Csv2Rdf csv2rdf = new Csv2Rdf(
                tables.get(0), "http://repo.test/", org.apache.jena.riot.system.StreamRDFLib.graph(model.getGraph()));
        csv2rdf.row(new String[] {"2025-03-04 10:15:00"});
        org.apache.jena.rdf.model.Literal literal = model.listObjects().next().asLiteral();
        assertEquals("2025-03-04T10:15:00", literal.getLexicalForm());
        assertTrue(literal.getDatatype().isValid(literal.getLexicalForm()));
    }

    @Test
    void foreignKeysSurviveWriteAndRead() throws Exception {
        CsvwTable people =
                new CsvwTable("people.csv", List.of(new CsvwColumn("id", "integer", null, null)), List.of("id"));
        CsvwTable visits = new CsvwTable(
                "visits.csv",
                List.of(
                        new CsvwColumn("person", "integer", null, null),
                        new CsvwColumn("on", "date", null, null, "d.M.yyyy")),
                List.of(),
                List.of(new CsvwForeignKey(List.of("person"), "people.csv", List.of("id"))));
        String json = CsvwJson.write(List.of(people, visits), Map.of());
        assertEquals(List.of(people, visits), CsvwJson.read(json));
    }

    private CsvwValidator.Result validate(String test) throws Exception {
        List<CsvwTable> tables = CsvwJson.read(resource(test + "-metadata.json"));
        return CsvwValidator.validate(tables, t -> rows(t.url()), 100);
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Stream<String[]> rows(String file) throws IOException {
        return parse(resource(file));
    }

    /** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
    static Stream<String[]> parse(String csv) {
        List<String[]> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row.toArray(String[]::new));
                row.clear();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row.toArray(String[]::new));
        }
        return rows.stream();
    }
}
