package org.facsimile.synth.table;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A boolean column's two spellings, as CSVW writes its format: {@code "yes|no"}, the value meaning
 * true first (CSVW 1.0, 6.4.3). Values must be written exactly so; inside the engine they are
 * {@code true} and {@code false}.
 *
 * @param trueValue how the column writes true
 * @param falseValue how the column writes false
 */
public record BooleanFormat(String trueValue, String falseValue) implements ValueFormat {

    /** Spellings of true and false that profiling takes for a boolean column, in lower case. */
    static final Map<String, String> PAIRS = Map.of("yes", "no", "y", "n", "t", "f", "true", "false");

    public BooleanFormat {
        if (trueValue == null || falseValue == null || trueValue.isEmpty() || falseValue.isEmpty()) {
            throw new IllegalArgumentException("a boolean format names a true and a false value");
        }
        if (trueValue.equals(falseValue) || trueValue.contains("|") || falseValue.contains("|")) {
            throw new IllegalArgumentException("a boolean format is two different values separated by |");
        }
    }

    /**
     * The format a CSVW picture declares.
     *
     * @throws IllegalArgumentException when it is not {@code true-value|false-value}
     */
    public static BooleanFormat of(String picture) {
        List<String> parts = List.of(picture.split("\\|", -1));
        if (parts.size() != 2) {
            throw new IllegalArgumentException(
                    "a boolean format is the value meaning true and the one meaning false, separated by |, as yes|no");
        }
        return new BooleanFormat(parts.get(0), parts.get(1));
    }

    /**
     * The format of a column whose two distinct values are a known pair of spellings, each written
     * in one way (yes/no, Y/N, T/F, True/False), or null when they are not.
     */
    static BooleanFormat detect(String one, String other) {
        String a = one.toLowerCase(Locale.ROOT);
        String b = other.toLowerCase(Locale.ROOT);
        if (other.equals(PAIRS.get(a)) || b.equals(PAIRS.get(a))) {
            return new BooleanFormat(one, other);
        }
        if (a.equals(PAIRS.get(b))) {
            return new BooleanFormat(other, one);
        }
        return null;
    }

    @Override
    public String picture() {
        return trueValue + "|" + falseValue;
    }

    @Override
    public String toCanonical(String written) {
        if (trueValue.equals(written)) {
            return "true";
        }
        return falseValue.equals(written) ? "false" : null;
    }

    @Override
    public String toWritten(String canonical) {
        return switch (canonical.toLowerCase(Locale.ROOT)) {
            case "true" -> trueValue;
            case "false" -> falseValue;
            default -> throw new IllegalArgumentException("not a boolean value");
        };
    }

    @Override
    public String toString() {
        return picture();
    }
}
