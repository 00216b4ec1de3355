package org.facsimile.vocab.csvw;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonParseException;
import org.apache.jena.atlas.json.JsonValue;

/**
 * Reads and writes CSVW metadata documents. Reading accepts a table group ({@code tables}) or a
 * single table ({@code url} + {@code tableSchema}); it checks what the CSVW rules require of the
 * parts Facsimile uses: columns are objects with unique names, datatypes are known built-in
 * datatypes, primary keys name existing columns.
 */
public final class CsvwJson {

    public static final String CONTEXT = "http://www.w3.org/ns/csvw";

    /** The CSVW built-in datatypes Facsimile understands. */
    public static final Set<String> DATATYPES = CsvwDatatypes.ALL;

    private CsvwJson() {}

    /** Parses a CSVW document into its tables. */
    public static List<CsvwTable> read(String json) throws CsvwProblem {
        JsonObject root;
        try {
            root = JSON.parse(json);
        } catch (JsonParseException e) {
            throw new CsvwProblem("$", "not valid JSON: " + firstLine(e.getMessage()));
        } catch (JsonException | ClassCastException e) {
            throw new CsvwProblem("$", "the document must be a JSON object");
        } catch (RuntimeException e) {
            // Jena's tokenizer fails with unchecked errors on truncated input.
            throw new CsvwProblem("$", "not valid JSON: incomplete or malformed document");
        }
        List<CsvwTable> tables = new ArrayList<>();
        if (root.hasKey("tables")) {
            JsonValue value = root.get("tables");
            if (!value.isArray()) {
                throw new CsvwProblem("$.tables", "tables must be an array");
            }
            JsonArray array = value.getAsArray();
            for (int i = 0; i < array.size(); i++) {
                if (!array.get(i).isObject()) {
                    throw new CsvwProblem("$.tables[" + i + "]", "a table must be an object");
                }
                tables.add(table(array.get(i).getAsObject(), "$.tables[" + i + "]"));
            }
        } else if (root.hasKey("tableSchema") || root.hasKey("url")) {
            tables.add(table(root, "$"));
        } else {
            throw new CsvwProblem("$", "neither a table group (tables) nor a table (url, tableSchema)");
        }
        return tables;
    }

    private static CsvwTable table(JsonObject table, String path) throws CsvwProblem {
        String url = string(table, "url", path);
        if (url == null) {
            throw new CsvwProblem(path + ".url", "a table needs a url naming its CSV file");
        }
        JsonValue schemaValue = table.get("tableSchema");
        if (schemaValue == null || !schemaValue.isObject()) {
            throw new CsvwProblem(path + ".tableSchema", "a table needs a tableSchema object");
        }
        JsonObject schema = schemaValue.getAsObject();
        String schemaPath = path + ".tableSchema";
        JsonValue columnsValue = schema.get("columns");
        if (columnsValue == null || !columnsValue.isArray()) {
            throw new CsvwProblem(schemaPath + ".columns", "a tableSchema needs a columns array");
        }
        List<CsvwColumn> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonArray array = columnsValue.getAsArray();
        for (int i = 0; i < array.size(); i++) {
            String columnPath = schemaPath + ".columns[" + i + "]";
            if (!array.get(i).isObject()) {
                throw new CsvwProblem(columnPath, "a column must be an object");
            }
            CsvwColumn column = column(array.get(i).getAsObject(), columnPath);
            if (!names.add(column.name())) {
                throw new CsvwProblem(columnPath + ".name", "column name '" + column.name() + "' is used twice");
            }
            columns.add(column);
        }
        List<String> primaryKey = stringOrList(schema, "primaryKey", schemaPath);
        for (String key : primaryKey) {
            if (!names.contains(key)) {
                throw new CsvwProblem(
                        schemaPath + ".primaryKey", "primaryKey names '" + key + "', which is not a column");
            }
        }
        return new CsvwTable(url, columns, primaryKey);
    }

    private static CsvwColumn column(JsonObject column, String path) throws CsvwProblem {
        String name = string(column, "name", path);
        if (name == null) {
            List<String> titles = stringOrList(column, "titles", path);
            name = titles.isEmpty() ? null : titles.get(0);
        }
        if (name == null || name.isBlank()) {
            throw new CsvwProblem(path + ".name", "a column needs a name (or titles)");
        }
        String datatype = "string";
        JsonValue dt = column.get("datatype");
        if (dt != null) {
            if (dt.isString()) {
                datatype = dt.getAsString().value();
            } else if (dt.isObject()
                    && dt.getAsObject().get("base") != null
                    && dt.getAsObject().get("base").isString()) {
                datatype = dt.getAsObject().get("base").getAsString().value();
            } else {
                throw new CsvwProblem(path + ".datatype", "datatype must be a name or an object with a base");
            }
            if (datatype.startsWith("xsd:")) {
                datatype = datatype.substring(4);
            }
            if (!DATATYPES.contains(datatype)) {
                throw new CsvwProblem(path + ".datatype", "unknown datatype '" + datatype + "'");
            }
        }
        List<String> nulls = column.hasKey("null") ? stringOrList(column, "null", path) : List.of("");
        JsonValue description = column.get("dc:description");
        return new CsvwColumn(
                name,
                datatype,
                nulls,
                description != null && description.isString()
                        ? description.getAsString().value()
                        : null);
    }

    private static String string(JsonObject object, String key, String path) throws CsvwProblem {
        JsonValue value = object.get(key);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw new CsvwProblem(path + "." + key, key + " must be a string");
        }
        return value.getAsString().value();
    }

    private static List<String> stringOrList(JsonObject object, String key, String path) throws CsvwProblem {
        JsonValue value = object.get(key);
        if (value == null) {
            return List.of();
        }
        if (value.isString()) {
            return List.of(value.getAsString().value());
        }
        if (value.isArray()) {
            List<String> out = new ArrayList<>();
            for (JsonValue v : value.getAsArray()) {
                if (!v.isString()) {
                    throw new CsvwProblem(path + "." + key, key + " must hold strings");
                }
                out.add(v.getAsString().value());
            }
            return out;
        }
        throw new CsvwProblem(path + "." + key, key + " must be a string or an array of strings");
    }

    /**
     * Writes a table group.
     *
     * @param tables the tables
     * @param annotations group-level common properties ({@code dc:title}, {@code dc:license}, ...), in order
     */
    public static String write(List<CsvwTable> tables, Map<String, String> annotations) {
        JsonObject root = new JsonObject();
        root.put("@context", CONTEXT);
        for (Map.Entry<String, String> e : new LinkedHashMap<>(annotations).entrySet()) {
            root.put(e.getKey(), e.getValue());
        }
        JsonArray array = new JsonArray();
        for (CsvwTable table : tables) {
            array.add(table(table));
        }
        root.put("tables", array);
        return JSON.toString(root);
    }

    /** Writes one table's description (url + tableSchema). */
    public static String writeTable(CsvwTable table) {
        JsonObject object = table(table);
        object.put("@context", CONTEXT);
        return JSON.toString(object);
    }

    private static JsonObject table(CsvwTable table) {
        JsonObject object = new JsonObject();
        object.put("url", table.url());
        JsonObject schema = new JsonObject();
        JsonArray columns = new JsonArray();
        for (CsvwColumn column : table.columns()) {
            JsonObject c = new JsonObject();
            c.put("name", column.name());
            c.put("titles", column.name());
            c.put("datatype", column.datatype());
            if (!column.nullMarkers().equals(List.of(""))) {
                JsonArray nulls = new JsonArray();
                column.nullMarkers().forEach(nulls::add);
                c.put("null", nulls);
            }
            if (column.description() != null) {
                c.put("dc:description", column.description());
            }
            columns.add(c);
        }
        schema.put("columns", columns);
        if (table.primaryKey().size() == 1) {
            schema.put("primaryKey", table.primaryKey().get(0));
        } else if (!table.primaryKey().isEmpty()) {
            JsonArray keys = new JsonArray();
            table.primaryKey().forEach(keys::add);
            schema.put("primaryKey", keys);
        }
        object.put("tableSchema", schema);
        return object;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "parse error";
        }
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
