package org.facsimile.synth.table;

/** What a column holds, as far as synthesis is concerned. */
public enum ColumnKind {
    /** A value from a limited set, learnt by frequency. */
    CATEGORICAL("string"),
    INTEGER("integer"),
    DECIMAL("decimal"),
    DATE("date"),
    DATETIME("dateTime"),
    BOOLEAN("boolean"),
    /** A key: generated fresh and unique, never learnt. */
    IDENTIFIER("string"),
    /** Free text with (nearly) unique values: not learnt value by value. */
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

    /** True for kinds whose values are ordered numbers (dates count as days, times as seconds). */
    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL || this == DATE || this == DATETIME;
    }
}
