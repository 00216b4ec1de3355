package org.facsimile.web;

import java.util.Random;

/**
 * Damaged copies of a valid text for the seeded fuzz tests: one to four edits, each a character
 * replaced or inserted from a set of troublesome ones, a run cut out, or the text cut short.
 */
public final class Damage {

    private Damage() {}

    /** {@code seed} damaged with characters of {@code nasty}, as {@code random} decides. */
    public static String of(String seed, String nasty, Random random) {
        StringBuilder text = new StringBuilder(seed);
        for (int e = 1 + random.nextInt(4); e > 0 && text.length() > 0; e--) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(5)) {
                case 0 -> text.setCharAt(at, nasty.charAt(random.nextInt(nasty.length())));
                case 1 -> text.insert(at, nasty.charAt(random.nextInt(nasty.length())));
                case 2 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(12)));
                case 3 ->
                    text.insert(
                            at,
                            String.valueOf(nasty.charAt(random.nextInt(nasty.length())))
                                    .repeat(1 + random.nextInt(400)));
                default -> text.setLength(at);
            }
        }
        return text.toString();
    }
}
