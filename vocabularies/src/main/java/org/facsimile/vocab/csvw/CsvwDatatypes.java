package org.facsimile.vocab.csvw;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
}
