package org.facsimile.vocab.csvw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.StreamRDFLib;
import org.junit.jupiter.api.Test;

class Csv2RdfTest {

    static final String BASE = "http://www.w3.org/2013/csvw/tests/";

    /** W3C CSVW test suite, manifest-rdf#test029 "countries.csv minimal": no metadata, header only. */
    @Test
    void w3cTest029CountriesMinimal() throws Exception {
        List<String[]> rows = rows("countries.csv");
        List<CsvwColumn> columns = embeddedColumns(rows.get(0));
        Model actual = ModelFactory.createDefaultModel();
        Csv2Rdf csv2rdf = new Csv2Rdf(
                new CsvwTable("countries.csv", columns, List.of()), BASE, StreamRDFLib.graph(actual.getGraph()));
        rows.subList(1, rows.size()).forEach(csv2rdf::row);

        Model expected = expected("test029.ttl");
        assertTrue(actual.isIsomorphicWith(expected), "isomorphic with the W3C expected result");
    }

    /** W3C CSVW test suite, manifest-rdf#test001 "Simple table": standard mode, no metadata. */
    @Test
    void w3cTest001SimpleTableStandardMode() throws Exception {
        List<String[]> rows = rows("test001.csv");
        List<CsvwColumn> columns = embeddedColumns(rows.get(0));
        Model actual = ModelFactory.createDefaultModel();
        Csv2Rdf csv2rdf = Csv2Rdf.standard(
                new CsvwTable("test001.csv", columns, List.of()), BASE, StreamRDFLib.graph(actual.getGraph()));
        rows.subList(1, rows.size()).forEach(csv2rdf::row);

        Model expected = expected("test001.ttl");
        assertTrue(actual.isIsomorphicWith(expected), "isomorphic with the W3C expected result");
        Model minimal = ModelFactory.createDefaultModel();
        Csv2Rdf minimalMode = new Csv2Rdf(
                new CsvwTable("test001.csv", columns, List.of()), BASE, StreamRDFLib.graph(minimal.getGraph()));
        rows.subList(1, rows.size()).forEach(minimalMode::row);
        assertFalse(minimal.isIsomorphicWith(expected), "minimal mode lacks the table structure: the check can fail");
    }

    @Test
    void datatypesAndMissingValues() {
        CsvwTable table = new CsvwTable(
                "t.csv",
                List.of(
                        new CsvwColumn("age", "integer", List.of("", "?"), null),
                        new CsvwColumn("born on", "date", null, null)),
                List.of());
        Model model = ModelFactory.createDefaultModel();
        Csv2Rdf csv2rdf = new Csv2Rdf(table, "http://repo.test/d/", StreamRDFLib.graph(model.getGraph()));
        csv2rdf.row(new String[] {"42", "1980-02-03"});
        csv2rdf.row(new String[] {"?", "1990-01-01"});
        assertEquals(3, model.size(), "the missing age is left out");
        assertTrue(model.contains(
                null,
                model.createProperty("http://repo.test/d/t.csv#age"),
                model.createTypedLiteral("42", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
        assertTrue(model.contains(
                null, model.createProperty("http://repo.test/d/t.csv#born%20on"), (org.apache.jena.rdf.model.RDFNode)
                        null));
    }

    /** The suite's countries.csv quotes only plain fields: enough of CSV for this file. */
    /** The lines of a vendored W3C test CSV, split into cells. */
    private List<String[]> rows(String file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/standards/csvw/" + file), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(split(line));
            }
        }
        return rows;
    }

    /** Embedded metadata of a CSV without a description: columns named by the header, all strings. */
    private static List<CsvwColumn> embeddedColumns(String[] header) {
        List<CsvwColumn> columns = new ArrayList<>();
        for (String name : header) {
            columns.add(new CsvwColumn(name, "string", null, null));
        }
        return columns;
    }

    /** A W3C expected result, read with the test suite's base. */
    private Model expected(String file) {
        Model expected = ModelFactory.createDefaultModel();
        RDFDataMgr.read(expected, getClass().getResourceAsStream("/standards/csvw/" + file), BASE + file, Lang.TURTLE);
        return expected;
    }

    private static String[] split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }
}
