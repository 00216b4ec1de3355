package org.facsimile.vocab.csvw;

/**
 * How deeply a JSON text nests arrays and objects, found by one pass over its characters before
 * any parser sees it. Recursive-descent parsers (Jena's, JSON-B's) overflow the stack on a few
 * thousand levels; no document this repository reads needs more than a few dozen, so a deeper one
 * is refused first, with where it went too deep (line and column, never the text).
 */
public final class JsonNesting {

    /** The deepest nesting any JSON body or metadata document may have. */
    public static final int MAX_DEPTH = 64;

    private JsonNesting() {}

    /**
     * Where {@code json} first goes deeper than {@code max} levels, or null when it never does.
     * Brackets inside strings do not count; malformed text is left for the parser to refuse.
     */
    public static String tooDeep(CharSequence json, int max) {
        int depth = 0;
        int line = 1;
        int column = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            column++;
            if (c == '\n') {
                line++;
                column = 0;
            }
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
                if (depth > max) {
                    return "nested deeper than " + max + " levels at line " + line + ", column " + column;
                }
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return null;
    }
}
