package org.facsimile.synth.nested;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.facsimile.synth.nested.NestedShape.Field;
import org.facsimile.synth.nested.NestedShape.Format;
import org.facsimile.synth.nested.NestedShape.JsonType;
import org.facsimile.synth.nested.NestedShape.Part;
import org.facsimile.synth.relations.DatasetTable;
import org.facsimile.synth.relations.ForeignKey;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.CsvProblem;
import org.facsimile.synth.table.CsvTables;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * A JSON document of records with nested arrays (a JSON array of objects, or JSON Lines) taken
 * apart into related tables the engine synthesizes like any other: the records are one table,
 * every array of objects nested in them (at any depth, inside nested objects too) is a child table
 * whose rows refer to the row they were nested in, and an array of plain values is a child table
 * of one column. Members of nested objects become dotted columns ({@code address.city}). Each
 * table gets a key column {@value NestedShape#ROW_KEY}; each child table the context reference
 * {@value NestedShape#PARENT_KEY}, and its rows keep the array's order, so the children's count
 * per parent and their order are learnt as with any related table. The {@link NestedShape} puts
 * synthetic tables back into a document of the same shape.
 *
 * <p>Refused, naming the record and member path but never a value: text that is not UTF-8 or not
 * JSON, records that are not objects, arrays directly inside arrays, arrays mixing objects and
 * plain values, a member that is an object in one record and a value or array in another, more
 * than {@value #MAX_DEPTH} levels of nesting, {@value #MAX_TABLES} tables or
 * {@value #MAX_COLUMNS} columns in a table. An empty string is read as a missing value.
 */
public final class NestedDocument {

    /** The deepest nesting of objects and arrays in a record. */
    public static final int MAX_DEPTH = 32;

    /** The most tables a document may become. */
    public static final int MAX_TABLES = 64;

    /** The most columns one of its tables may have. */
    public static final int MAX_COLUMNS = 1_000;

    private static final TypeAdapter<JsonElement> ELEMENTS = new Gson().getAdapter(JsonElement.class);

    private NestedDocument() {}

    /**
     * One table taken out of a document, as CSV would hold it: a missing value is empty.
     *
     * @param name its file name
     * @param columns its header
     * @param rows its rows
     */
    public record FlatTable(String name, List<String> columns, List<String[]> rows) {

        /** The table as UTF-8 CSV with its header; values are written as they are. */
        public void writeCsv(OutputStream out) throws IOException {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(writer);
            csv.writeRecord(columns);
            for (String[] row : rows) {
                csv.writeRecord(row);
            }
            csv.flush();
        }

        /** The table as CSV bytes. */
        public byte[] csv() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                writeCsv(bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }

    /**
     * A document taken apart.
     *
     * @param shape how to put it back together
     * @param tables the tables with at least one row, parents before children
     */
    public record Flattened(NestedShape shape, List<FlatTable> tables) {

        /** The foreign key of a table to the table it was nested in, if it was nested. */
        public List<ForeignKey> foreignKeys(String table) {
            Part part = shape.part(table);
            return part.parent() == null
                    ? List.of()
                    : List.of(ForeignKey.of(NestedShape.PARENT_KEY, part.parent(), NestedShape.ROW_KEY));
        }

        /**
         * The tables as the engine takes them, their columns profiled as a CSV deposit's are
         * (so personal data is suggested as usual); {@value NestedShape#ROW_KEY} is the key.
         */
        public List<DatasetTable> datasetTables() throws CsvProblem {
            List<DatasetTable> out = new ArrayList<>();
            for (FlatTable flat : tables) {
                byte[] csv = flat.csv();
                TableSpec inferred = CsvTables.inspect(
                                new ByteArrayInputStream(csv), flat.name(), StandardCharsets.UTF_8)
                        .spec();
                List<ColumnSpec> columns = new ArrayList<>();
                for (ColumnSpec c : inferred.columns()) {
                    boolean key =
                            c.name().equals(NestedShape.ROW_KEY) || c.name().equals(NestedShape.PARENT_KEY);
                    if (key) {
                        columns.add(new ColumnSpec(c.name(), ColumnKind.INTEGER, c.nullMarkers()));
                    } else if (c.format() != null) {
                        // the document is written back from the engine's values as they are, so
                        // dates in a picture of their own stay strings here (ISO ones are dates)
                        columns.add(new ColumnSpec(
                                c.name(), ColumnKind.CATEGORICAL, c.nullMarkers(), c.personal(), c.lang()));
                    } else {
                        columns.add(c);
                    }
                }
                TableSpec spec = new TableSpec(inferred.name(), columns, List.of(NestedShape.ROW_KEY));
                Table table = CsvTables.read(new ByteArrayInputStream(csv), flat.name(), spec);
                out.add(new DatasetTable(flat.name(), table, spec, List.of(), foreignKeys(flat.name())));
            }
            return out;
        }
    }

    /** Whether a file name is one this reader takes. */
    public static boolean isNested(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson");
    }

    /**
     * Takes a document apart. A {@code .jsonl} or {@code .ndjson} file is JSON Lines; a
     * {@code .json} file is a JSON array of records, or JSON Lines when it starts with an object.
     *
     * @throws NestedProblem saying what was wrong and where
     */
    public static Flattened read(InputStream in, String fileName) throws NestedProblem, IOException {
        Reader text = new BufferedReader(new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
        Collector collector = new Collector(fileName);
        try {
            text.mark(1);
            int first = text.read();
            if (first != '\uFEFF' && first != -1) {
                text.reset();
            }
            String lower = fileName.toLowerCase(Locale.ROOT);
            boolean lines = lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || startsWithObject(text);
            if (lines) {
                readLines(new BufferedReader(text), collector);
            } else {
                readArray(text, collector);
            }
        } catch (CharacterCodingException e) {
            throw new NestedProblem(fileName, null, "the file is not UTF-8 text; save it as UTF-8 and send it again");
        }
        return collector.finish();
    }

    private static boolean startsWithObject(Reader text) throws IOException {
        text.mark(4096);
        try {
            for (int i = 0; i < 4096; i++) {
                int c = text.read();
                if (c == -1 || !Character.isWhitespace(c)) {
                    return c == '{';
                }
            }
            return false;
        } finally {
            text.reset();
        }
    }

    private static void readLines(BufferedReader text, Collector collector) throws NestedProblem, IOException {
        String line;
        int number = 0;
        while ((line = text.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String where = "line " + number;
            JsonReader reader = reader(new StringReader(line));
            JsonElement record = element(reader, collector.file, where);
            try {
                if (reader.peek() != JsonToken.END_DOCUMENT) {
                    throw new NestedProblem(collector.file, where, "more than one JSON value on the line");
                }
            } catch (MalformedJsonException e) {
                throw new NestedProblem(collector.file, where, "more than one JSON value on the line");
            }
            collector.record(record, where);
        }
        if (collector.records == 0) {
            throw new NestedProblem(collector.file, null, "the file holds no records");
        }
    }

    private static void readArray(Reader text, Collector collector) throws NestedProblem, IOException {
        JsonReader reader = reader(text);
        try {
            if (reader.peek() != JsonToken.BEGIN_ARRAY) {
                throw new NestedProblem(
                        collector.file,
                        null,
                        "a nested deposit is a JSON array of records ([{...}, {...}]) or JSON Lines (one record per line)");
            }
            reader.beginArray();
            while (reader.hasNext()) {
                String where = "record " + (collector.records + 1);
                collector.record(element(reader, collector.file, where), where);
            }
            reader.endArray();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new NestedProblem(collector.file, null, "text follows the array of records");
            }
        } catch (MalformedJsonException | IllegalStateException e) {
            throw new NestedProblem(collector.file, "record " + (collector.records + 1), jsonMessage(e));
        } catch (java.io.EOFException e) {
            throw new NestedProblem(collector.file, null, "the document ends before its array is closed");
        }
        if (collector.records == 0) {
            throw new NestedProblem(collector.file, null, "the file holds no records");
        }
    }

    private static JsonReader reader(Reader text) {
        JsonReader reader = new JsonReader(text);
        reader.setStrictness(Strictness.STRICT);
        // the records' own depth plus the array around them
        reader.setNestingLimit(MAX_DEPTH + 1);
        return reader;
    }

    private static JsonElement element(JsonReader reader, String file, String where) throws NestedProblem, IOException {
        try {
            return ELEMENTS.read(reader);
        } catch (MalformedJsonException | com.google.gson.JsonParseException | IllegalStateException e) {
            if (String.valueOf(e.getMessage()).startsWith("Nesting limit")) {
                throw new NestedProblem(file, where, "nested deeper than " + MAX_DEPTH + " levels");
            }
            throw new NestedProblem(file, where, jsonMessage(e));
        } catch (java.io.EOFException e) {
            throw new NestedProblem(file, where, "the JSON ends in the middle of a value");
        }
    }

    /** The parser's message, which names line, column and path but no value, without its help link. */
    private static String jsonMessage(Exception e) {
        String message = String.valueOf(e.getMessage());
        int help = message.indexOf("\nSee ");
        message = help < 0 ? message : message.substring(0, help);
        return "not valid JSON: "
                + message.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON ", "");
    }

    /** What a member path holds across a table's records. */
    private enum Role {
        VALUE,
        OBJECT,
        ARRAY
    }

    /** A member with plain values, as it is collected. */
    private static final class FieldBuilder {
        final List<String> path;
        final String column;
        final int index;
        final int order;
        boolean strings;
        boolean numbers;
        boolean booleans;
        boolean fractions;
        long present;
        long nulls;

        FieldBuilder(List<String> path, String column, int index, int order) {
            this.path = path;
            this.column = column;
            this.index = index;
            this.order = order;
        }

        Field field(long rows) {
            int kinds = (strings ? 1 : 0) + (numbers ? 1 : 0) + (booleans ? 1 : 0);
            JsonType type = kinds > 1
                    ? JsonType.MIXED
                    : numbers
                            ? (fractions ? JsonType.NUMBER : JsonType.INTEGER)
                            : booleans ? JsonType.BOOLEAN : JsonType.STRING;
            return new Field(column, path, type, nulls > 0 && present + nulls == rows, order);
        }
    }

    /** One table as it is collected. */
    private static final class PartBuilder {
        final String table;
        final PartBuilder parent;
        final List<String> path;
        final int order;
        final List<String> columns = new ArrayList<>();
        final Map<List<String>, Role> roles = new LinkedHashMap<>();
        final Map<List<String>, FieldBuilder> fields = new LinkedHashMap<>();
        final Map<List<String>, PartBuilder> children = new LinkedHashMap<>();
        /** Members seen only as null so far, with how often. */
        final Map<List<String>, Long> nullsOnly = new LinkedHashMap<>();

        final List<String[]> rows = new ArrayList<>();
        int members;
        boolean objects;
        boolean scalars;
        /** Parent rows where the array was there but empty, and where it was there at all. */
        long empty;

        long present;

        PartBuilder(String table, PartBuilder parent, List<String> path, int order) {
            this.table = table;
            this.parent = parent;
            this.path = path;
            this.order = order;
            columns.add(NestedShape.ROW_KEY);
            if (parent != null) {
                columns.add(NestedShape.PARENT_KEY);
            }
        }
    }

    /** Walks the records, building the tables. */
    private static final class Collector {
        final String file;
        final PartBuilder root;
        final List<PartBuilder> parts = new ArrayList<>();
        final Set<String> tableNames = new HashSet<>();
        long records;
        Format format = Format.JSON_ARRAY;

        Collector(String file) {
            this.file = file;
            this.root = new PartBuilder(tableName(CsvTables.tableName(file)), null, List.of(), 0);
            parts.add(root);
        }

        private String tableName(String base) {
            String clean = base.replaceAll("[^A-Za-z0-9._-]", "_");
            if (clean.length() > 100) {
                clean = clean.substring(0, 100);
            }
            String name = clean + ".csv";
            for (int n = 2; !tableNames.add(name); n++) {
                name = clean + "_" + n + ".csv";
            }
            return name;
        }

        void record(JsonElement element, String where) throws NestedProblem {
            if (where.startsWith("line")) {
                format = Format.JSON_LINES;
            }
            if (!element.isJsonObject()) {
                throw new NestedProblem(file, where, "a record must be a JSON object, not " + kind(element));
            }
            records++;
            row(root, element.getAsJsonObject(), null, where, "$");
        }

        /** Adds one row to a table, and its nested arrays' rows to the child tables. */
        private void row(PartBuilder part, JsonObject object, String parentKey, String where, String trail)
                throws NestedProblem {
            String key = Long.toString(part.rows.size() + 1L);
            String[][] row = {new String[part.columns.size()]};
            row[0][0] = key;
            if (parentKey != null) {
                row[0][1] = parentKey;
            }
            members(part, object, List.of(), key, row, where, trail);
            part.rows.add(row[0]);
        }

        private void members(
                PartBuilder part,
                JsonObject object,
                List<String> prefix,
                String key,
                String[][] row,
                String where,
                String trail)
                throws NestedProblem {
            for (Map.Entry<String, JsonElement> member : object.entrySet()) {
                List<String> path = append(prefix, member.getKey());
                String at = trail + "." + member.getKey();
                JsonElement value = member.getValue();
                if (value.isJsonNull()) {
                    Role role = part.roles.get(path);
                    if (role == Role.VALUE) {
                        part.fields.get(path).nulls++;
                    } else if (role == null) {
                        // an object, an array or a value: a later record may tell
                        part.nullsOnly.merge(path, 1L, Long::sum);
                    }
                } else if (value.isJsonObject()) {
                    role(part, path, Role.OBJECT, where, at);
                    members(part, value.getAsJsonObject(), path, key, row, where, at);
                } else if (value.isJsonArray()) {
                    role(part, path, Role.ARRAY, where, at);
                    array(child(part, path, where, at), value.getAsJsonArray(), key, where, at);
                } else {
                    FieldBuilder field = field(part, path, where, at);
                    if (field.index >= row[0].length) {
                        row[0] = Arrays.copyOf(row[0], part.columns.size());
                    }
                    row[0][field.index] = text(field, value.getAsJsonPrimitive());
                    field.present++;
                }
            }
        }

        private void array(PartBuilder child, JsonArray array, String parentKey, String where, String trail)
                throws NestedProblem {
            child.present++;
            if (array.isEmpty()) {
                child.empty++;
            }
            for (int i = 0; i < array.size(); i++) {
                JsonElement element = array.get(i);
                String at = trail + "[" + i + "]";
                if (element.isJsonArray()) {
                    throw new NestedProblem(
                            file,
                            where + ", " + at,
                            "an array directly inside an array; wrap the inner arrays in objects");
                }
                boolean object = element.isJsonObject();
                if (object ? child.scalars : child.objects && !element.isJsonNull()) {
                    throw new NestedProblem(
                            file, where + ", " + at, "the array mixes objects and plain values; use one or the other");
                }
                if (object) {
                    child.objects = true;
                    row(child, element.getAsJsonObject(), parentKey, where, at);
                } else {
                    child.scalars = true;
                    FieldBuilder value = field(child, List.of(), where, at);
                    String[] row = new String[child.columns.size()];
                    row[0] = Long.toString(child.rows.size() + 1L);
                    row[1] = parentKey;
                    if (element.isJsonNull()) {
                        value.nulls++;
                    } else {
                        row[value.index] = text(value, element.getAsJsonPrimitive());
                        value.present++;
                    }
                    child.rows.add(row);
                }
            }
        }

        private void role(PartBuilder part, List<String> path, Role role, String where, String at)
                throws NestedProblem {
            if (role != Role.VALUE) {
                // nulls seen before mean the object or array was not there
                part.nullsOnly.remove(path);
            }
            Role known = part.roles.putIfAbsent(path, role);
            if (known != null && known != role) {
                throw new NestedProblem(
                        file,
                        where + ", " + at,
                        "the member is " + describe(role) + " here but " + describe(known) + " in an earlier record");
            }
        }

        private FieldBuilder field(PartBuilder part, List<String> path, String where, String at) throws NestedProblem {
            FieldBuilder field = part.fields.get(path);
            if (field != null) {
                return field;
            }
            role(part, path, Role.VALUE, where, at);
            if (part.columns.size() >= MAX_COLUMNS) {
                throw new NestedProblem(
                        file, where + ", " + at, "a table would get more than " + MAX_COLUMNS + " columns");
            }
            String base = path.isEmpty() ? NestedShape.VALUE : columnName(path);
            String column = base;
            for (int n = 2; part.columns.contains(column); n++) {
                column = base + "_" + n;
            }
            field = new FieldBuilder(path, column, part.columns.size(), part.members++);
            part.columns.add(column);
            part.fields.put(path, field);
            Long nulls = part.nullsOnly.remove(path);
            field.nulls = nulls == null ? 0 : nulls;
            return field;
        }

        private PartBuilder child(PartBuilder part, List<String> path, String where, String at) throws NestedProblem {
            PartBuilder child = part.children.get(path);
            if (child == null) {
                if (parts.size() >= MAX_TABLES) {
                    throw new NestedProblem(
                            file, where + ", " + at, "the document would become more than " + MAX_TABLES + " tables");
                }
                String base = CsvTables.tableName(part.table) + "." + String.join(".", path);
                child = new PartBuilder(tableName(base), part, path, part.members++);
                part.children.put(path, child);
                parts.add(child);
            }
            return child;
        }

        Flattened finish() {
            List<Part> shape = new ArrayList<>();
            List<FlatTable> tables = new ArrayList<>();
            for (PartBuilder p : parts) {
                for (List<String> path : List.copyOf(p.nullsOnly.keySet())) {
                    if (!p.roles.containsKey(path) && p.columns.size() < MAX_COLUMNS) {
                        // only ever null: a column of missing values, written back as nulls
                        try {
                            field(p, path, null, null);
                        } catch (NestedProblem e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                long rows = p.rows.size();
                List<Field> fields =
                        p.fields.values().stream().map(f -> f.field(rows)).toList();
                long absent = p.parent == null ? 0 : p.parent.rows.size() - p.present;
                shape.add(new Part(
                        p.table,
                        p.parent == null ? null : p.parent.table,
                        p.path,
                        p.scalars && !p.objects,
                        p.empty > 0 && p.empty >= absent,
                        p.order,
                        p.columns,
                        fields));
                if (rows > 0) {
                    int width = p.columns.size();
                    List<String[]> padded = new ArrayList<>(p.rows.size());
                    for (String[] row : p.rows) {
                        padded.add(row.length == width ? row : Arrays.copyOf(row, width));
                    }
                    tables.add(new FlatTable(p.table, p.columns, padded));
                }
            }
            return new Flattened(new NestedShape(file, format, shape), tables);
        }
    }

    private static List<String> append(List<String> prefix, String name) {
        List<String> path = new ArrayList<>(prefix.size() + 1);
        path.addAll(prefix);
        path.add(name);
        return List.copyOf(path);
    }

    /** A dotted column name; characters a CSV header should not hold become {@code _}. */
    private static String columnName(List<String> path) {
        String name = String.join(".", path).replaceAll("\\p{Cntrl}", "_").strip();
        return name.isEmpty() ? "_" : name.length() > 200 ? name.substring(0, 200) : name;
    }

    /** A plain JSON value as table text; numbers as written, booleans as true/false. */
    private static String text(FieldBuilder field, JsonPrimitive value) {
        if (value.isBoolean()) {
            field.booleans = true;
            return value.getAsBoolean() ? "true" : "false";
        }
        if (value.isNumber()) {
            field.numbers = true;
            String lexical = value.getAsString();
            boolean exponent = lexical.indexOf('e') >= 0 || lexical.indexOf('E') >= 0;
            if (exponent) {
                BigDecimal number = new BigDecimal(lexical);
                lexical = Math.abs(number.scale()) <= 64 ? number.toPlainString() : lexical;
            }
            if (lexical.indexOf('.') >= 0 || lexical.indexOf('e') >= 0 || lexical.indexOf('E') >= 0) {
                field.fractions = true;
            }
            return lexical;
        }
        field.strings = true;
        return value.getAsString();
    }

    private static String kind(JsonElement element) {
        return element.isJsonArray() ? "an array" : element.isJsonNull() ? "null" : "a plain value";
    }

    private static String describe(Role role) {
        return switch (role) {
            case VALUE -> "a plain value";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
        };
    }
}
