package org.facsimile.web.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Elasticsearch's answer to a search, read in one streaming pass that keeps only what a page of
 * results needs: the time Elasticsearch took, the number of matches, the hits (the source fields
 * in {@link #SOURCE_FIELDS}, score, highlights, sort values) and each terms aggregation's buckets.
 * Anything else in the answer is skipped unread.
 *
 * <p>Read by hand rather than through elasticsearch-java's typed response: that builds a typed
 * object for every part of the answer and a map for every source, and the search benchmark's
 * profile showed reading the answer as the largest single share of the web node's work on a
 * search. The request is still built with the typed client's builders.
 */
record SearchAnswer(
        long tookMillis,
        long total,
        List<SearchIndex.Hit> hits,
        Map<String, List<SearchIndex.Bucket>> aggregations,
        List<Object> lastSort) {

    /** The source fields a hit shows; Elasticsearch is asked for these only. */
    static final List<String> SOURCE_FIELDS = List.of(
            "datasetId",
            "versionId",
            "version",
            "doi",
            "title",
            "description",
            "creators",
            "keywords",
            "licence",
            "published",
            "url");

    private static final JsonFactory JSON = new JsonFactory();

    /** Reads the answer; an IOException when it is not the JSON of a search answer. */
    static SearchAnswer read(InputStream in) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            long took = 0;
            long total = -1;
            List<SearchIndex.Hit> hits = new ArrayList<>();
            List<Object> lastSort = null;
            Map<String, List<SearchIndex.Bucket>> aggregations = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "took" -> took = p.getValueAsLong();
                    case "hits" -> {
                        expect(p, value, JsonToken.START_OBJECT);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String field = p.currentName();
                            JsonToken v = p.nextToken();
                            if (field.equals("total") && v == JsonToken.START_OBJECT) {
                                total = totalValue(p);
                            } else if (field.equals("hits")) {
                                expect(p, v, JsonToken.START_ARRAY);
                                while (p.nextToken() == JsonToken.START_OBJECT) {
                                    Hit hit = hit(p);
                                    hits.add(hit.hit());
                                    lastSort = hit.sort();
                                }
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                    case "aggregations" -> {
                        expect(p, value, JsonToken.START_OBJECT);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String aggregation = p.currentName();
                            expect(p, p.nextToken(), JsonToken.START_OBJECT);
                            aggregations.put(aggregation, buckets(p));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            return new SearchAnswer(took, total < 0 ? hits.size() : total, hits, aggregations, lastSort);
        }
    }

    private record Hit(SearchIndex.Hit hit, List<Object> sort) {}

    private static long totalValue(JsonParser p) throws IOException {
        long value = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("value")) {
                value = p.getValueAsLong();
            } else {
                p.skipChildren();
            }
        }
        return value;
    }

    private static Hit hit(JsonParser p) throws IOException {
        Map<String, Object> source = Map.of();
        Double score = null;
        Map<String, List<String>> highlight = Map.of();
        List<Object> sort = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "_score" -> score = value == JsonToken.VALUE_NULL ? null : p.getDoubleValue();
                case "_source" -> {
                    expect(p, value, JsonToken.START_OBJECT);
                    source = source(p);
                }
                case "highlight" -> {
                    expect(p, value, JsonToken.START_OBJECT);
                    highlight = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String highlighted = p.currentName();
                        p.nextToken();
                        highlight.put(highlighted, strings(p));
                    }
                }
                case "sort" -> {
                    expect(p, value, JsonToken.START_ARRAY);
                    sort = new ArrayList<>(2);
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        sort.add(scalar(p));
                    }
                }
                default -> p.skipChildren();
            }
        }
        Object version = source.get("version");
        return new Hit(
                new SearchIndex.Hit(
                        text(source.get("datasetId")),
                        text(source.get("versionId")),
                        version instanceof Number n ? n.intValue() : 1,
                        text(source.get("doi")),
                        text(source.get("title")),
                        text(source.get("description")),
                        list(source.get("creators")),
                        list(source.get("keywords")),
                        text(source.get("licence")),
                        text(source.get("published")),
                        text(source.get("url")),
                        // sorted by a field, Elasticsearch computes no score (NaN or null): none then
                        score == null || score.isNaN() ? null : score,
                        highlight),
                sort);
    }

    /** The source's plain values and arrays of plain values; nested objects are skipped. */
    private static Map<String, Object> source(JsonParser p) throws IOException {
        Map<String, Object> source = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_ARRAY) {
                source.put(field, strings(p));
            } else if (value == JsonToken.START_OBJECT) {
                p.skipChildren();
            } else {
                source.put(field, scalar(p));
            }
        }
        return source;
    }

    /** An array's plain values as text (the parser is on its start). */
    private static List<String> strings(JsonParser p) throws IOException {
        expect(p, p.currentToken(), JsonToken.START_ARRAY);
        List<String> values = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (t != JsonToken.VALUE_NULL) {
                values.add(p.getText());
            }
        }
        return values;
    }

    /** A terms aggregation's buckets: key (numbers as whole-number text) and document count. */
    private static List<SearchIndex.Bucket> buckets(JsonParser p) throws IOException {
        List<SearchIndex.Bucket> buckets = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (!field.equals("buckets") || value != JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String key = null;
                long count = 0;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    JsonToken v = p.nextToken();
                    if (f.equals("key")) {
                        key = v == JsonToken.VALUE_NUMBER_FLOAT
                                ? Long.toString((long) p.getDoubleValue())
                                : p.getText();
                    } else if (f.equals("doc_count")) {
                        count = p.getValueAsLong();
                    } else {
                        p.skipChildren();
                    }
                }
                if (key != null) {
                    buckets.add(new SearchIndex.Bucket(key, count));
                }
            }
        }
        return buckets;
    }

    /** A plain value: Long, Double, String, Boolean or null. */
    private static Object scalar(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_OBJECT, START_ARRAY -> {
                p.skipChildren();
                yield null;
            }
            default -> p.getText();
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return value instanceof List<?> l ? (List<String>) l : value == null ? null : List.of(value.toString());
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException(
                    "not a search answer: " + expected + " expected at " + p.currentLocation() + ", found " + actual);
        }
    }
}
