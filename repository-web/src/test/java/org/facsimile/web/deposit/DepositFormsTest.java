package org.facsimile.web.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.facsimile.vocab.csvw.CsvwColumn;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.web.platform.Problem;
import org.facsimile.web.platform.ProblemException;
import org.junit.jupiter.api.Test;

/** The deposit pages' forms, read without a server or a browser. */
class DepositFormsTest {

    private static final CsvwTable STORED = new CsvwTable(
            "visits.csv",
            List.of(
                    new CsvwColumn("id", "integer", null, null),
                    new CsvwColumn("email", "string", null, null, null, "email", null),
                    new CsvwColumn("nests", "integer", List.of("", "NA"), "nests counted", null, null, "en")),
            List.of("id"),
            List.of(),
            List.of());

    @Test
    void theColumnsFormDeclaresTheSchemaItShows() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("type.2", "decimal");
        form.putSingle("missing.2", " NA, ?, NA ");
        form.putSingle("personal.1", "");
        form.putSingle("personal.2", "");
        form.putSingle("key", "id");
        form.putSingle("constraints", "nests >= 0\n\n  nests <= 500 \n");
        CsvwTable declared = SchemaForm.read(STORED, form);
        CsvwColumn nests = declared.columns().get(2);
        assertEquals("decimal", nests.datatype());
        assertEquals(List.of("", "NA", "?"), nests.nullMarkers(), "an empty cell is always missing");
        assertEquals("nests counted", nests.description(), "what the form does not show is kept");
        assertEquals("en", nests.lang());
        assertEquals(null, nests.personalData(), "no mark before, none said");
        assertEquals("none", declared.columns().get(1).personalData(), "a mark taken away is an explicit none");
        assertEquals(List.of("id"), declared.primaryKey());
        assertEquals(List.of("nests >= 0", "nests <= 500"), declared.constraints());
    }

    @Test
    void aColumnsReferenceIsChosenOrTakenAway() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("refers.2", "colonies.csv/colony_id");
        CsvwTable declared = SchemaForm.read(STORED, form);
        assertEquals(1, declared.foreignKeys().size());
        assertEquals(List.of("nests"), declared.foreignKeys().get(0).columns());
        assertEquals("colonies.csv", declared.foreignKeys().get(0).resource());
        assertEquals(List.of("colony_id"), declared.foreignKeys().get(0).referencedColumns());

        CsvwTable withReference =
                new CsvwTable(STORED.url(), STORED.columns(), STORED.primaryKey(), declared.foreignKeys(), List.of());
        MultivaluedHashMap<String, String> none = new MultivaluedHashMap<>();
        none.putSingle("refers.2", "");
        assertEquals(List.of(), SchemaForm.read(withReference, none).foreignKeys(), "'nothing' removes it");
        MultivaluedHashMap<String, String> crafted = new MultivaluedHashMap<>();
        crafted.putSingle("refers.1", "/id");
        crafted.putSingle("refers.2", "colonies.csv/");
        assertEquals(List.of(), SchemaForm.read(STORED, crafted).foreignKeys(), "half a reference is none");
    }

    @Test
    void aCraftedPostCannotDeclareWhatThePageDoesNotOffer() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("type.0", "colour");
        form.putSingle("key", "nonexistent");
        CsvwTable declared = SchemaForm.read(STORED, form);
        assertEquals("integer", declared.columns().get(0).datatype());
        assertEquals(List.of(), declared.primaryKey());
    }

    @Test
    void metadataProblemsLandAtTheirFields() {
        ProblemException e = new ProblemException(
                422,
                "invalid-metadata",
                "Invalid metadata",
                "2 problems",
                List.of(
                        new Problem.Where(null, null, null, "$.title", "a title is required"),
                        new Problem.Where(null, null, null, "$.creators[1]", "a creator needs a name")));
        assertEquals(
                Map.of("title", "A title is required.", "creators", "A creator needs a name."),
                MetadataForm.byField(e));
        DepositMetadata read = new MetadataForm(
                        " Counts ",
                        "",
                        "Auk, Wanda\n\n Gull, Gil ",
                        "seabirds, , skerries",
                        null,
                        null,
                        "2021-04-01",
                        "",
                        " Fair Isle ",
                        "",
                        "")
                .metadata();
        assertEquals("2021-04-01", read.temporalStart());
        assertEquals(null, read.temporalEnd(), "an empty end is an open one");
        assertEquals("Fair Isle", read.spatial());
        assertEquals("Counts", read.title());
        assertEquals(List.of("Auk, Wanda", "Gull, Gil"), read.creators());
        assertEquals(Arrays.asList("seabirds", "skerries"), read.keywords());
    }

    @Test
    void theDescriptionFormShowsStoredMetadataAndReadsItBack() {
        DepositMetadata stored = new DepositMetadata(
                "Moth trap nights",
                "Counts per night",
                List.of("Carberry, Josiah 0000-0002-1825-0097", "Auk, Wanda"),
                List.of("moths", "light traps"),
                List.of("ENVI"),
                DepositMetadata.LICENCES.get(1),
                "https://example.org/moths",
                null,
                null,
                null,
                null,
                null);
        MetadataForm form = MetadataForm.of(stored);
        assertEquals("Carberry, Josiah 0000-0002-1825-0097\nAuk, Wanda", form.creators());
        assertEquals("moths, light traps", form.keywords());
        assertEquals(stored, form.metadata(stored.sourceUrl()), "what the form shows, it saves unchanged");
        assertEquals(null, form.metadata().sourceUrl(), "a new deposit has no source on the form");
    }

    @Test
    void anUploadRefusalSaysWhereOnceWhetherByLineOrByRowAndColumn() {
        ProblemException byLine = new ProblemException(
                422,
                "invalid-csv",
                "Invalid CSV",
                "the file is not valid UTF-8 text (line 1, byte 7)",
                List.of(new Problem.Where("visits.csv", 1L, null, null, "not UTF-8")));
        assertEquals(
                "visits.csv: the file is not valid UTF-8 text (line 1, byte 7)",
                DepositPages.uploadProblem("visits.csv", byLine, List.of()));
        ProblemException byCell = new ProblemException(
                422,
                "invalid-csv",
                "Invalid CSV",
                "a value does not parse as a date",
                List.of(new Problem.Where("visits.csv", 4L, "seen", null, "not a date")));
        assertEquals(
                "visits.csv: a value does not parse as a date (row 4, column seen). Uploaded before it: sites.csv.",
                DepositPages.uploadProblem("visits.csv", byCell, List.of("sites.csv")));
    }
}
