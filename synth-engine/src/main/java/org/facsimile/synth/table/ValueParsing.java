package org.facsimile.synth.table;

import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Whether a value can be read as a column kind; what the engine will do with it. */
final class ValueParsing {

    private ValueParsing() {}

    static boolean parses(String value, ColumnKind kind) {
        try {
            switch (kind) {
                case INTEGER:
                    Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
                    return true;
                case DECIMAL:
                    return Double.isFinite(Double.parseDouble(value));
                case DATE:
                case DATETIME:
                case TIME:
                    return !Double.isNaN(kind.toNumber(value));
                case BOOLEAN:
                    String lower = value.toLowerCase(Locale.ROOT);
                    return lower.equals("true") || lower.equals("false");
                default:
                    return true;
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }
}
