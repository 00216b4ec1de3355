package org.facsimile.web.search;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.facsimile.web.platform.Problem;
import org.facsimile.web.platform.ProblemException;

/**
 * One search, checked: the parsed query, facet filters, sort, page size, and where the page
 * starts (an offset for the first pages, a cursor from the previous page for deep paging).
 */
public record SearchRequest(
        String text, SearchQuery query, Map<Facet, List<String>> filters, Sort sort, int size, int from, Cursor after) {

    /** The facets counted for every search and usable as filters ({@code ?licence=cc-by-4.0}). */
    public enum Facet {
        KEYWORD("keyword", "keywords.raw"),
        SUBJECT("subject", "subjects"),
        CREATOR("creator", "creators.raw"),
        LICENCE("licence", "licence"),
        YEAR("year", "year"),
        FORMAT("format", "formats"),
        SOURCE("source", "source");

        private final String param;
        private final String indexField;

        Facet(String param, String indexField) {
            this.param = param;
            this.indexField = indexField;
        }

        public String param() {
            return param;
        }

        public String indexField() {
            return indexField;
        }
    }

    /** Result orders; each ends with the dataset id so that pages never overlap. */
    public enum Sort {
        RELEVANCE,
        NEWEST,
        TITLE;

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where a deep page starts: the sort values of the last hit of the page before. */
    public record Cursor(Sort sort, List<Object> values) {

        /**
         * Looked up once: {@code Json.create...} runs a ServiceLoader scan of the class path on
         * every call, which the search benchmark's profile showed as a tenth of a search's time.
         */
        private static final JsonProvider JSON = JsonProvider.provider();

        /** Opaque to clients: base64url of a small JSON array. */
        public String encode() {
            JsonArrayBuilder array = JSON.createArrayBuilder().add(sort.param());
            for (Object v : values) {
                if (v instanceof Long l) {
                    array.add(l);
                } else if (v instanceof Double d) {
                    array.add(d);
                } else {
                    array.add(String.valueOf(v));
                }
            }
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(array.build().toString().getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String token) {
            try {
                String json = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                JsonArray array;
                try (JsonReader reader = JSON.createReader(new StringReader(json))) {
                    array = reader.readArray();
                }
                Sort sort = Sort.valueOf(array.getString(0).toUpperCase(Locale.ROOT));
                List<Object> values = new ArrayList<>();
                for (JsonValue v : array.subList(1, array.size())) {
                    if (v instanceof JsonNumber num) {
                        values.add(num.isIntegral() ? (Object) num.longValue() : (Object) num.doubleValue());
                    } else if (v instanceof JsonString str) {
                        values.add(str.getString());
                    } else {
                        throw new IllegalArgumentException("not a sort value");
                    }
                }
                if (values.size() != 2) {
                    throw new IllegalArgumentException("two sort values");
                }
                return new Cursor(sort, values);
            } catch (RuntimeException e) {
                throw invalid("after", "not a cursor this search gave out; start again from the first page");
            }
        }
    }

    public static final int MAX_SIZE = 100;
    /** Offsets go this far; further pages use the cursor. */
    public static final int MAX_OFFSET = 10_000;

    public static final int MAX_QUERY_LENGTH = 1000;

    private static final Set<String> PAGING = Set.of("q", "sort", "size", "from", "after");

    /** Checks the query parameters of a search; 400 problem+json saying what is wrong. */
    public static SearchRequest of(Map<String, List<String>> params) {
        Set<String> unknown = new TreeSet<>(params.keySet());
        unknown.removeAll(PAGING);
        Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            unknown.remove(facet.param());
            List<String> values = params.get(facet.param());
            if (values != null && !values.isEmpty()) {
                for (String v : values) {
                    if (v.isBlank() || v.length() > 300) {
                        throw invalid(facet.param(), "a facet value is 1 to 300 characters");
                    }
                    if (facet == Facet.YEAR && !v.matches("\\d{4}")) {
                        throw invalid("year", "a four-digit year");
                    }
                }
                filters.put(facet, List.copyOf(values));
            }
        }
        if (!unknown.isEmpty()) {
            throw invalid(
                    unknown.iterator().next(),
                    "unknown parameter; a search takes q, sort, size, from, after and the facets "
                            + String.join(
                                    ", ",
                                    Arrays.stream(Facet.values())
                                            .map(Facet::param)
                                            .toList()));
        }
        String text = single(params, "q");
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            throw invalid("q", "the query is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        SearchQuery query;
        try {
            query = SearchQuery.parse(text);
        } catch (SearchQuery.Invalid e) {
            throw new ProblemException(
                    400,
                    "invalid-query",
                    "Invalid query",
                    e.getMessage() + " (at character " + e.position() + ")",
                    List.of(new Problem.Where(
                            null, null, null, "q", e.getMessage() + " (at character " + e.position() + ")")));
        }
        String sortParam = single(params, "sort");
        Sort sort;
        if (sortParam == null || sortParam.isBlank()) {
            // none, or a form's empty choice: by relevance when there are words, else newest
            sort = query.isEmpty() ? Sort.NEWEST : Sort.RELEVANCE;
        } else {
            try {
                sort = Sort.valueOf(sortParam.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("sort", "sort is relevance, newest or title");
            }
        }
        int size = integer(params, "size", 20);
        if (size < 1 || size > MAX_SIZE) {
            throw invalid("size", "size is between 1 and " + MAX_SIZE);
        }
        int from = integer(params, "from", 0);
        if (from < 0 || from + size > MAX_OFFSET) {
            throw invalid(
                    "from", "from is between 0 and " + (MAX_OFFSET - size) + "; page further with the next cursor");
        }
        String afterParam = single(params, "after");
        Cursor after = null;
        if (afterParam != null) {
            if (from > 0) {
                throw invalid("after", "give either from or after, not both");
            }
            after = Cursor.decode(afterParam);
            if (after.sort() != sort) {
                throw invalid(
                        "after",
                        "the cursor belongs to a search sorted by "
                                + after.sort().param());
            }
        }
        return new SearchRequest(text, query, filters, sort, size, from, after);
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw invalid(name, "given more than once");
        }
        return values.get(0);
    }

    private static int integer(Map<String, List<String>> params, String name, int otherwise) {
        String value = single(params, name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, name + " is a whole number");
        }
    }

    private static ProblemException invalid(String param, String message) {
        return new ProblemException(
                400,
                "invalid-search",
                "Invalid search",
                param + ": " + message,
                List.of(new Problem.Where(null, null, null, param, message)));
    }
}
