package org.facsimile.web.platform;

/** Text as the database takes it. */
public final class Text {

    private Text() {}

    /**
     * Why PostgreSQL cannot store {@code s}, or null when it can: the NUL character, which its text
     * types refuse, or a UTF-16 surrogate without its pair (a {@code \ud800} escape in JSON, a
     * {@code %ED%A0%80} in a form), which is no character and no encoding can write.
     */
    public static String unstorable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0000') {
                return "contains the NUL character (U+0000), which cannot be stored";
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired UTF-16 surrogate, which is not a character";
            }
        }
        return null;
    }
}
