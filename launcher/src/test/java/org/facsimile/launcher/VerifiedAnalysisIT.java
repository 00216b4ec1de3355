package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Verified analyses over the running stack: the depositor allows them on terms; a reader declares
 * analyses of the published twin's table; a worker runs each on the original and the twin; what
 * passes the disclosure rules comes back beside the twin's answer, equal to the truth computed
 * here from the deposited rows (rounded as the rules say); a small cell is refused with its rule
 * named and no value; the budget holds; only the submitter and the depositor see an analysis;
 * no original value reaches any answer.
 */
class VerifiedAnalysisIT {

    private static final String[] REGIONS = {"north", "south", "east"};

    @Test
    void analysesOfTheOriginalAreReleasedOnlyWhenTheyPassTheRules() throws Exception {
        ApiClient dora = RunningRepository.newDepositor("dora-analyses");
        ApiClient rita = RunningRepository.newAccount("rita-analyses", "DEPOSITOR", "rita-runs-analyses-7");
        ApiClient otto = RunningRepository.newDepositor("otto-not-his-analysis");
        ApiClient anonymous = dora.as(null);
        String tag = "anl" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<int[]> rows = new ArrayList<>();
        StringBuilder csv = new StringBuilder("id,region,age,smoker,income,note\n");
        for (int i = 0; i < 300; i++) {
            int age = 20 + (i * 7) % 50;
            boolean smoker = (i * 13) % 5 == 0;
            int income = 20_000 + age * 500 - (smoker ? 3_000 : 0) + ((i * 37) % 100) * 10;
            rows.add(new int[] {i, age, smoker ? 1 : 0, income});
            csv.append(i)
                    .append(',')
                    .append(region(i))
                    .append(',')
                    .append(age)
                    .append(',')
                    .append(smoker)
                    .append(',')
                    .append(income)
                    .append(',')
                    .append(tag)
                    .append(i)
                    .append('\n');
        }
        String deposit = DepositToPublishIT.createDeposit(dora, "Incomes with verified analyses");
        String d = "/api/deposits/" + deposit;
        assertEquals(
                201,
                dora.put(d + "/files/incomes.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                        .status());

        // the terms: the owner's alone
        String terms = ApiClient.json(Map.of("minCell", 10, "budget", 6));
        assertEquals(
                404,
                otto.put(d + "/analysis-terms", "application/json", bytes(terms))
                        .status());
        ApiClient.Reply tiny = dora.put(d + "/analysis-terms", "application/json", bytes("{\"minCell\":2}"));
        assertEquals(422, tiny.status(), tiny.body());
        assertEquals(
                "$.minCell", tiny.json().path("errors").get(0).path("pointer").asText());
        assertEquals(
                200,
                dora.put(d + "/analysis-terms", "application/json", bytes(terms))
                        .status());
        assertEquals(10, dora.get(d + "/analysis-terms").json().path("minCell").asInt());

        assertEquals(
                202, dora.post(d + "/submit", "{\"synthesizer\":\"baseline\"}").status());
        assertEquals(
                "DONE", DepositToPublishIT.awaitJob(dora, deposit).path("step").asText());
        ApiClient.Reply published = dora.post(d + "/publish", null);
        assertEquals(201, published.status(), published.body());
        String dataset = published.json().path("datasetId").asText();
        String landing = anonymous.get("/datasets/" + dataset, "text/html").body();
        assertTrue(
                landing.contains("The original answers verified analyses") && landing.contains("at least 10 rows"),
                landing);
        assertTrue(landing.contains("/versions/1/analyses\">Run a verified analysis</a>"), landing);

        // declarations are checked against the table before anything runs
        assertEquals(
                401, anonymous.post("/api/analyses", count(dataset, "region")).status());
        ApiClient.Reply noColumn = rita.post("/api/analyses", count(dataset, "colour"));
        assertEquals(422, noColumn.status(), noColumn.body());
        assertEquals(
                "$.analysis.groupBy[0]",
                noColumn.json().path("errors").get(0).path("pointer").asText());
        ApiClient.Reply key = rita.post("/api/analyses", count(dataset, "id"));
        assertEquals(422, key.status(), "a key is never analysed: " + key.body());
        ApiClient.Reply noTable = rita.post(
                "/api/analyses",
                "{\"dataset\":\"" + dataset + "\",\"table\":\"other.csv\",\"analysis\":{\"kind\":\"COUNT\"}}");
        assertEquals(
                "$.table", noTable.json().path("errors").get(0).path("pointer").asText());

        // a cell of three rows: refused, the rule named, no value
        JsonNode byRegion = await(rita, submit(rita, count(dataset, "region")));
        assertEquals("REFUSED", byRegion.path("state").asText(), byRegion.toString());
        assertEquals("minimum-cell", byRegion.path("original").path("rule").asText());
        assertTrue(byRegion.path("original").path("result").isNull()
                || byRegion.path("original").path("result").isMissingNode());
        assertFalse(byRegion.path("original").toString().contains("island"), byRegion.toString());

        // counts by a yes/no column: released, rounded to 5, beside the twin's
        JsonNode bySmoker = await(rita, submit(rita, count(dataset, "smoker")));
        assertEquals("RELEASED", bySmoker.path("state").asText(), bySmoker.toString());
        long smokers = rows.stream().filter(r -> r[2] == 1).count();
        JsonNode cells = bySmoker.path("original").path("result").path("cells");
        assertEquals(
                List.of("false", "true"),
                List.of(
                        cells.get(0).path("group").get(0).asText(),
                        cells.get(1).path("group").get(0).asText()));
        assertEquals(
                Math.round((300 - smokers) / 5.0) * 5,
                cells.get(0).path("count").asLong());
        assertEquals(Math.round(smokers / 5.0) * 5, cells.get(1).path("count").asLong());
        assertEquals("COUNT", bySmoker.path("twin").path("result").path("kind").asText(), bySmoker.toString());

        // a regression on the original equals the reference computed here
        String model = "{\"dataset\":\"" + dataset + "\",\"table\":\"incomes.csv\",\"analysis\":"
                + "{\"kind\":\"LINEAR_REGRESSION\",\"formula\":\"income ~ age\"}}";
        JsonNode regression = await(rita, submit(rita, model));
        assertEquals("RELEASED", regression.path("state").asText(), regression.toString());
        double n = rows.size();
        double mx = rows.stream().mapToDouble(r -> r[1]).sum() / n;
        double my = rows.stream().mapToDouble(r -> r[3]).sum() / n;
        double sxy = rows.stream().mapToDouble(r -> (r[1] - mx) * (r[3] - my)).sum();
        double sxx = rows.stream().mapToDouble(r -> (r[1] - mx) * (r[1] - mx)).sum();
        double slope = sxy / sxx;
        JsonNode terms2 = regression.path("original").path("result").path("terms");
        assertEquals("age", terms2.get(1).path("name").asText());
        assertEquals(fourDigits(my - slope * mx), terms2.get(0).path("estimate").asDouble(), 1e-9);
        assertEquals(fourDigits(slope), terms2.get(1).path("estimate").asDouble(), 1e-9);

        // a mean per region, the small one filtered out
        String mean = "{\"dataset\":\"" + dataset + "\",\"table\":\"incomes.csv\",\"analysis\":{\"kind\":\"MEAN\","
                + "\"column\":\"income\",\"groupBy\":[\"region\"],"
                + "\"filters\":[{\"column\":\"region\",\"op\":\"!=\",\"value\":\"island\"}]}}";
        JsonNode means = await(rita, submit(rita, mean));
        assertEquals("RELEASED", means.path("state").asText(), means.toString());
        JsonNode east = means.path("original").path("result").path("cells").get(0);
        assertEquals("east", east.path("group").get(0).asText());
        double eastMean = rows.stream()
                .filter(r -> region(r[0]).equals("east"))
                .mapToDouble(r -> r[3])
                .average()
                .orElseThrow();
        assertEquals(
                fourDigits(eastMean), east.path("figures").get(0).path("value").asDouble(), 1e-9);

        // the same through the pages: a form, then the analysis's own page with both answers
        FormBrowser browser = new FormBrowser(RunningRepository.get().baseUrl());
        assertEquals(
                303, browser.signIn("rita-analyses", "rita-runs-analyses-7").statusCode());
        HttpResponse<String> form = browser.get("/datasets/" + dataset + "/versions/1/analyses");
        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().contains("<option value=\"incomes.csv\""), form.body());
        Map<String, String> fields = new HashMap<>(Map.of(
                "csrf",
                FormBrowser.field(form.body(), "csrf"),
                "table",
                "incomes.csv",
                "kind",
                "QUANTILES",
                "column",
                "age",
                "probabilities",
                "half"));
        HttpResponse<String> odd = browser.post("/datasets/" + dataset + "/versions/1/analyses", fields);
        assertEquals(422, odd.statusCode(), odd.body());
        assertTrue(odd.body().contains("numbers between 0 and 1"), odd.body());
        fields.put("kind", "MEAN");
        fields.put("groupBy", "smoker");
        HttpResponse<String> sent = browser.post("/datasets/" + dataset + "/versions/1/analyses", fields);
        assertEquals(303, sent.statusCode(), sent.body());
        String page = sent.headers().firstValue("Location").orElseThrow();
        await(rita, page.substring(page.lastIndexOf('/') + 1));
        String shown = browser.get(page.substring(page.indexOf("/analyses/"))).body();
        assertTrue(shown.contains("passed the disclosure rules") && shown.contains("mean, twin"), shown);
        assertTrue(browser.get("/analyses").body().contains("mean of incomes.csv"));

        // who sees what
        String id = bySmoker.path("id").asText();
        assertEquals(404, otto.get("/api/analyses/" + id).status());
        assertEquals(200, dora.get("/api/analyses/" + id).status(), "the depositor sees the analyses of her original");
        assertEquals(5, dora.get("/api/analyses?deposit=" + deposit).json().size());
        assertEquals(404, otto.get("/api/analyses?deposit=" + deposit).status());
        assertEquals(0, otto.get("/api/analyses").json().size());
        assertEquals(5, rita.get("/api/analyses").json().size());

        // the budget: six in all, refusals counted
        String median =
                "{\"dataset\":\"" + dataset + "\",\"table\":\"incomes.csv\",\"analysis\":{\"kind\":\"QUANTILES\","
                        + "\"column\":\"age\",\"probabilities\":[0.5]}}";
        JsonNode quantile = await(otto, submit(otto, median));
        assertEquals("RELEASED", quantile.path("state").asText(), quantile.toString());
        ApiClient.Reply spent = rita.post("/api/analyses", count(dataset, "smoker"));
        assertEquals(409, spent.status(), spent.body());
        assertTrue(spent.body().contains("analysis-budget-spent"), spent.body());

        // no terms: no analyses
        assertEquals(204, dora.delete(d + "/analysis-terms").status());
        assertEquals(409, rita.post("/api/analyses", count(dataset, "smoker")).status());

        String audit = dora.get(d + "/audit").body();
        for (String action : List.of(
                "deposit.analysis-terms",
                "deposit.analysis-submit",
                "deposit.analysis-released",
                "deposit.analysis-refused")) {
            assertTrue(audit.contains(action), action + " in " + audit);
        }
        for (String answer : List.of(
                rita.get("/api/analyses").body(),
                dora.get("/api/analyses?deposit=" + deposit).body(),
                anonymous.get("/datasets/" + dataset, "text/html").body())) {
            assertFalse(answer.contains(tag), "an original value in an answer");
        }
    }

    private static String region(int i) {
        return i < 3 ? "island" : REGIONS[i % 3];
    }

    private static double fourDigits(double value) {
        return new BigDecimal(value).round(new MathContext(4)).doubleValue();
    }

    private static String count(String dataset, String by) {
        return "{\"dataset\":\"" + dataset + "\",\"table\":\"incomes.csv\",\"analysis\":{\"kind\":\"COUNT\","
                + "\"groupBy\":[\"" + by + "\"]}}";
    }

    private static String submit(ApiClient api, String body) throws Exception {
        ApiClient.Reply r = api.post("/api/analyses", body);
        assertEquals(202, r.status(), r.body());
        assertEquals("QUEUED", r.json().path("state").asText());
        assertTrue(r.header("Location")
                .endsWith("/api/analyses/" + r.json().path("id").asText()));
        return r.json().path("id").asText();
    }

    /** The analysis once it has run: released, refused or failed. */
    static JsonNode await(ApiClient api, String id) throws Exception {
        // a hang guard, not a timing: an analysis of 300 rows takes well under a second
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode a = api.get("/api/analyses/" + id).json();
            String state = a.path("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return a;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("analysis " + id + " did not finish");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
