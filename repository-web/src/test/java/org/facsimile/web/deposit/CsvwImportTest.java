package org.facsimile.web.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.facsimile.vocab.csvw.CsvwColumn;
import org.facsimile.vocab.csvw.CsvwForeignKey;
import org.facsimile.vocab.csvw.CsvwTable;
import org.junit.jupiter.api.Test;

class CsvwImportTest {

    private static CsvwTable table(String url, String... references) {
        List<CsvwForeignKey> keys = Arrays.stream(references)
                .map(r -> new CsvwForeignKey(List.of("ref"), r, List.of("id")))
                .toList();
        return new CsvwTable(url, List.of(new CsvwColumn("id", "integer", null, null)), List.of("id"), keys);
    }

    @Test
    void referencedTablesAreSavedFirst() {
        CsvwTable visits = table("visits.csv", "patients.csv");
        CsvwTable drugs = table("drugs.csv", "visits.csv", "formulary.csv");
        CsvwTable patients = table("patients.csv");
        CsvwTable formulary = table("formulary.csv");
        assertEquals(
                List.of("patients.csv", "visits.csv", "formulary.csv", "drugs.csv"),
                CsvwImport.referencedFirst(List.of(drugs, visits, patients, formulary)).stream()
                        .map(CsvwTable::url)
                        .toList());
        // a cycle does not stop the import: the tables come as given
        CsvwTable a = table("a.csv", "b.csv");
        CsvwTable b = table("b.csv", "a.csv");
        assertEquals(2, CsvwImport.referencedFirst(List.of(a, b)).size());
    }

    @Test
    void theDocumentsDescriptionReplacesWhatItSays() {
        DepositMetadata current = new DepositMetadata(
                "Draft",
                "old",
                List.of("Old, One"),
                List.of("x"),
                List.of("HEAL"),
                null,
                null,
                "2020-01-01",
                null,
                null,
                null,
                null);
        DepositMetadata described = CsvwImport.described(
                        current,
                        Map.of("dc:title", List.of("Clinic visits"), "dcat:keyword", List.of("clinic", "visits")))
                .orElseThrow();
        assertEquals("Clinic visits", described.title());
        assertEquals("old", described.description(), "not said: kept");
        assertEquals(List.of("Old, One"), described.creators());
        assertEquals(List.of("clinic", "visits"), described.keywords());
        assertEquals(List.of("HEAL"), described.subjects());
        assertEquals("2020-01-01", described.temporalStart());
        assertTrue(CsvwImport.described(current, Map.of("rdfs:comment", List.of("?")))
                .isEmpty());
    }
}
