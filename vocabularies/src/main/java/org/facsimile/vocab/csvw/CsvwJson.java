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
import org.facsimile.vocab.terms.FCSM;

/**
 * Reads and writes CSVW metadata documents. Reading accepts a table group ({@code tables}) or a
 * single table ({@code url} + {@code tableSchema}); it checks what the CSVW rules require of the
 * parts Facsimile uses: the context is the CSVW context (optionally with {@code @base} and
 * {@code @language}) and no other, columns are objects with unique names, datatypes are known
 * built-in datatypes, primary keys name existing columns, foreign keys name existing columns of a
 * table in the group. Nothing is ever fetched: a document that points at remote contexts or schemas
 * is refused, so a hostile document cannot make the repository call out.
 */
public final class CsvwJson {

    public static final String CONTEXT = "http://www.w3.org/ns/csvw";

    /** The CSVW built-in datatypes Facsimile understands. */
    public static final Set<String> DATATYPES = CsvwDatatypes.ALL;

    private CsvwJson() {}

    /** Parses a CSVW document into its tables; every foreign key refers to a table of the document. */
    public static List<CsvwTable> read(String json) throws CsvwProblem {
        return read(json, false);
    }

    /**
     * The common properties at the top of a metadata document whose values are text ({@code
     * "dc:title": "..."}, {@code "dcat:keyword": ["...", "..."]}, or {@code {"@value": "..."}}
     * objects), by property name as written; other properties are left out.
     *
     * @throws CsvwProblem when the document is not a JSON object
     */
    public static Map<String, List<String>> notes(String json) throws CsvwProblem {
        JsonObject root;
        String deep = JsonNesting.tooDeep(json, JsonNesting.MAX_DEPTH);
        if (deep != null) {
            throw new CsvwProblem("$", "not accepted: " + deep);
        }
        try {
            root = JSON.parse(json);
        } catch (RuntimeException e) {
            throw new CsvwProblem("$", "not valid JSON: " + firstLine(String.valueOf(e.getMessage())));
        }
        Map<String, List<String>> notes = new java.util.LinkedHashMap<>();
        for (String key : root.keys()) {
            if (!key.contains(":") || key.startsWith("@")) {
                continue;
            }
            List<String> texts = new ArrayList<>();
            JsonValue value = root.get(key);
            for (JsonValue item : value.isArray() ? value.getAsArray() : List.of(value)) {
                if (item.isString()) {
                    texts.add(item.getAsString().value());
                } else if (item.isObject()
                        && item.getAsObject().hasKey("@value")
                        && item.getAsObject().get("@value").isString()) {
                    texts.add(item.getAsObject().get("@value").getAsString().value());
                }
            }
            if (!texts.isEmpty()) {
                notes.put(key, List.copyOf(texts));
            }
        }
        return notes;
    }

    /**
     * Parses the description of one table of a larger group, as a deposit keeps each file's: its
     * foreign keys may refer to tables described elsewhere (by their url), which the caller checks;
     * a reference to a table of this document is checked as in {@link #read(String)}.
     *
     * @throws CsvwProblem also when the document describes more or fewer than one table
     */
    public static CsvwTable readTable(String json) throws CsvwProblem {
        List<CsvwTable> tables = read(json, true);
        if (tables.size() != 1) {
            throw new CsvwProblem("$", "give the description of exactly one table");
        }
        return tables.get(0);
    }

    private static List<CsvwTable> read(String json, boolean outsideReferences) throws CsvwProblem {
        JsonObject root;
        String deep = JsonNesting.tooDeep(json, JsonNesting.MAX_DEPTH);
        if (deep != null) {
            throw new CsvwProblem("$", "not accepted: " + deep);
        }
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
        context(root);
        noNestedContext(root, "$", true);
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
        checkReferences(tables, root.hasKey("tables") ? "$.tables" : null, outsideReferences);
        return tables;
    }

    /**
     * The CSVW rule for {@code @context}: the CSVW context URL, or an array of it and an object with
     * only {@code @base} and {@code @language}. Any other context (a remote one above all) is refused
     * without being fetched.
     */
    private static void context(JsonObject root) throws CsvwProblem {
        JsonValue context = root.get("@context");
        if (context == null) {
            throw new CsvwProblem("$.@context", "a CSVW document needs \"@context\": \"" + CONTEXT + "\"");
        }
        if (context.isString() && CONTEXT.equals(context.getAsString().value())) {
            return;
        }
        if (context.isArray()
                && context.getAsArray().size() == 2
                && context.getAsArray().get(0).isString()
                && CONTEXT.equals(context.getAsArray().get(0).getAsString().value())
                && context.getAsArray().get(1).isObject()) {
            JsonObject local = context.getAsArray().get(1).getAsObject();
            for (String key : local.keys()) {
                if (!key.equals("@base") && !key.equals("@language")) {
                    throw new CsvwProblem("$.@context[1]." + key, "a local context may hold only @base and @language");
                }
                if (!local.get(key).isString()) {
                    throw new CsvwProblem("$.@context[1]." + key, key + " must be a string");
                }
            }
            return;
        }
        throw new CsvwProblem(
                "$.@context",
                "the context must be \"" + CONTEXT + "\" (or it followed by {@base, @language}); "
                        + "other contexts are not fetched");
    }

    /** A metadata document must not add a context anywhere but at its top. */
    private static void noNestedContext(JsonValue value, String path, boolean top) throws CsvwProblem {
        if (value.isObject()) {
            for (String key : value.getAsObject().keys()) {
                if (key.equals("@context") && !top) {
                    throw new CsvwProblem(path + ".@context", "a context is allowed only at the top of the document");
                }
                if (!key.equals("@context")) {
                    noNestedContext(value.getAsObject().get(key), path + "." + key, false);
                }
            }
        } else if (value.isArray()) {
            JsonArray array = value.getAsArray();
            for (int i = 0; i < array.size(); i++) {
                noNestedContext(array.get(i), path + "[" + i + "]", false);
            }
        }
    }

    /** Every foreign key references a table of the group, by its url, and existing columns there. */
    private static void checkReferences(List<CsvwTable> tables, String groupPath, boolean outsideReferences)
            throws CsvwProblem {
        for (int t = 0; t < tables.size(); t++) {
            CsvwTable table = tables.get(t);
            String tablePath = groupPath == null ? "$" : groupPath + "[" + t + "]";
            for (int k = 0; k < table.foreignKeys().size(); k++) {
                CsvwForeignKey key = table.foreignKeys().get(k);
                String keyPath = tablePath + ".tableSchema.foreignKeys[" + k + "]";
                java.util.Optional<CsvwTable> found = tables.stream()
                        .filter(other -> other.url().equals(key.resource()))
                        .findFirst();
                if (found.isEmpty() && outsideReferences) {
                    continue;
                }
                CsvwTable target = found.orElseThrow(() -> new CsvwProblem(
                        keyPath + ".reference.resource",
                        "the referenced table '" + key.resource() + "' is not in this document"));
                for (String column : key.referencedColumns()) {
                    if (!target.columnNames().contains(column)) {
                        throw new CsvwProblem(
                                keyPath + ".reference.columnReference",
                                "'" + column + "' is not a column of " + target.url());
                    }
                }
            }
        }
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
        List<CsvwForeignKey> foreignKeys = new ArrayList<>();
        JsonValue keysValue = schema.get("foreignKeys");
        if (keysValue != null) {
            if (!keysValue.isArray()) {
                throw new CsvwProblem(schemaPath + ".foreignKeys", "foreignKeys must be an array");
            }
            JsonArray keys = keysValue.getAsArray();
            for (int i = 0; i < keys.size(); i++) {
                foreignKeys.add(foreignKey(keys.get(i), names, schemaPath + ".foreignKeys[" + i + "]"));
            }
        }
        List<String> constraints = new ArrayList<>();
        JsonValue rules = schema.get(FCSM.CONSTRAINTS);
        if (rules != null) {
            String rulesPath = schemaPath + "." + FCSM.CONSTRAINTS;
            if (!rules.isArray()) {
                throw new CsvwProblem(rulesPath, "constraints must be an array of rules, such as [\"dob < dod\"]");
            }
            JsonArray list = rules.getAsArray();
            for (int i = 0; i < list.size(); i++) {
                if (!list.get(i).isString()) {
                    throw new CsvwProblem(rulesPath + "[" + i + "]", "a constraint is a string, such as \"dob < dod\"");
                }
                constraints.add(list.get(i).getAsString().value());
            }
        }
        JsonValue shape = schema.get(FCSM.NESTED_SHAPE);
        if (shape != null && !shape.isString()) {
            throw new CsvwProblem(schemaPath + "." + FCSM.NESTED_SHAPE, "a nested shape is JSON text in a string");
        }
        JsonValue deposited = table.get(FCSM.PUBLISHED_AS_DEPOSITED);
        if (deposited != null && !deposited.isBoolean()) {
            throw new CsvwProblem(
                    path + "." + FCSM.PUBLISHED_AS_DEPOSITED,
                    "publishedAsDeposited is true (public reference data, published as deposited) or false");
        }
        return new CsvwTable(
                url,
                columns,
                primaryKey,
                foreignKeys,
                constraints,
                shape == null ? null : shape.getAsString().value(),
                deposited != null && deposited.getAsBoolean().value());
    }

    /** A foreign key as CSVW defines it: {@code columnReference} and a {@code reference}, nothing else. */
    private static CsvwForeignKey foreignKey(JsonValue value, Set<String> names, String path) throws CsvwProblem {
        if (!value.isObject()) {
            throw new CsvwProblem(path, "a foreign key must be an object");
        }
        JsonObject key = value.getAsObject();
        onlyKeys(key, Set.of("columnReference", "reference"), path);
        List<String> columns = stringOrList(key, "columnReference", path);
        if (columns.isEmpty()) {
            throw new CsvwProblem(path + ".columnReference", "a foreign key needs a columnReference");
        }
        for (String column : columns) {
            if (!names.contains(column)) {
                throw new CsvwProblem(path + ".columnReference", "'" + column + "' is not a column of this table");
            }
        }
        JsonValue referenceValue = key.get("reference");
        if (referenceValue == null || !referenceValue.isObject()) {
            throw new CsvwProblem(path + ".reference", "a foreign key needs a reference object");
        }
        JsonObject reference = referenceValue.getAsObject();
        String referencePath = path + ".reference";
        onlyKeys(reference, Set.of("resource", "schemaReference", "columnReference"), referencePath);
        if (reference.hasKey("schemaReference")) {
            throw new CsvwProblem(
                    referencePath + ".schemaReference",
                    "reference the table by its resource url; schemas at other urls are not fetched");
        }
        String resource = string(reference, "resource", referencePath);
        if (resource == null) {
            throw new CsvwProblem(referencePath + ".resource", "a reference needs the resource (table url)");
        }
        List<String> referenced = stringOrList(reference, "columnReference", referencePath);
        if (referenced.size() != columns.size()) {
            throw new CsvwProblem(
                    referencePath + ".columnReference",
                    "a foreign key of " + columns.size() + " column(s) must reference as many columns");
        }
        return new CsvwForeignKey(columns, resource, referenced);
    }

    private static void onlyKeys(JsonObject object, Set<String> allowed, String path) throws CsvwProblem {
        for (String key : object.keys()) {
            if (!allowed.contains(key)) {
                throw new CsvwProblem(path + "." + key, "'" + key + "' is not allowed here; only " + allowed);
            }
        }
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
        String format = null;
        JsonValue dt = column.get("datatype");
        if (dt != null) {
            if (dt.isString()) {
                datatype = dt.getAsString().value();
            } else if (dt.isObject()
                    && dt.getAsObject().get("base") != null
                    && dt.getAsObject().get("base").isString()) {
                datatype = dt.getAsObject().get("base").getAsString().value();
                JsonValue picture = dt.getAsObject().get("format");
                if (picture != null && picture.isString()) {
                    format = picture.getAsString().value();
                } else if (picture != null && picture.isObject()) {
                    format = numberPattern(picture.getAsObject(), path + ".datatype.format");
                }
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
        String personalData = string(column, FCSM.PERSONAL_DATA, path);
        if (personalData != null && !personalData.matches("[a-z]+(-[a-z]+)*")) {
            throw new CsvwProblem(
                    path + "." + FCSM.PERSONAL_DATA,
                    "a personal-data kind is a lower-case token such as email or none");
        }
        String lang = string(column, "lang", path);
        return new CsvwColumn(
                name,
                datatype,
                nulls,
                description != null && description.isString()
                        ? description.getAsString().value()
                        : null,
                format,
                personalData,
                lang);
    }

    /**
     * A number format object's pattern ({@code {"pattern": "#.##0,00", "decimalChar": ",",
     * "groupChar": "."}}); the separators it names must be the ones its pattern is written with.
     */
    private static String numberPattern(JsonObject format, String path) throws CsvwProblem {
        String pattern = string(format, "pattern", path);
        if (pattern == null) {
            throw new CsvwProblem(path + ".pattern", "a number format object needs a pattern");
        }
        char[] separators = CsvwDatatypes.numberSeparators(pattern);
        String decimal = string(format, "decimalChar", path);
        String group = string(format, "groupChar", path);
        // a separator the pattern does not use says nothing about it (a decimalChar on an integer)
        if (decimal != null && pattern.contains(decimal) && !decimal.equals(String.valueOf(separators[0]))
                || group != null && pattern.contains(group) && !group.equals(String.valueOf(separators[1]))) {
            throw new CsvwProblem(
                    path,
                    "the pattern's separators are not its decimalChar and groupChar; write the pattern with them,"
                            + " as #.##0,00 for a decimal comma");
        }
        return pattern;
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
            if (column.format() == null) {
                c.put("datatype", column.datatype());
            } else {
                JsonObject datatype = new JsonObject();
                datatype.put("base", column.datatype());
                char[] separators = CsvwDatatypes.numberSeparators(column.format());
                if (CsvwDatatypes.isNumeric(column.datatype()) && (separators[0] != '.' || separators[1] != ',')) {
                    // a pattern written with other separators says which they are (CSVW 1.0, 6.4.2)
                    JsonObject number = new JsonObject();
                    number.put("pattern", column.format());
                    number.put("decimalChar", String.valueOf(separators[0]));
                    number.put("groupChar", String.valueOf(separators[1]));
                    datatype.put("format", number);
                } else {
                    datatype.put("format", column.format());
                }
                c.put("datatype", datatype);
            }
            if (!column.nullMarkers().equals(List.of(""))) {
                JsonArray nulls = new JsonArray();
                column.nullMarkers().forEach(nulls::add);
                c.put("null", nulls);
            }
            if (column.description() != null) {
                c.put("dc:description", column.description());
            }
            if (column.lang() != null) {
                c.put("lang", column.lang());
            }
            if (column.personalData() != null) {
                c.put(FCSM.PERSONAL_DATA, column.personalData());
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
        if (!table.foreignKeys().isEmpty()) {
            JsonArray keys = new JsonArray();
            for (CsvwForeignKey key : table.foreignKeys()) {
                JsonObject k = new JsonObject();
                k.put("columnReference", names(key.columns()));
                JsonObject reference = new JsonObject();
                reference.put("resource", key.resource());
                reference.put("columnReference", names(key.referencedColumns()));
                k.put("reference", reference);
                keys.add(k);
            }
            schema.put("foreignKeys", keys);
        }
        if (!table.constraints().isEmpty()) {
            JsonArray rules = new JsonArray();
            table.constraints().forEach(rules::add);
            schema.put(FCSM.CONSTRAINTS, rules);
        }
        if (table.nestedShape() != null) {
            schema.put(FCSM.NESTED_SHAPE, table.nestedShape());
        }
        object.put("tableSchema", schema);
        if (table.publishedAsDeposited()) {
            object.put(FCSM.PUBLISHED_AS_DEPOSITED, true);
        }
        return object;
    }

    private static JsonArray names(List<String> names) {
        JsonArray array = new JsonArray();
        names.forEach(array::add);
        return array;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "parse error";
        }
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
