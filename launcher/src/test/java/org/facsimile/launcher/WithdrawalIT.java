package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * An admin withdraws a published dataset: it leaves the API, downloads, the catalogue and search;
 * its landing page and DOI say it was withdrawn and why; OAI-PMH keeps a tombstone that an
 * incremental harvest sees exactly once.
 */
class WithdrawalIT {

    @Test
    void aWithdrawnDatasetLeavesATombstoneAndNothingElse() throws Exception {
        ApiClient wendy = RunningRepository.newDepositor("wendy");
        ApiClient admin = RunningRepository.admin();
        ApiClient anonymous = wendy.as(null);
        String deposit = DepositToPublishIT.createDeposit(wendy, "Withdrawn quokkaberry survey");
        assertEquals(
                201,
                wendy.put(
                                "/api/deposits/" + deposit + "/files/survey.csv",
                                "text/csv",
                                DepositToPublishIT.patients(300, 9))
                        .status());
        assertEquals(
                202, wendy.post("/api/deposits/" + deposit + "/submit", "{}").status());
        assertEquals(
                "DONE", DepositToPublishIT.awaitJob(wendy, deposit).path("step").asText());
        ApiClient.Reply published = wendy.post("/api/deposits/" + deposit + "/publish", null);
        assertEquals(201, published.status(), published.body());
        String datasetId = published.json().path("datasetId").asText();
        String doi = published.json().path("doi").asText();
        String oaiId = "oai:facsimile.local:" + datasetId;
        awaitSearch(anonymous, 1);

        // only an admin withdraws, and only with a reason
        String path = "/api/admin/datasets/" + datasetId + "/withdraw";
        assertEquals(403, wendy.post(path, "{\"reason\":\"mine\"}").status());
        assertEquals(400, admin.post(path, "{\"reason\":\"  \"}").status());
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        ApiClient.Reply withdrawn = admin.post(path, "{\"reason\":\"consent withdrawn by the data owner\"}");
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertEquals(409, admin.post(path, "{\"reason\":\"again\"}").status(), "a withdrawal is final");

        // gone from the API, downloads, the catalogue; the landing page and the DOI say why
        ApiClient.Reply api = anonymous.get("/api/datasets/" + datasetId);
        assertEquals(410, api.status());
        assertTrue(api.body().contains("consent withdrawn by the data owner"), api.body());
        assertEquals(
                410,
                anonymous
                        .get("/api/datasets/" + datasetId + "/files/survey.csv")
                        .status());
        assertEquals(
                404,
                anonymous.get("/api/catalog/datasets/" + datasetId + ".ttl").status());
        assertFalse(anonymous.get("/api/catalog", "text/turtle").body().contains(datasetId));
        assertFalse(anonymous.get("/api/datasets").body().contains(datasetId));
        ApiClient.Reply page = anonymous.get("/datasets/" + datasetId);
        assertEquals(410, page.status());
        assertTrue(page.body().contains("consent withdrawn by the data owner"), page.body());
        ApiClient.Reply resolved = anonymous.get("/doi/" + doi);
        assertEquals(302, resolved.status(), "the DOI still resolves, to the tombstone page");

        // OAI-PMH: a deleted record, seen once by a harvest from just before the withdrawal
        String record = anonymous
                .get("/api/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=" + oaiId)
                .body();
        assertTrue(record.contains("status=\"deleted\""), record);
        assertFalse(record.contains("<metadata>"), record);
        String harvest = anonymous
                .get("/api/oai?verb=ListIdentifiers&metadataPrefix=oai_datacite&from=" + before)
                .body();
        assertEquals(1, count(harvest, oaiId), harvest);
        assertTrue(harvest.contains("status=\"deleted\""), harvest);

        // and search lets it go
        awaitSearch(anonymous, 0);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static void awaitSearch(ApiClient anonymous, long expected) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        long total = -1;
        while (System.currentTimeMillis() < deadline) {
            total = anonymous
                    .get("/api/search?q=quokkaberry")
                    .json()
                    .path("total")
                    .asLong();
            if (total == expected) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("search found " + total + " datasets, expected " + expected);
    }
}
