package org.facsimile.vocab.csvw;

import java.util.HashSet;
import java.util.Set;

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
                "any",
                "json",
                "xml",
                "html"));
        ALL = Set.copyOf(all);
    }

    private CsvwDatatypes() {}
}
