package org.facsimile.web.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reading Elasticsearch's search answer. {@code search/answer.json} is an answer Elasticsearch 8.19
 * gave to the web node's kind of search (two hits by relevance, two terms aggregations, one of
 * them over numbers), over the search benchmark's generated records.
 */
class SearchAnswerTest {

    private static SearchAnswer read(String json) throws IOException {
        return SearchAnswer.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsHitsFacetsTotalAndTheLastSortValues() throws IOException {
        SearchAnswer answer;
        try (InputStream in = SearchAnswerTest.class.getResourceAsStream("/search/answer.json")) {
            answer = SearchAnswer.read(in);
        }
        assertEquals(32, answer.tookMillis());
        assertEquals(41210, answer.total());
        assertEquals(2, answer.hits().size());

        SearchIndex.Hit first = answer.hits().get(0);
        assertEquals("00000000-0000-002a-0000-000000001a35", first.datasetId());
        assertEquals("00000000-0000-002b-0000-000000001a35", first.versionId());
        assertEquals(2, first.version());
        assertEquals("10.5072/bench.6709", first.doi());
        assertEquals("Heath heath and heath survey 6709", first.title());
        assertTrue(first.description().startsWith("Synthetic twin of a survey of"));
        assertEquals(List.of("Surname328, Given31"), first.creators());
        assertEquals(List.of("energy", "villages"), first.keywords());
        assertEquals("cc0-1.0", first.licence());
        assertEquals("2026-09-10T10:00:00Z", first.published());
        assertEquals("http://localhost/datasets/00000000-0000-002a-0000-000000001a35", first.url());
        assertEquals(12.289583, first.score(), 1e-9);
        assertEquals(
                Map.of("title", List.of("<mark>Heath</mark> <mark>heath</mark> and <mark>heath</mark> survey 6709")),
                first.highlights());

        // the cursor of the next page comes from the last hit: its score and id, typed
        assertEquals(List.of(12.289583, "00000000-0000-002a-0000-00000000f367"), answer.lastSort());

        assertEquals(
                List.of(
                        new SearchIndex.Bucket("mammals", 4162),
                        new SearchIndex.Bucket("climate", 4110),
                        new SearchIndex.Bucket("panel", 4067)),
                answer.aggregations().get("keyword"));
        // numbers' buckets (the year) come as whole-number text
        assertEquals(
                List.of(
                        new SearchIndex.Bucket("2023", 3522),
                        new SearchIndex.Bucket("2022", 3481),
                        new SearchIndex.Bucket("2017", 3462)),
                answer.aggregations().get("year"));
    }

    @Test
    void aSearchSortedByAFieldHasNoScoreAndWholeNumberSortValues() throws IOException {
        SearchAnswer answer = read("{\"took\":1,\"hits\":{\"total\":{\"value\":3,\"relation\":\"eq\"},\"hits\":["
                + "{\"_score\":null,\"_source\":{\"datasetId\":\"a\",\"title\":\"T\",\"unknown\":{\"x\":[1,2]}},"
                + "\"sort\":[1764547200000,\"a\"]}]},"
                + "\"aggregations\":{\"licence\":{\"buckets\":[]}}}");
        SearchIndex.Hit hit = answer.hits().get(0);
        assertNull(hit.score());
        assertEquals(1, hit.version(), "a source without a version is version 1");
        assertNull(hit.creators());
        assertEquals(Map.of(), hit.highlights());
        assertEquals(List.of(1764547200000L, "a"), answer.lastSort());
        assertEquals(List.of(), answer.aggregations().get("licence"));
        assertEquals(3, answer.total());
    }

    @Test
    void anAnswerWithoutHitsOrTotal() throws IOException {
        SearchAnswer answer = read("{\"took\":0,\"timed_out\":false,\"hits\":{\"hits\":[]}}");
        assertEquals(0, answer.total());
        assertEquals(List.of(), answer.hits());
        assertNull(answer.lastSort());
        assertEquals(Map.of(), answer.aggregations());
    }

    @Test
    void somethingElseIsRefused() {
        assertThrows(IOException.class, () -> read("[1,2,3]"));
        assertThrows(IOException.class, () -> read("{\"hits\":[]}"));
        assertThrows(IOException.class, () -> read("{\"took\":1,\"hits\":{\"hits\":[{\"_source\":"));
        assertThrows(IOException.class, () -> read("<html>proxy error</html>"));
    }

    @Test
    void serverTimingIsInMillisecondsWithTwoDecimals() {
        String header =
                SearchResource.serverTiming(new SearchIndex.Timing(3_000_000L, 4_456_789L, 4_999_999L), 5_004_999L);
        assertEquals(
                "es;dur=3.00;desc=\"Elasticsearch\", es-trip;dur=4.46;desc=\"round trip to Elasticsearch\","
                        + " search;dur=5.00;desc=\"search\", answer;dur=5.00;desc=\"answer written\"",
                header);
        assertEquals("0.07", SearchResource.millis(new StringBuilder(), 70_000L).toString());
        assertEquals(
                "12.30", SearchResource.millis(new StringBuilder(), 12_300_000L).toString());
    }
}
