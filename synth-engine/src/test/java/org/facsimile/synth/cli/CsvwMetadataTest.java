package org.facsimile.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvwMetadataTest {

    private static Path csv(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("code,year,city\n");
        for (int i = 0; i < 50; i++) {
            csv.append("K")
                    .append(i)
                    .append(',')
                    .append(i % 2 == 0 ? "-" : Integer.toString(1990 + i % 7))
                    .append(",c")
                    .append(i % 3)
                    .append('\n');
        }
        Path file = dir.resolve("people.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void aTableGroupDeclaresDatatypesNullsAndTheKey(@TempDir Path dir) throws Exception {
        Path data = csv(dir);
        Path metadata = dir.resolve("csv-metadata.json");
        Files.writeString(metadata, """
                {"@context": "http://www.w3.org/ns/csvw",
                 "tables": [
                  {"url": "other.csv", "tableSchema": {"columns": [{"name": "x"}]}},
                  {"url": "data/people.csv", "tableSchema": {
                    "columns": [
                      {"name": "code", "datatype": "string"},
                      {"titles": {"en": ["year"]}, "datatype": {"base": "gYear"}, "null": ["-"]},
                      {"name": "city"},
                      {"name": "source", "virtual": true, "valueUrl": "https://example.org"}
                    ],
                    "primaryKey": "code"}}]}
                """);
        TableSpec spec = Main.spec(data, List.of(), null, metadata.toString());
        assertEquals(List.of("code"), spec.primaryKey());
        assertEquals(ColumnKind.IDENTIFIER, spec.column(0).kind());
        assertEquals(List.of("-"), spec.column(1).nullMarkers());
        assertEquals(ColumnKind.CATEGORICAL, spec.column(2).kind());

        Path model = dir.resolve("m.fcsm");
        assertEquals(0, Main.run(new String[] {
            "fit",
            "--data",
            data.toString(),
            "--metadata",
            metadata.toString(),
            "--model",
            model.toString(),
            "--synthesizer",
            "baseline"
        }));
    }

    @Test
    void aDeclarationThatContradictsTheCsvIsRefusedWithItsPath(@TempDir Path dir) throws Exception {
        Path data = csv(dir);
        Path wrongName = dir.resolve("a.json");
        Files.writeString(wrongName, """
                {"url": "people.csv", "tableSchema": {"columns": [
                  {"name": "code"}, {"name": "born"}, {"name": "city"}]}}
                """);
        CsvwMetadata.Problem problem =
                assertThrows(CsvwMetadata.Problem.class, () -> Main.spec(data, List.of(), null, wrongName.toString()));
        assertTrue(problem.getMessage().contains("$.tableSchema.columns[1]"), problem.getMessage());
        assertTrue(problem.getMessage().contains("'year'"), problem.getMessage());

        Path tooFew = dir.resolve("b.json");
        Files.writeString(tooFew, """
                {"url": "people.csv", "tableSchema": {"columns": [{"name": "code"}]}}
                """);
        assertTrue(assertThrows(CsvwMetadata.Problem.class, () -> Main.spec(data, List.of(), null, tooFew.toString()))
                .getMessage()
                .contains("declares 1 columns, people.csv has 3"));

        Path badKey = dir.resolve("c.json");
        Files.writeString(badKey, """
                {"url": "people.csv", "tableSchema": {"columns": [
                  {"name": "code"}, {"name": "year"}, {"name": "city"}], "primaryKey": ["id"]}}
                """);
        assertTrue(assertThrows(CsvwMetadata.Problem.class, () -> Main.spec(data, List.of(), null, badKey.toString()))
                .getMessage()
                .contains("'id' is not a column"));

        Path notJson = dir.resolve("d.json");
        Files.writeString(notJson, "{\"url\": ");
        assertTrue(assertThrows(CsvwMetadata.Problem.class, () -> Main.spec(data, List.of(), null, notJson.toString()))
                .getMessage()
                .contains("not JSON"));
    }
}
