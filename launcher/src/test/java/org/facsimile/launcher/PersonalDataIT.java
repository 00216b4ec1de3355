package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Direct identifiers through the repository: profiling marks them in the inferred CSVW, the
 * depositor may confirm or correct the marks but not declare e-mail addresses unpersonal, and the
 * published table holds fakes only, none of them a real value, with the marks in its metadata.
 */
class PersonalDataIT {

    private static final String PERSONAL = "https://w3id.org/facsimile/ns#personalData";
    private static final String[] GIVEN = {
        "Aino", "Bram", "Chidi", "Dagny", "Emre", "Fenna", "Goran", "Hanne", "Ines", "Joris", "Kaito", "Liv", "Milan",
        "Noor", "Oskar", "Pia", "Quinn", "Rafael", "Saskia", "Timo"
    };
    private static final String[] FAMILY = {
        "Aalto",
        "Brink",
        "Okafor",
        "Dahl",
        "Yilmaz",
        "Visser",
        "Petrovic",
        "Holm",
        "Moreau",
        "Smit",
        "Tanaka",
        "Berg",
        "Novak",
        "Haddad",
        "Lund",
        "Weber",
        "Reyes",
        "Costa",
        "Meijer",
        "Virtanen"
    };

    @Test
    void directIdentifiersAreMarkedConfirmedAndReplacedByFakes() throws Exception {
        ApiClient petra = RunningRepository.newDepositor("petra-personal");
        ApiClient anonymous = petra.as(null);
        StringBuilder csv = new StringBuilder("visit_id,patient_name,email,age,ward\n");
        Set<String> realNames = new HashSet<>();
        Set<String> realEmails = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            String given = GIVEN[i % GIVEN.length];
            String family = FAMILY[(i / GIVEN.length) % FAMILY.length];
            String name = given + " " + family;
            String email = (given + "." + family).toLowerCase(Locale.ROOT) + "@hospital-mail.example";
            realNames.add(name);
            realEmails.add(email);
            csv.append(i + 1)
                    .append(',')
                    .append(name)
                    .append(',')
                    .append(email)
                    .append(',')
                    .append(18 + (i * 7) % 70)
                    .append(',')
                    .append(i % 3 == 0 ? "maple" : "birch")
                    .append('\n');
        }
        String deposit = DepositToPublishIT.createDeposit(petra, "Clinic visits with patient contacts");
        String d = "/api/deposits/" + deposit;
        assertEquals(
                201,
                petra.put(d + "/files/visits.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                        .status());

        // profiling proposes the marks
        JsonNode inferred = petra.get(d + "/files/visits.csv/schema").json();
        JsonNode columns = inferred.path("tableSchema").path("columns");
        assertEquals("person-name", columns.get(1).path(PERSONAL).asText(), inferred.toString());
        assertEquals("email", columns.get(2).path(PERSONAL).asText(), inferred.toString());
        assertTrue(columns.get(3).path(PERSONAL).isMissingNode(), "age is not personal");

        // e-mail addresses cannot be declared unpersonal; the answer names the column
        ApiClient.Reply refused = petra.put(
                d + "/files/visits.csv/schema",
                "application/csvm+json",
                schema("\"" + PERSONAL + "\":\"none\"", "").getBytes(StandardCharsets.UTF_8));
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("never learnt"), refused.body());
        assertEquals(
                "email", refused.json().path("errors").get(0).path("column").asText(), refused.body());
        for (String email : realEmails) {
            assertFalse(refused.body().contains(email), "no value in the answer");
        }
        ApiClient.Reply unknown = petra.put(
                d + "/files/visits.csv/schema",
                "application/csvm+json",
                schema("\"" + PERSONAL + "\":\"shoe-size\"", "").getBytes(StandardCharsets.UTF_8));
        assertEquals(422, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("person-name, given-name"), "the kinds it may be: " + unknown.body());

        // a schema that says nothing of personal data keeps the marks; a ward is not a person
        ApiClient.Reply kept = petra.put(
                d + "/files/visits.csv/schema",
                "application/csvm+json",
                schema("", ",\"" + PERSONAL + "\":\"none\"").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, kept.status(), kept.body());
        JsonNode keptColumns = kept.json().path("tableSchema").path("columns");
        assertEquals("person-name", keptColumns.get(1).path(PERSONAL).asText(), kept.body());
        assertEquals("email", keptColumns.get(2).path(PERSONAL).asText(), kept.body());
        assertEquals("none", keptColumns.get(4).path(PERSONAL).asText(), kept.body());

        assertEquals(
                202, petra.post(d + "/submit", "{\"synthesizer\":\"baseline\"}").status());
        JsonNode job = DepositToPublishIT.awaitJob(petra, deposit);
        assertEquals("DONE", job.path("step").asText(), job.toString());
        JsonNode report = petra.get(d + "/report").json();
        JsonNode direct = report.path("tables").get(0).path("directIdentifiers");
        assertEquals(2, direct.size(), report.toString());
        for (JsonNode column : direct) {
            assertEquals(0, column.path("realValuesFound").asLong(), column.toString());
            assertEquals("a fake per synthetic row", column.path("method").asText());
        }
        ApiClient.Reply published = petra.post(d + "/publish", null);
        assertEquals(201, published.status(), published.body());
        String dataset = published.json().path("datasetId").asText();

        String synthetic =
                anonymous.get("/api/datasets/" + dataset + "/files/visits.csv").body();
        List<String> lines = new ArrayList<>(synthetic.lines().toList());
        assertEquals("visit_id,patient_name,email,age,ward", lines.remove(0));
        assertTrue(lines.size() > 100, "rows were made");
        for (String line : lines) {
            String[] f = line.split(",", -1);
            assertFalse(realNames.contains(f[1]), "a real name was published: " + f[1]);
            assertFalse(realEmails.contains(f[2]), "a real e-mail was published: " + f[2]);
            assertTrue(
                    f[2].matches("[a-z._0-9]+@example\\.(org|com|net)"),
                    "a fake address at a reserved domain: " + f[2]);
        }
        JsonNode metadata = anonymous
                .get("/api/datasets/" + dataset + "/files/csv-metadata.json")
                .json();
        JsonNode published0 = metadata.path("tables").isMissingNode()
                ? metadata.path("tableSchema").path("columns")
                : metadata.path("tables").get(0).path("tableSchema").path("columns");
        assertEquals("email", published0.get(2).path(PERSONAL).asText(), metadata.toString());
        assertTrue(published0.get(4).path(PERSONAL).isMissingNode(), "the depositor's none is not published");
    }

    /** The table's schema, with extra properties on the e-mail column and on the ward column. */
    private static String schema(String emailExtra, String wardExtra) {
        return "{\"@context\":\"http://www.w3.org/ns/csvw\",\"url\":\"visits.csv\",\"tableSchema\":{\"columns\":["
                + "{\"name\":\"visit_id\",\"datatype\":\"integer\"},"
                + "{\"name\":\"patient_name\",\"datatype\":\"string\"},"
                + "{\"name\":\"email\",\"datatype\":\"string\"" + (emailExtra.isEmpty() ? "" : "," + emailExtra) + "},"
                + "{\"name\":\"age\",\"datatype\":\"integer\"},"
                + "{\"name\":\"ward\",\"datatype\":\"string\"" + wardExtra + "}],"
                + "\"primaryKey\":\"visit_id\"}}";
    }
}
