package org.facsimile.vocab.csvw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvwJsonTest {

    @Test
    void readsTheW3cTestSuiteTable() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/standards/csvw/test011-tree-ops.csv-metadata.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<CsvwTable> tables = CsvwJson.read(json);
        assertEquals(1, tables.size());
        CsvwTable table = tables.get(0);
        assertEquals("tree-ops.csv", table.url());
        assertEquals(List.of("GID", "on_street", "species", "trim_cycle", "inventory_date"), table.columnNames());
        assertEquals("date", table.columns().get(4).datatype());
        assertEquals(List.of("GID"), table.primaryKey());
        assertEquals("The species of the tree.", table.columns().get(2).description());
    }

    @Test
    void writeThenReadIsTheSame() throws Exception {
        CsvwTable table = new CsvwTable(
                "census.csv",
                List.of(
                        new CsvwColumn("id", "integer", null, null),
                        new CsvwColumn("job", "string", List.of("?", ""), "occupation"),
                        new CsvwColumn("email", "string", null, null, null, "email", null),
                        new CsvwColumn("naam", "string", null, null, null, "person-name", "nl")),
                List.of("id"));
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("dc:title", "Census");
        String json = CsvwJson.write(List.of(table), annotations);
        assertTrue(json.contains("\"@context\""), json);
        assertTrue(json.contains("\"https://w3id.org/facsimile/ns#personalData\""), json);
        assertEquals(List.of(table), CsvwJson.read(json));
        assertEquals(List.of(table), CsvwJson.read(CsvwJson.writeTable(table)));

        CsvwTable nested = table.withNestedShape("{\"document\":\"census.jsonl\"}");
        String withShape = CsvwJson.writeTable(nested);
        assertTrue(withShape.contains("\"https://w3id.org/facsimile/ns#nestedShape\""), withShape);
        assertEquals(nested, CsvwJson.readTable(withShape));
        assertEquals(nested, CsvwJson.readTable(withShape).withColumns(nested.columns()), "kept with other columns");
    }

    @Test
    void aTablePublishedAsDepositedSaysSoAndReadsBack() throws Exception {
        CsvwTable districts = new CsvwTable(
                        "districts.csv",
                        List.of(
                                new CsvwColumn("id", "integer", null, null),
                                new CsvwColumn("name", "string", null, null)),
                        List.of("id"))
                .withPublishedAsDeposited(true);
        String json = CsvwJson.writeTable(districts);
        assertTrue(json.contains("\"https://w3id.org/facsimile/ns#publishedAsDeposited\" : true"), json);
        assertEquals(districts, CsvwJson.readTable(json));
        assertTrue(CsvwJson.read(CsvwJson.write(List.of(districts), Map.of()))
                .get(0)
                .publishedAsDeposited());
        assertTrue(CsvwJson.readTable(json).withColumns(districts.columns()).publishedAsDeposited(), "kept");
        assertFalse(
                CsvwJson.writeTable(districts.withPublishedAsDeposited(false)).contains("publishedAsDeposited"));
        CsvwProblem notBoolean = assertThrows(
                CsvwProblem.class,
                () -> CsvwJson.readTable(json.replace(
                        "\"https://w3id.org/facsimile/ns#publishedAsDeposited\" : true",
                        "\"https://w3id.org/facsimile/ns#publishedAsDeposited\" : \"yes\"")));
        assertEquals("$.https://w3id.org/facsimile/ns#publishedAsDeposited", notBoolean.path());
    }

    @Test
    void aNumberPatternWithADecimalCommaSaysItsSeparators() throws Exception {
        CsvwTable table = new CsvwTable(
                "prices.csv",
                List.of(
                        new CsvwColumn("eur", "decimal", null, null, "#.##0,00"),
                        new CsvwColumn("usd", "decimal", null, null, "'$'#,##0.00")),
                List.of());
        String json = CsvwJson.writeTable(table);
        assertTrue(json.contains("\"decimalChar\" : \",\""), json);
        assertTrue(json.contains("\"format\" : \"'$'#,##0.00\""), "the usual separators need no object: " + json);
        assertEquals(table, CsvwJson.readTable(json));
        String contradicting = json.replace("\"decimalChar\" : \",\"", "\"decimalChar\" : \".\"");
        CsvwProblem problem = assertThrows(CsvwProblem.class, () -> CsvwJson.readTable(contradicting));
        assertEquals("$.tableSchema.columns[0].datatype.format", problem.path());
    }

    @Test
    void aNestedShapeIsText() {
        CsvwProblem shape = assertThrows(
                CsvwProblem.class,
                () -> CsvwJson.readTable(
                        "{\"@context\":\"http://www.w3.org/ns/csvw\",\"url\":\"t.csv\",\"tableSchema\":{\"columns\":[{\"name\":\"a\"}],"
                                + "\"https://w3id.org/facsimile/ns#nestedShape\":{\"document\":\"t.json\"}}}"));
        assertEquals("$.tableSchema.https://w3id.org/facsimile/ns#nestedShape", shape.path());
    }

    @Test
    void problemsNameTheirPath() {
        CsvwProblem notJson = assertThrows(CsvwProblem.class, () -> CsvwJson.read("{\"tables\": [ "));
        assertEquals("$", notJson.path());
        assertTrue(notJson.getMessage().startsWith("not valid JSON"));

        CsvwProblem datatype = assertThrows(
                CsvwProblem.class,
                () -> CsvwJson.read(
                        "{\"@context\":\"http://www.w3.org/ns/csvw\",\"url\":\"t.csv\",\"tableSchema\":{\"columns\":[{\"name\":\"a\"},{\"name\":\"b\",\"datatype\":\"colour\"}]}}"));
        assertEquals("$.tableSchema.columns[1].datatype", datatype.path());

        CsvwProblem key = assertThrows(
                CsvwProblem.class,
                () -> CsvwJson.read(
                        "{\"@context\":\"http://www.w3.org/ns/csvw\",\"tables\":[{\"url\":\"t.csv\",\"tableSchema\":{\"columns\":[{\"name\":\"a\"}],\"primaryKey\":\"b\"}}]}"));
        assertEquals("$.tables[0].tableSchema.primaryKey", key.path());

        CsvwProblem duplicate = assertThrows(
                CsvwProblem.class,
                () -> CsvwJson.read(
                        "{\"@context\":\"http://www.w3.org/ns/csvw\",\"url\":\"t.csv\",\"tableSchema\":{\"columns\":[{\"name\":\"a\"},{\"name\":\"a\"}]}}"));
        assertEquals("$.tableSchema.columns[1].name", duplicate.path());
    }

    @Test
    void aPersonalDataKindIsATokenAtItsPath() {
        CsvwProblem kind = assertThrows(
                CsvwProblem.class,
                () -> CsvwJson.read(
                        "{\"@context\":\"http://www.w3.org/ns/csvw\",\"url\":\"t.csv\",\"tableSchema\":"
                                + "{\"columns\":[{\"name\":\"a\",\"https://w3id.org/facsimile/ns#personalData\":\"<b>E-mail</b>\"}]}}"));
        assertEquals("$.tableSchema.columns[0].https://w3id.org/facsimile/ns#personalData", kind.path());
    }

    @Test
    void oneTableOfAGroupMayReferToTablesDescribedElsewhere() throws Exception {
        String visits = "{\"@context\":\"http://www.w3.org/ns/csvw\",\"url\":\"visits.csv\",\"tableSchema\":{"
                + "\"columns\":[{\"name\":\"id\"},{\"name\":\"patient\"}],\"primaryKey\":\"id\","
                + "\"foreignKeys\":[{\"columnReference\":\"patient\","
                + "\"reference\":{\"resource\":\"patients.csv\",\"columnReference\":\"id\"}}]}}";
        CsvwProblem alone = assertThrows(CsvwProblem.class, () -> CsvwJson.read(visits));
        assertEquals("$.tableSchema.foreignKeys[0].reference.resource", alone.path());
        CsvwTable table = CsvwJson.readTable(visits);
        assertEquals("patients.csv", table.foreignKeys().get(0).resource());
        assertEquals(List.of("id"), table.foreignKeys().get(0).referencedColumns());

        // a reference to itself is still checked against the document
        String self = visits.replace("patients.csv", "visits.csv")
                .replace("\"columnReference\":\"id\"}", "\"columnReference\":\"nr\"}");
        CsvwProblem missing = assertThrows(CsvwProblem.class, () -> CsvwJson.readTable(self));
        assertTrue(missing.getMessage().contains("'nr' is not a column of visits.csv"), missing.getMessage());

        String group =
                "{\"@context\":\"http://www.w3.org/ns/csvw\",\"tables\":[{\"url\":\"a.csv\"},{\"url\":\"b.csv\"}]}";
        assertThrows(CsvwProblem.class, () -> CsvwJson.readTable(group));
    }

    @Test
    void theDocumentsOwnTextPropertiesAreItsNotes() throws Exception {
        Map<String, List<String>> notes = CsvwJson.notes("{\"@context\":\"http://www.w3.org/ns/csvw\","
                + "\"dc:title\":\"Clinic visits\",\"dcat:keyword\":[\"clinic\",{\"@value\":\"visits\",\"@language\":\"en\"}],"
                + "\"dc:issued\":{\"@value\":2020},\"tables\":[]}");
        assertEquals(Map.of("dc:title", List.of("Clinic visits"), "dcat:keyword", List.of("clinic", "visits")), notes);
    }
}
