package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A deposit of two related tables: the foreign key is declared in the child's CSVW (and refused
 * with file, column and pointer when it cannot be followed), the children are generated per
 * synthetic parent, and the published tables pass the CSVW check of their references.
 */
class RelatedTablesIT {

    /** Real herds whose farm is not in the farms table: reported, not learnt. */
    private static final int DANGLING = 2;

    @Test
    void childrenArePublishedWithEveryReferenceResolving() throws Exception {
        ApiClient rolf = RunningRepository.newDepositor("rolf-related");
        StringBuilder farms = new StringBuilder("farm_id,district,hectares\n");
        StringBuilder herds = new StringBuilder("herd_id,farm_id,breed,animals\n");
        int herd = 0;
        // drawn at random, not by formula: a formula repeats exact sequences per farm, which a model
        // of herds per farm learns as they are, and no held-out farm's values then occur elsewhere
        java.util.Random random = new java.util.Random(11);
        for (int f = 1; f <= 600; f++) {
            boolean highland = random.nextInt(3) == 0;
            farms.append(f)
                    .append(',')
                    .append(highland ? "highland" : "lowland")
                    .append(',')
                    .append(highland ? 200 + random.nextInt(90) : 20 + random.nextInt(40))
                    .append('\n');
            // highland farms keep 2-3 herds of hardy sheep, lowland farms 0-1 of dairy cattle
            int count = highland ? 2 + random.nextInt(2) : random.nextInt(2);
            for (int h = 0; h < count; h++) {
                herds.append(++herd)
                        .append(',')
                        .append(f)
                        .append(',')
                        .append(highland ? "blackface" : "friesian")
                        .append(',')
                        .append(highland ? 100 + random.nextInt(200) : 40 + random.nextInt(60))
                        .append('\n');
            }
        }
        for (int k = 0; k < DANGLING; k++) {
            herds.append(++herd).append(",9999").append(k).append(",friesian,50\n");
        }
        String deposit = DepositToPublishIT.createDeposit(rolf, "Upland grazing registers");
        String d = "/api/deposits/" + deposit;
        assertEquals(
                201, rolf.put(d + "/files/farms.csv", "text/csv", bytes(farms)).status());
        assertEquals(
                201, rolf.put(d + "/files/herds.csv", "text/csv", bytes(herds)).status());

        ApiClient.Reply nowhere = rolf.put(
                d + "/files/herds.csv/schema", "application/csvm+json", herdsSchema("pastures.csv", "farm_id"));
        assertEquals(422, nowhere.status(), nowhere.body());
        JsonNode where = nowhere.json().path("errors").get(0);
        assertEquals("herds.csv", where.path("file").asText(), nowhere.body());
        assertEquals("farm_id", where.path("column").asText(), nowhere.body());
        assertEquals(
                "$.tableSchema.foreignKeys[0].reference.resource",
                where.path("pointer").asText());

        ApiClient.Reply notKey =
                rolf.put(d + "/files/herds.csv/schema", "application/csvm+json", herdsSchema("farms.csv", "district"));
        assertEquals(422, notKey.status(), notKey.body());
        assertTrue(notKey.body().contains("not that table's primary key"), notKey.body());

        assertEquals(
                200,
                rolf.put(d + "/files/farms.csv/schema", "application/csvm+json", farmsSchema("\"farm_id\""))
                        .status());
        ApiClient.Reply declared =
                rolf.put(d + "/files/herds.csv/schema", "application/csvm+json", herdsSchema("farms.csv", "farm_id"));
        assertEquals(200, declared.status(), declared.body());
        assertEquals(1, declared.json().path("tableSchema").path("foreignKeys").size(), declared.body());

        ApiClient.Reply keyGone = rolf.put(d + "/files/farms.csv/schema", "application/csvm+json", farmsSchema("[]"));
        assertEquals(422, keyGone.status(), keyGone.body());
        assertTrue(keyGone.body().contains("herds.csv refers to [farm_id]"), keyGone.body());

        ApiClient.Reply conditioned = rolf.post(
                d + "/submit", "{\"conditions\":{\"table\":\"farms.csv\",\"seedRows\":[{\"district\":\"highland\"}]}}");
        assertEquals(422, conditioned.status(), conditioned.body());
        assertTrue(conditioned.body().contains("related tables"), conditioned.body());

        ApiClient.Reply budget = rolf.post(d + "/submit", "{\"differentialPrivacy\":{\"epsilon\":4}}");
        assertEquals(422, budget.status(), budget.body());
        assertTrue(budget.body().contains("not yet available for related tables"), budget.body());

        assertEquals(202, rolf.post(d + "/submit", "{\"trainingSeconds\":20}").status());
        JsonNode job = DepositToPublishIT.awaitJob(rolf, deposit);
        assertEquals("DONE", job.path("step").asText(), job.toString());
        JsonNode relation = rolf.get(d + "/report").json().path("relations").get(0);
        assertEquals("herds.csv", relation.path("table").asText(), relation.toString());
        assertTrue(relation.path("context").asBoolean(), relation.toString());
        assertEquals(1.0, relation.path("referentialIntegrity").asDouble(), relation.toString());
        assertEquals(DANGLING, relation.path("realDangling").asInt(), relation.toString());
        assertTrue(relation.path("childrenPerParentAccuracy").asDouble() > 0.7, relation.toString());
        String page = rolf.get(d + "/report.html").body();
        assertTrue(page.contains("Relations between tables"), "the report page has the relation");

        ApiClient.Reply published = rolf.post(d + "/publish", null);
        assertEquals(201, published.status(), published.body());
        String dataset = published.json().path("datasetId").asText();
        ApiClient anonymous = rolf.as(null);
        List<String> farmRows = anonymous
                .get("/api/datasets/" + dataset + "/files/farms.csv")
                .body()
                .lines()
                .toList();
        List<String> herdRows = anonymous
                .get("/api/datasets/" + dataset + "/files/herds.csv")
                .body()
                .lines()
                .toList();
        assertEquals("herd_id,farm_id,breed,animals", herdRows.get(0));
        java.util.Map<String, String> district = new java.util.HashMap<>();
        for (String line : farmRows.subList(1, farmRows.size())) {
            String[] f = line.split(",", -1);
            assertTrue(district.put(f[0], f[1]) == null, "farm keys are unique: " + line);
        }
        Set<String> herdIds = new HashSet<>();
        int fitting = 0;
        for (String line : herdRows.subList(1, herdRows.size())) {
            String[] f = line.split(",", -1);
            assertTrue(herdIds.add(f[0]), "herd keys are unique: " + line);
            assertTrue(district.containsKey(f[1]), "every herd's farm is published: " + line);
            fitting += district.get(f[1]).equals("highland") == f[2].equals("blackface") ? 1 : 0;
        }
        assertTrue(herdRows.size() > 100, "herds were generated: " + herdRows.size());
        // the breed follows the farm's district in the real data: drawn given the synthetic farm, it still does
        assertTrue(fitting > 0.8 * herdIds.size(), "herds fitting their farm: " + fitting + "/" + herdIds.size());
        JsonNode metadata = anonymous
                .get("/api/datasets/" + dataset + "/files/csv-metadata.json")
                .json();
        boolean keyPublished = false;
        for (JsonNode table : metadata.path("tables")) {
            keyPublished |= table.path("tableSchema").path("foreignKeys").size() == 1;
        }
        assertTrue(keyPublished, "the published CSVW states the reference: " + metadata);
    }

    private static byte[] bytes(StringBuilder csv) {
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] farmsSchema(String primaryKey) {
        return ("{\"@context\":\"http://www.w3.org/ns/csvw\",\"url\":\"farms.csv\",\"tableSchema\":{\"columns\":["
                        + "{\"name\":\"farm_id\",\"datatype\":\"integer\"},{\"name\":\"district\",\"datatype\":\"string\"},"
                        + "{\"name\":\"hectares\",\"datatype\":\"integer\"}],\"primaryKey\":" + primaryKey + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] herdsSchema(String resource, String column) {
        return ("{\"@context\":\"http://www.w3.org/ns/csvw\",\"url\":\"herds.csv\",\"tableSchema\":{\"columns\":["
                        + "{\"name\":\"herd_id\",\"datatype\":\"integer\"},{\"name\":\"farm_id\",\"datatype\":\"integer\"},"
                        + "{\"name\":\"breed\",\"datatype\":\"string\"},{\"name\":\"animals\",\"datatype\":\"integer\"}],"
                        + "\"primaryKey\":\"herd_id\",\"foreignKeys\":[{\"columnReference\":\"farm_id\",\"reference\":"
                        + "{\"resource\":\"" + resource + "\",\"columnReference\":\"" + column + "\"}}]}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
