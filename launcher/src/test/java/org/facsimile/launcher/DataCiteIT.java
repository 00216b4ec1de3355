package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DOIs registered with DataCite's REST API (a stand-in that checks what DataCite checks): a draft
 * when a deposit is made, findable with valid metadata when it is published, hidden when it is
 * withdrawn; and DataCite being down never holds up a deposit or a publication.
 */
class DataCiteIT {

    private static TestDataCite dataCite;
    private static Stack stack;
    private static ApiClient paula;
    /** A deposit made and synthesized while the repository minted DOIs without DataCite. */
    private static String madeBefore;

    @BeforeAll
    static void configure() throws Exception {
        stack = RunningRepository.get();
        paula = RunningRepository.newDepositor("paula-doi");
        madeBefore = SearchIT.synthesized(
                paula, "Midwife toad chorus counts", "Toad, Paula", "cc-by-4.0", List.of("frogs"), "Pond", Map.of());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        dataCite = new TestDataCite(port, "FCSM.TEST", "datacite-secret", "10.5072");
        stack.restartWeb(Map.of(
                "FACSIMILE_DOI_REGISTRAR", "datacite",
                "FACSIMILE_DATACITE_URL", dataCite.url(),
                "FACSIMILE_DATACITE_USER", "FCSM.TEST",
                "FACSIMILE_DATACITE_PASSWORD", "datacite-secret"));
    }

    @AfterAll
    static void back() throws Exception {
        stack.restartWeb(Map.of());
        dataCite.close();
    }

    /** Waits for DataCite to hold a DOI in a state (the outbox retries at most a minute apart). */
    private static TestDataCite.Doi await(String doi, String state) throws Exception {
        Supplier<TestDataCite.Doi> now = () -> dataCite.doi(doi);
        long deadline = System.currentTimeMillis() + 150_000; // a hang guard, not a timing
        while (System.currentTimeMillis() < deadline) {
            TestDataCite.Doi d = now.get();
            if (d != null && state.equals(d.state())) {
                return d;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(doi + " never became " + state + ": " + now.get() + ", " + dataCite.refusals());
    }

    @Test
    void aDepositIsADraftAndAPublicationMakesItFindableWithValidMetadata() throws Exception {
        String deposit = DepositToPublishIT.createDeposit(paula, "Saltmarsh vole trapping");
        String doi = paula.get("/api/deposits/" + deposit).json().path("doi").asText();
        await(doi, "draft");
        String datasetId = SearchIT.publish(
                paula, "Dune snail transects", "Snail, Paula", "cc-by-4.0", List.of("snails"), "Transect length");
        String published = paula.as(null)
                .get("/api/datasets/" + datasetId)
                .json()
                .path("doi")
                .asText();
        TestDataCite.Doi findable = await(published, "findable");
        assertEquals(stack.baseUrl() + "/datasets/" + datasetId + "/versions/1", findable.url());
        assertTrue(findable.xml().contains("Dune snail transects"), "the metadata went with it");
        assertEquals(List.of(), dataCite.refusals(doi, published), "DataCite found nothing wrong in what was sent");

        // withdrawn: the DOI still resolves (to the tombstone) but leaves DataCite's search
        assertEquals(
                200,
                RunningRepository.admin()
                        .post("/api/admin/datasets/" + datasetId + "/withdraw", "{\"reason\":\"data owner request\"}")
                        .status());
        await(published, "registered");
    }

    @Test
    void anEmbargoIsRegisteredWithItsDayAndItsEndIsSentWhenItComes() throws Exception {
        String deposit = DepositToPublishIT.createDeposit(paula, "Gannet burrows under embargo");
        String opens = LocalDate.now(ZoneOffset.UTC).plusDays(20).toString();
        String datasetId = EmbargoIT.publishEmbargoed(paula, deposit, opens);
        String doi = paula.get("/api/deposits/" + deposit).json().path("doi").asText();
        TestDataCite.Doi embargoed = awaitXml(doi, "<date dateType=\"Available\">" + opens + "</date>");
        assertTrue(embargoed.xml().contains("info:eu-repo/semantics/embargoedAccess"), embargoed.xml());
        EmbargoIT.dayComes(datasetId);
        long deadline = System.currentTimeMillis() + 150_000; // a hang guard, not a timing
        while (dataCite.doi(doi).xml().contains("embargoedAccess") && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertFalse(dataCite.doi(doi).xml().contains("embargoedAccess"), "the end was sent: " + dataCite.doi(doi));
        assertEquals("findable", dataCite.doi(doi).state());
        assertEquals(List.of(), dataCite.refusals(doi), "DataCite found nothing wrong in what was sent");
    }

    /** Waits for DataCite's record of a DOI to contain a text (a metadata update arrived). */
    private static TestDataCite.Doi awaitXml(String doi, String text) throws Exception {
        long deadline = System.currentTimeMillis() + 150_000; // a hang guard, not a timing
        while (System.currentTimeMillis() < deadline) {
            TestDataCite.Doi d = dataCite.doi(doi);
            if (d != null && d.xml() != null && d.xml().contains(text)) {
                return d;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(doi + " never said " + text + ": " + dataCite.doi(doi) + ", " + dataCite.refusals());
    }

    @Test
    void aNewVersionGetsItsOwnDoiAndTheConceptDoiFollowsIt() throws Exception {
        String datasetId = SearchIT.publish(
                paula, "Heathland bee transects", "Bee, Paula", "cc-by-4.0", List.of("bees"), "Transect width");
        com.fasterxml.jackson.databind.JsonNode v1 =
                paula.as(null).get("/api/datasets/" + datasetId).json();
        String concept = v1.path("conceptDoi").asText();
        String firstDoi = v1.path("doi").asText();
        TestDataCite.Doi c = await(concept, "findable");
        assertEquals(stack.baseUrl() + "/datasets/" + datasetId, c.url(), "the concept DOI leads to the dataset");
        assertTrue(c.xml().contains("relationType=\"HasVersion\">" + firstDoi + "<"), c.xml());

        ApiClient.Reply opened = paula.post("/api/datasets/" + datasetId + "/versions", null);
        assertEquals(201, opened.status(), opened.body());
        String deposit = opened.json().path("id").asText();
        String secondDoi = opened.json().path("doi").asText();
        await(secondDoi, "draft");
        assertEquals(
                202,
                paula.post("/api/deposits/" + deposit + "/submit", "{\"synthesizer\":\"baseline\"}")
                        .status());
        DepositToPublishIT.awaitJob(paula, deposit);
        assertEquals(
                201, paula.post("/api/deposits/" + deposit + "/publish", null).status());

        TestDataCite.Doi v2 = await(secondDoi, "findable");
        assertEquals(stack.baseUrl() + "/datasets/" + datasetId + "/versions/2", v2.url());
        assertTrue(v2.xml().contains("relationType=\"IsNewVersionOf\">" + firstDoi + "<"), v2.xml());
        assertTrue(v2.xml().contains("relationType=\"IsVersionOf\">" + concept + "<"), v2.xml());
        // updated: the concept names both versions, the first names its successor
        awaitXml(concept, "relationType=\"HasVersion\">" + secondDoi + "<");
        awaitXml(firstDoi, "relationType=\"IsPreviousVersionOf\">" + secondDoi + "<");
        assertEquals("findable", dataCite.doi(firstDoi).state(), "a metadata update changes no state");
        assertEquals(
                stack.baseUrl() + "/datasets/" + datasetId,
                dataCite.doi(concept).url());
        assertEquals(
                List.of(),
                dataCite.refusals(concept, firstDoi, secondDoi),
                "DataCite found nothing wrong in what was sent");
    }

    @Test
    void dataCiteDownHoldsUpNothingAndCatchesUpWhenBack() throws Exception {
        dataCite.down(true);
        String doi;
        try {
            String datasetId = SearchIT.publish(
                    paula,
                    "Sand lizard basking counts",
                    "Lizard, Paula",
                    "cc0-1.0",
                    List.of("reptiles"),
                    "Basking spot");
            assertEquals(200, paula.as(null).get("/datasets/" + datasetId).status(), "published, with DataCite down");
            doi = paula.as(null)
                    .get("/api/datasets/" + datasetId)
                    .json()
                    .path("doi")
                    .asText();
            assertNull(dataCite.doi(doi), "nothing reached DataCite while it was down");
        } finally {
            dataCite.down(false);
        }
        await(doi, "findable");
        // After the outage the draft and the publication are retried on their own back-offs, so
        // the publication may reach DataCite first; it answers that it has never heard of the DOI,
        // the repository drafts it and sends it again. That is all DataCite may find.
        for (TestDataCite.Refusal r : dataCite.refusals(doi)) {
            assertTrue(r.why().startsWith("404 no such DOI"), r.toString());
        }
    }

    @Test
    void aDepositMadeBeforeDataCiteWasSwitchedOnStillGetsItsDoiRegistered() throws Exception {
        String doi = paula.get(madeBefore).json().path("doi").asText();
        assertNull(dataCite.doi(doi), "minted while another registrar was configured");
        ApiClient.Reply published = paula.post(madeBefore + "/publish", null);
        assertEquals(201, published.status(), published.body());
        String datasetId = published.json().path("datasetId").asText();
        String concept = paula.as(null)
                .get("/api/datasets/" + datasetId)
                .json()
                .path("conceptDoi")
                .asText();
        TestDataCite.Doi findable = await(doi, "findable");
        assertTrue(findable.xml().contains("Midwife toad chorus counts"), "the metadata went with it");
        await(concept, "findable");
        // DataCite answered that it had never heard of them; that is all it found
        for (TestDataCite.Refusal r : dataCite.refusals(doi, concept)) {
            assertTrue(r.why().startsWith("404 no such DOI"), r.toString());
        }
    }
}
