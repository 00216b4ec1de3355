package org.facsimile.web.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The search box's syntax, parsed: words (all must match), {@code "phrases"}, {@code -excluded}
 * words or phrases, and {@code field:value} or {@code field:"a phrase"} for one field. Parsed
 * here rather than handed to Elasticsearch's query_string, so a broken query gets an answer that
 * says where it broke, and no query can reach fields, wildcards or regular expressions it should
 * not.
 */
public record SearchQuery(List<Clause> clauses) {

    /** The most clauses a query may have. */
    public static final int MAX_CLAUSES = 32;

    /** The fields a query may name, and what each searches. */
    public enum Field {
        TITLE("title", "title", true),
        DESCRIPTION("description", "description", true),
        KEYWORD("keyword", "keywords", true),
        CREATOR("creator", "creators", true),
        TABLE("table", "tables", true),
        COLUMN("column", "columns", true),
        SUBJECT("subject", "subjects", false),
        LICENCE("licence", "licence", false),
        FORMAT("format", "formats", false),
        YEAR("year", "year", false),
        DOI("doi", "doi", false);

        private final String name;
        private final String indexField;
        private final boolean text;

        Field(String name, String indexField, boolean text) {
            this.name = name;
            this.indexField = indexField;
            this.text = text;
        }

        public String queryName() {
            return name;
        }

        /** The field of the index document it searches. */
        public String indexField() {
            return indexField;
        }

        /** Full text (words match) rather than an exact value. */
        public boolean isText() {
            return text;
        }

        private static final Map<String, Field> BY_NAME = new TreeMap<>();

        static {
            for (Field f : values()) {
                BY_NAME.put(f.name, f);
            }
            BY_NAME.put("license", LICENCE);
        }

        static Field named(String name) {
            return BY_NAME.get(name.toLowerCase(Locale.ROOT));
        }

        static String known() {
            return String.join(", ", BY_NAME.keySet());
        }
    }

    /**
     * One term of the query.
     *
     * @param field the field it is limited to, or null for all text fields
     * @param text the word or phrase
     * @param phrase whether the words must come in this order, together
     * @param excluded whether a dataset matching it is left out
     */
    public record Clause(Field field, String text, boolean phrase, boolean excluded) {}

    /** A query that does not parse: what is wrong, and at which character (from 1). */
    public static final class Invalid extends Exception {
        private final int position;

        Invalid(String message, int position) {
            super(message);
            this.position = position;
        }

        public int position() {
            return position;
        }
    }

    /** An empty query (everything matches). */
    public boolean isEmpty() {
        return clauses.isEmpty();
    }

    public static SearchQuery parse(String query) throws Invalid {
        List<Clause> clauses = new ArrayList<>();
        if (query == null) {
            return new SearchQuery(clauses);
        }
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            boolean excluded = false;
            if (c == '-') {
                excluded = true;
                i++;
                if (i >= n || Character.isWhitespace(query.charAt(i))) {
                    throw new Invalid("nothing follows '-'; write -word or -\"a phrase\" to leave it out", start + 1);
                }
            }
            Field field = null;
            // field:value: a name of letters, then a colon, then a value
            int colon = i;
            while (colon < n && Character.isLetter(query.charAt(colon))) {
                colon++;
            }
            if (colon > i && colon < n && query.charAt(colon) == ':') {
                String name = query.substring(i, colon);
                field = Field.named(name);
                if (field == null) {
                    throw new Invalid("unknown field '" + name + "'; the fields are " + Field.known(), i + 1);
                }
                i = colon + 1;
                if (i >= n || Character.isWhitespace(query.charAt(i))) {
                    throw new Invalid("no value after '" + name + ":'", i + 1);
                }
            }
            String text;
            boolean phrase = i < n && query.charAt(i) == '"';
            if (phrase) {
                int close = query.indexOf('"', i + 1);
                if (close < 0) {
                    throw new Invalid("a quote opened here is never closed", i + 1);
                }
                text = query.substring(i + 1, close).strip();
                i = close + 1;
                if (text.isEmpty()) {
                    throw new Invalid("an empty phrase", start + 1);
                }
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(query.charAt(end))) {
                    if (query.charAt(end) == '"') {
                        throw new Invalid("a quote inside a word; put the whole phrase in quotes", end + 1);
                    }
                    end++;
                }
                text = query.substring(i, end);
                i = end;
            }
            if (field == Field.YEAR && !text.matches("\\d{4}")) {
                throw new Invalid("year: takes a four-digit year", start + 1);
            }
            clauses.add(new Clause(field, text, phrase, excluded));
            if (clauses.size() > MAX_CLAUSES) {
                throw new Invalid("more than " + MAX_CLAUSES + " terms", start + 1);
            }
        }
        return new SearchQuery(List.copyOf(clauses));
    }
}
