package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A deposit of one JSON Lines document with arrays nested two deep: taken apart into related
 * tables at upload (refused with line and member path when it cannot be), learnt and generated as
 * related tables, and published with the synthetic records in the document's own shape.
 */
class NestedDepositIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int PATIENTS = 500;

    /** Patients of a clinic, their visits (nested), and the drugs given at each visit (nested in those). */
    static String clinic(Random random) {
        String[] reasons = {"check-up", "injury", "fever", "rash"};
        String[] drugs = {"ibuprofen", "amoxicillin", "cetirizine", "paracetamol"};
        StringBuilder lines = new StringBuilder();
        for (int p = 0; p < PATIENTS; p++) {
            boolean senior = random.nextInt(3) == 0;
            StringBuilder visits = new StringBuilder();
            // seniors come 2-4 times, the others 0-1 times
            int count = senior ? 2 + random.nextInt(3) : random.nextInt(2);
            for (int v = 0; v < count; v++) {
                int reason = random.nextInt(reasons.length);
                StringBuilder given = new StringBuilder();
                for (int g = reason == 0 ? 0 : 1 + random.nextInt(2); g > 0; g--) {
                    given.append(given.length() == 0 ? "" : ", ")
                            .append('"')
                            .append(drugs[random.nextInt(drugs.length)])
                            .append('"');
                }
                visits.append(v == 0 ? "" : ", ")
                        .append(String.format(
                                Locale.ROOT,
                                "{\"reason\": \"%s\", \"cost\": %.2f, \"drugs\": [%s]}",
                                reasons[reason],
                                30 + random.nextDouble() * 90,
                                given));
            }
            lines.append(String.format(
                    Locale.ROOT,
                    "{\"insured\": %s, \"patient\": {\"sex\": \"%s\", \"age\": %d}, \"visits\": [%s]}%n",
                    random.nextInt(5) > 0,
                    random.nextBoolean() ? "f" : "m",
                    senior ? 66 + random.nextInt(25) : 18 + random.nextInt(45),
                    visits));
        }
        return lines.toString();
    }

    @Test
    void aNestedDocumentIsPublishedInItsShape() throws Exception {
        ApiClient ines = RunningRepository.newDepositor("ines-nested");
        String deposit = DepositToPublishIT.createDeposit(ines, "Outpatient visit records");
        String d = "/api/deposits/" + deposit;

        ApiClient.Reply inner = ines.put(
                d + "/files/clinic.json",
                "application/json",
                "[{\"insured\": true, \"visits\": [[\"fever\"]]}]".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, inner.status(), inner.body());
        assertTrue(inner.body().contains("an array directly inside an array"), inner.body());
        JsonNode where = inner.json().path("errors").get(0);
        assertEquals("clinic.json", where.path("file").asText(), inner.body());
        assertEquals(1, where.path("row").asInt(), inner.body());
        assertEquals("$.visits[0]", where.path("pointer").asText(), inner.body());
        assertEquals(0, ines.get(d).json().path("files").size(), "nothing is kept of a refused document");

        // a first upload with another nesting; the second replaces all of its tables
        ApiClient.Reply first = ines.put(
                d + "/files/clinic.jsonl",
                "application/x-ndjson",
                "{\"insured\": true, \"notes\": [{\"text\": \"x\"}]}\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, first.status(), first.body());
        assertEquals(2, first.json().path("tables").size(), first.body());

        String real = clinic(new Random(23));
        ApiClient.Reply uploaded =
                ines.put(d + "/files/clinic.jsonl", "application/x-ndjson", real.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, uploaded.status(), uploaded.body());
        assertEquals("clinic.jsonl", uploaded.json().path("document").asText());
        List<String> tables = new ArrayList<>();
        uploaded.json().path("tables").forEach(t -> tables.add(t.path("name").asText()));
        assertEquals(List.of("clinic.csv", "clinic.visits.csv", "clinic.visits.drugs.csv"), tables);
        List<String> files = new ArrayList<>();
        ines.get(d).json().path("files").forEach(f -> files.add(f.path("name").asText()));
        assertEquals(Set.copyOf(tables), Set.copyOf(files), "the first upload's tables are gone");

        JsonNode visits = ines.get(d + "/files/clinic.visits.csv/schema").json();
        assertEquals("row_key", visits.path("tableSchema").path("primaryKey").asText(), visits.toString());
        JsonNode reference = visits.path("tableSchema").path("foreignKeys").get(0);
        assertEquals("clinic.csv", reference.path("reference").path("resource").asText(), visits.toString());

        // the reference that puts the document back together stays
        com.fasterxml.jackson.databind.node.ObjectNode unlinkedSchema = visits.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) unlinkedSchema.path("tableSchema")).remove("foreignKeys");
        ApiClient.Reply unlinked = ines.put(
                d + "/files/clinic.visits.csv/schema", "application/csvm+json", JSON.writeValueAsBytes(unlinkedSchema));
        assertEquals(422, unlinked.status(), unlinked.body());
        assertEquals(
                "$.tableSchema.foreignKeys",
                unlinked.json().path("errors").get(0).path("pointer").asText());

        // a CSV cannot overwrite a table taken out of the document
        ApiClient.Reply overwrite =
                ines.put(d + "/files/clinic.visits.csv", "text/csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(409, overwrite.status(), overwrite.body());

        ApiClient.Reply conditioned = ines.post(
                d + "/submit", "{\"conditions\":{\"table\":\"clinic.csv\",\"seedRows\":[{\"insured\":\"true\"}]}}");
        assertEquals(422, conditioned.status(), conditioned.body());
        assertTrue(conditioned.body().contains("related tables"), conditioned.body());

        assertEquals(202, ines.post(d + "/submit", "{\"trainingSeconds\":20}").status());
        JsonNode job = DepositToPublishIT.awaitJob(ines, deposit);
        assertEquals("DONE", job.path("step").asText(), job.toString());
        JsonNode report = ines.get(d + "/report").json();
        for (JsonNode relation : report.path("relations")) {
            assertEquals(1.0, relation.path("referentialIntegrity").asDouble(), relation.toString());
        }

        ApiClient.Reply published = ines.post(d + "/publish", null);
        assertEquals(201, published.status(), published.body());
        String dataset = published.json().path("datasetId").asText();
        ApiClient anonymous = ines.as(null);
        ApiClient.Reply document = anonymous.get("/api/datasets/" + dataset + "/files/clinic.jsonl");
        assertEquals(200, document.status(), document.body());
        List<String> records = document.body().lines().toList();
        assertEquals(PATIENTS, records.size());
        Set<String> realLines = Set.copyOf(real.lines().toList());
        int seniors = 0;
        double seniorVisits = 0;
        double otherVisits = 0;
        for (String line : records) {
            JsonNode record = JSON.readTree(line);
            assertEquals(Set.of("insured", "patient", "visits"), Set.copyOf(names(record)), line);
            assertTrue(record.path("insured").isBoolean(), line);
            assertTrue(record.path("patient").path("age").isIntegralNumber(), line);
            for (JsonNode visit : record.path("visits")) {
                assertEquals(Set.of("reason", "cost", "drugs"), Set.copyOf(names(visit)), line);
                assertTrue(visit.path("cost").isNumber(), line);
                visit.path("drugs").forEach(drug -> assertTrue(drug.isTextual(), line));
            }
            boolean senior = record.path("patient").path("age").asInt() > 65;
            seniors += senior ? 1 : 0;
            if (senior) {
                seniorVisits += record.path("visits").size();
            } else {
                otherVisits += record.path("visits").size();
            }
            assertFalse(realLines.contains(line), "a real record published: " + line);
        }
        // real: seniors 3 visits on average, the others 0.5
        assertTrue(
                seniorVisits / seniors > 2 * otherVisits / (PATIENTS - seniors),
                "visits per senior " + seniorVisits / seniors + ", per other " + otherVisits / (PATIENTS - seniors));
        JsonNode metadata = anonymous
                .get("/api/datasets/" + dataset + "/files/csv-metadata.json")
                .json();
        assertTrue(metadata.toString().contains("nestedShape"), "the published CSVW says how the document is made");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
