package org.facsimile.synth.table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a column writes its numbers when not as plain digits: a thousands separator ({@code
 * 1,234,567}, {@code 1.234.567}, {@code 1 234 567}), a decimal comma ({@code 3,5}), a currency
 * ({@code $12.50}, {@code 12,50 €}, {@code USD 12}) or unit ({@code 72 kg}, {@code 21.5°C}), a percent or per-mille sign ({@code 12.5%}:
 * the value 0.125, as UAX #35 reads it), and negatives in parentheses ({@code (300.00)}).
 *
 * <p>The picture is a CSVW number format pattern (CSVW 1.0, 6.4.2; Unicode UAX #35) written with
 * the column's own separators, {@code #,##0.00} or {@code #.##0,00}: a separator between
 * {@code #} and three placeholders is the thousands separator, the other (or the only one, in a
 * pattern without grouping) the decimal separator; spaces are only ever thousands separators.
 * Affixes other than {@code %} and {@code ‰} are quoted ({@code '$'#,##0.00}); a negative
 * subpattern is only {@code (…)}, as accountants write it.
 *
 * <p>Reading is strict: a value must have the column's affixes, groups of exactly three digits
 * where it groups, no leading zero and no more decimals than the picture allows. Inside the engine
 * a value is its plain decimal form ({@code 1234.5}, {@code -300}, {@code 0.125}); writing rounds
 * half-even to the picture's decimals and keeps at least its fixed ones.
 */
public final class NumericFormat implements ValueFormat {

    private static final String SEPARATORS = ",. \u00A0\u202F";
    private static final String SPACES = " \u00A0\u202F";

    private final String prefix;
    private final String suffix;
    private final char decimalChar;
    /** The thousands separator, or 0 where the column does not group digits. */
    private final char groupChar;

    private final int minFraction;
    private final int maxFraction;
    private final boolean parentheses;
    /** Powers of ten the written value is the canonical one multiplied by: 2 for %, 3 for ‰. */
    private final int scale;

    private final Pattern body;

    NumericFormat(
            String prefix,
            String suffix,
            char decimalChar,
            char groupChar,
            int minFraction,
            int maxFraction,
            boolean parentheses) {
        this.prefix = Objects.requireNonNull(prefix);
        this.suffix = Objects.requireNonNull(suffix);
        if (decimalChar != '.' && decimalChar != ',') {
            throw new IllegalArgumentException("the decimal separator is . or ,");
        }
        if (groupChar == decimalChar || groupChar != 0 && SEPARATORS.indexOf(groupChar) < 0) {
            throw new IllegalArgumentException("the thousands separator is , . or a space, and not the decimal one");
        }
        if (minFraction < 0 || maxFraction < minFraction || maxFraction > 18) {
            throw new IllegalArgumentException("a number picture has 0 to 18 decimals");
        }
        String affixes = prefix + suffix;
        boolean percent = affixes.indexOf('%') >= 0;
        boolean permille = affixes.indexOf('‰') >= 0;
        if (percent && permille
                || affixes.chars().filter(ch -> ch == '%' || ch == '‰').count() > 1
                || affixes.chars().anyMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a number picture has at most one % or ‰ and no digits around it");
        }
        this.decimalChar = decimalChar;
        this.groupChar = groupChar;
        this.minFraction = minFraction;
        this.maxFraction = maxFraction;
        this.parentheses = parentheses;
        this.scale = percent ? 2 : permille ? 3 : 0;
        String integer = groupChar == 0
                ? "(0|[1-9][0-9]*)"
                : "(0|[1-9][0-9]{0,2}(" + Pattern.quote(String.valueOf(groupChar)) + "[0-9]{3})*|[1-9][0-9]*)";
        String fraction = maxFraction == 0
                ? ""
                : "(" + Pattern.quote(String.valueOf(decimalChar)) + "[0-9]{" + Math.max(minFraction, 1) + ","
                        + maxFraction + "})" + (minFraction == 0 ? "?" : "");
        this.body = Pattern.compile(integer + fraction);
    }

    /**
     * The format a CSVW number picture declares.
     *
     * @throws IllegalArgumentException when the picture is not a number pattern this engine reads
     *     (an exponent, a negative subpattern other than parentheses, misplaced separators)
     */
    public static NumericFormat of(String picture) {
        Objects.requireNonNull(picture, "picture");
        String[] halves = splitUnquoted(picture);
        Parts positive = parts(halves[0], picture);
        boolean parentheses = false;
        if (halves.length == 2) {
            Parts negative = parts(halves[1], picture);
            parentheses = negative.number.equals(positive.number)
                    && negative.prefix.equals("(" + positive.prefix)
                    && negative.suffix.equals(positive.suffix + ")");
            if (!parentheses) {
                throw new IllegalArgumentException("the number picture '" + picture
                        + "' has a negative pattern other than the positive one in parentheses");
            }
        }
        String number = positive.number;
        char group = 0;
        char decimal = 0;
        String separators = number.replaceAll("[#0]", "");
        if (separators.chars().distinct().count() > 2) {
            throw new IllegalArgumentException("the number picture '" + picture + "' has more than two separators");
        }
        if (!separators.isEmpty()) {
            char last = separators.charAt(separators.length() - 1);
            if (separators.chars().distinct().count() == 2) {
                decimal = last;
                group = separators.charAt(0);
            } else if (SPACES.indexOf(last) >= 0 || separators.length() > 1 || number.matches("#+.[#0]{3}")) {
                group = last;
            } else {
                decimal = last;
            }
        }
        if (decimal != 0 && SPACES.indexOf(decimal) >= 0) {
            throw new IllegalArgumentException(
                    "the number picture '" + picture + "' has a space for a decimal separator");
        }
        int point = decimal == 0 ? -1 : number.indexOf(decimal);
        String fraction = point < 0 ? "" : number.substring(point + 1);
        String integer = point < 0 ? number : number.substring(0, point);
        if (!fraction.matches("0*#*")
                || !integer.replace(String.valueOf(group), "").matches("#*0+")) {
            throw new IllegalArgumentException("the number picture '" + picture
                    + "' is not placeholders #, 0 with a thousands and a decimal separator, as #,##0.00");
        }
        if (decimal == 0) {
            decimal = group == '.' ? ',' : '.';
        }
        int min = fraction.replace("#", "").length();
        return new NumericFormat(positive.prefix, positive.suffix, decimal, group, min, fraction.length(), parentheses);
    }

    /** A picture's prefix, number and suffix, quotes resolved. */
    private record Parts(String prefix, String number, String suffix) {}

    private static Parts parts(String half, String picture) {
        StringBuilder prefix = new StringBuilder();
        StringBuilder number = new StringBuilder();
        StringBuilder suffix = new StringBuilder();
        boolean quoted = false;
        int stage = 0; // 0 prefix, 1 number, 2 suffix
        for (int i = 0; i < half.length(); i++) {
            char ch = half.charAt(i);
            if (ch == '\'') {
                if (i + 1 < half.length() && half.charAt(i + 1) == '\'') {
                    (stage == 0 ? prefix : suffix).append('\'');
                    i++;
                } else {
                    quoted = !quoted;
                    if (stage == 1) {
                        stage = 2;
                    }
                }
                continue;
            }
            boolean placeholder = !quoted && (ch == '#' || ch == '0');
            boolean separator = !quoted && SEPARATORS.indexOf(ch) >= 0;
            if (stage == 0 && placeholder) {
                stage = 1;
            } else if (stage == 1 && !placeholder && !(separator && nextIsPlaceholder(half, i))) {
                stage = 2;
            }
            if (stage == 2 && !quoted && (placeholder || ch == 'E' || ch == ';')) {
                throw new IllegalArgumentException("the number picture '" + picture + "' is not read by this engine");
            }
            (stage == 0 ? prefix : stage == 1 ? number : suffix).append(ch);
        }
        if (quoted || number.length() == 0) {
            throw new IllegalArgumentException("the number picture '" + picture + "' has no digits or an open quote");
        }
        return new Parts(prefix.toString(), number.toString(), suffix.toString());
    }

    private static boolean nextIsPlaceholder(String s, int i) {
        return i + 1 < s.length() && (s.charAt(i + 1) == '#' || s.charAt(i + 1) == '0');
    }

    private static String[] splitUnquoted(String picture) {
        boolean quoted = false;
        for (int i = 0; i < picture.length(); i++) {
            char ch = picture.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (ch == ';' && !quoted) {
                return new String[] {picture.substring(0, i), picture.substring(i + 1)};
            }
        }
        return new String[] {picture};
    }

    /** INTEGER for whole numbers written without decimals; DECIMAL otherwise (a percent is a fraction). */
    public ColumnKind kind() {
        return maxFraction == 0 && scale == 0 ? ColumnKind.INTEGER : ColumnKind.DECIMAL;
    }

    /** Whether the number is written with letters around it: a unit ({@code kg}) or currency code. */
    public boolean lettered() {
        return (prefix + suffix).chars().anyMatch(Character::isLetter);
    }

    public char decimalChar() {
        return decimalChar;
    }

    /** The thousands separator, or 0 where digits are not grouped. */
    public char groupChar() {
        return groupChar;
    }

    @Override
    public String picture() {
        StringBuilder number = new StringBuilder(groupChar == 0 ? "0" : "#" + groupChar + "##0");
        if (maxFraction > 0) {
            number.append(decimalChar).append("0".repeat(minFraction)).append("#".repeat(maxFraction - minFraction));
        }
        String positive = quote(prefix) + number + quote(suffix);
        return parentheses ? positive + ";" + quote("(" + prefix) + number + quote(suffix + ")") : positive;
    }

    /** An affix as a picture writes it: runs of ordinary characters quoted, % and ‰ as they are. */
    private static String quote(String affix) {
        StringBuilder out = new StringBuilder();
        StringBuilder run = new StringBuilder();
        for (char ch : affix.toCharArray()) {
            if (ch == '%' || ch == '‰') {
                flushQuoted(out, run);
                out.append(ch);
            } else {
                run.append(ch == '\'' ? "''" : String.valueOf(ch));
            }
        }
        flushQuoted(out, run);
        return out.toString();
    }

    private static void flushQuoted(StringBuilder out, StringBuilder run) {
        if (run.length() > 0) {
            out.append('\'').append(run).append('\'');
            run.setLength(0);
        }
    }

    @Override
    public String toCanonical(String written) {
        String s = written;
        boolean negative = false;
        if (parentheses && s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1);
            negative = true;
        } else if (s.startsWith("-")) {
            s = s.substring(1);
            negative = true;
        }
        if (!s.startsWith(prefix) || !s.endsWith(suffix) || s.length() <= prefix.length() + suffix.length()) {
            return null;
        }
        String digits = s.substring(prefix.length(), s.length() - suffix.length());
        if (!body.matcher(digits).matches()) {
            return null;
        }
        if (groupChar != 0) {
            digits = digits.replace(String.valueOf(groupChar), "");
        }
        BigDecimal value = new BigDecimal(digits.replace(decimalChar, '.')).movePointLeft(scale);
        if (scale > 0) {
            value = value.stripTrailingZeros();
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
        }
        return (negative && value.signum() != 0 ? value.negate() : value).toPlainString();
    }

    @Override
    public String toWritten(String canonical) {
        BigDecimal value =
                new BigDecimal(canonical).movePointRight(scale).setScale(maxFraction, RoundingMode.HALF_EVEN);
        while (value.scale() > minFraction
                && value.unscaledValue().mod(java.math.BigInteger.TEN).signum() == 0) {
            value = value.setScale(value.scale() - 1, RoundingMode.UNNECESSARY);
        }
        boolean negative = value.signum() < 0;
        String plain = value.abs().toPlainString();
        int point = plain.indexOf('.');
        String integer = point < 0 ? plain : plain.substring(0, point);
        StringBuilder out = new StringBuilder(prefix);
        if (groupChar == 0) {
            out.append(integer);
        } else {
            int head = integer.length() % 3 == 0 ? 3 : integer.length() % 3;
            out.append(integer, 0, head);
            for (int i = head; i < integer.length(); i += 3) {
                out.append(groupChar).append(integer, i, i + 3);
            }
        }
        if (point >= 0) {
            out.append(decimalChar).append(plain, point + 1, plain.length());
        }
        out.append(suffix);
        if (!negative) {
            return out.toString();
        }
        return parentheses ? "(" + out + ")" : "-" + out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericFormat other && other.picture().equals(picture());
    }

    @Override
    public int hashCode() {
        return picture().hashCode();
    }

    @Override
    public String toString() {
        return picture();
    }
}
