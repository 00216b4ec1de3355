package org.facsimile.synth.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the one format picture that every value of a column reads as, among the date, date-time
 * and time patterns real CSV files use: year-month-day, day-month-year and month-day-year with
 * {@code /}, {@code -} or {@code .} between, with or without leading zeros, four- or two-digit
 * years, month names and abbreviations, 24- and 12-hour clocks, seconds and fractions optional,
 * a space or {@code T} before the time, and offsets on year-first date-times. The ISO forms are
 * found before this (they need no picture).
 *
 * <p>Sees each value once and keeps only the pictures that have read every value so far, so a
 * column costs a few parses per value. Where several survive the whole column (every day is 12 or
 * less, so day-first and month-first both read), the one earlier in the list wins: month-first
 * for {@code /} (as US exports write), day-first for {@code .} and {@code -}; the choice is said
 * in {@link #note()}, and a declared CSVW format overrides it.
 */
final class TemporalDetector {

    private static final String[] TIMES = {
        "HH:mm:ss",
        "HH:mm",
        "H:mm:ss",
        "H:mm",
        "HH:mm:ss.SSS",
        "HH:mm:ss.SSSSSS",
        "HH:mm:ss.S",
        "HH:mm:ss.SS",
        "h:mm:ss a",
        "h:mm a",
        "hh:mm:ss a",
        "hh:mm a"
    };

    /** Year-first dates: the only ones written with offsets in practice. */
    private static final List<String> YEAR_FIRST = List.of("yyyy/MM/dd", "yyyy/M/d", "yyyy.MM.dd", "yyyy-M-d");

    private static final List<String> NAMED = List.of(
            "MMM d yyyy",
            "MMM d, yyyy",
            "MMMM d yyyy",
            "MMMM d, yyyy",
            "d MMM yyyy",
            "d MMMM yyyy",
            "dd-MMM-yyyy",
            "d-MMM-yyyy",
            "dd-MMM-yy",
            "d-MMM-yy",
            "EEE, d MMM yyyy",
            "EEE MMM d yyyy",
            "EEEE, MMMM d, yyyy",
            "yyyy MMM d");

    /** The candidate pictures by language, in order of preference. */
    private static final Map<Locale, List<TemporalFormat>> CANDIDATES = new ConcurrentHashMap<>();

    /** The pictures that have read every value so far, in order of preference, with their counts. */
    private final List<TemporalFormat> alive;

    private final List<long[]> read = new ArrayList<>();
    private String lastLost;
    private long lastLostRead;
    private long values;

    TemporalDetector(Locale locale) {
        this.alive = new ArrayList<>(
                CANDIDATES.computeIfAbsent(locale == null ? Locale.ENGLISH : locale, TemporalDetector::candidates));
        for (int i = 0; i < alive.size(); i++) {
            read.add(new long[1]);
        }
    }

    /** Takes one non-missing value. */
    void accept(String value) {
        if (alive.isEmpty()) {
            return;
        }
        values++;
        for (int i = alive.size() - 1; i >= 0; i--) {
            if (alive.get(i).toCanonical(value) != null) {
                read.get(i)[0]++;
            } else {
                if (read.get(i)[0] >= lastLostRead) {
                    lastLostRead = read.get(i)[0];
                    lastLost = alive.get(i).picture();
                }
                alive.remove(i);
                read.remove(i);
            }
        }
    }

    /** The picture every value read as, or null. */
    TemporalFormat found() {
        if (values == 0) {
            return null;
        }
        return alive.isEmpty() ? null : alive.get(0);
    }

    /**
     * What profiling should tell the depositor about the column's dates: an order chosen among
     * several that read every value, or a column that mixes formats; null when nothing needs saying.
     */
    String note() {
        TemporalFormat found = found();
        if (found != null) {
            String order = order(found.picture());
            for (TemporalFormat f : alive) {
                if (f != found && order != null && !order.equals(order(f.picture())) && order(f.picture()) != null) {
                    return "every value reads both as " + found.picture() + " and as " + f.picture() + "; read as "
                            + found.picture() + " (declare the CSVW format to choose the other)";
                }
            }
            return null;
        }
        if (lastLost != null && values > 0 && lastLostRead * 2 >= values) {
            return String.format(
                    Locale.ROOT,
                    "%d of %d values read as dates written %s and the others do not, so the column is taken as"
                            + " text categories (declare the CSVW format, or the values that mean missing)",
                    lastLostRead,
                    values,
                    lastLost);
        }
        return null;
    }

    /** Day-first or month-first, for numeric dates that could be either. */
    private static String order(String picture) {
        int d = picture.indexOf('d');
        int m = picture.indexOf('M');
        int y = picture.indexOf('y');
        if (d < 0 || m < 0 || y < d && y < m || picture.contains("MMM")) {
            return null;
        }
        return d < m ? "dmy" : "mdy";
    }

    private static List<TemporalFormat> candidates(Locale locale) {
        List<String> dates = new ArrayList<>();
        for (String s : List.of("/", "-", ".")) {
            dates.add("yyyy" + s + "MM" + s + "dd");
            dates.add("yyyy" + s + "M" + s + "d");
            List<String> dayFirst = List.of("dd" + s + "MM" + s, "d" + s + "M" + s);
            List<String> monthFirst = List.of("MM" + s + "dd" + s, "M" + s + "d" + s);
            List<String> first = s.equals("/") ? monthFirst : dayFirst;
            List<String> second = s.equals("/") ? dayFirst : monthFirst;
            for (String year : List.of("yyyy", "yy")) {
                for (String dm : first) {
                    dates.add(dm + year);
                }
                for (String dm : second) {
                    dates.add(dm + year);
                }
            }
        }
        dates.remove("yyyy-MM-dd");
        dates.addAll(NAMED);
        List<TemporalFormat> out = new ArrayList<>();
        for (String date : dates) {
            out.add(TemporalFormat.of(ColumnKind.DATE, date, locale));
        }
        // ISO dates with 12-hour clocks or offsets need a picture; the plain ISO forms are found before
        List<String> allDates = new ArrayList<>(dates);
        allDates.add(0, "yyyy-MM-dd");
        for (String date : allDates) {
            for (String separator : List.of(" ", "T")) {
                for (String time : TIMES) {
                    String picture = date + separator + time;
                    out.add(TemporalFormat.of(ColumnKind.DATETIME, picture, locale));
                    if (date.equals("yyyy-MM-dd") || YEAR_FIRST.contains(date)) {
                        for (String offset : List.of("'Z'", "XXX", "X")) {
                            out.add(TemporalFormat.of(ColumnKind.DATETIME, picture + offset, locale));
                        }
                    }
                }
            }
        }
        for (String time : TIMES) {
            out.add(TemporalFormat.of(ColumnKind.TIME, time, locale));
        }
        return List.copyOf(out);
    }
}
