package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Constraints declared in the table's CSVW: refused with the rule and column named when they
 * cannot be followed, and obeyed by every published synthetic row when they can.
 */
class ConstraintsIT {

    private static final String RULES = "https://w3id.org/facsimile/ns#constraints";
    private static final String[][] PLACES = {
        {"Tromso", "Troms"}, {"Harstad", "Troms"}, {"Bodo", "Nordland"}, {"Narvik", "Nordland"}, {"Alta", "Finnmark"}
    };

    @Test
    void declaredRulesAreCheckedAndHoldOnEveryPublishedRow() throws Exception {
        ApiClient carla = RunningRepository.newDepositor("carla-constraints");
        StringBuilder csv = new StringBuilder("stay_id,admitted,discharged,town,county,fee,tax,total\n");
        for (int i = 0; i < 400; i++) {
            LocalDate admitted = LocalDate.of(2021, 1, 1).plusDays((i * 37L) % 900);
            String[] place = PLACES[(i * 7) % PLACES.length];
            BigDecimal fee = BigDecimal.valueOf(100 + (i * 53) % 900);
            BigDecimal tax = fee.multiply(new BigDecimal("0.25"));
            csv.append(i + 1)
                    .append(',')
                    .append(admitted)
                    .append(',')
                    .append(admitted.plusDays(1 + (i * 13) % 40))
                    .append(',')
                    .append(place[0])
                    .append(',')
                    .append(place[1])
                    .append(',')
                    .append(fee.toPlainString())
                    .append(',')
                    .append(tax.toPlainString())
                    .append(',')
                    .append(fee.add(tax).toPlainString())
                    .append('\n');
        }
        String deposit = DepositToPublishIT.createDeposit(carla, "Fjord ward stays");
        String d = "/api/deposits/" + deposit;
        assertEquals(
                201,
                carla.put(d + "/files/stays.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                        .status());

        ApiClient.Reply unknown = carla.put(
                d + "/files/stays.csv/schema",
                "application/csvm+json",
                schema("\"admitted < discharged\", \"total = fee + vat\"").getBytes(StandardCharsets.UTF_8));
        assertEquals(422, unknown.status(), unknown.body());
        JsonNode where = unknown.json().path("errors").get(0);
        assertEquals("vat", where.path("column").asText(), unknown.body());
        assertEquals("$.tableSchema." + RULES + "[1]", where.path("pointer").asText(), unknown.body());
        assertTrue(unknown.body().contains("total = fee + vat"), "the rule is quoted: " + unknown.body());

        ApiClient.Reply cycle = carla.put(
                d + "/files/stays.csv/schema",
                "application/csvm+json",
                schema("\"admitted < discharged\", \"discharged < admitted\"").getBytes(StandardCharsets.UTF_8));
        assertEquals(422, cycle.status(), cycle.body());
        assertTrue(cycle.body().contains("below itself"), cycle.body());

        ApiClient.Reply accepted = carla.put(
                d + "/files/stays.csv/schema",
                "application/csvm+json",
                schema(
                                "\"admitted < discharged\", \"fixed(town, county)\", \"total = fee + tax\", \"100 <= fee <= 999\"")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals(4, accepted.json().path("tableSchema").path(RULES).size(), accepted.body());

        assertEquals(
                202, carla.post(d + "/submit", "{\"synthesizer\":\"baseline\"}").status());
        JsonNode job = DepositToPublishIT.awaitJob(carla, deposit);
        assertEquals("DONE", job.path("step").asText(), job.toString());
        JsonNode rules = carla.get(d + "/report").json().path("tables").get(0).path("constraints");
        assertEquals(4, rules.size(), rules.toString());
        for (JsonNode rule : rules) {
            assertEquals(1.0, rule.path("syntheticRowsObeyingIt").asDouble(), rule.toString());
        }
        ApiClient.Reply published = carla.post(d + "/publish", null);
        assertEquals(201, published.status(), published.body());
        String dataset = published.json().path("datasetId").asText();

        ApiClient anonymous = carla.as(null);
        List<String> lines = anonymous
                .get("/api/datasets/" + dataset + "/files/stays.csv")
                .body()
                .lines()
                .toList();
        assertEquals("stay_id,admitted,discharged,town,county,fee,tax,total", lines.get(0));
        Set<String> pairs =
                Set.of("Tromso/Troms", "Harstad/Troms", "Bodo/Nordland", "Narvik/Nordland", "Alta/Finnmark");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertTrue(LocalDate.parse(f[1]).isBefore(LocalDate.parse(f[2])), line);
            assertTrue(pairs.contains(f[3] + "/" + f[4]), line);
            BigDecimal fee = new BigDecimal(f[5]);
            assertEquals(0, fee.add(new BigDecimal(f[6])).compareTo(new BigDecimal(f[7])), line);
            assertTrue(
                    fee.compareTo(BigDecimal.valueOf(100)) >= 0 && fee.compareTo(BigDecimal.valueOf(999)) <= 0, line);
        }
        JsonNode metadata = anonymous
                .get("/api/datasets/" + dataset + "/files/csv-metadata.json")
                .json();
        JsonNode schema = metadata.path("tables").isMissingNode()
                ? metadata.path("tableSchema")
                : metadata.path("tables").get(0).path("tableSchema");
        assertEquals(4, schema.path(RULES).size(), "the published CSVW states the rules: " + metadata);
    }

    @Test
    void aCategoryIsRebalancedOnRequestAndBadConditionsAreRefusedAtSubmit() throws Exception {
        ApiClient rhea = RunningRepository.newDepositor("rhea-rebalance");
        StringBuilder csv = new StringBuilder("badge,site,role,years\n");
        for (int i = 0; i < 1_000; i++) {
            boolean lab = i % 7 == 0;
            csv.append(i + 1)
                    .append(',')
                    .append(lab ? "lab" : "clinic")
                    .append(',')
                    .append(lab ? (i % 5 == 0 ? "scientist" : "technician") : (i % 4 == 0 ? "doctor" : "nurse"))
                    .append(',')
                    .append(lab ? 10 + i % 20 : i % 10)
                    .append('\n');
        }
        String deposit = DepositToPublishIT.createDeposit(rhea, "Saltmarsh clinic staffing");
        String d = "/api/deposits/" + deposit;
        assertEquals(
                201,
                rhea.put(d + "/files/staff.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                        .status());
        ApiClient.Reply unknown = rhea.post(
                d + "/submit", "{\"conditions\":{\"rebalance\":{\"column\":\"wing\",\"value\":\"x\",\"share\":0.5}}}");
        assertEquals(422, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("staff.csv") && unknown.body().contains("'wing'"), unknown.body());
        ApiClient.Reply baseline = rhea.post(
                d + "/submit",
                "{\"synthesizer\":\"baseline\",\"conditions\":{\"rebalance\":{\"column\":\"site\",\"value\":\"lab\",\"share\":0.5}}}");
        assertEquals(422, baseline.status(), baseline.body());
        assertTrue(baseline.body().contains("needs the argn synthesizer"), baseline.body());

        ApiClient.Reply submitted = rhea.post(
                d + "/submit",
                "{\"trainingSeconds\":15,\"conditions\":{\"rebalance\":{\"column\":\"site\",\"value\":\"lab\",\"share\":0.5}}}");
        assertEquals(202, submitted.status(), submitted.body());
        JsonNode job = DepositToPublishIT.awaitJob(rhea, deposit);
        assertEquals("DONE", job.path("step").asText(), job.toString());
        JsonNode conditioned =
                rhea.get(d + "/report").json().path("tables").get(0).path("conditionalGeneration");
        assertEquals("site", conditioned.path("rebalancedColumn").asText(), conditioned.toString());
        assertEquals(0.5, conditioned.path("achievedShare").asDouble(), 1e-9, conditioned.toString());
    }

    private static String schema(String rules) {
        return "{\"@context\":\"http://www.w3.org/ns/csvw\",\"url\":\"stays.csv\",\"tableSchema\":{\"columns\":["
                + "{\"name\":\"stay_id\",\"datatype\":\"integer\"},{\"name\":\"admitted\",\"datatype\":\"date\"},"
                + "{\"name\":\"discharged\",\"datatype\":\"date\"},{\"name\":\"town\",\"datatype\":\"string\"},"
                + "{\"name\":\"county\",\"datatype\":\"string\"},{\"name\":\"fee\",\"datatype\":\"decimal\"},"
                + "{\"name\":\"tax\",\"datatype\":\"decimal\"},{\"name\":\"total\",\"datatype\":\"decimal\"}],"
                + "\"primaryKey\":\"stay_id\",\"" + RULES + "\":[" + rules + "]}}";
    }
}
