package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A synthesis under a differential-privacy budget through the API: settings checked at submit,
 * the budget never exceeded, the guarantee stated in the depositor's report, a category only
 * one person has never published; verified analyses of its original spend an epsilon of their own.
 */
class PrivacyBudgetIT {

    @Test
    void theBudgetIsSpentWithinItsLimitAndReported() throws Exception {
        ApiClient dora = RunningRepository.newDepositor("dora-budget");
        // no key column: a unique number that is not declared a key would make every copy look exact
        StringBuilder csv = new StringBuilder("line,fare_band,minutes\n");
        java.util.Random random = new java.util.Random(8);
        for (int i = 0; i < 2_500; i++) {
            boolean express = random.nextInt(3) == 0;
            boolean usual = random.nextInt(10) > 0;
            csv.append(express ? "express" : "stopping")
                    .append(',')
                    .append(express == usual ? "premium" : "standard")
                    .append(',')
                    .append(express ? 20 + random.nextInt(15) : 45 + random.nextInt(30))
                    .append('\n');
        }
        csv.append("funicular,standard,3\n");
        String deposit = DepositToPublishIT.createDeposit(dora, "Ferry and rail ticket samples");
        String d = "/api/deposits/" + deposit;
        assertEquals(
                201,
                dora.put(d + "/files/tickets.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                        .status());

        ApiClient.Reply missing = dora.post(d + "/submit", "{\"differentialPrivacy\":{\"delta\":1e-7}}");
        assertEquals(422, missing.status(), missing.body());
        assertTrue(missing.body().contains("needs an epsilon"), missing.body());
        ApiClient.Reply baseline =
                dora.post(d + "/submit", "{\"synthesizer\":\"baseline\",\"differentialPrivacy\":{\"epsilon\":2}}");
        assertEquals(422, baseline.status(), baseline.body());

        assertEquals(
                202,
                dora.post(d + "/submit", "{\"trainingSeconds\":60,\"differentialPrivacy\":{\"epsilon\":2}}")
                        .status());
        JsonNode job = DepositToPublishIT.awaitJob(dora, deposit);
        assertEquals("DONE", job.path("step").asText(), job.toString());
        JsonNode dp = dora.get(d + "/report").json().path("tables").get(0).path("differentialPrivacy");
        assertTrue(dp.path("epsilon").asDouble() <= 2.0 + 1e-9, dp.toString());
        assertTrue(dp.path("epsilon").asDouble() > 1.0, dp.toString());
        assertEquals(1e-6, dp.path("delta").asDouble(), 1e-12, dp.toString());
        assertTrue(dp.path("steps").asLong() > 0, dp.toString());
        assertTrue(dora.get(d + "/report.html").body().contains("differentially private"));

        // analyses of a DP twin's original must spend an epsilon of their own
        ApiClient.Reply noEpsilon =
                dora.put(d + "/analysis-terms", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, noEpsilon.status(), noEpsilon.body());
        assertEquals(
                "$.epsilon",
                noEpsilon.json().path("errors").get(0).path("pointer").asText());
        assertEquals(
                200,
                dora.put(
                                d + "/analysis-terms",
                                "application/json",
                                "{\"epsilon\":0.5}".getBytes(StandardCharsets.UTF_8))
                        .status());

        ApiClient.Reply published = dora.post(d + "/publish", null);
        assertEquals(201, published.status(), published.body());
        String dataset = published.json().path("datasetId").asText();
        String rows = dora.as(null)
                .get("/api/datasets/" + dataset + "/files/tickets.csv")
                .body();
        assertTrue(!rows.contains("funicular"), "a line only one ticket has is not published");

        // counts come back with Laplace noise over the twin's cells (the one-ticket line is none of
        // them); what the noise does not cover is refused
        ApiClient reader = RunningRepository.newDepositor("paul-counts-tickets");
        String table = "{\"dataset\":\"" + dataset + "\",\"table\":\"tickets.csv\",\"analysis\":";
        JsonNode counts = analysis(reader, table + "{\"kind\":\"COUNT\",\"groupBy\":[\"line\"]}}");
        assertEquals("RELEASED", counts.path("state").asText(), counts.toString());
        long express =
                csv.toString().lines().filter(l -> l.startsWith("express,")).count();
        JsonNode cells = counts.path("original").path("result").path("cells");
        assertEquals(2, cells.size(), cells.toString());
        assertEquals("express", cells.get(0).path("group").get(0).asText());
        // Laplace(2) beyond 22.5 has odds of about 1 in 80,000
        assertTrue(Math.abs(cells.get(0).path("count").asLong() - express) <= 25, cells + " vs " + express);
        assertTrue(
                counts.path("original").path("result").path("notes").toString().contains("epsilon 0.5"));
        JsonNode median =
                analysis(reader, table + "{\"kind\":\"QUANTILES\",\"column\":\"minutes\",\"probabilities\":[0.5]}}");
        assertEquals(
                "not-covered-by-noise", median.path("original").path("rule").asText(), median.toString());
    }

    private static JsonNode analysis(ApiClient reader, String body) throws Exception {
        ApiClient.Reply sent = reader.post("/api/analyses", body);
        assertEquals(202, sent.status(), sent.body());
        return VerifiedAnalysisIT.await(reader, sent.json().path("id").asText());
    }
}
