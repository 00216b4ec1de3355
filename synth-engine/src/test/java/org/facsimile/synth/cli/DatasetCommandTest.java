package org.facsimile.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset command's round trip over a CSVW table group with a foreign key. */
class DatasetCommandTest {

    static final String GROUP = """
            {
              "@context": ["http://www.w3.org/ns/csvw", {"@language": "en"}],
              "dc:title": "Farms and their herds",
              "tables": [
                {
                  "url": "farms.csv",
                  "tableSchema": {
                    "columns": [
                      {"name": "farm", "datatype": "integer"},
                      {"name": "region", "datatype": "string"},
                      {"name": "founded", "datatype": {"base": "date", "format": "dd/MM/yyyy"}}
                    ],
                    "primaryKey": "farm"
                  }
                },
                {
                  "url": "herds.csv",
                  "tableSchema": {
                    "columns": [
                      {"name": "herd", "datatype": "integer"},
                      {"name": "farm", "datatype": "integer"},
                      {"name": "breed", "datatype": "string"},
                      {"name": "head", "datatype": "integer"}
                    ],
                    "primaryKey": "herd",
                    "foreignKeys": [
                      {"columnReference": "farm", "reference": {"resource": "farms.csv", "columnReference": "farm"}}
                    ]
                  }
                }
              ]
            }
            """;

    /** 300 farms, in the north with 1-2 herds of dairy cattle, in the south 3-5 of beef. */
    static Path deposit(Path dir, String metadata) throws IOException {
        Random random = new Random(4);
        StringBuilder farms = new StringBuilder("farm,region,founded\n");
        StringBuilder herds = new StringBuilder("herd,farm,breed,head\n");
        int herd = 0;
        for (int f = 1; f <= 300; f++) {
            boolean north = random.nextBoolean();
            farms.append(f)
                    .append(',')
                    .append(north ? "north" : "south")
                    .append(',')
                    .append(String.format(
                            "%02d/%02d/%d", 1 + random.nextInt(28), 1 + random.nextInt(12), 1950 + random.nextInt(70)))
                    .append('\n');
            int count = north ? 1 + random.nextInt(2) : 3 + random.nextInt(3);
            for (int h = 0; h < count; h++) {
                herds.append(++herd)
                        .append(',')
                        .append(f)
                        .append(',')
                        .append(north ? "holstein" : "angus")
                        .append(',')
                        .append(10 + random.nextInt(90))
                        .append('\n');
            }
        }
        // the CSV files lie next to the metadata
        Files.writeString(dir.resolve("farms.csv"), farms);
        Files.writeString(dir.resolve("herds.csv"), herds);
        Path file = dir.resolve("csv-metadata.json");
        Files.writeString(file, metadata);
        return file;
    }

    @Test
    void relatedTablesAreSynthesizedFromTheirCsvwGroupAndWrittenWithIt(@TempDir Path dir) throws Exception {
        Path metadata = deposit(dir, GROUP);
        Path out = dir.resolve("synthetic");
        assertEquals(0, Main.run(new String[] {
            "dataset", "--metadata", metadata.toString(), "--out", out.toString(), "--training-seconds", "10"
        }));
        List<String> farms = Files.readAllLines(out.resolve("farms.csv"));
        List<String> herds = Files.readAllLines(out.resolve("herds.csv"));
        assertEquals("farm,region,founded", farms.get(0));
        assertEquals("herd,farm,breed,head", herds.get(0));
        Set<String> keys = new HashSet<>();
        for (String line : farms.subList(1, farms.size())) {
            String[] f = line.split(",");
            assertTrue(keys.add(f[0]), "farm key repeats: " + f[0]);
            // dates written in the declared picture
            assertTrue(f[2].matches("\\d{2}/\\d{2}/\\d{4}"), line);
        }
        assertTrue(farms.size() > 100, "synthetic farms: " + farms.size());
        for (String line : herds.subList(1, herds.size())) {
            assertTrue(keys.contains(line.split(",")[1]), "a herd of no synthetic farm: " + line);
        }

        JsonObject group = JsonParser.parseString(Files.readString(out.resolve("csv-metadata.json")))
                .getAsJsonObject();
        assertEquals("synthetic data", group.get("dc:type").getAsString());
        assertEquals("Farms and their herds", group.get("dc:title").getAsString());
        JsonObject herdTable = group.getAsJsonArray("tables").get(1).getAsJsonObject();
        assertEquals("herds.csv", herdTable.get("url").getAsString());
        // the written group reads back as the synthetic tables' own metadata
        assertEquals(2, CsvwMetadata.group(out.resolve("csv-metadata.json")).size());
        assertEquals(
                "farms",
                CsvwMetadata.group(out.resolve("csv-metadata.json"))
                        .get(1)
                        .foreignKeys()
                        .get(0)
                        .parent());

        String report = Files.readString(out.resolve("report.json"));
        assertTrue(report.contains("\"table\":\"herds\""), report);
        assertTrue(report.contains("\"referentialIntegrity\":1.0"), report);
        assertTrue(Files.readString(out.resolve("report.html")).contains("herds.farm"));
    }

    @Test
    void aTableDeclaredPublicReferenceDataIsWrittenAsDeposited(@TempDir Path dir) throws Exception {
        Path metadata = deposit(
                dir,
                GROUP.replace(
                        "\"url\": \"farms.csv\",",
                        "\"url\": \"farms.csv\", \"https://w3id.org/facsimile/ns#publishedAsDeposited\": true,"));
        Path out = dir.resolve("synthetic");
        assertEquals(0, Main.run(new String[] {
            "dataset", "--metadata", metadata.toString(), "--out", out.toString(), "--training-seconds", "5"
        }));
        assertEquals(Files.readAllLines(dir.resolve("farms.csv")), Files.readAllLines(out.resolve("farms.csv")));
        Set<String> farms = new HashSet<>();
        Files.readAllLines(out.resolve("farms.csv")).forEach(line -> farms.add(line.split(",")[0]));
        for (String line : Files.readAllLines(out.resolve("herds.csv")).subList(1, 10)) {
            assertTrue(farms.contains(line.split(",")[1]), line);
        }
        // the mark travels into the synthetic group's metadata
        assertTrue(CsvwMetadata.group(out.resolve("csv-metadata.json")).get(0).publishedAsDeposited());
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"publishedAsDeposited\":true"));

        Path wrong = deposit(
                dir,
                GROUP.replace(
                        "\"url\": \"farms.csv\",",
                        "\"url\": \"farms.csv\", \"https://w3id.org/facsimile/ns#publishedAsDeposited\": \"yes\","));
        IOException problem = assertThrows(
                IOException.class,
                () -> Main.run(new String[] {"dataset", "--metadata", wrong.toString(), "--out", out.toString()}));
        assertTrue(
                problem.getMessage()
                        .contains("$.tables[0].https://w3id.org/facsimile/ns#publishedAsDeposited: must be"
                                + " true or false"),
                problem.getMessage());
    }

    @Test
    void aReferenceToNoTableOfTheGroupIsRefusedWithItsJsonPath(@TempDir Path dir) throws Exception {
        Path metadata = deposit(dir, GROUP.replace("\"resource\": \"farms.csv\"", "\"resource\": \"ranches.csv\""));
        IOException problem = assertThrows(
                IOException.class,
                () -> Main.run(new String[] {
                    "dataset",
                    "--metadata",
                    metadata.toString(),
                    "--out",
                    dir.resolve("out").toString()
                }));
        assertEquals(
                "csv-metadata.json at $.tables[1].tableSchema.foreignKeys[0].reference.resource: no table of the group"
                        + " has the url ranches.csv",
                problem.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }
}
