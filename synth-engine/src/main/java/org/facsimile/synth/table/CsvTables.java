package org.facsimile.synth.table;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reads, validates and writes CSV (RFC 4180, comma-separated, UTF-8). Every problem is reported
 * as a {@link CsvProblem} naming the file, line and column; no cell value is ever quoted in it.
 */
public final class CsvTables {

    private static final char[] OTHER_SEPARATORS = {';', '\t', '|'};

    private CsvTables() {}

    /**
     * Validates a CSV file in one streaming pass and infers its columns.
     *
     * @param in the file's bytes; not closed
     * @param fileName the name the problems are reported against
     * @param charset the file's declared encoding (UTF-8 unless the depositor said otherwise)
     */
    public static CsvInspection inspect(InputStream in, String fileName, Charset charset) throws CsvProblem {
        String tableName = tableName(fileName);
        ColumnStats[] stats = null;
        List<String> header = null;
        long rows = 0;
        long lastLine = 0;
        try (CsvReader<CsvRecord> reader = reader(decoder(in, charset))) {
            for (CsvRecord record : reader) {
                lastLine = record.getStartingLineNumber();
                if (header == null) {
                    header = checkHeader(record, fileName);
                    stats = new ColumnStats[header.size()];
                    for (int c = 0; c < stats.length; c++) {
                        stats[c] = new ColumnStats(header.get(c));
                    }
                    continue;
                }
                checkRow(record, header, fileName);
                for (int c = 0; c < stats.length; c++) {
                    stats[c].accept(record.getField(c));
                }
                rows++;
            }
        } catch (CsvParseException e) {
            throw new CsvProblem(
                    fileName, lastLine + 1, null, "malformed CSV after line " + lastLine + ": " + describe(e));
        } catch (UncheckedIOException e) {
            throw ioProblem(e.getCause(), fileName, lastLine, charset);
        } catch (IOException e) {
            throw ioProblem(e, fileName, lastLine, charset);
        }
        if (header == null) {
            throw new CsvProblem(fileName, 0, null, "the file is empty: a header line and at least one row are needed");
        }
        if (rows == 0) {
            throw new CsvProblem(fileName, 1, null, "the file has a header but no data rows");
        }
        List<ColumnSpec> columns = new ArrayList<>(stats.length);
        List<String> primaryKey = new ArrayList<>();
        java.util.Map<String, PersonalData> proven = new java.util.HashMap<>();
        java.util.Map<String, String> notes = new java.util.LinkedHashMap<>();
        for (ColumnStats s : stats) {
            ColumnSpec column = s.infer();
            columns.add(column);
            String note = s.note();
            if (note != null) {
                notes.put(column.name(), note);
            }
            if (column.kind() != ColumnKind.IDENTIFIER && s.provenPersonal() != null) {
                proven.put(column.name(), s.provenPersonal());
            }
            if (primaryKey.isEmpty() && column.kind() == ColumnKind.IDENTIFIER) {
                primaryKey.add(column.name());
            }
        }
        return new CsvInspection(new TableSpec(tableName, columns, primaryKey), rows, proven, notes);
    }

    /**
     * Reads a CSV file already accepted by {@link #inspect} into memory, turning each column's
     * missing-value markers into {@code null} and values written in a column's format picture into
     * their ISO form (a value the picture does not read stays as it is written, for {@link
     * #checkValues} to find).
     */
    public static Table read(InputStream in, String fileName, TableSpec spec) throws CsvProblem {
        List<String[]> rows = new ArrayList<>();
        ValueFormat[] formats = formats(spec);
        List<String> header = null;
        long lastLine = 0;
        try (CsvReader<CsvRecord> reader = reader(decoder(in, StandardCharsets.UTF_8))) {
            for (CsvRecord record : reader) {
                lastLine = record.getStartingLineNumber();
                if (header == null) {
                    header = checkHeader(record, fileName);
                    if (!header.equals(spec.columnNames())) {
                        throw new CsvProblem(
                                fileName,
                                1,
                                null,
                                "the header does not match the table's declared columns " + spec.columnNames());
                    }
                    continue;
                }
                checkRow(record, header, fileName);
                String[] row = new String[header.size()];
                for (int c = 0; c < row.length; c++) {
                    String value = record.getField(c);
                    row[c] = spec.column(c).isMissing(value) ? null : value;
                    if (row[c] != null && formats[c] != null) {
                        String iso = formats[c].toCanonical(value);
                        row[c] = iso == null ? value : iso;
                    }
                }
                rows.add(row);
            }
        } catch (CsvParseException e) {
            throw new CsvProblem(
                    fileName, lastLine + 1, null, "malformed CSV after line " + lastLine + ": " + describe(e));
        } catch (UncheckedIOException e) {
            throw ioProblem(e.getCause(), fileName, lastLine, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ioProblem(e, fileName, lastLine, StandardCharsets.UTF_8);
        }
        if (header == null) {
            throw new CsvProblem(fileName, 0, null, "the file is empty");
        }
        return new Table(spec.name(), header, rows);
    }

    /**
     * Checks that every value of a CSV file parses as its column's declared kind (missing markers
     * aside) and that the declared primary key holds (present and unique in every row), so a
     * declared schema never contradicts the data. A key fault is reported at its line; values that
     * do not parse are all counted, and reported by the first one's column and line with how many
     * of that column (and how many other columns) have such values; a value is never quoted.
     */
    public static void checkValues(InputStream in, String fileName, TableSpec spec) throws CsvProblem {
        // the cells as written: a value in ISO form is no value of a column written dd/MM/yyyy
        List<ColumnSpec> written = new ArrayList<>();
        spec.columns().forEach(c -> written.add(c.withFormat(null)));
        Table table = read(in, fileName, new TableSpec(spec.name(), written, spec.primaryKey()));
        ValueFormat[] formats = formats(spec);
        int[] key = spec.primaryKey().stream()
                .mapToInt(k -> spec.columnNames().indexOf(k))
                .toArray();
        java.util.Map<java.util.List<String>, Integer> keys = new java.util.HashMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            if (key.length > 0) {
                String[] row = table.row(r);
                java.util.List<String> value = new java.util.ArrayList<>(key.length);
                for (int k : key) {
                    if (row[k] == null) {
                        throw new CsvProblem(
                                fileName,
                                r + 2,
                                spec.column(k).name(),
                                "line " + (r + 2) + ", column " + spec.column(k).name()
                                        + ": the primary key is missing");
                    }
                    value.add(row[k]);
                }
                Integer first = keys.putIfAbsent(value, r + 2);
                if (first != null) {
                    throw new CsvProblem(
                            fileName,
                            r + 2,
                            String.join(",", spec.primaryKey()),
                            "line " + (r + 2) + ": the primary key (" + String.join(", ", spec.primaryKey())
                                    + ") repeats the one on line " + first + "; a key must be unique");
                }
            }
        }
        int columns = spec.columns().size();
        int[] present = new int[columns];
        int[] unparsed = new int[columns];
        long firstLine = 0;
        int firstColumn = -1;
        for (int r = 0; r < table.rowCount(); r++) {
            String[] row = table.row(r);
            for (int c = 0; c < row.length; c++) {
                if (row[c] == null) {
                    continue;
                }
                present[c]++;
                boolean parses = formats[c] == null
                        ? ValueParsing.parses(row[c], spec.column(c).kind())
                        : formats[c].toCanonical(row[c]) != null;
                if (!parses) {
                    unparsed[c]++;
                    if (firstColumn < 0) {
                        firstLine = r + 2;
                        firstColumn = c;
                    }
                }
            }
        }
        if (firstColumn >= 0) {
            throw new CsvProblem(
                    fileName,
                    firstLine,
                    spec.column(firstColumn).name(),
                    unparsedMessage(
                            spec, firstColumn, firstLine, unparsed[firstColumn], present[firstColumn], unparsed));
        }
    }

    /**
     * Where the values of a column that do not parse are and how many there are, and what a
     * depositor can do; never a value. Other columns with such values are counted.
     */
    private static String unparsedMessage(
            TableSpec spec, int column, long firstLine, int count, int present, int[] unparsed) {
        ColumnSpec c = spec.column(column);
        long others = IntStream.range(0, unparsed.length)
                .filter(i -> i != column && unparsed[i] > 0)
                .count();
        String[] advice = unparsedAdvice(c).split("; ", 2);
        return String.format(
                Locale.ROOT,
                "column %s: %s of %,d do%s not parse as %s%s (the first on line %d)%s; %s",
                c.name(),
                count == 1 ? "1 value" : String.format(Locale.ROOT, "%,d values", count),
                present,
                count == 1 ? "es" : "",
                c.kind().csvwDatatype(),
                advice[0],
                firstLine,
                others == 0
                        ? ""
                        : others == 1
                                ? "; so do values of 1 other column"
                                : "; so do values of " + others + " other columns",
                advice[1]);
    }

    /** What a depositor can do about a value that does not parse as its column's kind: its form; the remedy. */
    private static String unparsedAdvice(ColumnSpec column) {
        String otherwise = " another datatype, or add it to the column's null markers";
        if (column.format() != null) {
            return " written " + column.format() + "; declare another format or datatype, or add it to the"
                    + " column's null markers";
        }
        return switch (column.kind()) {
            case BOOLEAN -> " (true or false); declare its format (such as yes|no)," + otherwise;
            case INTEGER, DECIMAL ->
                " in plain digits; declare its format picture (such as #,##0.00 or" + " '$'#,##0)," + otherwise;
            default -> " in its ISO form; declare its format picture (such as dd/MM/yyyy)," + otherwise;
        };
    }

    /**
     * Per column, how many values of a table (in the engine's ISO form) are not valid values of the
     * column's kind: a number that does not read, an impossible date, the rare token in a numeric
     * column. What the quality report counts for synthetic tables, which must have none.
     */
    public static long[] invalidValues(Table table, TableSpec spec) {
        long[] invalid = new long[spec.columns().size()];
        for (String[] row : table.rows()) {
            for (int c = 0; c < invalid.length; c++) {
                if (row[c] != null
                        && !ValueParsing.parses(row[c], spec.column(c).kind())) {
                    invalid[c]++;
                }
            }
        }
        return invalid;
    }

    /**
     * Streams the data rows of a CSV file already accepted by {@link #inspect}, cells as written
     * (missing-value markers included), without holding the file in memory.
     */
    public static void forEachRow(InputStream in, String fileName, Consumer<String[]> sink) throws CsvProblem {
        boolean header = true;
        long lastLine = 0;
        try (CsvReader<CsvRecord> reader = reader(decoder(in, StandardCharsets.UTF_8))) {
            for (CsvRecord record : reader) {
                lastLine = record.getStartingLineNumber();
                if (header) {
                    header = false;
                    continue;
                }
                sink.accept(record.getFields().toArray(String[]::new));
            }
        } catch (CsvParseException e) {
            throw new CsvProblem(
                    fileName, lastLine + 1, null, "malformed CSV after line " + lastLine + ": " + describe(e));
        } catch (UncheckedIOException e) {
            throw ioProblem(e.getCause(), fileName, lastLine, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ioProblem(e, fileName, lastLine, StandardCharsets.UTF_8);
        }
    }

    /**
     * Every record of a UTF-8 CSV, the header first, as a stream that closes the input when it is
     * closed; malformed input fails with FastCSV's unchecked {@code CsvParseException}.
     */
    public static Stream<String[]> records(InputStream in) {
        CsvReader<CsvRecord> reader = reader(decoder(in, StandardCharsets.UTF_8));
        return reader.stream().map(r -> r.getFields().toArray(String[]::new)).onClose(() -> {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A sink that writes rows as UTF-8 CSV with a header; missing values get the column's marker. */
    public static RowWriter writer(OutputStream out, TableSpec spec) {
        return new RowWriter(out, spec);
    }

    /**
     * A cell made safe for spreadsheets (OWASP's CSV injection advice): a value that starts with
     * {@code = + - @}, a tab or a carriage return and is not a plain number gets a leading
     * apostrophe, so no spreadsheet runs it as a formula. Numbers such as {@code -5} or
     * {@code +1.5e3} are left as they are.
     */
    public static String formulaSafe(String value) {
        if (value == null || value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0) {
            return value;
        }
        return PLAIN_NUMBER.matcher(value).matches() ? value : "'" + value;
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER =
            java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** Writes rows of one table as CSV, every cell {@linkplain #formulaSafe formula-safe}. Close it to flush. */
    public static final class RowWriter implements Consumer<String[]>, AutoCloseable {
        private final CsvWriter csv;
        private final TableSpec spec;
        private long rows;

        private final ValueFormat[] formats;

        private RowWriter(OutputStream out, TableSpec spec) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(writer);
            this.spec = spec;
            this.formats = formats(spec);
            csv.writeRecord(spec.columnNames());
        }

        @Override
        public void accept(String[] row) {
            String[] out = new String[row.length];
            for (int c = 0; c < row.length; c++) {
                if (row[c] == null) {
                    out[c] = spec.column(c).missingMarker();
                } else {
                    // a number in the column's picture (-$1,234.50) is read as one, never as a formula
                    String cell = written(formats[c], row[c]);
                    out[c] = formats[c] instanceof NumericFormat ? cell : formulaSafe(cell);
                }
            }
            csv.writeRecord(out);
            rows++;
        }

        public long rowsWritten() {
            return rows;
        }

        @Override
        public void close() throws IOException {
            csv.close();
        }
    }

    /** Each column's format picture, null where values are in ISO form. */
    private static ValueFormat[] formats(TableSpec spec) {
        ValueFormat[] formats = new ValueFormat[spec.columns().size()];
        for (int c = 0; c < formats.length; c++) {
            formats[c] = spec.column(c).valueFormat();
        }
        return formats;
    }

    /**
     * An engine value as the column writes it: an ISO value in the column's picture; anything
     * else (a value that was never ISO, such as one the picture did not read) as it is.
     */
    static String written(ValueFormat format, String value) {
        if (format == null) {
            return value;
        }
        try {
            return format.toWritten(value);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** The table name of a file: its name without directories and extension. */
    public static String tableName(String fileName) {
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    private static CsvReader<CsvRecord> reader(Reader reader) {
        return CsvReader.builder()
                .allowMissingFields(true)
                .allowExtraFields(true)
                .allowUnclosedQuote(false)
                .allowExtraCharsAfterClosingQuote(false)
                .detectBomHeader(false)
                .skipEmptyLines(true)
                .ofCsvRecord(reader);
    }

    private static Reader decoder(InputStream in, Charset charset) {
        InputStream checked = StandardCharsets.UTF_8.equals(charset) ? new Utf8CheckingInputStream(in) : in;
        return new InputStreamReader(
                new BomSkippingInputStream(checked, charset),
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static List<String> checkHeader(CsvRecord record, String fileName) throws CsvProblem {
        List<String> names = new ArrayList<>(record.getFields());
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c).strip();
            checkText(name, fileName, record.getStartingLineNumber(), "column " + (c + 1));
            if (name.isEmpty()) {
                throw new CsvProblem(
                        fileName,
                        record.getStartingLineNumber(),
                        "column " + (c + 1),
                        "the header has an empty column name");
            }
            if (!seen.add(name)) {
                throw new CsvProblem(
                        fileName,
                        record.getStartingLineNumber(),
                        "column " + (c + 1),
                        "the header names column '" + name + "' twice");
            }
            names.set(c, name);
        }
        if (names.size() == 1) {
            for (char separator : OTHER_SEPARATORS) {
                if (names.get(0).indexOf(separator) >= 0) {
                    throw new CsvProblem(
                            fileName,
                            record.getStartingLineNumber(),
                            null,
                            "the header has one column that contains '" + printable(separator)
                                    + "': the file looks separated by that character; only comma-separated files are accepted");
                }
            }
        }
        return names;
    }

    private static void checkRow(CsvRecord record, List<String> header, String fileName) throws CsvProblem {
        if (record.getFieldCount() != header.size()) {
            throw new CsvProblem(
                    fileName,
                    record.getStartingLineNumber(),
                    null,
                    "the row has " + record.getFieldCount() + " fields but the header has " + header.size());
        }
        for (int c = 0; c < header.size(); c++) {
            checkText(record.getField(c), fileName, record.getStartingLineNumber(), header.get(c));
        }
    }

    private static void checkText(String value, String fileName, long line, String column) throws CsvProblem {
        if (value.indexOf('\0') >= 0) {
            throw new CsvProblem(
                    fileName,
                    line,
                    column,
                    "the file contains binary data (a NUL character): it is not a CSV text file");
        }
    }

    private static CsvProblem ioProblem(Throwable cause, String fileName, long lastLine, Charset charset) {
        if (cause instanceof Utf8CheckingInputStream.InvalidUtf8Exception invalid && invalid.kind != null) {
            return new CsvProblem(
                    fileName,
                    invalid.line,
                    null,
                    "UTF-16 text".equals(invalid.kind)
                            ? "the file is UTF-16 text, not UTF-8: save it as UTF-8, or choose UTF-16 as its encoding"
                                    + " (the deposit page's encoding choice, or the charset of the upload's Content-Type)"
                            : "the file is " + invalid.kind + ", not CSV text: save the table as CSV (UTF-8) and"
                                    + " upload that");
        }
        if (cause instanceof Utf8CheckingInputStream.InvalidUtf8Exception invalid) {
            return new CsvProblem(
                    fileName,
                    invalid.line,
                    null,
                    "the file is not valid UTF-8 text (line " + invalid.line
                            + "); save it as UTF-8, or say which encoding it was saved in (the deposit page's encoding"
                            + " choice, or the charset of the upload's Content-Type)");
        }
        if (cause instanceof CharacterCodingException) {
            return new CsvProblem(
                    fileName,
                    lastLine + 1,
                    null,
                    "the file is not valid " + charset.name() + " text (first bad bytes after line " + lastLine
                            + "); save it as UTF-8, or say which encoding it was saved in (the deposit page's encoding"
                            + " choice, or the charset of the upload's Content-Type)");
        }
        return new CsvProblem(
                fileName,
                lastLine + 1,
                null,
                "the file could not be read: " + cause.getClass().getSimpleName());
    }

    private static String describe(CsvParseException e) {
        // FastCSV's messages name positions, never field contents; keep only the first line.
        String message = e.getMessage() == null ? "parse error" : e.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : String.valueOf(c);
    }
}
