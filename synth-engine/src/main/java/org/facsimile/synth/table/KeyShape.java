package org.facsimile.synth.table;

import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a key column writes its keys, so fresh synthetic keys look like the real ones: whole
 * numbers ({@code 1, 2, 3}), a number of a fixed width between a fixed prefix and suffix ({@code
 * C-00042}, {@code S00000001}, {@code tok17x}), or UUIDs. Only the shape is kept: fresh keys are
 * numbered in the order the rows are made (UUIDs drawn from the run's seed). Whole-number keys
 * count from 1, as row numbers do; keys of any other shape count from the power of ten above the
 * largest real key's number ({@code first}), so no synthetic key spells a real one.
 *
 * @param prefix the text before the number (empty for plain numbers)
 * @param width the number's width with leading zeros, 0 when unpadded
 * @param uuid keys are UUIDs
 * @param suffix the text after the number
 * @param first the number of the first fresh key
 */
public record KeyShape(String prefix, int width, boolean uuid, String suffix, long first) {

    /** Plain whole numbers. */
    public static final KeyShape NUMBERS = new KeyShape("", 0, false, "", 1);

    /** Where no shape is shared: what the engine has always written. */
    public static final KeyShape FALLBACK = new KeyShape("S", 8, false, "", 1);

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PREFIXED = Pattern.compile("(\\D{0,12}?)(\\d{1,17})(\\D{0,12})");

    public KeyShape {
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
    }

    /** The shape of keys with a prefix and a padded (or unpadded, width 0) number, counted from 1. */
    public KeyShape(String prefix, int width, boolean uuid) {
        this(prefix, width, uuid, "", 1);
    }

    /** The shape every key of a column shares (null = missing, ignored); {@link #FALLBACK} when none. */
    public static KeyShape of(String[] keys) {
        KeyShape shape = null;
        int digits = -1;
        boolean sameWidth = true;
        boolean leadingZero = false;
        long largest = 0;
        for (String key : keys) {
            if (key == null) {
                continue;
            }
            KeyShape one = like(key);
            if (one == FALLBACK) {
                return FALLBACK;
            }
            if (shape == null) {
                shape = one;
            } else if (shape.uuid != one.uuid || !shape.prefix.equals(one.prefix) || !shape.suffix.equals(one.suffix)) {
                return FALLBACK;
            }
            if (!one.uuid) {
                String number = key.substring(one.prefix.length(), key.length() - one.suffix.length());
                digits = digits < 0 ? number.length() : digits;
                sameWidth &= number.length() == digits;
                leadingZero |= number.length() > 1 && number.charAt(0) == '0';
                largest = Math.max(largest, Long.parseLong(number));
            }
        }
        if (shape == null) {
            return NUMBERS;
        }
        if (shape.uuid) {
            return shape;
        }
        int width = sameWidth && (leadingZero || !shape.prefix.isEmpty()) ? digits : 0;
        if (shape.prefix.isEmpty() && shape.suffix.isEmpty() && width == 0) {
            return NUMBERS;
        }
        long first = 1;
        while (first <= largest && first < 1_000_000_000_000_000L) {
            first *= 10;
        }
        return new KeyShape(shape.prefix, width, false, shape.suffix, first);
    }

    /** The shape of one key, counted from 1. */
    public static KeyShape like(String key) {
        if (UUID_FORM.matcher(key).matches()) {
            return new KeyShape("", 0, true);
        }
        Matcher m = PREFIXED.matcher(key);
        if (!m.matches()) {
            return FALLBACK;
        }
        String digits = m.group(2);
        boolean leadingZero = digits.length() > 1 && digits.charAt(0) == '0';
        // an unpadded number says nothing of width; a padded one (or one after a prefix) keeps it
        int width = leadingZero || !m.group(1).isEmpty() ? digits.length() : 0;
        return new KeyShape(m.group(1), width, false, m.group(3), 1);
    }

    /**
     * The shape of fresh keys, told from one of them: keys of any shape but whole numbers count from
     * a power of ten (see the class), the largest at or below this key's number.
     */
    public static KeyShape ofFresh(String key) {
        KeyShape shape = like(key);
        if (shape.uuid || shape.isNumbers() || shape == FALLBACK) {
            return shape;
        }
        Matcher m = PREFIXED.matcher(key);
        m.matches();
        long number = Long.parseLong(m.group(2));
        long first = 1;
        while (first * 10 <= number && first < 1_000_000_000_000_000L) {
            first *= 10;
        }
        return shape.from(first);
    }

    /** The shape of keys like this one, counted from {@code first}. */
    public KeyShape from(long number) {
        return new KeyShape(prefix, width, uuid, suffix, number);
    }

    /**
     * The key of the {@code index}-th generated row (0-based): the number {@code index + 1} in this
     * shape, or a UUID drawn from {@code seed} and the index.
     */
    public String key(long index, long seed) {
        if (uuid) {
            Random random = new Random(seed * 1_000_003L + index);
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }
        String number = Long.toString(first + index);
        if (number.length() < width) {
            number = "0".repeat(width - number.length()) + number;
        }
        return prefix + number + suffix;
    }

    /** Whether keys of this shape are plain whole numbers. */
    public boolean isNumbers() {
        return !uuid && prefix.isEmpty() && suffix.isEmpty() && width == 0;
    }

    /** The shape as written in a model file: prefix, width, UUID or not, suffix, first number. */
    public void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeUTF(prefix);
        out.writeInt(width);
        out.writeBoolean(uuid);
        out.writeUTF(suffix);
        out.writeLong(first);
    }

    public static KeyShape read(java.io.DataInputStream in) throws java.io.IOException {
        return new KeyShape(in.readUTF(), in.readInt(), in.readBoolean(), in.readUTF(), in.readLong());
    }
}
