package org.facsimile.synth.table;

import java.util.List;
import java.util.Objects;

/**
 * One column as the depositor declared it or the inspection inferred it.
 *
 * @param name the header name
 * @param kind what the column holds
 * @param nullMarkers the strings that mean "missing" in this column; the first is written for
 *     missing values in synthetic output
 * @param personal the kind of direct identifier the column holds (never learnt, replaced by fakes),
 *     or null when it holds none
 * @param lang the language of the column's values (a BCP 47 tag, as CSVW's {@code lang}), or null
 *     when not declared; fakes of personal data take this locale (English when none)
 * @param format how the column writes its dates, date-times or times (a CSVW format picture such as
 *     {@code dd/MM/yyyy}), its booleans ({@code yes|no}) or its numbers ({@code '$'#,##0.00},
 *     {@code #.##0,00}, {@code 0.0%}), or null when they are written in their canonical form; only
 *     temporal, boolean and numeric kinds have one. Inside the engine the values are
 *     canonical: {@link CsvTables} reads and writes the picture
 */
public record ColumnSpec(
        String name, ColumnKind kind, List<String> nullMarkers, PersonalData personal, String lang, String format) {

    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        nullMarkers = nullMarkers == null || nullMarkers.isEmpty() ? List.of("") : List.copyOf(nullMarkers);
        if (format != null && kind != ColumnKind.BOOLEAN && !kind.isNumeric()) {
            // a picture on another kind says nothing the engine reads
            format = null;
        }
        if (format != null) {
            formatOf(kind, format, lang);
        }
    }

    /** A column in its kind's ISO form. */
    public ColumnSpec(String name, ColumnKind kind, List<String> nullMarkers, PersonalData personal, String lang) {
        this(name, kind, nullMarkers, personal, lang, null);
    }

    /** A column that holds no direct identifier. */
    public ColumnSpec(String name, ColumnKind kind, List<String> nullMarkers) {
        this(name, kind, nullMarkers, null, null);
    }

    /** A column that holds a kind of direct identifier, or none (null), in no declared language. */
    public ColumnSpec(String name, ColumnKind kind, List<String> nullMarkers, PersonalData personal) {
        this(name, kind, nullMarkers, personal, null);
    }

    /** This column marked as holding another kind of direct identifier (null: none). */
    public ColumnSpec withPersonal(PersonalData kind) {
        return new ColumnSpec(name, this.kind, nullMarkers, kind, lang, format);
    }

    /** This column written in another format picture (null: ISO form). */
    public ColumnSpec withFormat(String picture) {
        return new ColumnSpec(name, kind, nullMarkers, personal, lang, picture);
    }

    /** The column's format, or null when its values are in ISO form (or it is not temporal). */
    public TemporalFormat temporalFormat() {
        return format == null || !kind.isTemporal() ? null : TemporalFormat.of(kind, format, localeOf(lang));
    }

    /**
     * How the column writes its values: a date picture, a boolean's two spellings, or null when
     * they are in their kind's canonical form.
     */
    public ValueFormat valueFormat() {
        return format == null ? null : formatOf(kind, format, lang);
    }

    /**
     * The format a picture declares for a column of a kind.
     *
     * @throws IllegalArgumentException when the picture is no format of that kind
     */
    public static ValueFormat formatOf(ColumnKind kind, String picture, String lang) {
        if (kind == ColumnKind.BOOLEAN) {
            return BooleanFormat.of(picture);
        }
        if (kind == ColumnKind.INTEGER || kind == ColumnKind.DECIMAL) {
            NumericFormat format = NumericFormat.of(picture);
            if (kind == ColumnKind.INTEGER && format.kind() != ColumnKind.INTEGER) {
                throw new IllegalArgumentException("the number picture '" + picture
                        + "' has decimals or a percent sign, so the column is decimal");
            }
            return format;
        }
        return TemporalFormat.of(kind, picture, localeOf(lang));
    }

    /** The locale of fakes for this column: its language, English when none is declared. */
    public java.util.Locale locale() {
        return localeOf(lang);
    }

    /** The locale of a declared language (a BCP 47 tag), English when none is declared. */
    public static java.util.Locale localeOf(String lang) {
        return lang == null || lang.isBlank() ? java.util.Locale.ENGLISH : java.util.Locale.forLanguageTag(lang);
    }

    public boolean isMissing(String value) {
        return value == null || nullMarkers.contains(value);
    }

    /** The string written for a missing value. */
    public String missingMarker() {
        return nullMarkers.get(0);
    }
}
