package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * From a twin to its original over the running stack: the depositor takes requests on terms; a
 * reader asks with a purpose and the agreement accepted; only the deciders the terms name decide;
 * the requester alone downloads the original (the deposited bytes, with a manifest naming the
 * grant) while the grant lasts: not while pending, not after revocation or expiry, not once the
 * input is erased; everyone else gets 404; the original's values never reach a public answer.
 */
class AccessRequestIT {

    private static final String AGREEMENT = "Use the data only for the stated purpose; do not try to identify"
            + " anyone; delete it when the grant ends.";

    @Test
    void theOriginalOpensToItsGranteeAloneWhileTheGrantLasts() throws Exception {
        ApiClient dora = RunningRepository.newDepositor("dora-original");
        ApiClient rita = RunningRepository.newAccount("rita-requests", "DEPOSITOR", "rita-reads-originals-7");
        ApiClient otto = RunningRepository.newDepositor("otto-also-asks");
        ApiClient carl = RunningRepository.newAccount("carl-curates-access", "CURATOR", null);
        ApiClient anonymous = dora.as(null);
        String tag = "orig" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        StringBuilder csv = new StringBuilder("plot,species,count,note\n");
        for (int i = 0; i < 240; i++) {
            csv.append(i)
                    .append(',')
                    .append(i % 3 == 0 ? "sedge" : "rush")
                    .append(',')
                    .append(i % 17)
                    .append(',')
                    .append(tag)
                    .append(i)
                    .append('\n');
        }
        byte[] original = csv.toString().getBytes(StandardCharsets.UTF_8);
        String deposit = DepositToPublishIT.createDeposit(dora, "Fen plots with a requestable original");
        String d = "/api/deposits/" + deposit;
        assertEquals(201, dora.put(d + "/files/plots.csv", "text/csv", original).status());

        // the terms: the owner's alone to set or read
        String terms = ApiClient.json(Map.of("agreement", AGREEMENT, "deciders", "DEPOSITOR", "grantDays", 30));
        assertEquals(
                404,
                otto.put(d + "/access-terms", "application/json", bytes(terms)).status());
        assertEquals(404, dora.get(d + "/access-terms").status(), "no terms yet");
        ApiClient.Reply shortAgreement = dora.put(
                d + "/access-terms", "application/json", bytes("{\"agreement\":\"ok\",\"deciders\":\"EITHER\"}"));
        assertEquals(422, shortAgreement.status(), shortAgreement.body());
        assertEquals(
                200,
                dora.put(d + "/access-terms", "application/json", bytes(terms)).status());
        assertEquals(
                "DEPOSITOR",
                dora.get(d + "/access-terms").json().path("deciders").asText());
        assertEquals(404, otto.get(d + "/access-terms").status());

        assertEquals(
                202, dora.post(d + "/submit", "{\"synthesizer\":\"baseline\"}").status());
        assertEquals(
                "DONE", DepositToPublishIT.awaitJob(dora, deposit).path("step").asText());
        ApiClient.Reply published = dora.post(d + "/publish", null);
        assertEquals(201, published.status(), published.body());
        String dataset = published.json().path("datasetId").asText();
        String landing = anonymous.get("/datasets/" + dataset, "text/html").body();
        assertTrue(landing.contains("The restricted original can be requested by signed-in users"), landing);
        assertTrue(landing.contains("/versions/1/request-access\">Request access to the original</a>"), landing);

        // asking: a purpose, the agreement accepted, one open request at a time, not one's own
        assertEquals(
                401,
                anonymous
                        .post("/api/access-requests", ask(dataset, "to check a finding", true))
                        .status());
        ApiClient.Reply which = rita.post("/api/access-requests", "{\"purpose\":\"" + purpose() + "\"}");
        assertEquals(422, which.status(), which.body());
        assertEquals(
                "$.dataset", which.json().path("errors").get(0).path("pointer").asText());
        ApiClient.Reply vague = rita.post("/api/access-requests", ask(dataset, "research", true));
        assertEquals(422, vague.status(), vague.body());
        assertEquals(
                "$.purpose", vague.json().path("errors").get(0).path("pointer").asText());
        ApiClient.Reply unaccepted = rita.post("/api/access-requests", ask(dataset, purpose(), false));
        assertEquals(
                "$.acceptAgreement",
                unaccepted.json().path("errors").get(0).path("pointer").asText());
        assertEquals(
                409,
                dora.post("/api/access-requests", ask(dataset, purpose(), true)).status(),
                "her own");
        ApiClient.Reply asked = rita.post("/api/access-requests", ask(dataset, purpose(), true));
        assertEquals(201, asked.status(), asked.body());
        String request = asked.json().path("id").asText();
        assertEquals("PENDING", asked.json().path("state").asText());
        assertEquals(
                409,
                rita.post("/api/access-requests", ask(dataset, purpose(), true)).status(),
                "one open");
        String r = "/api/access-requests/" + request;

        // pending: nothing opens; nobody but the requester and the named deciders sees it
        ApiClient.Reply pending = rita.get(r + "/original.zip");
        assertEquals(403, pending.status(), pending.body());
        assertTrue(pending.body().contains("not been decided"), pending.body());
        for (ApiClient outsider : List.of(otto, carl)) {
            assertEquals(404, outsider.get(r).status());
            assertEquals(404, outsider.post(r + "/grant", "{}").status());
            assertEquals(404, outsider.get(r + "/original.zip").status());
        }
        assertEquals(404, rita.post(r + "/grant", "{}").status(), "no one decides their own request");
        assertEquals(0, carl.get("/api/access-requests?deciding=true").json().size(), "the depositor decides");
        JsonNode queue = dora.get("/api/access-requests?deciding=true").json();
        assertEquals(1, queue.size(), queue.toString());
        assertTrue(queue.get(0).path("requester").asText().startsWith("rita-requests"), queue.toString());
        assertEquals(404, dora.get(r + "/original.zip").status(), "the depositor has her input in her deposit");

        // granted: the requester downloads the deposited bytes, with the grant's manifest first
        ApiClient.Reply granted = dora.post(r + "/grant", "{\"reason\":\"for the replication, as asked\"}");
        assertEquals(200, granted.status(), granted.body());
        assertEquals("GRANTED", granted.json().path("state").asText());
        assertEquals(
                409,
                dora.post(r + "/refuse", "{\"reason\":\"changed my mind\"}").status(),
                "decided once");
        HttpResponse<byte[]> zip = rita.download(r + "/original.zip");
        assertEquals(200, zip.statusCode());
        assertEquals("no-store", zip.headers().firstValue("Cache-Control").orElse(""));
        Map<String, byte[]> entries = unzip(zip.body());
        assertEquals(List.of("ACCESS-GRANT.txt", "plots.csv"), List.copyOf(entries.keySet()));
        assertArrayEquals(original, entries.get("plots.csv"), "the deposited bytes");
        String manifest = new String(entries.get("ACCESS-GRANT.txt"), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("access grant " + request), manifest);
        assertTrue(manifest.contains("account rita-requests"), manifest);
        assertTrue(manifest.contains(purpose()) && manifest.contains(AGREEMENT), manifest);
        assertTrue(manifest.contains("  plots.csv"), manifest);

        // revoked: it no longer opens, and says why
        assertEquals(
                200,
                dora.post(r + "/revoke", "{\"reason\":\"the project ended\"}").status());
        ApiClient.Reply revoked = rita.get(r + "/original.zip");
        assertEquals(403, revoked.status());
        assertTrue(revoked.body().contains("revoked"), revoked.body());

        // expired: a second grant, past its end in the database (as the calendar would have it)
        String second = rita.post("/api/access-requests", ask(dataset, purpose(), true))
                .json()
                .path("id")
                .asText();
        assertEquals(
                200,
                dora.post("/api/access-requests/" + second + "/grant", null).status());
        expire(second);
        ApiClient.Reply expired = rita.get("/api/access-requests/" + second + "/original.zip");
        assertEquals(403, expired.status());
        assertTrue(expired.body().contains("expired"), expired.body());

        // curators decide when the terms say so; the depositor then does not
        assertEquals(
                200,
                dora.put(d + "/access-terms", "application/json", bytes(terms.replace("DEPOSITOR", "CURATORS")))
                        .status());
        String otto1 = otto.post("/api/access-requests", ask(dataset, purpose(), true))
                .json()
                .path("id")
                .asText();
        assertEquals(
                404, dora.post("/api/access-requests/" + otto1 + "/grant", null).status());
        assertEquals(
                422,
                carl.post("/api/access-requests/" + otto1 + "/refuse", "{}").status(),
                "say why");
        assertEquals(
                200,
                carl.post("/api/access-requests/" + otto1 + "/refuse", "{\"reason\":\"the purpose needs no original\"}")
                        .status());
        JsonNode ottos = otto.get("/api/access-requests").json();
        assertEquals("REFUSED", ottos.get(0).path("state").asText());
        assertEquals(
                "the purpose needs no original", ottos.get(0).path("reason").asText());

        // the requester's page lists the request and whether it opens
        FormBrowser browser = new FormBrowser(RunningRepository.get().baseUrl());
        assertEquals(
                303, browser.signIn("rita-requests", "rita-reads-originals-7").statusCode());
        String page = browser.get("/access-requests").body();
        assertTrue(page.contains("revoked") && page.contains("the project ended"), page);
        HttpResponse<String> form = browser.get("/datasets/" + dataset + "/versions/1/request-access");
        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().contains(AGREEMENT.substring(0, 40)), form.body());

        // the whole history is the depositor's to read; no original value is public anywhere
        String audit = dora.get(d + "/audit").body();
        for (String action : List.of(
                "deposit.access-terms",
                "deposit.access-request",
                "deposit.access-grant",
                "deposit.original-download",
                "deposit.access-revoke",
                "deposit.access-refuse")) {
            assertTrue(audit.contains(action), action + " in " + audit);
        }
        for (String answer : List.of(
                landing,
                anonymous.get("/api/datasets/" + dataset + "/files/plots.csv").body(),
                anonymous.get("/api/oai?verb=ListRecords&metadataPrefix=oai_dc").body(),
                otto.get("/api/access-requests").body(),
                page)) {
            assertFalse(answer.contains(tag), "an original value in a public or third-party answer");
        }

        // erased: a live grant no longer opens, and the original can no longer be asked for
        String third = rita.post("/api/access-requests", ask(dataset, purpose(), true))
                .json()
                .path("id")
                .asText();
        assertEquals(
                404,
                dora.post("/api/access-requests/" + third + "/grant", null).status(),
                "asked under the new terms: the curators decide it");
        assertEquals(
                200, carl.post("/api/access-requests/" + third + "/grant", null).status());
        assertEquals(200, dora.delete(d + "/input").status());
        assertEquals(
                410, rita.get("/api/access-requests/" + third + "/original.zip").status());
        assertTrue(anonymous.get("/datasets/" + dataset, "text/html").body().contains("was erased"));
        assertEquals(
                409,
                otto.post("/api/access-requests", ask(dataset, purpose(), true)).status());
    }

    private static String purpose() {
        return "To replicate the sedge counts reported in our 2025 fen survey paper against the real plots.";
    }

    private static String ask(String dataset, String purpose, boolean accept) {
        Map<String, Object> body = new HashMap<>();
        body.put("dataset", dataset);
        body.put("purpose", purpose);
        body.put("acceptAgreement", accept);
        return ApiClient.json(body);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void expire(String request) throws Exception {
        try (Connection c = DriverManager.getConnection(RunningRepository.get().jdbcUrl(), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement(
                        "UPDATE access_request SET expires_at = now() - interval '1 second' WHERE id = ?")) {
            s.setObject(1, UUID.fromString(request));
            assertEquals(1, s.executeUpdate());
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
