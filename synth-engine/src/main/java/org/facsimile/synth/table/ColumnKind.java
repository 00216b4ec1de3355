package org.facsimile.synth.table;

/** What a column holds, as far as synthesis is concerned. */
public enum ColumnKind {
    /** A value from a limited set, learnt by frequency. */
    CATEGORICAL("string"),
    INTEGER("integer"),
    DECIMAL("decimal"),
    DATE("date"),
    DATETIME("dateTime"),
    /** A time of day, as seconds since midnight. */
    TIME("time"),
    BOOLEAN("boolean"),
    /** A key: generated fresh and unique, never learnt. */
    IDENTIFIER("string"),
    /**
     * A code with many values (postcodes, airport codes, product numbers: short, no spaces): learnt
     * character by character, so synthetic codes keep the real ones' shape and ties.
     */
    CODE("string"),
    /** Prose (several words a value) with (nearly) unique values: not learnt value by value. */
    TEXT("string"),
    CONSTANT("string"),
    /** Every value missing. */
    EMPTY("string");

    private final String csvwDatatype;

    ColumnKind(String csvwDatatype) {
        this.csvwDatatype = csvwDatatype;
    }

    /** The CSVW (XML Schema) datatype name a column of this kind is published with. */
    public String csvwDatatype() {
        return csvwDatatype;
    }

    /**
     * A value of a numeric kind as a number: numbers as themselves, dates as days since 1970-01-01,
     * date-times (T or space between date and time) as seconds since 1970 in UTC, times of day as
     * seconds since midnight; NaN when the value is missing or does not read as this kind. Values
     * are in their ISO form here: a column's own format is read at the edge ({@link
     * TemporalFormat}). The one conversion the engine uses everywhere.
     *
     * @throws IllegalStateException for a kind that is not numeric
     */
    public double toNumber(String value) {
        if (!isNumeric()) {
            throw new IllegalStateException("not numeric: " + this);
        }
        if (value == null) {
            return Double.NaN;
        }
        try {
            return switch (this) {
                case DATE -> java.time.LocalDate.parse(value).toEpochDay();
                case DATETIME ->
                    java.time.LocalDateTime.parse(value.replace(' ', 'T')).toEpochSecond(java.time.ZoneOffset.UTC);
                case TIME -> java.time.LocalTime.parse(value).toSecondOfDay();
                default -> Double.parseDouble(value);
            };
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** CSVW (XML Schema) datatypes whose values are whole numbers. */
    private static final java.util.Set<String> INTEGER_DATATYPES = java.util.Set.of(
            "integer",
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

    /** CSVW datatypes whose values are numbers with fractions. */
    private static final java.util.Set<String> DECIMAL_DATATYPES =
            java.util.Set.of("decimal", "double", "float", "number");

    /**
     * The kind of a column declared with a CSVW datatype: the declaration decides between numbers,
     * dates, booleans and strings; among strings (and for columns found empty or constant) what
     * profiling saw stands, since a datatype says nothing about free text or keys.
     *
     * @param datatype the CSVW datatype name (its base), e.g. {@code integer}, {@code dateTime}
     * @param inferred what profiling the data found
     */
    public static ColumnKind forDatatype(String datatype, ColumnKind inferred) {
        if (inferred == EMPTY || inferred == CONSTANT) {
            return inferred;
        }
        if (INTEGER_DATATYPES.contains(datatype)) {
            return INTEGER;
        }
        if (DECIMAL_DATATYPES.contains(datatype)) {
            return DECIMAL;
        }
        return switch (datatype == null ? "string" : datatype) {
            case "date" -> DATE;
            case "dateTime", "datetime" -> DATETIME;
            case "time" -> TIME;
            case "boolean" -> BOOLEAN;
            default -> inferred == TEXT || inferred == IDENTIFIER || inferred == CODE ? inferred : CATEGORICAL;
        };
    }

    /** True for kinds whose values are ordered numbers (dates count as days, times as seconds). */
    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL || isTemporal();
    }

    /** True for dates, date-times and times of day: the kinds a format picture describes. */
    public boolean isTemporal() {
        return this == DATE || this == DATETIME || this == TIME;
    }
}
