package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Search as the public uses it, on the real Elasticsearch: words found wherever they are (a column
 * description included), phrases, exclusions and fields, facets that count right and filter,
 * snippets, deep paging that neither skips nor repeats, withdrawn datasets vanishing, a rebuild
 * that moves the alias, and Elasticsearch stopped and started again.
 */
class SearchIT {

    private static final String FAST = "{\"synthesizer\":\"baseline\"}";

    private static ApiClient nora;
    private static ApiClient anonymous;
    private static String terns;
    private static String gulls;
    private static String clinic;

    /** A published dataset: a small table whose one column has a description, under a licence. */
    static String publish(ApiClient owner, String title, String licence, List<String> keywords, String columnNote)
            throws Exception {
        return publish(owner, title, "Search, Nora", licence, keywords, columnNote);
    }

    static String publish(
            ApiClient owner, String title, String creator, String licence, List<String> keywords, String columnNote)
            throws Exception {
        return publish(owner, title, creator, licence, keywords, columnNote, Map.of());
    }

    /** @param more further metadata for the deposit (coverage, say) */
    static String publish(
            ApiClient owner,
            String title,
            String creator,
            String licence,
            List<String> keywords,
            String columnNote,
            Map<String, Object> more)
            throws Exception {
        String deposit = synthesized(owner, title, creator, licence, keywords, columnNote, more);
        ApiClient.Reply published = owner.post(deposit + "/publish", null);
        assertEquals(201, published.status(), published.body());
        return published.json().path("datasetId").asText();
    }

    /** A deposit with a small survey table, synthesized and ready to publish: its API path. */
    static String synthesized(
            ApiClient owner,
            String title,
            String creator,
            String licence,
            List<String> keywords,
            String columnNote,
            Map<String, Object> more)
            throws Exception {
        Map<String, Object> metadata = new java.util.HashMap<>(more);
        metadata.putAll(Map.of(
                "title",
                title,
                "description",
                "Counts from a fictional survey of " + title.toLowerCase() + ".",
                "creators",
                List.of(creator),
                "keywords",
                keywords,
                "licence",
                licence.equals("cc0-1.0")
                        ? "https://creativecommons.org/publicdomain/zero/1.0/"
                        : "https://creativecommons.org/licenses/by/4.0/"));
        ApiClient.Reply created = owner.post("/api/deposits", ApiClient.json(metadata));
        assertEquals(201, created.status(), created.body());
        String deposit = "/api/deposits/" + created.json().path("id").asText();
        StringBuilder csv = new StringBuilder("site_id,count,habitat\n");
        for (int i = 0; i < 120; i++) {
            csv.append("S")
                    .append(100 + i)
                    .append(',')
                    .append(i % 17)
                    .append(',')
                    .append(i % 3 == 0 ? "dune" : "cliff");
            csv.append('\n');
        }
        assertEquals(
                201,
                owner.put(
                                deposit + "/files/survey.csv",
                                "text/csv",
                                csv.toString().getBytes(StandardCharsets.UTF_8))
                        .status());
        JsonNode schema = owner.get(deposit + "/files/survey.csv/schema").json();
        ((ObjectNode) schema.path("tableSchema").path("columns").get(2)).put("dc:description", columnNote);
        assertEquals(
                200,
                owner.put(
                                deposit + "/files/survey.csv/schema",
                                "application/csvm+json",
                                schema.toString().getBytes(StandardCharsets.UTF_8))
                        .status());
        assertEquals(202, owner.post(deposit + "/submit", FAST).status());
        assertEquals(
                "DONE",
                DepositToPublishIT.awaitJob(owner, created.json().path("id").asText())
                        .path("step")
                        .asText());
        return deposit;
    }

    @BeforeAll
    static void datasets() throws Exception {
        nora = RunningRepository.newDepositor("nora-search");
        anonymous = nora.as(null);
        terns = publish(
                nora,
                "Arctic tern colony counts",
                "cc-by-4.0",
                List.of("seabirds", "colonies"),
                "Nesting substrate, as judged by the plumbago-scented field team");
        gulls = publish(
                nora, "Herring gull colony counts", "cc0-1.0", List.of("seabirds"), "Nesting substrate of the colony");
        clinic = publish(
                nora, "Outpatient clinic attendance", "cc0-1.0", List.of("health"), "Waiting area of the clinic");
        for (String id : List.of(terns, gulls, clinic)) {
            awaitFound("doi:" + doiOf(id), 1);
        }
    }

    private static String doiOf(String datasetId) throws Exception {
        return anonymous.get("/api/datasets/" + datasetId).json().path("doi").asText();
    }

    private static JsonNode search(String query) throws Exception {
        ApiClient.Reply r = anonymous.get("/api/search?" + query);
        assertEquals(200, r.status(), query + ": " + r.body());
        return r.json();
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static JsonNode awaitFound(String text, long expected) throws Exception {
        // a hang guard, not a timing: the outbox indexes within a second or two, or within a minute
        // of Elasticsearch coming back
        long deadline = System.currentTimeMillis() + 120_000;
        JsonNode found;
        do {
            found = anonymous.get("/api/search?" + q(text)).json();
            if (found.path("total").asLong() == expected) {
                return found;
            }
            Thread.sleep(300);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError(text + ": expected " + expected + " hits, got " + found);
    }

    private static Set<String> ids(JsonNode results) {
        Set<String> ids = new HashSet<>();
        results.path("hits").forEach(h -> ids.add(h.path("datasetId").asText()));
        return ids;
    }

    @Test
    void aWordOnlyInAColumnDescriptionFindsTheDatasetWithASnippet() throws Exception {
        JsonNode found = search(q("plumbago"));
        assertEquals(Set.of(terns), ids(found));
        JsonNode snippet = found.path("hits").get(0).path("highlights").path("columns");
        assertTrue(snippet.toString().contains("<mark>plumbago</mark>"), found.toString());
        assertEquals(Set.of(terns), ids(search(q("column:plumbago"))));
        assertEquals(Set.of(), ids(search(q("title:plumbago"))), "a field limits where a word is looked for");
    }

    @Test
    void phrasesExclusionsAndFields() throws Exception {
        assertEquals(Set.of(terns, gulls), ids(search(q("\"colony counts\" -clinic"))));
        assertEquals(Set.of(gulls), ids(search(q("colony counts -tern"))));
        assertEquals(Set.of(), ids(search(q("\"counts colony\""))), "a phrase keeps its order");
        assertEquals(Set.of(gulls, clinic), ids(search(q("creator:nora licence:cc0-1.0"))));
        assertEquals(Set.of(terns, gulls), ids(search(q("keyword:seabirds creator:nora"))));
    }

    @Test
    void facetsCountTheMatchesAndFilterThem() throws Exception {
        JsonNode all = search(q("creator:nora"));
        assertEquals(3, all.path("total").asLong());
        Map<String, Long> licences = counts(all.path("facets").path("licence"));
        assertEquals(1L, licences.get("cc-by-4.0"));
        assertEquals(2L, licences.get("cc0-1.0"));
        assertEquals(2L, counts(all.path("facets").path("keyword")).get("seabirds"));
        assertEquals(3L, counts(all.path("facets").path("format")).get("text/csv"));
        assertEquals(3L, counts(all.path("facets").path("source")).get("private"));
        assertNotNull(counts(all.path("facets").path("year")).values().stream()
                .findFirst()
                .orElse(null));

        JsonNode cc0 = search(q("creator:nora") + "&licence=cc0-1.0");
        assertEquals(Set.of(gulls, clinic), ids(cc0));
        assertEquals(1L, counts(cc0.path("facets").path("keyword")).get("seabirds"), "counts follow the filter");
        assertEquals(
                Set.of(terns, gulls, clinic),
                ids(search(q("creator:nora") + "&licence=cc0-1.0&licence=cc-by-4.0")),
                "values of one facet are alternatives");
        assertEquals(Set.of(gulls), ids(search(q("creator:nora") + "&licence=cc0-1.0&keyword=seabirds")));
    }

    @Test
    void pagingByCursorNeitherSkipsNorRepeats() throws Exception {
        for (String sort : List.of("title", "newest", "relevance")) {
            Set<String> seen = new HashSet<>();
            String after = null;
            int pages = 0;
            do {
                JsonNode page =
                        search(q("creator:nora") + "&size=1&sort=" + sort + (after == null ? "" : "&after=" + after));
                for (JsonNode hit : page.path("hits")) {
                    assertTrue(seen.add(hit.path("datasetId").asText()), sort + ": a hit came twice");
                }
                after = page.path("next").isNull() ? null : page.path("next").asText(null);
                pages++;
            } while (after != null && pages < 10);
            assertEquals(Set.of(terns, gulls, clinic), seen, sort);
        }
        JsonNode byTitle = search(q("creator:nora") + "&sort=title");
        assertEquals(
                "Arctic tern colony counts",
                byTitle.path("hits").get(0).path("title").asText());
    }

    @Test
    void theSearchPageShowsResultsFacetsAndProblemsWithoutJavaScript() throws Exception {
        ApiClient.Reply page = anonymous.get("/search?" + q("plumbago"), "text/html");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        assertTrue(page.body().contains("<mark>plumbago</mark>"), "the snippet, highlighted");
        assertTrue(page.body().contains("/datasets/" + terns + "\""), "a link to the landing page");
        assertTrue(page.body().contains("<h2>Licence</h2>"), "facets");
        assertTrue(page.body().contains("<form method=\"get\" action=\"/search\""), "a plain form");

        ApiClient.Reply filtered = anonymous.get("/search?" + q("creator:nora") + "&licence=cc0-1.0", "text/html");
        assertTrue(filtered.body().contains("2 datasets"), filtered.body());
        assertTrue(filtered.body().contains("class=\"on\" aria-current=\"true\">&#10003; CC0 1.0"), "the filter shows");

        ApiClient.Reply broken = anonymous.get("/search?" + q("\"unclosed <b>"), "text/html");
        assertEquals(400, broken.status());
        assertTrue(broken.body().contains("never closed"), broken.body());
        assertTrue(broken.body().contains("value=\"&#34;unclosed &lt;b>\""), "the query comes back, escaped");
        assertFalse(broken.body().contains("<b>"), "and never as markup");
    }

    @Test
    void badSearchesAreProblemsSayingWhatAndWhere() throws Exception {
        Map<String, String> bad = Map.of(
                q("\"unclosed phrase"),
                "q",
                q("colour:red"),
                "q",
                "colour=red",
                "colour",
                "from=20000",
                "from",
                "size=0",
                "size",
                "sort=random",
                "sort",
                "after=garbage",
                "after",
                q("x".repeat(1001)),
                "q");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            ApiClient.Reply r = anonymous.get("/api/search?" + b.getKey());
            assertEquals(400, r.status(), b.getKey() + ": " + r.body());
            assertTrue(r.header("Content-Type").startsWith("application/problem+json"));
            assertEquals(
                    b.getValue(), r.json().path("errors").get(0).path("pointer").asText(), r.body());
            assertFalse(r.body().toLowerCase().contains("elasticsearch"), "no engine text: " + r.body());
        }
    }

    @Test
    void aWithdrawnDatasetVanishesAndARebuildMovesTheAlias() throws Exception {
        String doomed =
                publish(nora, "Kittiwake ledge counts", "Later, Otto", "cc0-1.0", List.of("seabirds"), "Ledge width");
        awaitFound("kittiwake", 1);
        ApiClient admin = RunningRepository.admin();
        assertEquals(
                200,
                admin.post("/api/admin/datasets/" + doomed + "/withdraw", "{\"reason\":\"consent withdrawn\"}")
                        .status());
        awaitFound("kittiwake", 0);

        JsonNode rebuilt = admin.post("/api/admin/search/reindex", null).json();
        assertTrue(rebuilt.path("documents").asLong() >= 3, rebuilt.toString());
        String index = rebuilt.path("index").asText();
        JsonNode aliases =
                ApiClient.MAPPER.readTree(new ApiClient(RunningRepository.get().elasticsearchUrl(), null)
                        .get("/facsimile-datasets/_alias")
                        .body());
        assertEquals(Set.of(index), fieldNames(aliases), "the alias points at the new index only");
        assertEquals(Set.of(terns), ids(search(q("plumbago"))), "found after the rebuild");
        assertEquals(0, search(q("kittiwake")).path("total").asLong(), "the withdrawn stays out");
    }

    @Test
    void aNodeStartingOnAnOlderMappingRebuildsTheIndexAndMovesTheAlias() throws Exception {
        Stack stack = RunningRepository.get();
        ApiClient es = new ApiClient(stack.elasticsearchUrl(), null);
        String current = fieldNames(ApiClient.MAPPER.readTree(
                        es.get("/facsimile-datasets/_alias").body()))
                .iterator()
                .next();
        // as an older release left it: the alias on an index of mapping version 1
        assertEquals(
                200,
                es.put("/facsimile-datasets-v1", "application/json", "{}".getBytes())
                        .status());
        String move = "{\"actions\":[{\"remove\":{\"index\":\"" + current
                + "\",\"alias\":\"facsimile-datasets\"}},{\"add\":{\"index\":\"facsimile-datasets-v1\","
                + "\"alias\":\"facsimile-datasets\"}}]}";
        assertEquals(200, es.post("/_aliases", move).status());

        stack.restartWeb(Map.of());
        awaitFound("plumbago", 1);
        Set<String> now = fieldNames(
                ApiClient.MAPPER.readTree(es.get("/facsimile-datasets/_alias").body()));
        assertEquals(1, now.size(), now.toString());
        assertTrue(now.iterator().next().startsWith("facsimile-datasets-v2-"), now.toString());
        // the old index is deleted just after the alias moves (the search above can come between)
        long deadline = System.currentTimeMillis() + 30_000; // a hang guard, not a timing
        while (es.get("/facsimile-datasets-v1").status() != 404 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(404, es.get("/facsimile-datasets-v1").status(), "the old index is gone");
    }

    @Test
    void withElasticsearchStoppedSearchIs503AndPublishingGoesOnThenCatchesUp() throws Exception {
        Stack stack = RunningRepository.get();
        stack.stopSearch();
        String late;
        try {
            ApiClient.Reply down = anonymous.get("/api/search?" + q("seabirds"));
            assertEquals(503, down.status(), down.body());
            assertTrue(down.header("Content-Type").startsWith("application/problem+json"));
            assertNotNull(down.header("Retry-After"));
            late = publish(
                    nora,
                    "Natterjack toad chorus counts",
                    "Later, Otto",
                    "cc0-1.0",
                    List.of("amphibians"),
                    "Pond depth");
            assertEquals(200, anonymous.get("/api/datasets/" + late).status(), "published while search is down");
            ApiClient.Reply ready = anonymous.get("/health/ready");
            assertEquals(200, ready.status(), "degraded, still in service: " + ready.body());
            JsonNode search = HealthIT.check(ready.json(), "search");
            assertEquals("UP", search.path("status").asText(), search.toString());
            assertFalse(search.path("data").path("reachable").asBoolean(), search.toString());
            assertTrue(search.path("data").path("degraded").asText().contains("503"), search.toString());
        } finally {
            stack.startSearch();
        }
        JsonNode found = awaitFound("natterjack", 1);
        assertEquals(late, found.path("hits").get(0).path("datasetId").asText());
    }

    private static Map<String, Long> counts(JsonNode buckets) {
        Map<String, Long> counts = new java.util.HashMap<>();
        buckets.forEach(
                b -> counts.put(b.path("value").asText(), b.path("count").asLong()));
        return counts;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
