package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A deposit carrying unique marker strings, one per row, goes the whole way (upload, a schema
 * correction, synthesis, report, a reviewer link, publication, indexing, harvesting); afterwards no
 * marker is in a log, the search index, a public answer, a reviewer's preview, an error body, or a
 * synthetic row.
 */
class LeakIT {

    @Test
    void uniqueValuesOfADepositAppearNowhereOutsideItsPrivateArea() throws Exception {
        Stack stack = RunningRepository.get();
        ApiClient xavier = RunningRepository.newDepositor("xavier");
        ApiClient anonymous = xavier.as(null);
        String tag = "qzx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        StringBuilder csv = new StringBuilder("visit_id,age,ward,note\n");
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String marker = tag + "m" + i;
            markers.add(marker);
            csv.append(i + 1)
                    .append(',')
                    .append(20 + i % 50)
                    .append(',')
                    .append(i % 3 == 0 ? "north" : "south")
                    .append(',')
                    .append(marker)
                    .append('\n');
        }
        String deposit = DepositToPublishIT.createDeposit(xavier, "Ward visits survey");
        String d = "/api/deposits/" + deposit;
        assertEquals(
                201,
                xavier.put(d + "/files/visits.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                        .status());
        // a schema correction that fails quotes no value back
        String badSchema = "{\"@context\":\"http://www.w3.org/ns/csvw\",\"url\":\"visits.csv\",\"tableSchema\":"
                + "{\"columns\":[{\"name\":\"visit_id\",\"datatype\":\"integer\"},{\"name\":\"age\",\"datatype\":"
                + "\"integer\"},{\"name\":\"ward\",\"datatype\":\"string\"},{\"name\":\"note\",\"datatype\":\"integer\"}]}}";
        ApiClient.Reply refused = xavier.put(
                d + "/files/visits.csv/schema", "application/csvm+json", badSchema.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, refused.status(), refused.body());
        assertNoMarker(refused.body(), tag, "an error body");

        assertEquals(
                200,
                xavier.put(d + "/analysis-terms", "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                        .status());
        assertEquals(
                202,
                xavier.post(d + "/submit", "{\"synthesizer\":\"baseline\"}").status());
        assertEquals(
                "DONE",
                DepositToPublishIT.awaitJob(xavier, deposit).path("step").asText());
        // what a reviewer link shows before publication: the page and the synthetic table
        ApiClient.Reply link = xavier.post(d + "/reviewer-links", "{\"label\":\"Referees\"}");
        assertEquals(201, link.status(), link.body());
        String preview = link.json().path("url").asText().replaceFirst("^https?://[^/]+", "");
        ApiClient.Reply previewPage = anonymous.get(preview, "text/html");
        assertEquals(200, previewPage.status(), previewPage.body());
        assertNoMarker(previewPage.body(), tag, "a reviewer's preview");
        ApiClient.Reply previewTable = anonymous.get(preview + "/tables/visits.csv");
        assertEquals(200, previewTable.status());
        assertNoMarker(previewTable.body(), tag, "a reviewer's synthetic table");
        assertNoMarker(xavier.get(d + "/reviewer-links").body(), tag, "the list of reviewer links");

        ApiClient.Reply published = xavier.post(d + "/publish", null);
        assertEquals(201, published.status(), published.body());
        String dataset = published.json().path("datasetId").asText();

        List<String> publicAnswers = new ArrayList<>();
        publicAnswers.add(anonymous.get("/api/datasets/" + dataset).body());
        publicAnswers.add(
                anonymous.get("/api/datasets/" + dataset + "/files/visits.csv").body());
        publicAnswers.add(
                anonymous.get("/api/datasets/" + dataset + "/files/visits.ttl").body());
        publicAnswers.add(anonymous
                .get("/api/datasets/" + dataset + "/files/csv-metadata.json")
                .body());
        publicAnswers.add(anonymous.get("/datasets/" + dataset).body());
        publicAnswers.add(
                anonymous.get("/api/catalog/datasets/" + dataset + ".ttl").body());
        publicAnswers.add(anonymous
                .get("/api/oai?verb=ListRecords&metadataPrefix=oai_datacite")
                .body());
        String synthetic = publicAnswers.get(1);
        assertTrue(synthetic.startsWith("visit_id,age,ward,note"), synthetic.substring(0, 40));
        assertTrue(synthetic.lines().count() > 100, "the synthetic table has rows");
        for (String answer : publicAnswers) {
            assertNoMarker(answer, tag, "a public answer");
        }

        // verified analyses: one that picks a row by its unique value, one that is fine; neither
        // answer, nor the log lines of their runs, holds a marker
        ApiClient yvonne = RunningRepository.newDepositor("yvonne-analyses");
        String probe = "{\"dataset\":\"" + dataset + "\",\"table\":\"visits.csv\",\"analysis\":{\"kind\":\"COUNT\","
                + "\"groupBy\":[\"ward\"],\"filters\":[{\"column\":\"note\",\"op\":\"!=\",\"value\":\""
                + markers.get(7) + "\"}]}}";
        String fine = "{\"dataset\":\"" + dataset + "\",\"table\":\"visits.csv\",\"analysis\":{\"kind\":\"MEAN\","
                + "\"column\":\"age\",\"groupBy\":[\"ward\"]}}";
        for (String analysis : List.of(probe, fine)) {
            ApiClient.Reply sent = yvonne.post("/api/analyses", analysis);
            assertTrue(sent.status() == 202 || sent.status() == 422, sent.body());
            if (sent.status() == 202) {
                String id = sent.json().path("id").asText();
                String state =
                        VerifiedAnalysisIT.await(yvonne, id).path("state").asText();
                String answer = yvonne.get("/api/analyses/" + id).body();
                assertTrue(analysis.equals(fine) ? state.equals("RELEASED") : !state.equals("RELEASED"), answer);
                assertNoMarker(
                        answer.replace(markers.get(7), ""),
                        tag,
                        "a verified analysis (beyond the reader's own filter)");
            }
        }

        // the search index, asked through the API and directly
        long deadline = System.currentTimeMillis() + 60_000;
        while (!anonymous.get("/api/search?q=Ward").body().contains(dataset) && System.currentTimeMillis() < deadline) {
            Thread.sleep(300);
        }
        assertTrue(anonymous.get("/api/search?q=Ward").body().contains(dataset), "indexed");
        assertFalse(anonymous.get("/api/search?q=" + markers.get(7)).body().contains(dataset));
        HttpResponse<String> raw = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + "/_all/_search?size=1000&q=*"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, raw.statusCode());
        assertNoMarker(raw.body(), tag, "the Elasticsearch documents");

        // the logs of every server, and every file outside the private area
        try (Stream<Path> files = Files.walk(stack.dataDir())) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String path = stack.dataDir().relativize(file).toString();
                if (path.startsWith("store/private")
                        || path.startsWith("postgres")
                        || path.startsWith("elasticsearch")) {
                    continue; // encrypted (checked by AccessControlIT), the database's own files, the index's
                }
                assertNoMarker(Files.readString(file, StandardCharsets.ISO_8859_1), tag, path);
            }
        }
        try (Stream<Path> logs = Files.list(stack.dataDir().resolve("logs"))) {
            assertTrue(logs.findAny().isPresent(), "there are logs to read");
        }
    }

    private static void assertNoMarker(String text, String tag, String where) {
        assertFalse(text.contains(tag), "a marker of the private input leaked into " + where);
    }
}
