package org.facsimile.vocab.frictionless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.facsimile.vocab.csvw.CsvwColumn;
import org.facsimile.vocab.csvw.CsvwForeignKey;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.vocab.dcat.DcatRendererTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Data Package of a version, checked against the Frictionless Tabular Data Package profile. */
class DataPackageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema profile;

    @BeforeAll
    static void loadProfile() throws Exception {
        try (InputStream in =
                DataPackageTest.class.getResourceAsStream("/standards/frictionless/tabular-data-package.json")) {
            profile = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    private static final CsvwTable CENSUS = new CsvwTable(
            "census.csv",
            List.of(
                    new CsvwColumn("person_id", "integer", List.of(""), "Row key"),
                    new CsvwColumn("age", "integer", List.of("", "NA"), "Age in years"),
                    new CsvwColumn("income", "decimal", List.of(""), null, "#.##0,00"),
                    new CsvwColumn("surveyed", "date", List.of(""), null, "dd/MM/yyyy"),
                    new CsvwColumn("seen", "dateTime", List.of(""), null, "yyyy-MM-dd'T'HH:mm"),
                    new CsvwColumn("smoker", "boolean", List.of(""), null, "yes|no"),
                    new CsvwColumn("household", "string", List.of(""), null)),
            List.of("person_id"),
            List.of(new CsvwForeignKey(List.of("household"), "households.csv", List.of("household_id"))));

    @Test
    void aVersionIsAValidTabularDataPackage() throws Exception {
        String descriptor = DataPackage.render(DcatRendererTest.example(), List.of(CENSUS));
        JsonNode p = JSON.readTree(descriptor);
        Set<ValidationMessage> errors = profile.validate(p);
        assertTrue(errors.isEmpty(), errors + " in " + descriptor);

        assertEquals("tabular-data-package", p.path("profile").asText());
        assertEquals("https://doi.org/10.5072/fcsm.ab12cd", p.path("id").asText());
        assertTrue(
                p.path("name").asText().matches("[a-z0-9._-]+"), p.path("name").asText());
        assertTrue(p.path("description").asText().contains("synthetic"), "says what it is");
        JsonNode census = p.path("resources").get(0);
        assertEquals(1, p.path("resources").size(), "one table; no resource for a table the version lacks");
        assertEquals("census", census.path("name").asText());
        assertEquals(
                "http://localhost:8080/api/datasets/0b6f/files/census.csv",
                census.path("path").asText());
        assertTrue(census.path("hash").asText().startsWith("sha256:"));
        JsonNode schema = census.path("schema");
        assertEquals("person_id", schema.path("primaryKey").get(0).asText());
        assertEquals(
                "households",
                schema.path("foreignKeys")
                        .get(0)
                        .path("reference")
                        .path("resource")
                        .asText());
        assertEquals("NA", schema.path("missingValues").get(1).asText());
        JsonNode fields = schema.path("fields");
        assertEquals("integer", fields.get(0).path("type").asText());
        assertEquals("number", fields.get(2).path("type").asText());
        assertEquals(",", fields.get(2).path("decimalChar").asText());
        assertEquals(".", fields.get(2).path("groupChar").asText());
        assertEquals("%d/%m/%Y", fields.get(3).path("format").asText());
        assertEquals("datetime", fields.get(4).path("type").asText());
        assertEquals("%Y-%m-%dT%H:%M", fields.get(4).path("format").asText());
        assertEquals("yes", fields.get(5).path("trueValues").get(0).asText());
        assertEquals("string", fields.get(6).path("type").asText());
    }

    @Test
    void inTheVersionsZipTheTablesAreTheFilesBesideIt() throws Exception {
        JsonNode p = JSON.readTree(DataPackage.render(DcatRendererTest.example(), List.of(CENSUS), true));
        assertTrue(profile.validate(p).isEmpty());
        assertEquals("census.csv", p.path("resources").get(0).path("path").asText());
    }

    @Test
    void theProfileCatchesWhatWeMustNotWrite() throws Exception {
        // the check can fail: a resource without a schema, a name out of the profile's alphabet
        JsonNode broken = JSON.readTree("{\"profile\":\"tabular-data-package\",\"name\":\"Census Data\",\"resources\":"
                + "[{\"profile\":\"tabular-data-resource\",\"name\":\"census\",\"path\":\"census.csv\"}]}");
        assertFalse(profile.validate(broken).isEmpty());
    }

    @Test
    void datePicturesBecomeStrptimePatterns() {
        assertEquals("%m/%d/%Y", DataPackage.strptime("M/d/yyyy"));
        assertEquals("%b %d %Y", DataPackage.strptime("MMM dd yyyy"));
        assertEquals("%d.%m.%y %H:%M:%S", DataPackage.strptime("dd.MM.yy HH:mm:ss"));
        assertEquals("%I:%M %p", DataPackage.strptime("hh:mm a"));
        assertNull(DataPackage.strptime("QQQ yyyy"), "a quarter has no strptime code");
    }
}
