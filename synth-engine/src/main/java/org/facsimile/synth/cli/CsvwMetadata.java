package org.facsimile.synth.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.facsimile.synth.relations.ForeignKey;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.TableSpec;

/**
 * The part of a W3C CSVW metadata file (a table, or a table group) the engine needs for one CSV
 * file: its columns' names, datatypes and null markers, and its primary key. The declaration is
 * checked against the CSV's header column by column; JSON-LD contexts are names here, never
 * fetched. The repository reads the whole of CSVW through the vocabularies module; the engine's
 * command line only needs this much.
 */
final class CsvwMetadata {

    private CsvwMetadata() {}

    /** A metadata file that cannot be used, with the JSON path of what is wrong. */
    static final class Problem extends IOException {
        private static final long serialVersionUID = 1L;

        Problem(Path file, String path, String message) {
            super(file.getFileName() + (path.isEmpty() ? "" : " at " + path) + ": " + message);
        }
    }

    /**
     * @param metadata the CSVW file
     * @param csvFile the CSV file's name, matched against the tables' {@code url}
     * @param inferred what profiling found in the CSV, in header order
     * @return the inferred spec with the declared datatypes, null markers and key applied
     */
    static TableSpec apply(Path metadata, String csvFile, TableSpec inferred) throws IOException {
        String[] path = {"$"};
        JsonObject table = table(metadata, root(metadata), csvFile, path);
        JsonObject schema = object(metadata, table, "tableSchema", path[0]);
        if (schema == null) {
            throw new Problem(metadata, path[0], "the table has no tableSchema");
        }
        JsonElement columnsElement = schema.get("columns");
        if (columnsElement == null || !columnsElement.isJsonArray()) {
            throw new Problem(metadata, path[0] + ".tableSchema", "columns must be an array");
        }
        JsonArray declared = columnsElement.getAsJsonArray();
        List<String> defaultNulls = strings(metadata, schema.get("null"), path[0] + ".tableSchema.null");
        List<ColumnSpec> columns = new ArrayList<>();
        int c = 0;
        for (int i = 0; i < declared.size(); i++) {
            String at = path[0] + ".tableSchema.columns[" + i + "]";
            if (!declared.get(i).isJsonObject()) {
                throw new Problem(metadata, at, "a column must be an object");
            }
            JsonObject column = declared.get(i).getAsJsonObject();
            if (column.has("virtual") && column.get("virtual").getAsBoolean()) {
                continue;
            }
            if (c >= inferred.columns().size()) {
                throw new Problem(
                        metadata,
                        at,
                        "declares more columns than " + csvFile + " has ("
                                + inferred.columns().size() + ")");
            }
            ColumnSpec found = inferred.column(c);
            List<String> names = new ArrayList<>(strings(metadata, column.get("name"), at + ".name"));
            names.addAll(titles(metadata, column.get("titles"), at + ".titles"));
            if (!names.isEmpty() && !names.contains(found.name())) {
                throw new Problem(
                        metadata, at, "declares " + names + " where " + csvFile + " has column '" + found.name() + "'");
            }
            List<String> nulls =
                    column.has("null") ? strings(metadata, column.get("null"), at + ".null") : defaultNulls;
            ColumnKind kind = ColumnKind.forDatatype(datatype(metadata, column.get("datatype"), at), found.kind());
            // a declared picture wins; else the one profiling found, where the kind stays
            String format = picture(column.get("datatype"));
            if (format == null && kind == found.kind()) {
                format = found.format();
            }
            try {
                columns.add(new ColumnSpec(
                        found.name(), kind, nulls.isEmpty() ? found.nullMarkers() : nulls, null, null, format));
            } catch (IllegalArgumentException e) {
                throw new Problem(metadata, at + ".datatype.format", e.getMessage());
            }
            c++;
        }
        if (c != inferred.columns().size()) {
            throw new Problem(
                    metadata,
                    path[0] + ".tableSchema.columns",
                    "declares " + c + " columns, " + csvFile + " has "
                            + inferred.columns().size());
        }
        List<String> key = strings(metadata, schema.get("primaryKey"), path[0] + ".tableSchema.primaryKey");
        for (String k : key) {
            if (columns.stream().noneMatch(col -> col.name().equals(k))) {
                throw new Problem(metadata, path[0] + ".tableSchema.primaryKey", "'" + k + "' is not a column");
            }
        }
        if (!key.isEmpty()) {
            List<ColumnSpec> keyed = new ArrayList<>();
            for (ColumnSpec col : columns) {
                keyed.add(
                        key.contains(col.name())
                                ? new ColumnSpec(col.name(), ColumnKind.IDENTIFIER, col.nullMarkers())
                                : col);
            }
            columns = keyed;
        }
        return new TableSpec(inferred.name(), columns, key.isEmpty() ? inferred.primaryKey() : key);
    }

    /** The CSVW common property (an absolute IRI) that lists a table's rules, as the repository writes it. */
    static final String CONSTRAINTS = "https://w3id.org/facsimile/ns#constraints";

    /**
     * One table of a CSVW table group, as the dataset command reads it.
     *
     * @param url the table's url as declared
     * @param file the CSV file: the url's last segment, next to the metadata
     * @param name the table's name: the file's name without {@code .csv}
     * @param foreignKeys its references, naming the referenced tables by name
     * @param constraints its rules ({@link #CONSTRAINTS}), none when absent
     * @param publishedAsDeposited declared public reference data ({@link #PUBLISHED_AS_DEPOSITED})
     */
    record GroupTable(
            String url,
            Path file,
            String name,
            List<ForeignKey> foreignKeys,
            List<String> constraints,
            boolean publishedAsDeposited) {}

    /**
     * The CSVW common property (an absolute IRI) of a table the depositor declares public reference
     * data, published as deposited rather than synthesized: {@code true} or {@code false}.
     */
    static final String PUBLISHED_AS_DEPOSITED = "https://w3id.org/facsimile/ns#publishedAsDeposited";

    /**
     * The tables of a CSVW table group (or a single table) and their foreign keys, each referenced
     * table found by its url among the group's tables.
     */
    static List<GroupTable> group(Path metadata) throws IOException {
        JsonObject root = root(metadata);
        List<JsonObject> tables = new ArrayList<>();
        List<String> at = new ArrayList<>();
        if (root.has("tables")) {
            if (!root.get("tables").isJsonArray()) {
                throw new Problem(metadata, "$.tables", "must be an array");
            }
            JsonArray array = root.getAsJsonArray("tables");
            for (int i = 0; i < array.size(); i++) {
                if (!array.get(i).isJsonObject()) {
                    throw new Problem(metadata, "$.tables[" + i + "]", "a table must be an object");
                }
                tables.add(array.get(i).getAsJsonObject());
                at.add("$.tables[" + i + "]");
            }
        } else {
            tables.add(root);
            at.add("$");
        }
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            JsonElement url = tables.get(i).get("url");
            if (url == null || !url.isJsonPrimitive()) {
                throw new Problem(metadata, at.get(i) + ".url", "each table needs the url of its CSV file");
            }
            urls.add(url.getAsString());
        }
        Path folder = metadata.toAbsolutePath().getParent();
        List<GroupTable> out = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            JsonObject schema = object(metadata, tables.get(i), "tableSchema", at.get(i));
            List<ForeignKey> keys = new ArrayList<>();
            List<String> constraints = List.of();
            if (schema != null) {
                JsonElement declared = schema.get("foreignKeys");
                if (declared != null && !declared.isJsonArray()) {
                    throw new Problem(metadata, at.get(i) + ".tableSchema.foreignKeys", "must be an array");
                }
                for (int k = 0;
                        declared != null && k < declared.getAsJsonArray().size();
                        k++) {
                    String here = at.get(i) + ".tableSchema.foreignKeys[" + k + "]";
                    keys.add(foreignKey(metadata, declared.getAsJsonArray().get(k), urls, here));
                }
                constraints = strings(metadata, schema.get(CONSTRAINTS), at.get(i) + ".tableSchema");
            }
            JsonElement deposited = tables.get(i).get(PUBLISHED_AS_DEPOSITED);
            if (deposited != null
                    && !(deposited.isJsonPrimitive()
                            && deposited.getAsJsonPrimitive().isBoolean())) {
                throw new Problem(metadata, at.get(i) + "." + PUBLISHED_AS_DEPOSITED, "must be true or false");
            }
            String file = lastSegment(urls.get(i));
            out.add(new GroupTable(
                    urls.get(i),
                    folder.resolve(file),
                    tableName(file),
                    keys,
                    constraints,
                    deposited != null && deposited.getAsBoolean()));
        }
        return out;
    }

    /** The file name the synthetic tables' CSVW group is written under, next to them. */
    static final String SYNTHETIC_METADATA = "csv-metadata.json";

    /**
     * The CSVW of the synthetic tables: the real group's, each table's url its file name (the
     * synthetic files lie next to it), and marked {@code dc:type} "synthetic data" as the
     * repository marks what it publishes.
     */
    static String synthetic(Path metadata) throws IOException {
        JsonObject root = root(metadata).deepCopy();
        List<JsonObject> tables = new ArrayList<>();
        if (root.has("tables")) {
            root.getAsJsonArray("tables").forEach(t -> tables.add(t.getAsJsonObject()));
        } else {
            tables.add(root);
        }
        for (JsonObject table : tables) {
            table.addProperty("url", tableName(lastSegment(table.get("url").getAsString())) + ".csv");
            JsonObject schema = table.getAsJsonObject("tableSchema");
            JsonArray keys = schema == null ? null : schema.getAsJsonArray("foreignKeys");
            for (int k = 0; keys != null && k < keys.size(); k++) {
                JsonObject reference = keys.get(k).getAsJsonObject().getAsJsonObject("reference");
                reference.addProperty(
                        "resource",
                        tableName(lastSegment(reference.get("resource").getAsString())) + ".csv");
            }
        }
        if (!root.has("@context")) {
            root.addProperty("@context", "http://www.w3.org/ns/csvw");
        }
        root.addProperty("dc:type", "synthetic data");
        return new com.google.gson.GsonBuilder()
                        .setPrettyPrinting()
                        .disableHtmlEscaping()
                        .create()
                        .toJson(root) + "\n";
    }

    /** A reference: a {@code columnReference}, and a {@code reference} with a {@code resource} and columns. */
    private static ForeignKey foreignKey(Path file, JsonElement value, List<String> urls, String at) throws Problem {
        if (!value.isJsonObject()) {
            throw new Problem(file, at, "a foreign key must be an object");
        }
        JsonObject key = value.getAsJsonObject();
        List<String> columns = strings(file, key.get("columnReference"), at + ".columnReference");
        JsonObject reference = object(file, key, "reference", at);
        if (columns.isEmpty() || reference == null) {
            throw new Problem(file, at, "a foreign key needs a columnReference and a reference");
        }
        JsonElement resource = reference.get("resource");
        if (resource == null || !resource.isJsonPrimitive()) {
            throw new Problem(
                    file, at + ".reference", "only a reference to a table of this group by its resource url is read");
        }
        String target = lastSegment(resource.getAsString());
        if (urls.stream().noneMatch(u -> lastSegment(u).equals(target))) {
            throw new Problem(file, at + ".reference.resource", "no table of the group has the url " + target);
        }
        List<String> parentColumns = strings(file, reference.get("columnReference"), at + ".reference.columnReference");
        if (parentColumns.size() != columns.size()) {
            throw new Problem(
                    file,
                    at + ".reference.columnReference",
                    "names " + parentColumns.size() + " columns, the reference " + columns.size());
        }
        return new ForeignKey(columns, tableName(target), parentColumns);
    }

    /** A table's name: its file's name without {@code .csv} (or {@code .csv.gz}). */
    static String tableName(String file) {
        String name = file.toLowerCase(Locale.ROOT).endsWith(".gz") ? file.substring(0, file.length() - 3) : file;
        return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }

    private static JsonObject root(Path metadata) throws IOException {
        JsonElement root;
        try (Reader in = Files.newBufferedReader(metadata, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(in);
        } catch (JsonParseException e) {
            throw new Problem(metadata, "", "not JSON: " + e.getMessage());
        }
        if (!root.isJsonObject()) {
            throw new Problem(metadata, "$", "a CSVW table or table group object is expected");
        }
        return root.getAsJsonObject();
    }

    /** The table itself, or the group's table whose url names the CSV file (or its only table). */
    private static JsonObject table(Path file, JsonObject root, String csvFile, String[] path) throws Problem {
        if (!root.has("tables")) {
            return root;
        }
        if (!root.get("tables").isJsonArray()) {
            throw new Problem(file, "$.tables", "must be an array");
        }
        JsonArray tables = root.getAsJsonArray("tables");
        for (int i = 0; i < tables.size(); i++) {
            if (tables.get(i).isJsonObject()) {
                JsonElement url = tables.get(i).getAsJsonObject().get("url");
                if (url != null
                        && url.isJsonPrimitive()
                        && lastSegment(url.getAsString()).equals(csvFile)) {
                    path[0] = "$.tables[" + i + "]";
                    return tables.get(i).getAsJsonObject();
                }
            }
        }
        if (tables.size() == 1 && tables.get(0).isJsonObject()) {
            path[0] = "$.tables[0]";
            return tables.get(0).getAsJsonObject();
        }
        throw new Problem(file, "$.tables", "no table has the url " + csvFile);
    }

    private static String lastSegment(String url) {
        String path = url.replaceAll("[?#].*$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static JsonObject object(Path file, JsonObject parent, String name, String at) throws Problem {
        JsonElement value = parent.get(name);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonObject()) {
            throw new Problem(file, at + "." + name, "must be an object (a referenced schema file is not read)");
        }
        return value.getAsJsonObject();
    }

    /** A string or an array of strings. */
    private static List<String> strings(Path file, JsonElement value, String at) throws Problem {
        List<String> out = new ArrayList<>();
        if (value == null || value.isJsonNull()) {
            return out;
        }
        if (value.isJsonPrimitive()) {
            out.add(value.getAsString());
            return out;
        }
        if (value.isJsonArray()) {
            for (JsonElement e : value.getAsJsonArray()) {
                if (!e.isJsonPrimitive()) {
                    throw new Problem(file, at, "must be a string or an array of strings");
                }
                out.add(e.getAsString());
            }
            return out;
        }
        throw new Problem(file, at, "must be a string or an array of strings");
    }

    /** Titles: a string, an array, or a language map of either. */
    private static List<String> titles(Path file, JsonElement value, String at) throws Problem {
        if (value != null && value.isJsonObject()) {
            List<String> out = new ArrayList<>();
            for (var entry : value.getAsJsonObject().entrySet()) {
                out.addAll(strings(file, entry.getValue(), at + "." + entry.getKey()));
            }
            return out;
        }
        return strings(file, value, at);
    }

    /** The format picture of a datatype object, or null. */
    private static String picture(JsonElement datatype) {
        if (datatype == null || !datatype.isJsonObject()) {
            return null;
        }
        JsonElement format = datatype.getAsJsonObject().get("format");
        if (format != null && format.isJsonObject() && format.getAsJsonObject().has("pattern")) {
            // a number format object: its pattern is written with the separators it names
            return format.getAsJsonObject().get("pattern").getAsString();
        }
        return format != null && format.isJsonPrimitive() ? format.getAsString() : null;
    }

    /** The datatype's name: a string, or an object's {@code base}; string when absent. */
    private static String datatype(Path file, JsonElement value, String at) throws Problem {
        if (value == null || value.isJsonNull()) {
            return "string";
        }
        if (value.isJsonPrimitive()) {
            return value.getAsString();
        }
        if (value.isJsonObject()) {
            JsonElement base = value.getAsJsonObject().get("base");
            return base == null ? "string" : base.getAsString();
        }
        throw new Problem(file, at + ".datatype", "must be a name or an object with a base");
    }
}
