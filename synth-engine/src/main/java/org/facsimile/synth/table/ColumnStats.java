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
import org.facsimile.synth.personal.PersonalData;
import org.facsimile.synth.personal.PersonalDataSuggestion;

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
    private static final Pattern ID_NAME = Pattern.compile("(?i)(.*[_ -])?(id|key|code|uuid|identifier)|.*Id");

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
    private final PersonalDataSuggestion personal = new PersonalDataSuggestion();

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
        PersonalData suggested = kind == ColumnKind.IDENTIFIER || kind == ColumnKind.EMPTY || kind == ColumnKind.BOOLEAN
                ? null
                : personal.suggest(name).orElse(null);
        return new ColumnSpec(name, kind, nullMarkers, suggested);
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
        if (allBoolean) {
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
        long distinctCount = distinctOverflow ? Long.MAX_VALUE : distinct.size();
        if (distinctCount > 50 && distinctCount * 2 > nonMissing) {
            return ColumnKind.TEXT;
        }
        return ColumnKind.CATEGORICAL;
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
