package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A deposit whose small public reference table (40 districts) is declared published as deposited
 * in its CSVW: the districts are published row for row and marked so in the report, the CSVW, the
 * DCAT-AP record and the landing page; the accounts referring to them are synthetic and keep the
 * real district keys; the privacy verdict passes, judging only what was generated.
 */
class ReferenceTableIT {

    @Test
    void aReferenceTableIsPublishedAsDepositedAndMarkedSoInEveryForm() throws Exception {
        ApiClient vera = RunningRepository.newDepositor("vera-reference");
        StringBuilder districts = new StringBuilder("district_id,name,region\n");
        StringBuilder accounts = new StringBuilder("account_id,district_id,language,balance\n");
        Random random = new Random(21);
        for (int d = 1; d <= 40; d++) {
            boolean west = d <= 20;
            districts
                    .append(d)
                    .append(",District ")
                    .append(d)
                    .append(',')
                    .append(west ? "west" : "east")
                    .append('\n');
            int count = 10 + random.nextInt(30);
            for (int a = 0; a < count; a++) {
                accounts.append(accounts.length())
                        .append(',')
                        .append(d)
                        .append(',')
                        .append(random.nextDouble() < 0.9 == west ? "german" : "czech")
                        .append(',')
                        .append(random.nextInt(10_000))
                        .append('\n');
            }
        }
        String deposit = DepositToPublishIT.createDeposit(vera, "Accounts by district");
        String d = "/api/deposits/" + deposit;
        assertEquals(
                201,
                vera.put(d + "/files/districts.csv", "text/csv", bytes(districts))
                        .status());
        assertEquals(
                201,
                vera.put(d + "/files/accounts.csv", "text/csv", bytes(accounts)).status());
        ApiClient.Reply notBoolean =
                vera.put(d + "/files/districts.csv/schema", "application/csvm+json", districtsSchema("\"yes\""));
        assertEquals(422, notBoolean.status(), notBoolean.body());
        assertTrue(notBoolean.body().contains("publishedAsDeposited"), notBoolean.body());
        ApiClient.Reply declared =
                vera.put(d + "/files/districts.csv/schema", "application/csvm+json", districtsSchema("true"));
        assertEquals(200, declared.status(), declared.body());
        assertTrue(
                declared.json()
                        .path("https://w3id.org/facsimile/ns#publishedAsDeposited")
                        .asBoolean(),
                declared.body());
        assertEquals(
                200,
                vera.put(d + "/files/accounts.csv/schema", "application/csvm+json", ACCOUNTS_SCHEMA)
                        .status());

        assertEquals(202, vera.post(d + "/submit", "{\"trainingSeconds\":20}").status());
        JsonNode job = DepositToPublishIT.awaitJob(vera, deposit);
        assertEquals("DONE", job.path("step").asText(), job.toString());
        JsonNode report = vera.get(d + "/report").json();
        assertEquals("PASSED", report.path("privacy").path("verdict").asText(), report.toString());
        // the tables in file-name order: accounts, then districts
        assertFalse(report.path("tables").get(0).has("publishedAsDeposited"), report.toString());
        JsonNode districtReport = report.path("tables").get(1);
        assertTrue(districtReport.path("table").asText().startsWith("districts"), districtReport.toString());
        assertTrue(districtReport.path("publishedAsDeposited").asBoolean(), districtReport.toString());
        JsonNode relation = report.path("relations").get(0);
        assertEquals(1.0, relation.path("referentialIntegrity").asDouble(), relation.toString());
        assertTrue(relation.path("method").asText().startsWith("kept"), relation.toString());
        assertTrue(vera.get(d + "/report.html").body().contains("Published as deposited"));

        // a reviewer link shows the synthetic accounts, and of the districts only their columns
        ApiClient.Reply link = vera.post(d + "/reviewer-links", "{}");
        assertEquals(201, link.status(), link.body());
        String preview = link.json().path("url").asText().replaceFirst("^https?://[^/]+", "");
        String previewPage = vera.as(null).get(preview, "text/html").body();
        assertTrue(previewPage.contains("districts.csv"), previewPage);
        assertTrue(previewPage.contains("to be published as deposited"), previewPage);
        assertFalse(previewPage.contains("District 7<"), "no deposited row before publication");
        assertEquals(404, vera.as(null).get(preview + "/tables/districts.csv").status());
        assertEquals(200, vera.as(null).get(preview + "/tables/accounts.csv").status());

        ApiClient.Reply published = vera.post(d + "/publish", null);
        assertEquals(201, published.status(), published.body());
        String dataset = published.json().path("datasetId").asText();
        ApiClient anonymous = vera.as(null);
        String files = "/api/datasets/" + dataset + "/files/";
        assertEquals(
                districts.toString().lines().toList(),
                anonymous.get(files + "districts.csv").body().lines().toList(),
                "published row for row");
        Set<String> keys = new HashSet<>();
        districts.toString().lines().skip(1).forEach(line -> keys.add(line.split(",")[0]));
        List<String> synthetic =
                anonymous.get(files + "accounts.csv").body().lines().toList();
        assertTrue(synthetic.size() > 200, "accounts generated: " + synthetic.size());
        for (String line : synthetic.subList(1, synthetic.size())) {
            assertTrue(keys.contains(line.split(",")[1]), "an account of a real district: " + line);
        }
        JsonNode csvw = anonymous.get(files + "csv-metadata.json").json();
        // the tables in file-name order: accounts.csv, then districts.csv
        assertFalse(
                csvw.path("tables").get(0).has("https://w3id.org/facsimile/ns#publishedAsDeposited"), csvw.toString());
        assertTrue(
                csvw.path("tables")
                        .get(1)
                        .path("https://w3id.org/facsimile/ns#publishedAsDeposited")
                        .asBoolean(),
                csvw.toString());
        String dcat = anonymous.get(files + "dataset.ttl").body();
        assertTrue(
                dcat.contains("\"Public reference table districts published as deposited, not synthetic (CSV)\""),
                dcat);
        assertTrue(
                dcat.contains("\"Public reference table districts published as deposited, not synthetic, as RDF"),
                dcat);
        assertTrue(dcat.contains("\"Synthetic table accounts (CSV)\""), dcat);
        String landing = anonymous.get("/datasets/" + dataset, "text/html").body();
        assertTrue(landing.contains("except in districts.csv: public reference data"), landing);
        assertTrue(landing.contains("districts.csv</a> (public reference data, published as deposited)"), landing);
        assertTrue(landing.contains("Public reference data, published as deposited: not synthetic"), landing);
    }

    private static byte[] bytes(StringBuilder csv) {
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] districtsSchema(String deposited) {
        return ("{\"@context\":\"http://www.w3.org/ns/csvw\",\"url\":\"districts.csv\","
                        + "\"https://w3id.org/facsimile/ns#publishedAsDeposited\":" + deposited
                        + ",\"tableSchema\":{\"columns\":["
                        + "{\"name\":\"district_id\",\"datatype\":\"integer\"},{\"name\":\"name\",\"datatype\":\"string\"},"
                        + "{\"name\":\"region\",\"datatype\":\"string\"}],\"primaryKey\":\"district_id\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] ACCOUNTS_SCHEMA =
            ("{\"@context\":\"http://www.w3.org/ns/csvw\",\"url\":\"accounts.csv\","
                            + "\"tableSchema\":{\"columns\":[{\"name\":\"account_id\",\"datatype\":\"integer\"},"
                            + "{\"name\":\"district_id\",\"datatype\":\"integer\"},{\"name\":\"language\",\"datatype\":\"string\"},"
                            + "{\"name\":\"balance\",\"datatype\":\"integer\"}],\"primaryKey\":\"account_id\",\"foreignKeys\":"
                            + "[{\"columnReference\":\"district_id\",\"reference\":{\"resource\":\"districts.csv\","
                            + "\"columnReference\":\"district_id\"}}]}}")
                    .getBytes(StandardCharsets.UTF_8);
}
