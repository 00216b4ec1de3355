package org.facsimile.web.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.facsimile.web.platform.ProblemException;
import org.junit.jupiter.api.Test;

class SearchRequestTest {

    private static Map<String, List<String>> params(String... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return map;
    }

    @Test
    void defaultsSortByRelevanceWithAQueryAndByDateWithout() {
        SearchRequest withQuery = SearchRequest.of(params("q", "census"));
        assertEquals(SearchRequest.Sort.RELEVANCE, withQuery.sort());
        assertEquals(20, withQuery.size());
        assertEquals(0, withQuery.from());
        assertNull(withQuery.after());
        assertEquals(SearchRequest.Sort.NEWEST, SearchRequest.of(params()).sort());
        // a form's empty choice is the default too
        assertEquals(
                SearchRequest.Sort.RELEVANCE,
                SearchRequest.of(params("q", "census", "sort", "")).sort());
        assertEquals(
                SearchRequest.Sort.NEWEST, SearchRequest.of(params("sort", "")).sort());
    }

    @Test
    void facetFiltersAreRepeatable() {
        SearchRequest r = SearchRequest.of(params("licence", "cc-by-4.0", "licence", "cc0-1.0", "year", "2026"));
        assertEquals(List.of("cc-by-4.0", "cc0-1.0"), r.filters().get(SearchRequest.Facet.LICENCE));
        assertEquals(List.of("2026"), r.filters().get(SearchRequest.Facet.YEAR));
    }

    @Test
    void aCursorRoundTripsAndBelongsToItsSort() {
        String token =
                new SearchRequest.Cursor(SearchRequest.Sort.NEWEST, List.of(1_790_000_000_000L, "b4c1")).encode();
        SearchRequest next = SearchRequest.of(params("after", token));
        assertEquals(List.of(1_790_000_000_000L, "b4c1"), next.after().values());
        String relevance = new SearchRequest.Cursor(SearchRequest.Sort.RELEVANCE, List.of(2.5d, "a1")).encode();
        assertEquals(
                List.of(2.5d, "a1"),
                SearchRequest.of(params("q", "x", "after", relevance)).after().values());
        assertBad(params("after", relevance), "after", "sorted by relevance");
    }

    @Test
    void badParametersAreRefusedSayingWhich() {
        assertBad(params("colour", "red"), "colour", "unknown parameter");
        assertBad(params("size", "0"), "size", "between 1 and 100");
        assertBad(params("size", "many"), "size", "whole number");
        assertBad(params("from", "9990"), "from", "next cursor");
        assertBad(params("from", "-1"), "from", "between 0");
        assertBad(params("sort", "random"), "sort", "relevance, newest or title");
        assertBad(params("after", "not-a-cursor"), "after", "not a cursor");
        assertBad(params("after", "W10"), "after", "not a cursor");
        assertBad(params("year", "last"), "year", "four-digit");
        assertBad(params("q", "x".repeat(1001)), "q", "longer than 1000");
        assertBad(params("q", "a", "q", "b"), "q", "more than once");
        assertBad(params("q", "title:"), "q", "no value after");
        String cursor = new SearchRequest.Cursor(SearchRequest.Sort.NEWEST, List.of(1L, "a")).encode();
        assertBad(params("from", "20", "after", cursor), "after", "not both");
    }

    private static void assertBad(Map<String, List<String>> params, String param, String message) {
        ProblemException e = assertThrows(ProblemException.class, () -> SearchRequest.of(params), params.toString());
        assertEquals(400, e.status());
        assertTrue(e.toProblem().detail().contains(message), e.toProblem().detail());
        assertEquals(
                param, e.toProblem().errors().get(0).pointer(), e.toProblem().toString());
    }
}
