package org.facsimile.synth.nested;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a nested document was taken apart into tables, kept so that synthetic tables of the same
 * columns can be put back together into a document of the same shape: the same nesting of objects
 * and arrays, member order, JSON types, and the same choice between an absent member, a
 * {@code null} and an empty array. It holds no value of the document, so it may be stored and
 * published with the synthetic data.
 *
 * @param document the document's file name
 * @param format a JSON array of records, or JSON Lines
 * @param parts one per table, every parent before its children; the first is the records
 */
public record NestedShape(String document, Format format, List<Part> parts) {

    /** The column of every table holding its row's key. */
    public static final String ROW_KEY = "row_key";

    /** The column of every nested table holding the key of the row it is nested in. */
    public static final String PARENT_KEY = "parent_key";

    /** The column of a table made of an array of plain values (not objects). */
    public static final String VALUE = "value";

    /** The two forms of a document of records. */
    public enum Format {
        /** {@code [ {...}, {...} ]} */
        JSON_ARRAY,
        /** one record per line (JSON Lines, NDJSON) */
        JSON_LINES
    }

    /** The JSON type of a member's values, as written back. */
    public enum JsonType {
        STRING,
        NUMBER,
        /** numbers that were all whole: written back rounded to whole numbers */
        INTEGER,
        BOOLEAN,
        /** values of several types: written back as strings */
        MIXED
    }

    /**
     * A member holding plain values.
     *
     * @param column the table column holding its values
     * @param path member names from the table's record down to it; empty for an array of plain values
     * @param type its values' JSON type
     * @param nullWhenMissing write {@code null} for a missing value (the document wrote nulls and
     *     never left the member out); otherwise the member is left out
     * @param order its place among the record's members
     */
    public record Field(String column, List<String> path, JsonType type, boolean nullWhenMissing, int order) {

        public Field {
            Objects.requireNonNull(column, "column");
            path = List.copyOf(path);
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * One table taken out of the document: the records, or one array nested in them.
     *
     * @param table the table's file name ({@code orders.csv}, {@code orders.items.csv})
     * @param parent the table it is nested in, null for the records
     * @param path member names from the parent's record down to the array; empty for the records
     * @param scalars the array holds plain values (one column {@value #VALUE}), not objects
     * @param emptyWhenNone write {@code []} for a row without children (the document had empty
     *     arrays); otherwise the member is left out
     * @param order its place among the parent record's members
     * @param columns the table's columns, in order: {@value #ROW_KEY}, {@value #PARENT_KEY} for
     *     a nested table, then the fields' columns
     * @param fields the members with plain values
     */
    public record Part(
            String table,
            String parent,
            List<String> path,
            boolean scalars,
            boolean emptyWhenNone,
            int order,
            List<String> columns,
            List<Field> fields) {

        public Part {
            Objects.requireNonNull(table, "table");
            path = List.copyOf(path);
            columns = List.copyOf(columns);
            fields = List.copyOf(fields);
        }

        int columnIndex(String column) {
            int index = columns.indexOf(column);
            if (index < 0) {
                throw new IllegalStateException(table + " has no column " + column);
            }
            return index;
        }
    }

    public NestedShape {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(format, "format");
        parts = List.copyOf(parts);
        if (parts.isEmpty() || parts.get(0).parent() != null) {
            throw new IllegalArgumentException("the first part must be the records");
        }
    }

    /** The part of a table. */
    public Part part(String table) {
        return parts.stream()
                .filter(p -> p.table().equals(table))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + table + " in " + document));
    }

    private static final Gson GSON =
            new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    /** The shape as JSON, to keep beside the tables. */
    public String toJson() {
        return GSON.toJson(this);
    }

    /**
     * @throws IllegalArgumentException when the text is not a shape
     */
    public static NestedShape fromJson(String json) {
        try {
            NestedShape shape = GSON.fromJson(json, NestedShape.class);
            if (shape == null) {
                throw new IllegalArgumentException("empty nested shape");
            }
            return shape;
        } catch (JsonParseException | NullPointerException e) {
            throw new IllegalArgumentException("not a nested shape: " + e.getMessage(), e);
        }
    }

    /**
     * Puts tables of this shape's columns back together into a document of the same form.
     * Children are nested under the row whose key their {@value #PARENT_KEY} holds, in the order
     * they come in their table; a row whose parent is not among the parent table's rows is left
     * out. A missing value is {@code null} or empty.
     *
     * @param rows per table name, its rows in the part's columns; a table not given has no rows
     */
    public void write(Map<String, List<String[]>> rows, OutputStream out) throws IOException {
        Map<String, Map<String, List<String[]>>> byParent = new HashMap<>();
        Map<String, List<Part>> childParts = new HashMap<>();
        for (Part part : parts.subList(1, parts.size())) {
            childParts.computeIfAbsent(part.parent(), p -> new ArrayList<>()).add(part);
            Map<String, List<String[]>> index = new HashMap<>();
            int parentKey = part.columnIndex(PARENT_KEY);
            for (String[] row : rows.getOrDefault(part.table(), List.of())) {
                if (!missing(row[parentKey])) {
                    index.computeIfAbsent(row[parentKey], k -> new ArrayList<>())
                            .add(row);
                }
            }
            byParent.put(part.table(), index);
        }
        Builder builder = new Builder(byParent, childParts);
        Part records = parts.get(0);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (format == Format.JSON_LINES) {
            for (String[] row : rows.getOrDefault(records.table(), List.of())) {
                JsonWriter line = new JsonWriter(writer);
                GSON.toJson(builder.record(records, row), line);
                line.flush();
                writer.write('\n');
            }
        } else {
            JsonWriter json = new JsonWriter(writer);
            json.setIndent("  ");
            json.setHtmlSafe(false);
            json.beginArray();
            for (String[] row : rows.getOrDefault(records.table(), List.of())) {
                GSON.toJson(builder.record(records, row), json);
            }
            json.endArray();
            json.flush();
            writer.write('\n');
        }
        writer.flush();
    }

    /** Builds one record with everything nested in it. */
    private record Builder(Map<String, Map<String, List<String[]>>> byParent, Map<String, List<Part>> childParts) {

        JsonObject record(Part part, String[] row) {
            record Member(int order, List<String> path, JsonElement value) {}
            List<Member> members = new ArrayList<>();
            for (Field field : part.fields()) {
                String value = row[part.columnIndex(field.column())];
                if (!missing(value)) {
                    members.add(new Member(field.order(), field.path(), value(field.type(), value)));
                } else if (field.nullWhenMissing()) {
                    members.add(new Member(field.order(), field.path(), JsonNull.INSTANCE));
                }
            }
            String key = row[part.columnIndex(ROW_KEY)];
            for (Part child : childParts.getOrDefault(part.table(), List.of())) {
                List<String[]> children =
                        missing(key) ? List.of() : byParent.get(child.table()).getOrDefault(key, List.of());
                if (children.isEmpty() && !child.emptyWhenNone()) {
                    continue;
                }
                JsonArray array = new JsonArray();
                for (String[] c : children) {
                    if (child.scalars()) {
                        Field only = child.fields().get(0);
                        String value = c[child.columnIndex(only.column())];
                        array.add(missing(value) ? JsonNull.INSTANCE : value(only.type(), value));
                    } else {
                        array.add(record(child, c));
                    }
                }
                members.add(new Member(child.order(), child.path(), array));
            }
            members.sort(Comparator.comparingInt(Member::order));
            JsonObject object = new JsonObject();
            for (Member m : members) {
                JsonObject at = object;
                for (String name : m.path().subList(0, m.path().size() - 1)) {
                    JsonElement inner = at.get(name);
                    if (!(inner instanceof JsonObject)) {
                        inner = new JsonObject();
                        at.add(name, inner);
                    }
                    at = (JsonObject) inner;
                }
                at.add(m.path().get(m.path().size() - 1), m.value());
            }
            return object;
        }
    }

    static boolean missing(String value) {
        return value == null || value.isEmpty();
    }

    /** A synthetic value as the JSON type its member had. */
    static JsonElement value(JsonType type, String value) {
        switch (type) {
            case INTEGER, NUMBER -> {
                try {
                    BigDecimal number = new BigDecimal(value.strip());
                    return new JsonPrimitive(
                            type == JsonType.INTEGER ? number.setScale(0, RoundingMode.HALF_EVEN) : number);
                } catch (NumberFormatException e) {
                    return new JsonPrimitive(value);
                }
            }
            case BOOLEAN -> {
                String v = value.strip().toLowerCase(Locale.ROOT);
                return v.equals("true") || v.equals("false")
                        ? new JsonPrimitive(Boolean.valueOf(v))
                        : new JsonPrimitive(value);
            }
            default -> {
                return new JsonPrimitive(value);
            }
        }
    }
}
