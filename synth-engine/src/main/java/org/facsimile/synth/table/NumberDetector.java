package org.facsimile.synth.table;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@link NumericFormat} a column of numbers is written in, from the values themselves,
 * seeing each once: one currency or unit affix for the whole column ({@code $}, {@code €},
 * {@code USD }, {@code %}, {@code ‰}, {@code  kg}, {@code °C}), one way of writing negatives (a minus or parentheses), and
 * the pair of thousands and decimal separators every value can be read with. Where the values
 * cannot tell ({@code 1,234} is a thousand and more, or one and a bit with a decimal comma), the
 * comma is taken for thousands, as in English, and {@link #note} says so.
 *
 * <p>Any value that is no such number, or a second affix, and the column is not numeric.
 */
final class NumberDetector {

    /**
     * A unit after the number: letters (with {@code /}, {@code ²}, {@code ³}, {@code .} inside, as
     * {@code km/h}, {@code m²}, {@code sq.ft}) or degrees ({@code °}, {@code °C}); a currency code
     * ({@code USD}) is one of these.
     */
    private static final String UNIT = "(?:°[\\p{L}]{0,2}|[\\p{L}µ][\\p{L}/²³.]{0,7}(?<![/.]))";

    /** An optional parenthesis or minus, an affix, digits and separators, an affix. */
    private static final Pattern SHAPE = Pattern.compile("(?<open>\\()?(?<minus>-)?"
            + "(?<prefix>\\p{Sc}[ \u00A0]?|[A-Z]{3}[ \u00A0])?"
            + "(?<digits>[0-9]|[0-9][0-9., \u00A0\u202F]*[0-9])"
            + "(?<suffix>[ \u00A0]?[%‰\\p{Sc}]|[ \u00A0]?" + UNIT + ")?(?<close>\\))?");

    /** Thousands and decimal separators a column may use, the more usual first. */
    private static final char[][] SEPARATORS = {
        {',', '.'}, {'.', ','}, {' ', ','}, {'\u00A0', ','}, {'\u202F', ','}, {' ', '.'}, {'\u00A0', '.'}
    };

    private boolean alive = true;
    private long seen;
    private String prefix;
    private String suffix;
    private boolean parentheses;
    private boolean minus;
    /** Whether something marks the column as written numbers, not plain ones. */
    private boolean marked;

    private final boolean[] viable = new boolean[SEPARATORS.length];
    private final boolean[] grouped = new boolean[SEPARATORS.length];
    private final int[] minFraction = new int[SEPARATORS.length];
    private final int[] maxFraction = new int[SEPARATORS.length];

    NumberDetector() {
        java.util.Arrays.fill(viable, true);
        java.util.Arrays.fill(minFraction, Integer.MAX_VALUE);
    }

    void accept(String value) {
        if (!alive) {
            return;
        }
        Matcher m = SHAPE.matcher(value);
        if (!m.matches() || (m.group("open") == null) != (m.group("close") == null)) {
            alive = false;
            return;
        }
        String pre = m.group("prefix") == null ? "" : m.group("prefix");
        String suf = m.group("suffix") == null ? "" : m.group("suffix");
        boolean parens = m.group("open") != null;
        boolean neg = m.group("minus") != null;
        if (parens && neg || !pre.isEmpty() && !suf.isEmpty()) {
            alive = false;
            return;
        }
        if (seen == 0) {
            prefix = pre;
            suffix = suf;
        } else if (!prefix.equals(pre) || !suffix.equals(suf)) {
            alive = false;
            return;
        }
        seen++;
        parentheses |= parens;
        minus |= neg;
        if (parentheses && minus) {
            alive = false;
            return;
        }
        String digits = m.group("digits");
        marked |= parens || !pre.isEmpty() || !suf.isEmpty() || !digits.chars().allMatch(Character::isDigit);
        boolean any = false;
        for (int i = 0; i < SEPARATORS.length; i++) {
            if (viable[i]) {
                viable[i] = read(digits, i);
                any |= viable[i];
            }
        }
        alive = any;
    }

    /** Whether digits read with separator pair {@code i}; notes its grouping and decimals. */
    private boolean read(String digits, int i) {
        char group = SEPARATORS[i][0];
        char decimal = SEPARATORS[i][1];
        int point = digits.indexOf(decimal);
        if (point >= 0 && digits.indexOf(decimal, point + 1) >= 0) {
            return false;
        }
        String integer = point < 0 ? digits : digits.substring(0, point);
        String fraction = point < 0 ? "" : digits.substring(point + 1);
        if (point >= 0 && fraction.isEmpty() || !fraction.chars().allMatch(Character::isDigit)) {
            return false;
        }
        boolean groups = integer.indexOf(group) >= 0;
        String plain = groups ? integer.replace(String.valueOf(group), "") : integer;
        if (groups && !integer.matches("[1-9][0-9]{0,2}(" + Pattern.quote(String.valueOf(group)) + "[0-9]{3})+")
                || !plain.matches("0|[1-9][0-9]*")) {
            return false;
        }
        grouped[i] |= groups;
        minFraction[i] = Math.min(minFraction[i], fraction.length());
        maxFraction[i] = Math.max(maxFraction[i], fraction.length());
        return maxFraction[i] <= 18;
    }

    private int chosen() {
        if (!alive || seen == 0 || !marked) {
            return -1;
        }
        for (int i = 0; i < SEPARATORS.length; i++) {
            if (viable[i]) {
                return i;
            }
        }
        return -1;
    }

    /** The format every value was read in, or null when the column is not written numbers. */
    NumericFormat found() {
        int i = chosen();
        if (i < 0) {
            return null;
        }
        return new NumericFormat(
                prefix,
                suffix,
                SEPARATORS[i][1],
                grouped[i] ? SEPARATORS[i][0] : 0,
                minFraction[i],
                maxFraction[i],
                parentheses);
    }

    /** What the depositor should know of how the numbers were read, or null. */
    String note() {
        int i = chosen();
        if (i < 0) {
            return null;
        }
        for (int j = i + 1; j < SEPARATORS.length; j++) {
            if (viable[j] && SEPARATORS[j][1] != SEPARATORS[i][1] && (grouped[i] || maxFraction[i] > 0)) {
                return "no value tells whether '" + SEPARATORS[i][1] + "' or '" + SEPARATORS[j][1]
                        + "' is the decimal separator; '" + SEPARATORS[i][1]
                        + "' was taken (declare the format to say otherwise)";
            }
        }
        return null;
    }
}
