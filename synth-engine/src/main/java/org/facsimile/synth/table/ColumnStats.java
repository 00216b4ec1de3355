package org.facsimile.synth.table;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Streaming statistics of one column, enough to infer its kind without holding the column. Sees
 * each value once; memory is bounded by {@link #DISTINCT_CAP}.
 */
final class ColumnStats {

    /** Strings that commonly mean "missing" in exported data. */
    static final Set<String> COMMON_NULL_MARKERS = Set.of("?", "NA", "N/A", "n/a", "NULL", "null", "NaN");

    static final int DISTINCT_CAP = 200_000;

    private static final Pattern INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]{0,17})");
    private static final Pattern DECIMAL =
            Pattern.compile("[-+]?((0|[1-9][0-9]*)(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern DATETIME =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?");
    /**
     * Names of surrogate keys. Not "code": a postcode, an airport or a product code carries
     * meaning and ties to other columns, so it is learnt ({@link ColumnKind#CODE}), not renumbered.
     */
    private static final Pattern ID_NAME = Pattern.compile("(?i)(.*[_ -])?(id|key|uuid|guid|identifier)|.*Id");
    /** What a code's characters are: letters, digits and the punctuation codes use. */
    private static final Pattern CODE_CHARS = Pattern.compile("[\\p{L}\\p{N}._/#+:-]+");
    /** The longest value still taken for a code, in characters. */
    static final int CODE_LENGTH = 16;
    /** The fewest words a value has on average for a column to be taken for prose. */
    static final double PROSE_WORDS = 4;

    private final String name;
    private long missing;
    private long nonMissing;
    private final Set<String> markersSeen = new LinkedHashSet<>();
    private final Set<String> distinct = new HashSet<>();
    private boolean distinctOverflow;
    private boolean allInteger = true;
    private boolean allDecimal = true;
    private boolean allDate = true;
    private boolean allDateTime = true;
    private boolean allBoolean = true;
    private boolean allCodeLike = true;
    private long words;
    private final PersonalDataSuggestion personal = new PersonalDataSuggestion();
    private final TemporalDetector temporal = new TemporalDetector(Locale.ENGLISH);
    private final NumberDetector numbers = new NumberDetector();

    ColumnStats(String name) {
        this.name = name;
    }

    void accept(String value) {
        if (value.isEmpty()) {
            missing++;
            return;
        }
        if (COMMON_NULL_MARKERS.contains(value)) {
            missing++;
            markersSeen.add(value);
            return;
        }
        nonMissing++;
        personal.accept(value);
        if (!distinctOverflow) {
            distinct.add(value);
            if (distinct.size() > DISTINCT_CAP) {
                distinctOverflow = true;
                distinct.clear();
            }
        }
        if (allInteger && !INTEGER.matcher(value).matches()) {
            allInteger = false;
        }
        if (allDecimal && !DECIMAL.matcher(value).matches()) {
            allDecimal = false;
        }
        if (allDate && !isDate(value)) {
            allDate = false;
        }
        if (allDateTime && !isDateTime(value)) {
            allDateTime = false;
        }
        if (allBoolean) {
            String lower = value.toLowerCase(Locale.ROOT);
            allBoolean = lower.equals("true") || lower.equals("false");
        }
        temporal.accept(value);
        numbers.accept(value);
        if (allCodeLike) {
            allCodeLike =
                    value.length() <= CODE_LENGTH && CODE_CHARS.matcher(value).matches();
        }
        words += words(value);
    }

    /** The kind of direct identifier the values themselves prove, or null. */
    PersonalData provenPersonal() {
        return personal.provenByValues().orElse(null);
    }

    ColumnSpec infer() {
        List<String> nullMarkers = new ArrayList<>();
        nullMarkers.addAll(markersSeen);
        if (!nullMarkers.contains("")) {
            nullMarkers.add("");
        }
        ColumnKind kind = kind();
        ValueFormat format = null;
        if (kind.isTemporal() && !allDate && !allDateTime) {
            format = temporal.found();
        } else if (kind == ColumnKind.BOOLEAN && !allBoolean) {
            format = booleanFormat();
        } else if (kind == ColumnKind.INTEGER || kind == ColumnKind.DECIMAL) {
            format = writtenNumbers();
        }
        PersonalData suggested = kind == ColumnKind.IDENTIFIER || kind == ColumnKind.EMPTY || kind == ColumnKind.BOOLEAN
                ? null
                : personal.suggest(name).orElse(null);
        return new ColumnSpec(name, kind, nullMarkers, suggested, null, format == null ? null : format.picture());
    }

    /**
     * The two spellings of a column whose only values are a known pair of them (yes/no, Y/N, T/F),
     * each written one way; null otherwise. Plain true/false need no format.
     */
    private BooleanFormat booleanFormat() {
        if (allBoolean || distinctOverflow || distinct.size() != 2) {
            return null;
        }
        String[] two = distinct.toArray(String[]::new);
        return BooleanFormat.detect(two[0], two[1]);
    }

    /** What profiling should tell the depositor about how the column's values were read, or null. */
    String note() {
        if (allDate || allDateTime || nonMissing == 0) {
            return null;
        }
        BooleanFormat spellings = booleanFormat();
        if (spellings != null) {
            return "read as boolean values written " + spellings.picture();
        }
        NumericFormat numeric = writtenNumbers();
        if (numeric != null) {
            String ambiguity = numbers.note();
            return "read as " + numeric.kind().csvwDatatype() + " values written " + numeric.picture()
                    + (ambiguity == null ? "" : "; " + ambiguity);
        }
        TemporalFormat format = temporal.found();
        if (format != null) {
            String ambiguity = temporal.note();
            return "read as " + format.kind().csvwDatatype() + " values written " + format.picture()
                    + (ambiguity == null ? "" : "; " + ambiguity);
        }
        return temporal.note();
    }

    private ColumnKind kind() {
        if (nonMissing == 0) {
            return ColumnKind.EMPTY;
        }
        boolean unique = !distinctOverflow && distinct.size() == nonMissing;
        if (!distinctOverflow && distinct.size() == 1) {
            return ColumnKind.CONSTANT;
        }
        boolean looksLikeKey = unique
                && missing == 0
                && nonMissing > 1
                && ID_NAME.matcher(name).matches();
        if (looksLikeKey && (allInteger || !allDecimal)) {
            return ColumnKind.IDENTIFIER;
        }
        // amounts written with a currency, separators or a percent sign are numbers, unique or not
        NumericFormat numeric = writtenNumbers();
        boolean uniqueWhole = unique && missing == 0 && nonMissing > 1;
        // ... except unique whole numbers with letters after them (17x, 1001K), which are more
        // likely keys than measurements
        if (numeric != null
                && !(uniqueWhole && numeric.lettered() && numeric.kind() == ColumnKind.INTEGER && surrogate())) {
            return numeric.kind();
        }
        // unique numbers between a fixed prefix and suffix (tok17x, INV-0042), or UUIDs: surrogate
        // keys whatever the column is called
        if (unique && missing == 0 && nonMissing > 1 && !allInteger && !allDecimal && surrogate()) {
            return ColumnKind.IDENTIFIER;
        }
        if (allBoolean || booleanFormat() != null) {
            return ColumnKind.BOOLEAN;
        }
        if (allInteger) {
            return ColumnKind.INTEGER;
        }
        if (allDecimal) {
            return ColumnKind.DECIMAL;
        }
        if (allDate) {
            return ColumnKind.DATE;
        }
        if (allDateTime) {
            return ColumnKind.DATETIME;
        }
        TemporalFormat format = temporal.found();
        if (format != null) {
            return format.kind();
        }
        long distinctCount = distinctOverflow ? Long.MAX_VALUE : distinct.size();
        if (distinctCount > 50 && distinctCount * 2 > nonMissing) {
            // too many values to learn one by one: prose by its words, a code by its characters;
            // names and labels stay categories (the rare ones pooled)
            if (words >= PROSE_WORDS * nonMissing) {
                return ColumnKind.TEXT;
            }
            if (allCodeLike) {
                return ColumnKind.CODE;
            }
        }
        return ColumnKind.CATEGORICAL;
    }

    /** The format of a column of numbers not written as plain digits, or null. */
    private NumericFormat writtenNumbers() {
        return allInteger || allDecimal || temporal.found() != null ? null : numbers.found();
    }

    /** Whether every value has one key shape with a prefix or a suffix, or is a UUID. */
    private boolean surrogate() {
        String[] values = distinct.toArray(String[]::new);
        KeyShape shape = KeyShape.of(values);
        // a prefix with a space is a label's words (Town 12, Room 4), not a key's
        return shape.uuid()
                || shape != KeyShape.FALLBACK
                        && (!shape.prefix().isEmpty() || !shape.suffix().isEmpty())
                        && !(shape.prefix() + shape.suffix()).matches(".*\\s.*");
    }

    /** Whitespace-separated words in a value. */
    private static int words(String value) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < value.length(); i++) {
            boolean space = Character.isWhitespace(value.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }

    private static boolean isDate(String value) {
        if (!DATE.matcher(value).matches()) {
            return false;
        }
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isDateTime(String value) {
        if (!DATETIME.matcher(value).matches()) {
            return false;
        }
        try {
            LocalDateTime.parse(value.replace(' ', 'T'));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
