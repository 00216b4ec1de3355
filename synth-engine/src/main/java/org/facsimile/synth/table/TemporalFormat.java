package org.facsimile.synth.table;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a column writes its dates, date-times or times: a CSVW format picture (Unicode UAX #35, as
 * CSVW 1.0 section 6.4.4 uses them: {@code dd/MM/yyyy}, {@code MMM d yyyy}, {@code
 * yyyy/MM/dd HH:mm}, {@code h:mm a}). Inside the engine every such value is in its ISO form
 * ({@code 2001-03-08}, {@code 2001-03-08T12:45}, {@code 12:45}); this class turns a written value
 * into that form when a table is read and back into the column's own form when it is written, so
 * a synthetic value looks like the real ones.
 *
 * <p>Parsing is strict (no 31 February) and ignores the case of month and day names; names are
 * read in the column's language (English when none is declared). A date-time with an offset
 * ({@code X}, {@code XXX}) is taken at UTC and written at UTC; a column whose values all share one
 * offset is described with that offset as a literal instead ({@code yyyy-MM-ddTHH:mm:ss'Z'}), so it
 * is written back as it was.
 */
public final class TemporalFormat implements ValueFormat {

    /** Two-digit years are read as 1950 to 2049. */
    static final int TWO_DIGIT_BASE_YEAR = 1950;

    private final ColumnKind kind;
    private final String picture;
    private final Locale locale;
    private final DateTimeFormatter formatter;
    private final Pattern shape;
    private final boolean seconds;
    private final boolean offset;
    private final DateTimeFormatter canonical;

    private TemporalFormat(ColumnKind kind, String picture, Locale locale) {
        this.kind = kind;
        this.picture = picture;
        this.locale = locale;
        Parts parts = parse(picture, locale);
        this.formatter = parts.builder.toFormatter(locale).withResolverStyle(ResolverStyle.STRICT);
        this.shape = Pattern.compile(parts.regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.seconds = parts.seconds;
        this.offset = parts.offset;
        boolean date = parts.date;
        boolean time = parts.time;
        ColumnKind implied = date && time ? ColumnKind.DATETIME : date ? ColumnKind.DATE : ColumnKind.TIME;
        if (!time && !date || implied != kind) {
            throw new IllegalArgumentException(
                    "the format picture '" + picture + "' does not describe a " + kind.csvwDatatype());
        }
        String timePattern = seconds ? "HH:mm:ss" : "HH:mm";
        this.canonical = switch (kind) {
            case DATE -> DateTimeFormatter.ISO_LOCAL_DATE;
            case TIME -> DateTimeFormatter.ofPattern(timePattern, Locale.ROOT);
            default -> DateTimeFormatter.ofPattern("uuuu-MM-dd'T'" + timePattern, Locale.ROOT);
        };
    }

    /**
     * The format of a column of {@code kind} written as {@code picture}.
     *
     * @param locale the language month and day names are read and written in
     * @throws IllegalArgumentException when the picture is not one of a date, date-time or time of
     *     that kind, or uses a letter this engine does not read
     */
    public static TemporalFormat of(ColumnKind kind, String picture, Locale locale) {
        Objects.requireNonNull(picture, "picture");
        if (!kind.isTemporal()) {
            throw new IllegalArgumentException("not a date, date-time or time kind: " + kind);
        }
        Locale l = locale == null ? Locale.ENGLISH : locale;
        String key = kind + "\u0000" + picture + "\u0000" + l.toLanguageTag();
        TemporalFormat known = MADE.get(key);
        if (known == null) {
            known = new TemporalFormat(kind, picture, l);
            if (MADE.size() < MAX_MADE) {
                MADE.put(key, known);
            }
        }
        return known;
    }

    /** Formats made so far: building one costs more than reading a value with it. */
    private static final java.util.Map<String, TemporalFormat> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    private static final int MAX_MADE = 20_000;

    public ColumnKind kind() {
        return kind;
    }

    /** The CSVW format picture. */
    @Override
    public String picture() {
        return picture;
    }

    /** Whether the written form has seconds (the ISO form then has them too). */
    public boolean hasSeconds() {
        return seconds;
    }

    /** A cheap test of the written value's shape, before it is parsed. */
    boolean looksLike(String written) {
        return shape.matcher(written).matches();
    }

    /**
     * A written value in its ISO form ({@code 2001-03-08}, {@code 2001-03-08T12:45:00} when the
     * picture has seconds, {@code 12:45}); null when the value does not read as this format. A
     * date-time with an offset is taken at UTC.
     */
    @Override
    public String toCanonical(String written) {
        if (written == null || !shape.matcher(written).matches()) {
            return null;
        }
        try {
            TemporalAccessor parsed = formatter.parse(written);
            return switch (kind) {
                case DATE -> LocalDate.from(parsed).format(canonical);
                case TIME -> LocalTime.from(parsed).format(canonical);
                default ->
                    offset
                            ? OffsetDateTime.from(parsed)
                                    .withOffsetSameInstant(ZoneOffset.UTC)
                                    .toLocalDateTime()
                                    .format(canonical)
                            : LocalDateTime.from(parsed).format(canonical);
            };
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * An ISO value written in this format (at UTC, when the picture has an offset).
     *
     * @throws IllegalArgumentException when the value is not an ISO value of this kind
     */
    @Override
    public String toWritten(String iso) {
        try {
            return switch (kind) {
                case DATE -> LocalDate.parse(iso).format(formatter);
                case TIME -> LocalTime.parse(iso).format(formatter);
                default -> {
                    LocalDateTime t = LocalDateTime.parse(iso.replace(' ', 'T'));
                    yield offset ? t.atOffset(ZoneOffset.UTC).format(formatter) : t.format(formatter);
                }
            };
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("not an ISO " + kind.csvwDatatype() + " value", e);
        }
    }

    @Override
    public String toString() {
        return picture;
    }

    private static final class Parts {
        final DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive();
        final StringBuilder regex = new StringBuilder();
        boolean date;
        boolean time;
        boolean seconds;
        boolean offset;
        boolean year;
        boolean month;
        boolean day;
    }

    /** The formatter and shape of a UAX #35 picture, letter run by letter run. */
    private static Parts parse(String picture, Locale locale) {
        Parts p = new Parts();
        int i = 0;
        while (i < picture.length()) {
            char c = picture.charAt(i);
            if (c == '\'') {
                int end = picture.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("an unclosed quote in the format picture '" + picture + "'");
                }
                String literal = end == i + 1 ? "'" : picture.substring(i + 1, end);
                p.builder.appendLiteral(literal);
                p.regex.append(Pattern.quote(literal));
                i = end + 1;
                continue;
            }
            // a T between a date and a time is a literal, as CSVW writes yyyy-MM-ddTHH:mm
            if (!Character.isLetter(c) || c == 'T') {
                p.builder.appendLiteral(c);
                p.regex.append(Pattern.quote(String.valueOf(c)));
                i++;
                continue;
            }
            int run = i;
            while (run < picture.length() && picture.charAt(run) == c) {
                run++;
            }
            letters(p, c, run - i, picture);
            i = run;
        }
        if (p.date && !(p.year && p.month && p.day)) {
            throw new IllegalArgumentException("the format picture '" + picture + "' needs a year, month and day");
        }
        return p;
    }

    private static void letters(Parts p, char letter, int count, String picture) {
        switch (letter) {
            case 'y', 'u' -> {
                p.date = p.year = true;
                if (count == 2) {
                    p.builder.appendValueReduced(ChronoField.YEAR, 2, 2, TWO_DIGIT_BASE_YEAR);
                    p.regex.append("\\d{2}");
                } else {
                    p.builder.appendValue(ChronoField.YEAR, 4);
                    p.regex.append("\\d{4}");
                }
            }
            case 'M', 'L' -> {
                p.date = p.month = true;
                if (count <= 2) {
                    number(p, ChronoField.MONTH_OF_YEAR, count);
                } else {
                    p.builder.appendText(ChronoField.MONTH_OF_YEAR, count == 3 ? TextStyle.SHORT : TextStyle.FULL);
                    p.regex.append("\\p{L}+\\.?");
                }
            }
            case 'd' -> {
                p.date = p.day = true;
                number(p, ChronoField.DAY_OF_MONTH, count);
            }
            case 'E' -> {
                p.builder.appendText(ChronoField.DAY_OF_WEEK, count <= 3 ? TextStyle.SHORT : TextStyle.FULL);
                p.regex.append("\\p{L}+\\.?");
            }
            case 'H' -> {
                p.time = true;
                number(p, ChronoField.HOUR_OF_DAY, count);
            }
            case 'h' -> {
                p.time = true;
                number(p, ChronoField.CLOCK_HOUR_OF_AMPM, count);
            }
            case 'm' -> {
                p.time = true;
                number(p, ChronoField.MINUTE_OF_HOUR, count);
            }
            case 's' -> {
                p.time = p.seconds = true;
                number(p, ChronoField.SECOND_OF_MINUTE, count);
            }
            case 'S' -> {
                p.builder.appendFraction(ChronoField.NANO_OF_SECOND, count, count, false);
                p.regex.append("\\d{").append(count).append('}');
            }
            case 'a' -> {
                p.builder.appendText(ChronoField.AMPM_OF_DAY, TextStyle.SHORT);
                p.regex.append("\\p{L}+");
            }
            case 'X', 'x' -> {
                p.offset = true;
                String pattern = count == 1 ? "+HHmm" : count == 2 ? "+HHMM" : "+HH:MM";
                p.builder.appendOffset(pattern, letter == 'X' ? "Z" : "+00:00");
                p.regex.append(count >= 3 ? "(Z|[+-]\\d{2}:\\d{2})" : "(Z|[+-]\\d{2}(\\d{2})?)");
            }
            default ->
                throw new IllegalArgumentException(
                        "the format picture '" + picture + "' uses '" + letter + "', which is not read here");
        }
    }

    /** One or two digits for a single letter, exactly two for a double one. */
    private static void number(Parts p, ChronoField field, int count) {
        if (count == 1) {
            p.builder.appendValue(field, 1, 2, SignStyle.NOT_NEGATIVE);
            p.regex.append("\\d{1,2}");
        } else {
            p.builder.appendValue(field, count);
            p.regex.append("\\d{").append(count).append('}');
        }
    }
}
