package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An embargoed publication over the running stack: the description, the table metadata, the
 * citation and the records harvesters read are public at once and say when the files open and why
 * (OAI-PMH as OpenAIRE asks, DataCite's Available date, DCAT-AP's access rights); the data files and
 * the zip are 403 until the day. The day is then made to come (in the database, as the calendar
 * would): the files open at once, and the node announces it by itself, re-dating the OAI-PMH record
 * so that a selective harvest sees the change.
 */
class EmbargoIT {

    private static final String OAI_DC =
            "/api/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:facsimile.local:";

    @Test
    void anEmbargoedVersionIsDescribedAtOnceAndItsFilesOpenOnTheDay() throws Exception {
        ApiClient emma = RunningRepository.newDepositor("emma-embargo");
        ApiClient anonymous = emma.as(null);
        String deposit = DepositToPublishIT.createDeposit(emma, "Puffin burrows under embargo");
        String d = "/api/deposits/" + deposit;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String opens = today.plusDays(40).toString();

        ApiClient.Reply past = emma.put(d + "/metadata", "application/json", metadata(today.toString(), "x"));
        assertEquals(422, past.status(), past.body());
        assertEquals(
                "$.embargoUntil",
                past.json().path("errors").get(0).path("pointer").asText(),
                past.body());
        String dataset = publishEmbargoed(emma, deposit, opens);
        String files = "/api/datasets/" + dataset + "/files/";

        // closed: the data, its RDF and the zip; open: the table metadata and the DCAT-AP record
        for (String closed :
                List.of(files + "burrows.csv", files + "burrows.ttl", "/api/datasets/" + dataset + "/files.zip")) {
            ApiClient.Reply refused = anonymous.get(closed);
            assertEquals(403, refused.status(), closed + ": " + refused.body());
            assertTrue(refused.header("Content-Type").startsWith("application/problem+json"), closed);
            assertTrue(refused.body().contains("/embargoed"), refused.body());
            assertTrue(
                    refused.body()
                            .contains(
                                    "The data files open on " + opens + " (embargo: the article is under" + " review)"),
                    refused.body());
        }
        assertEquals(200, anonymous.get(files + "csv-metadata.json").status());
        String record = anonymous.get(files + "dataset.ttl").body();
        assertTrue(record.contains("access-right/RESTRICTED"), record);
        assertTrue(record.contains("\"" + opens + "\"^^xsd:date"), record);

        String landing = anonymous.get("/datasets/" + dataset, "text/html").body();
        assertTrue(landing.contains("<b>Embargoed.</b> The data files open on " + opens), landing);
        assertFalse(landing.contains("files/burrows.csv\">"), "no link to a closed file");
        assertFalse(landing.contains(">Download all files<"), landing);
        assertTrue(landing.contains("burrows.csv (opens " + opens + ")"), landing);
        assertTrue(landing.contains("\"conditionsOfAccess\""), "schema.org says so too");
        assertFalse(landing.contains("The first 10 rows"), "the table's columns, not its rows");

        String oai = anonymous.get(OAI_DC + dataset).body();
        assertTrue(oai.contains("<dc:rights>info:eu-repo/semantics/embargoedAccess</dc:rights>"), oai);
        assertTrue(oai.contains("<dc:date>info:eu-repo/date/embargoEnd/" + opens + "</dc:date>"), oai);
        String dataCite = anonymous
                .get(OAI_DC.replace("oai_dc", "oai_datacite") + dataset)
                .body();
        assertTrue(dataCite.contains("<date dateType=\"Available\">" + opens + "</date>"), dataCite);
        String catalogue =
                anonymous.get("/api/catalog/datasets/" + dataset + ".ttl").body();
        assertTrue(catalogue.contains("access-right/RESTRICTED"), catalogue);
        String stampBefore = datestamp(oai);

        // the day comes: the files open at once; the node re-dates the harvest record by itself
        Thread.sleep(1_100); // OAI-PMH datestamps are whole seconds
        dayComes(dataset);
        assertEquals(200, anonymous.get(files + "burrows.csv").status());
        assertEquals(
                200, anonymous.get("/api/datasets/" + dataset + "/files.zip").status());
        assertFalse(anonymous.get("/datasets/" + dataset, "text/html").body().contains("Embargoed."));
        long deadline = System.currentTimeMillis() + 60_000;
        String after = anonymous.get(OAI_DC + dataset).body();
        while (datestamp(after).equals(stampBefore) && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            after = anonymous.get(OAI_DC + dataset).body();
        }
        assertTrue(datestamp(after).compareTo(stampBefore) > 0, "re-dated: " + after);
        assertFalse(after.contains("embargoedAccess"), after);
        String audit = RunningRepository.admin()
                .get("/api/admin/audit?targetType=dataset&targetId=" + dataset)
                .body();
        assertTrue(audit.contains("dataset.embargo-end"), audit);
    }

    /** Describes {@code deposit} with an embargo until {@code opens}, synthesizes and publishes it. */
    static String publishEmbargoed(ApiClient api, String deposit, String opens) throws Exception {
        String d = "/api/deposits/" + deposit;
        ApiClient.Reply described =
                api.put(d + "/metadata", "application/json", metadata(opens, "the article is under review"));
        assertEquals(200, described.status(), described.body());
        StringBuilder csv = new StringBuilder("burrow,depth_cm,occupied\n");
        for (int i = 0; i < 200; i++) {
            csv.append(i)
                    .append(',')
                    .append(30 + i % 40)
                    .append(',')
                    .append(i % 3 != 0)
                    .append('\n');
        }
        assertEquals(
                201,
                api.put(d + "/files/burrows.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                        .status());
        assertEquals(
                202, api.post(d + "/submit", "{\"synthesizer\":\"baseline\"}").status());
        assertEquals(
                "DONE", DepositToPublishIT.awaitJob(api, deposit).path("step").asText());
        ApiClient.Reply published = api.post(d + "/publish", null);
        assertEquals(201, published.status(), published.body());
        return published.json().path("datasetId").asText();
    }

    /** Makes the embargo's day come for the dataset's versions, as the calendar would. */
    static void dayComes(String dataset) throws Exception {
        try (Connection c = DriverManager.getConnection(RunningRepository.get().jdbcUrl(), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("UPDATE dataset_version SET embargo_until ="
                        + " (now() AT TIME ZONE 'UTC')::date WHERE dataset_id = ?")) {
            s.setObject(1, UUID.fromString(dataset));
            assertEquals(1, s.executeUpdate());
        }
    }

    private static byte[] metadata(String until, String reason) {
        return ApiClient.json(Map.of(
                        "title",
                        "Puffin burrows under embargo",
                        "creators",
                        List.of("Doe, Jane"),
                        "keywords",
                        List.of("puffins"),
                        "embargoUntil",
                        until,
                        "embargoReason",
                        reason))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String datestamp(String oai) {
        Matcher m = Pattern.compile("<datestamp>([^<]+)</datestamp>").matcher(oai);
        assertTrue(m.find(), oai);
        return m.group(1);
    }
}
