package org.facsimile.vocab.csvw;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;

/** The CSVW built-in datatypes (CSVW 1.0, section 5.11.1) Facsimile understands, and their families. */
public final class CsvwDatatypes {

    /** Whole-number datatypes. */
    public static final Set<String> INTEGERS = Set.of(
            "integer",
            "long",
            "int",
            "short",
            "byte",
            "nonNegativeInteger",
            "positiveInteger",
            "negativeInteger",
            "nonPositiveInteger",
            "unsignedLong",
            "unsignedInt",
            "unsignedShort",
            "unsignedByte");

    /** Other numeric datatypes. */
    public static final Set<String> DECIMALS = Set.of("decimal", "double", "float", "number");

    /** Every datatype name accepted in metadata. */
    public static final Set<String> ALL;

    static {
        Set<String> all = new HashSet<>(INTEGERS);
        all.addAll(DECIMALS);
        all.addAll(Set.of(
                "string",
                "boolean",
                "date",
                "dateTime",
                "datetime",
                "time",
                "normalizedString",
                "token",
                "language",
                "anyURI",
                "gYear",
                "gYearMonth",
                "gMonth",
                "gMonthDay",
                "gDay",
                "duration",
                "dayTimeDuration",
                "yearMonthDuration",
                "hexBinary",
                "base64Binary",
                "any",
                "json",
                "xml",
                "html"));
        ALL = Set.copyOf(all);
    }

    /** The XSD datatype each typed CSVW datatype stands for; string-like ones are plain literals. */
    private static final Map<String, RDFDatatype> XSD = Map.ofEntries(
            Map.entry("integer", XSDDatatype.XSDinteger),
            Map.entry("long", XSDDatatype.XSDlong),
            Map.entry("int", XSDDatatype.XSDint),
            Map.entry("short", XSDDatatype.XSDshort),
            Map.entry("byte", XSDDatatype.XSDbyte),
            Map.entry("nonNegativeInteger", XSDDatatype.XSDnonNegativeInteger),
            Map.entry("positiveInteger", XSDDatatype.XSDpositiveInteger),
            Map.entry("negativeInteger", XSDDatatype.XSDnegativeInteger),
            Map.entry("nonPositiveInteger", XSDDatatype.XSDnonPositiveInteger),
            Map.entry("unsignedLong", XSDDatatype.XSDunsignedLong),
            Map.entry("unsignedInt", XSDDatatype.XSDunsignedInt),
            Map.entry("unsignedShort", XSDDatatype.XSDunsignedShort),
            Map.entry("unsignedByte", XSDDatatype.XSDunsignedByte),
            Map.entry("decimal", XSDDatatype.XSDdecimal),
            Map.entry("double", XSDDatatype.XSDdouble),
            Map.entry("number", XSDDatatype.XSDdouble),
            Map.entry("float", XSDDatatype.XSDfloat),
            Map.entry("boolean", XSDDatatype.XSDboolean),
            Map.entry("date", XSDDatatype.XSDdate),
            Map.entry("dateTime", XSDDatatype.XSDdateTime),
            Map.entry("datetime", XSDDatatype.XSDdateTime),
            Map.entry("time", XSDDatatype.XSDtime),
            Map.entry("anyURI", XSDDatatype.XSDanyURI),
            Map.entry("gYear", XSDDatatype.XSDgYear),
            Map.entry("gYearMonth", XSDDatatype.XSDgYearMonth),
            Map.entry("gMonth", XSDDatatype.XSDgMonth),
            Map.entry("gMonthDay", XSDDatatype.XSDgMonthDay),
            Map.entry("gDay", XSDDatatype.XSDgDay),
            Map.entry("duration", XSDDatatype.XSDduration),
            Map.entry("dayTimeDuration", XSDDatatype.XSDdayTimeDuration),
            Map.entry("yearMonthDuration", XSDDatatype.XSDyearMonthDuration),
            Map.entry("hexBinary", XSDDatatype.XSDhexBinary),
            Map.entry("base64Binary", XSDDatatype.XSDbase64Binary));

    private CsvwDatatypes() {}

    /** The RDF datatype of a CSVW datatype name, or null where values are plain strings. */
    public static RDFDatatype rdfDatatype(String name) {
        return XSD.get(name);
    }

    /** Whether {@code value} is a valid canonical-form value of the CSVW datatype {@code name}. */
    public static boolean isValid(String name, String value) {
        RDFDatatype type = XSD.get(name);
        return type == null || type.isValid(value);
    }

    /** The date and time datatypes, whose format pictures are read here (CSVW 1.0, 6.4.4). */
    private static final Set<String> TEMPORAL = Set.of("date", "dateTime", "datetime", "time");

    /** The CSVW date-time format pictures with a space or without seconds, by the shape of a value. */
    private static final Map<Pattern, String> DATETIME_PICTURES = Map.of(
            Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"), "yyyy-MM-dd HH:mm:ss",
            Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"), "yyyy-MM-dd HH:mm",
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}"), "yyyy-MM-ddTHH:mm");

    /**
     * The CSVW format picture a date-time value is written in, or null when it is in XSD's own
     * lexical form (which needs no picture).
     */
    public static String dateTimePicture(String value) {
        return DATETIME_PICTURES.entrySet().stream()
                .filter(e -> e.getKey().matcher(value).matches())
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    /**
     * A value as its datatype's canonical XSD lexical form: unchanged without a format picture (null
     * if it is not valid), read through the picture for dates and times (null if it does not
     * match), and a boolean's two spellings ({@code yes|no}: true first, CSVW 1.0, 6.4.3) read as
     * {@code true} and {@code false} (null for any other value), and a number through its pattern
     * (CSVW 1.0, 6.4.2: {@code #,##0.00}, {@code '$'#,##0}, {@code 0.0%}, with the separators
     * {@link #numberSeparators} finds; null if the whole value does not read).
     */
    public static String canonical(String name, String format, String value) {
        if (format == null) {
            return isValid(name, value) ? value : null;
        }
        if (NUMERIC.contains(name)) {
            return number(name, format, value);
        }
        if (name.equals("boolean")) {
            String[] spellings = format.split("\\|", -1);
            if (spellings.length != 2) {
                return null;
            }
            return value.equals(spellings[0]) ? "true" : value.equals(spellings[1]) ? "false" : null;
        }
        if (!TEMPORAL.contains(name)) {
            return value;
        }
        try {
            DateTimeFormatter picture = formatter(format);
            return switch (name) {
                case "date" -> LocalDate.parse(value, picture).toString();
                case "time" -> LocalTime.parse(value, picture).format(DateTimeFormatter.ISO_LOCAL_TIME);
                default -> {
                    java.time.temporal.TemporalAccessor t = picture.parse(value);
                    yield t.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)
                            ? java.time.OffsetDateTime.from(t).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                            : LocalDateTime.from(t).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
                }
            };
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The numeric datatypes, whose format is a number pattern (CSVW 1.0, 6.4.2). */
    private static final Set<String> NUMERIC = Set.of(
            "integer",
            "decimal",
            "double",
            "float",
            "number",
            "long",
            "int",
            "short",
            "byte",
            "nonNegativeInteger",
            "positiveInteger",
            "nonPositiveInteger",
            "negativeInteger",
            "unsignedLong",
            "unsignedInt",
            "unsignedShort",
            "unsignedByte");

    /** Whether a datatype is a numeric one, whose format is a number pattern. */
    public static boolean isNumeric(String name) {
        return NUMERIC.contains(name);
    }

    /**
     * The decimal and grouping characters of a number pattern written with a column's own
     * separators ({@code #,##0.00}, {@code #.##0,00}, {@code # ##0}), as CSVW's {@code decimalChar}
     * and {@code groupChar}: of two separators the last is the decimal one; a lone one is the
     * grouping one when it is a space, repeats, or stands between {@code #} and three placeholders
     * ({@code #.##0}), else the decimal one.
     *
     * @return {decimalChar, groupChar}
     */
    public static char[] numberSeparators(String pattern) {
        String positive = pattern.replaceAll("'[^']*'", "").split(";", -1)[0];
        int first = positive.replaceAll("[^#0]", "").isEmpty() ? -1 : firstPlaceholder(positive);
        if (first < 0) {
            return new char[] {'.', ','};
        }
        int last = Math.max(positive.lastIndexOf('#'), positive.lastIndexOf('0'));
        String number = positive.substring(first, last + 1);
        String separators = number.replaceAll("[#0]", "");
        if (separators.isEmpty()) {
            return new char[] {'.', ','};
        }
        char lastSeparator = separators.charAt(separators.length() - 1);
        if (separators.chars().distinct().count() > 1) {
            return new char[] {lastSeparator, separators.charAt(0)};
        }
        boolean grouping =
                Character.isSpaceChar(lastSeparator) || separators.length() > 1 || number.matches("#+.[#0]{3}");
        if (grouping) {
            return new char[] {lastSeparator == '.' ? ',' : '.', lastSeparator};
        }
        return new char[] {lastSeparator, lastSeparator == ',' ? '.' : ','};
    }

    private static int firstPlaceholder(String s) {
        int hash = s.indexOf('#');
        int zero = s.indexOf('0');
        return hash < 0 ? zero : zero < 0 ? hash : Math.min(hash, zero);
    }

    /** A value read through a number pattern, as its datatype's lexical form; null if it does not read. */
    private static String number(String name, String pattern, String value) {
        char[] separators = numberSeparators(pattern);
        java.text.DecimalFormatSymbols symbols = new java.text.DecimalFormatSymbols(Locale.ROOT);
        symbols.setDecimalSeparator(separators[0]);
        symbols.setMonetaryDecimalSeparator(separators[0]);
        symbols.setGroupingSeparator(separators[1]);
        java.text.DecimalFormat format = new java.text.DecimalFormat("", symbols);
        try {
            format.applyLocalizedPattern(pattern);
        } catch (IllegalArgumentException e) {
            return null;
        }
        format.setParseBigDecimal(true);
        java.text.ParsePosition position = new java.text.ParsePosition(0);
        Number parsed = format.parse(value, position);
        if (parsed == null || position.getIndex() != value.length()) {
            return null;
        }
        java.math.BigDecimal number = (java.math.BigDecimal) parsed;
        String lexical = DECIMALS.contains(name)
                ? number.toPlainString()
                : number.stripTrailingZeros().scale() <= 0
                        ? number.toBigInteger().toString()
                        : null;
        return lexical != null && isValid(name, lexical) ? lexical : null;
    }

    /** Two-digit years are 1950 to 2049, as the synthesis engine reads them. */
    private static final int TWO_DIGIT_BASE_YEAR = 1950;

    /**
     * A UAX #35 picture as CSVW writes it ({@code yyyy-MM-ddTHH:mm}, {@code MMM d yyyy}) for
     * java.time: a bare T is a literal, month and day names are English and read in any case, a
     * two-digit year is 1950 to 2049.
     */
    private static DateTimeFormatter formatter(String format) {
        String pattern = format.replaceAll("(?<!')T(?!')", "'T'");
        java.time.format.DateTimeFormatterBuilder builder =
                new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive();
        java.util.regex.Matcher twoDigitYear =
                Pattern.compile("(?<![yu])[yu]{2}(?![yu])").matcher(pattern);
        int from = 0;
        while (twoDigitYear.find()) {
            if (twoDigitYear.start() > from) {
                builder.appendPattern(pattern.substring(from, twoDigitYear.start()));
            }
            builder.appendValueReduced(java.time.temporal.ChronoField.YEAR, 2, 2, TWO_DIGIT_BASE_YEAR);
            from = twoDigitYear.end();
        }
        if (from < pattern.length()) {
            builder.appendPattern(pattern.substring(from));
        }
        return builder.toFormatter(Locale.ENGLISH);
    }
}
