package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Versions on the real stack: a published dataset gets a second version from new input; each
 * version keeps its own files, DOI and metadata; the dataset's URL and concept DOI lead to the
 * latest; the first version stays reachable and says it was superseded, in HTML, in its metadata
 * and in its Link headers. Only the depositor can start a version, and only one at a time.
 */
class VersionsIT {

    private static final String FAST = "{\"synthesizer\":\"baseline\"}";

    private static ApiClient vera;
    private static ApiClient anonymous;
    private static String datasetId;
    private static JsonNode first;
    private static JsonNode second;

    @BeforeAll
    static void twoVersions() throws Exception {
        vera = RunningRepository.newDepositor("vera-versions");
        anonymous = vera.as(null);
        datasetId = SearchIT.publish(
                vera, "Chalk grassland orchid counts", "Orchid, Vera", "cc-by-4.0", List.of("orchids"), "Quadrat");
        first = anonymous.get("/api/datasets/" + datasetId).json();
        String firstDeposit = vera.get("/api/deposits").json().get(0).path("id").asText();
        String terms = "{\"agreement\":\"Use only to check the published counts.\",\"deciders\":\"EITHER\"}";
        assertEquals(
                200,
                vera.put(
                                "/api/deposits/" + firstDeposit + "/access-terms",
                                "application/json",
                                terms.getBytes(StandardCharsets.UTF_8))
                        .status());

        ApiClient.Reply opened = vera.post("/api/datasets/" + datasetId + "/versions", null);
        assertEquals(201, opened.status(), opened.body());
        JsonNode draft = opened.json();
        String deposit = "/api/deposits/" + draft.path("id").asText();
        assertEquals(deposit, opened.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertEquals("DRAFT", draft.path("state").asText());
        assertEquals(datasetId, draft.path("versionOf").asText());
        assertEquals("Chalk grassland orchid counts", draft.path("title").asText(), "the metadata is carried over");
        assertNotEquals(first.path("doi").asText(), draft.path("doi").asText(), "a DOI of its own");
        assertEquals(1, draft.path("files").size(), "the input is carried over");
        assertEquals(
                "EITHER",
                vera.get(deposit + "/access-terms").json().path("deciders").asText(),
                "so are the terms on which the original may be requested");

        ApiClient.Reply twice = vera.post("/api/datasets/" + datasetId + "/versions", null);
        assertEquals(409, twice.status(), twice.body());
        assertTrue(twice.body().contains(draft.path("id").asText()), "the refusal names the open draft");

        // new input and a new title, then the usual way: submit, synthesize, publish
        StringBuilder csv = new StringBuilder("site_id,count,habitat\n");
        for (int i = 0; i < 150; i++) {
            csv.append("Q")
                    .append(500 + i)
                    .append(',')
                    .append(i % 23)
                    .append(',')
                    .append(i % 2 == 0 ? "slope" : "crest");
            csv.append('\n');
        }
        assertEquals(
                201,
                vera.put(
                                deposit + "/files/survey.csv",
                                "text/csv",
                                csv.toString().getBytes(StandardCharsets.UTF_8))
                        .status());
        Map<String, Object> metadata = new java.util.LinkedHashMap<>();
        metadata.put("title", "Chalk grassland orchid counts, resurveyed");
        metadata.put("description", "Counts from a fictional resurvey of chalk grassland orchids.");
        metadata.put("creators", List.of("Orchid, Vera"));
        metadata.put("keywords", List.of("orchids"));
        metadata.put("licence", "https://creativecommons.org/licenses/by/4.0/");
        ApiClient.Reply described = vera.put(
                deposit + "/metadata",
                "application/json",
                ApiClient.json(metadata).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, described.status(), described.body());
        assertEquals(202, vera.post(deposit + "/submit", FAST).status());
        DepositToPublishIT.awaitJob(vera, draft.path("id").asText());
        ApiClient.Reply published = vera.post(deposit + "/publish", null);
        assertEquals(201, published.status(), published.body());
        assertEquals(2, published.json().path("version").asInt());
        assertEquals(datasetId, published.json().path("datasetId").asText(), "the same dataset");
        assertEquals(
                first.path("conceptDoi").asText(),
                published.json().path("conceptDoi").asText());
        second = anonymous.get("/api/datasets/" + datasetId).json();
    }

    @Test
    void theDatasetLeadsToTheLatestAndListsEveryVersion() throws Exception {
        assertEquals(2, second.path("version").asInt());
        assertTrue(second.path("latest").asBoolean());
        assertEquals(
                "Chalk grassland orchid counts, resurveyed",
                second.path("title").asText());
        assertEquals(2, second.path("versions").size());
        assertEquals(
                first.path("doi").asText(),
                second.path("versions").get(0).path("doi").asText());
        assertEquals(
                second.path("doi").asText(),
                second.path("versions").get(1).path("doi").asText());

        JsonNode old =
                anonymous.get("/api/datasets/" + datasetId + "/versions/1").json();
        assertEquals(1, old.path("version").asInt());
        assertFalse(old.path("latest").asBoolean());
        assertEquals("Chalk grassland orchid counts", old.path("title").asText(), "its own metadata");
        assertEquals(first.path("doi").asText(), old.path("doi").asText());

        // the concept DOI leads to the dataset, each version's DOI to that version
        String base = RunningRepository.get().baseUrl();
        assertEquals(
                base + "/datasets/" + datasetId,
                anonymous.get("/doi/" + second.path("conceptDoi").asText()).header("Location"));
        assertEquals(
                base + "/datasets/" + datasetId + "/versions/1",
                anonymous.get("/doi/" + first.path("doi").asText()).header("Location"));
        assertEquals(
                base + "/datasets/" + datasetId + "/versions/2",
                anonymous.get("/doi/" + second.path("doi").asText()).header("Location"));
    }

    @Test
    void searchFindsTheDatasetOnceAsItsLatestVersion() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000; // a hang guard: indexing is asynchronous
        JsonNode found = null;
        while (System.currentTimeMillis() < deadline) {
            found = anonymous.get("/api/search?q=resurveyed%20orchid").json();
            if (found.path("total").asLong() == 1) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals(1, found.path("total").asLong(), String.valueOf(found));
        assertEquals(datasetId, found.path("hits").get(0).path("datasetId").asText());
        // the first version's document was replaced, not joined: "chalk" finds one dataset
        assertEquals(
                1,
                anonymous
                        .get("/api/search?q=chalk%20grassland%20orchid")
                        .json()
                        .path("total")
                        .asLong());
    }

    @Test
    void eachVersionKeepsItsOwnFiles() throws Exception {
        JsonNode old =
                anonymous.get("/api/datasets/" + datasetId + "/versions/1").json();
        String oldUrl = file(old, "survey.csv").path("url").asText();
        String newUrl = file(second, "survey.csv").path("url").asText();
        assertTrue(oldUrl.endsWith("/api/datasets/" + datasetId + "/versions/1/files/survey.csv"), oldUrl);
        assertTrue(newUrl.endsWith("/versions/2/files/survey.csv"), newUrl);
        byte[] oldBytes = get(oldUrl);
        byte[] newBytes = get(newUrl);
        assertEquals(file(old, "survey.csv").path("sha256").asText(), sha256(oldBytes));
        assertEquals(file(second, "survey.csv").path("sha256").asText(), sha256(newBytes));
        assertNotEquals(sha256(oldBytes), sha256(newBytes), "version 2 was made from other input");
        assertTrue(new String(oldBytes, StandardCharsets.UTF_8).contains("dune"));
        assertTrue(new String(newBytes, StandardCharsets.UTF_8).contains("slope"));
        // the unversioned path serves the latest version's file
        assertEquals(sha256(newBytes), sha256(get("/api/datasets/" + datasetId + "/files/survey.csv")));
    }

    @Test
    void theOldVersionSaysItIsSupersededEverywhere() throws Exception {
        String base = RunningRepository.get().baseUrl();
        String v1 = base + "/datasets/" + datasetId + "/versions/1";
        String v2 = base + "/datasets/" + datasetId + "/versions/2";
        ApiClient.Reply page = anonymous.get("/datasets/" + datasetId + "/versions/1", "text/html");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("This is version 1, superseded"), page.body());
        assertTrue(page.body().contains("<a href=\"" + base + "/datasets/" + datasetId + "\">version 2</a>"));
        assertTrue(page.body().contains("aria-current=\"page\">Version 1</a>"));
        String links = page.header("Link");
        assertTrue(links.contains("<" + v2 + ">; rel=\"successor-version\""), links);
        assertTrue(links.contains("<" + base + "/datasets/" + datasetId + ">; rel=\"latest-version\""), links);
        assertTrue(links.contains("<https://doi.org/" + first.path("doi").asText() + ">; rel=\"cite-as\""), links);
        assertTrue(links.contains("<" + v1 + "/linkset>; rel=\"linkset\""), links);

        ApiClient.Reply latest = anonymous.get("/datasets/" + datasetId, "text/html");
        assertFalse(latest.body().contains("superseded"));
        assertTrue(latest.body().contains(second.path("conceptDoi").asText()), "cite all versions");
        assertTrue(latest.header("Link").contains("<" + v1 + ">; rel=\"predecessor-version\""));

        // DCAT-AP: version 1 is a version of the dataset, replaced by version 2
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(
                        anonymous
                                .get("/datasets/" + datasetId + "/versions/1", "text/turtle")
                                .body(),
                        Lang.TURTLE)
                .parse(model);
        Resource version1 = model.getResource(v1);
        assertTrue(version1.hasProperty(DCTerms.isVersionOf, model.getResource(base + "/datasets/" + datasetId)));
        assertTrue(version1.hasProperty(DCTerms.isReplacedBy, model.getResource(v2)));

        // DataCite: version 2 is a new version of version 1, both versions of the concept
        String xml = anonymous
                .get("/datasets/" + datasetId + "/versions/2/export/datacite.xml")
                .body();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(Path.of("../vocabularies/src/test/resources/standards/datacite/kernel-4.7/metadata.xsd")
                        .toFile())
                .newValidator()
                .validate(new StreamSource(new StringReader(xml)));
        assertTrue(
                xml.contains(
                        "relationType=\"IsNewVersionOf\">" + first.path("doi").asText() + "<"),
                xml);
        assertTrue(
                xml.contains("relationType=\"IsVersionOf\">"
                        + second.path("conceptDoi").asText() + "<"),
                xml);
    }

    @Test
    void onlyTheDepositorStartsAVersionAndUnknownVersionsAreNotFound() throws Exception {
        assertEquals(
                401,
                anonymous.post("/api/datasets/" + datasetId + "/versions", null).status());
        ApiClient.Reply other =
                RunningRepository.newDepositor("walt-versions").post("/api/datasets/" + datasetId + "/versions", null);
        assertEquals(403, other.status(), other.body());
        assertEquals("application/problem+json", other.header("Content-Type").split(";")[0]);

        ApiClient.Reply missing = anonymous.get("/api/datasets/" + datasetId + "/versions/7");
        assertEquals(404, missing.status());
        assertTrue(missing.body().contains("versions 1 to 2"), missing.body());
        assertEquals(
                404,
                anonymous
                        .get("/datasets/" + datasetId + "/versions/0", "text/turtle")
                        .status());
        ApiClient.Reply junk = anonymous.get("/datasets/" + datasetId + "/versions/%3Cscript%3E");
        assertEquals(404, junk.status());
        assertFalse(junk.body().contains("<script>"), junk.body());
        assertEquals(
                404,
                anonymous
                        .get("/api/datasets/" + java.util.UUID.randomUUID() + "/versions/1")
                        .status());
    }

    private static JsonNode file(JsonNode dataset, String name) {
        for (JsonNode f : dataset.path("files")) {
            if (f.path("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no file " + name + " in " + dataset);
    }

    private static byte[] get(String url) throws Exception {
        String path = url.replaceFirst("^https?://[^/]+", "");
        HttpResponse<byte[]> r = anonymous.download(path);
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** From the published deposit's page: "Start a new version" opens the next draft and goes there. */
    @Test
    void thePublishedDepositsPageStartsTheNextVersion() throws Exception {
        ApiClient pia = RunningRepository.newAccount("pia-pages", "DEPOSITOR", "petal-and-pollen-77");
        String published = SearchIT.synthesized(
                pia, "Meadow pollinator walks", "Pages, Pia", "cc-by-4.0", List.of("bees"), "Transect", Map.of());
        assertEquals(201, pia.post(published + "/publish", null).status());
        String deposit = published.replace("/api/deposits/", "/deposits/");

        FormBrowser page = new FormBrowser(RunningRepository.get().baseUrl());
        assertEquals(303, page.signIn("pia-pages", "petal-and-pollen-77").statusCode());
        HttpResponse<String> shown = page.get(deposit);
        assertTrue(shown.body().contains(">Start a new version</button>"), shown.body());
        String csrf = FormBrowser.field(shown.body(), "csrf");

        HttpResponse<String> opened = page.post(deposit + "/new-version", Map.of("csrf", csrf));
        assertEquals(303, opened.statusCode(), opened.body());
        String next = FormBrowser.location(opened);
        assertTrue(next.startsWith("/deposits/") && !next.equals(deposit), next);
        HttpResponse<String> draft = page.get(next);
        assertTrue(draft.body().contains("Meadow pollinator walks"), "the description is carried over");
        assertTrue(draft.body().contains("survey.csv"), "and a copy of the tables");

        HttpResponse<String> twice = page.post(deposit + "/new-version", Map.of("csrf", csrf));
        assertEquals(409, twice.statusCode(), "one next version at a time");
        assertTrue(twice.body().contains("is the next version of this dataset"), twice.body());
    }
}
