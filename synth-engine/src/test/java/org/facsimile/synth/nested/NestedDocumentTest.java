package org.facsimile.synth.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.facsimile.synth.nested.NestedDocument.FlatTable;
import org.facsimile.synth.nested.NestedDocument.Flattened;
import org.facsimile.synth.nested.NestedShape.JsonType;
import org.facsimile.synth.relations.ForeignKey;
import org.junit.jupiter.api.Test;

/** Taking nested documents apart and putting them back together, and refusing what cannot be. */
class NestedDocumentTest {

    /** Nested objects, arrays of objects two deep, arrays of values, nulls, empty and absent arrays. */
    static final String ORDERS = """
            [
              {"order": "A-1", "paid": true, "customer": {"country": "NL", "age": 41},
               "tags": ["gift", "express"], "note": null,
               "items": [{"sku": "k1", "qty": 2, "price": 12.5, "options": [{"name": "wrap"}]},
                         {"sku": "k2", "qty": 1, "price": 3.25}]},
              {"order": "A-2", "paid": false, "customer": {"country": "BE", "age": 29},
               "tags": [], "note": "call first"},
              {"order": "A-3", "paid": true, "customer": {"country": "NL", "age": 63},
               "tags": ["gift"], "note": null,
               "items": [{"sku": "k3", "qty": 5, "price": 1e1}]}
            ]
            """;

    static Flattened read(String text, String name) throws Exception {
        return NestedDocument.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name);
    }

    static FlatTable table(Flattened flat, String name) {
        return flat.tables().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table " + name + " in " + flat.tables()));
    }

    static String write(Flattened flat) throws IOException {
        Map<String, List<String[]>> rows = new HashMap<>();
        flat.tables().forEach(t -> rows.put(t.name(), t.rows()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        flat.shape().write(rows, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void recordsAndTheirArraysBecomeRelatedTables() throws Exception {
        Flattened flat = read(ORDERS, "orders.json");
        assertEquals(
                List.of("orders.csv", "orders.tags.csv", "orders.items.csv", "orders.items.options.csv"),
                flat.tables().stream().map(FlatTable::name).toList());
        FlatTable orders = table(flat, "orders.csv");
        assertEquals(List.of("row_key", "order", "paid", "customer.country", "customer.age", "note"), orders.columns());
        assertEquals(3, orders.rows().size());
        FlatTable items = table(flat, "orders.items.csv");
        assertEquals(List.of("row_key", "parent_key", "sku", "qty", "price"), items.columns());
        assertEquals(
                List.of("1", "1", "3"), items.rows().stream().map(r -> r[1]).toList(), "each item's order");
        assertEquals("10", items.rows().get(2)[4], "an exponent is written out");
        FlatTable tags = table(flat, "orders.tags.csv");
        assertEquals(List.of("row_key", "parent_key", "value"), tags.columns());
        assertEquals(3, tags.rows().size());
        assertEquals(
                List.of(ForeignKey.of("parent_key", "orders.items.csv", "row_key")),
                flat.foreignKeys("orders.items.options.csv"));
        assertEquals(List.of(), flat.foreignKeys("orders.csv"));
        NestedShape.Part part = flat.shape().part("orders.items.csv");
        Map<String, JsonType> types = new HashMap<>();
        part.fields().forEach(f -> types.put(f.column(), f.type()));
        assertEquals(Map.of("sku", JsonType.STRING, "qty", JsonType.INTEGER, "price", JsonType.NUMBER), types);
        assertTrue(flat.shape().part("orders.tags.csv").emptyWhenNone(), "the document wrote []");
        assertFalse(part.emptyWhenNone(), "the document left items out");
    }

    @Test
    void theTablesPutBackAreTheDocument() throws Exception {
        Flattened flat = read(ORDERS, "orders.json");
        JsonElement original = JsonParser.parseString(ORDERS);
        // 1e1 is written back as 10: the same number
        assertEquals(original, JsonParser.parseString(write(flat)));
        // and the shape survives being stored as JSON
        Flattened again = new Flattened(NestedShape.fromJson(flat.shape().toJson()), flat.tables());
        assertEquals(original, JsonParser.parseString(write(again)));
    }

    @Test
    void jsonLinesStayJsonLines() throws Exception {
        String lines = """
                {"id": 1, "visits": [{"day": "2024-01-02", "cost": 10}, {"day": "2024-02-03", "cost": 12}]}

                {"id": 2, "visits": [{"day": "2024-03-04", "cost": 7}]}
                {"id": 3, "extra": {"deep": {"deeper": [1, 2, null]}}}
                """;
        Flattened flat = read(lines, "patients.jsonl");
        assertEquals(NestedShape.Format.JSON_LINES, flat.shape().format());
        assertEquals(
                List.of("patients.csv", "patients.visits.csv", "patients.extra.deep.deeper.csv"),
                flat.tables().stream().map(FlatTable::name).toList());
        String written = write(flat);
        List<String> out = written.lines().toList();
        List<String> in = lines.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(in.size(), out.size());
        for (int i = 0; i < in.size(); i++) {
            assertEquals(JsonParser.parseString(in.get(i)), JsonParser.parseString(out.get(i)), "line " + (i + 1));
        }
    }

    @Test
    void aNullBeforeTheObjectIsTheObjectMissing() throws Exception {
        Flattened flat =
                read("[{\"a\": null, \"c\": null}, {\"a\": {\"b\": 1}, \"c\": null}, {\"c\": null}]", "x.json");
        assertEquals(List.of("row_key", "a.b", "c"), table(flat, "x.csv").columns());
        assertEquals(
                JsonParser.parseString("[{\"c\": null}, {\"a\": {\"b\": 1}, \"c\": null}, {\"c\": null}]"),
                JsonParser.parseString(write(flat)));
    }

    @Test
    void namesThatCollideAreKeptApart() throws Exception {
        Flattened flat = read("[{\"row_key\": 7, \"a.b\": 1, \"a\": {\"b\": 2}}]", "odd name!.json");
        FlatTable t = table(flat, "odd_name_.csv");
        assertEquals(List.of("row_key", "row_key_2", "a.b", "a.b_2"), t.columns());
        assertEquals(
                JsonParser.parseString("[{\"row_key\": 7, \"a.b\": 1, \"a\": {\"b\": 2}}]"),
                JsonParser.parseString(write(flat)));
    }

    @Test
    void syntheticRowsBecomeRecordsOfTheSameShape() throws Exception {
        Flattened flat = read(ORDERS, "orders.json");
        Map<String, List<String[]>> rows = new HashMap<>();
        rows.put("orders.csv", List.<String[]>of(new String[] {"10", "S-1", "TRUE", "NL", "44.0", null}));
        // a child of a parent that is not there is left out; a child without its array member too
        rows.put(
                "orders.items.csv",
                List.of(new String[] {"5", "10", "k9", "3.4", "2.50"}, new String[] {"6", "99", "k1", "1", "1"}));
        rows.put("orders.items.options.csv", List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        flat.shape().write(rows, out);
        JsonArray records =
                JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonArray();
        assertEquals(1, records.size());
        JsonObject record = records.get(0).getAsJsonObject();
        assertEquals(JsonParser.parseString("""
                        {"order": "S-1", "paid": true, "customer": {"country": "NL", "age": 44},
                         "tags": [], "note": null, "items": [{"sku": "k9", "qty": 3, "price": 2.50}]}
                        """), record);
        assertTrue(record.get("paid").getAsJsonPrimitive().isBoolean());
        assertEquals(
                "3",
                record.getAsJsonArray("items")
                        .get(0)
                        .getAsJsonObject()
                        .get("qty")
                        .toString());
    }

    static NestedProblem refused(String text, String name) {
        return assertThrows(NestedProblem.class, () -> read(text, name));
    }

    @Test
    void badDocumentsAreRefusedSayingWhereWithoutQuotingValues() {
        NestedProblem conflict = refused("[{\"a\": \"s3cret\"}, {\"a\": {\"b\": 2}}]", "x.json");
        assertEquals("record 2, $.a", conflict.location());
        assertEquals(2L, conflict.number());
        assertEquals("$.a", conflict.path());
        assertTrue(conflict.getMessage().contains("an object here but a plain value"), conflict.getMessage());

        NestedProblem notObject = refused("[{\"a\": 1}, [1, 2]]", "x.json");
        assertEquals("record 2", notObject.location());
        assertTrue(notObject.getMessage().contains("must be a JSON object"), notObject.getMessage());

        NestedProblem inner = refused("[{\"a\": [[1]]}]", "x.json");
        assertEquals("record 1, $.a[0]", inner.location());

        NestedProblem mixed = refused("[{\"a\": [{\"x\": 1}, 2]}]", "x.json");
        assertTrue(mixed.getMessage().contains("mixes objects and plain values"), mixed.getMessage());

        NestedProblem broken = refused("[{\"a\": \"s3cret\"} {\"b\": 2}]", "x.json");
        assertTrue(broken.getMessage().startsWith("not valid JSON"), broken.getMessage());
        assertFalse(broken.describe().contains("s3cret"), broken.describe());

        NestedProblem truncated = refused("{\"a\": 1}\n{\"a\": \"s3cret", "x.jsonl");
        assertEquals("line 2", truncated.location());
        assertEquals(2L, truncated.number());
        assertEquals(null, truncated.path());
        assertFalse(truncated.describe().contains("s3cret"), truncated.describe());

        NestedProblem twoOnALine = refused("{\"a\": 1} {\"a\": 2}", "x.jsonl");
        assertTrue(twoOnALine.getMessage().contains("more than one JSON value"), twoOnALine.getMessage());

        String deep = "[" + "{\"a\":".repeat(40) + "1" + "}".repeat(40) + "]";
        assertTrue(refused(deep, "x.json").getMessage().contains("nested deeper than 32"));

        assertTrue(refused("[]", "x.json").getMessage().contains("no records"));
        assertTrue(refused("\"just text\"", "x.json").getMessage().contains("JSON array of records"));
        assertTrue(refused("[{\"a\": NaN}]", "x.json").getMessage().startsWith("not valid JSON"));

        NestedProblem latin1 = assertThrows(
                NestedProblem.class,
                () -> NestedDocument.read(
                        new ByteArrayInputStream("[{\"a\": \"caf\u00e9\"}]".getBytes(StandardCharsets.ISO_8859_1)),
                        "x.json"));
        assertTrue(latin1.getMessage().contains("not UTF-8"), latin1.getMessage());

        StringBuilder wide = new StringBuilder("[{");
        for (int i = 0; i < NestedDocument.MAX_TABLES + 1; i++) {
            wide.append(i == 0 ? "" : ",").append("\"t").append(i).append("\": [{\"v\": 1}]");
        }
        assertTrue(refused(wide.append("}]").toString(), "x.json").getMessage().contains("more than 64 tables"));
    }

    @Test
    void aByteOrderMarkIsSkipped() throws Exception {
        assertEquals(
                1, read("\uFEFF[{\"a\": 1}]", "x.json").tables().get(0).rows().size());
    }
}
