package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One deposit travels the whole path on the real servers: a depositor uploads a private table,
 * corrects its schema, submits; the worker synthesizes it; the depositor publishes; the public
 * downloads it, resolves its DOI, and finds it by search; another depositor never sees the deposit.
 */
class DepositToPublishIT {

    private static ApiClient alice;
    private static ApiClient bob;

    @BeforeAll
    static void accounts() throws Exception {
        alice = RunningRepository.newDepositor("alice");
        bob = RunningRepository.newDepositor("bob");
    }

    /** A private-looking table, generated: an id, numbers, a category with missing values, a date. */
    static byte[] patients(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("patient_id,age,ward,weight_kg,admitted,discharged\n");
        String[] wards = {"cardiology", "oncology", "surgery", "maternity"};
        for (int i = 1; i <= rows; i++) {
            int age = 18 + random.nextInt(70);
            String ward = random.nextDouble() < 0.1 ? "" : wards[random.nextInt(wards.length)];
            double weight = 55 + age * 0.2 + random.nextGaussian() * 9;
            csv.append(1000 + i)
                    .append(',')
                    .append(age)
                    .append(',')
                    .append(ward)
                    .append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.1f", weight))
                    .append(",2025-")
                    .append(String.format("%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)))
                    // a date-time as spreadsheets export it, with a space: not XSD's own form
                    .append(String.format(
                            ",2026-%02d-%02d %02d:%02d:%02d",
                            1 + random.nextInt(12),
                            1 + random.nextInt(28),
                            random.nextInt(24),
                            random.nextInt(60),
                            random.nextInt(60)))
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String createDeposit(ApiClient api, String title) throws Exception {
        ApiClient.Reply r = api.post(
                "/api/deposits",
                ApiClient.json(Map.of(
                        "title",
                        title,
                        "description",
                        "Admissions of a fictional hospital.",
                        "creators",
                        List.of("Doe, Jane"),
                        "keywords",
                        List.of("hospital", "admissions"),
                        "subjects",
                        List.of("HEAL"))));
        assertEquals(201, r.status(), r.body());
        return r.json().path("id").asText();
    }

    static JsonNode awaitJob(ApiClient api, String deposit) throws Exception {
        // a hang guard, not a timing: a real network trains for up to a minute or two on 2 cores
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode job = api.get("/api/deposits/" + deposit + "/job").json();
            if ("DONE".equals(job.path("step").asText())
                    || "FAILED".equals(job.path("step").asText())) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the job did not finish in 5 minutes");
    }

    @Test
    void aDepositBecomesAPublishedSyntheticDatasetThatIsFoundAndCited() throws Exception {
        String title = "Cardiology admissions zephyrine";
        String deposit = createDeposit(alice, title);

        ApiClient.Reply upload =
                alice.put("/api/deposits/" + deposit + "/files/admissions.csv", "text/csv", patients(600, 1));
        assertEquals(201, upload.status(), upload.body());
        assertEquals(600, upload.json().path("rows").asLong());
        assertEquals(64, upload.json().path("sha256").asText().length());

        // the inferred schema, then a correction: age is a category here, not a number
        JsonNode schema = alice.get("/api/deposits/" + deposit + "/files/admissions.csv/schema")
                .json();
        assertEquals("patient_id", schema.path("tableSchema").path("primaryKey").asText());
        assertEquals(
                "integer",
                schema.path("tableSchema")
                        .path("columns")
                        .get(1)
                        .path("datatype")
                        .asText());
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        schema.path("tableSchema").path("columns").get(1))
                .put("datatype", "string");
        ApiClient.Reply corrected = alice.put(
                "/api/deposits/" + deposit + "/files/admissions.csv/schema",
                "application/csvm+json",
                schema.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(200, corrected.status(), corrected.body());
        assertEquals(
                "string",
                corrected
                        .json()
                        .path("tableSchema")
                        .path("columns")
                        .get(1)
                        .path("datatype")
                        .asText());

        ApiClient.Reply early = alice.post("/api/deposits/" + deposit + "/publish", null);
        assertEquals(409, early.status(), "a deposit that was not synthesized cannot be published");
        assertEquals("application/problem+json", early.header("Content-Type"));

        ApiClient.Reply submitted = alice.post("/api/deposits/" + deposit + "/submit", "{\"seed\": 7}");
        assertEquals(202, submitted.status(), submitted.body());
        assertEquals(
                409,
                alice.put("/api/deposits/" + deposit + "/files/other.csv", "text/csv", patients(10, 2))
                        .status(),
                "a submitted deposit is frozen");

        JsonNode job = awaitJob(alice, deposit);
        assertEquals("DONE", job.path("step").asText(), job.toString());
        List<String> steps = new ArrayList<>();
        job.path("steps").forEach(s -> {
            if (steps.isEmpty()
                    || !steps.get(steps.size() - 1).equals(s.path("step").asText())) {
                steps.add(s.path("step").asText());
            }
        });
        assertEquals(List.of("PROFILING", "TRAINING", "GENERATING", "EVALUATING", "DONE"), steps);

        JsonNode report = alice.get("/api/deposits/" + deposit + "/report").json();
        assertEquals("PASSED", report.path("privacy").path("verdict").asText(), report.toString());
        JsonNode privacy = report.path("tables").get(0).path("privacy");
        assertTrue(privacy.path("dcrShare").asDouble() < 0.6, privacy.toString());
        assertTrue(privacy.path("thresholds").has("maxDcrShare"), "the verdict says its thresholds");
        ApiClient.Reply reportPage = alice.get("/api/deposits/" + deposit + "/report.html");
        assertEquals(200, reportPage.status());
        assertTrue(
                reportPage.body().contains("<svg") && reportPage.body().contains("weight_kg"),
                "the report page has charts per column");
        assertEquals(404, bob.get("/api/deposits/" + deposit + "/report.html").status(), "and is private");
        assertTrue(
                report.path("tables")
                                .get(0)
                                .path("quality")
                                .path("univariateAccuracy")
                                .asDouble()
                        > 0.85,
                report.toString());

        // the synthetic table before publishing, for its depositor alone: only the deposit's tables
        ApiClient.Reply preview = alice.get("/api/deposits/" + deposit + "/synthetic/admissions.csv");
        assertEquals(200, preview.status(), preview.body());
        assertTrue(preview.header("Content-Type").startsWith("text/csv"), preview.header("Content-Type"));
        assertEquals("no-store", preview.header("Cache-Control"));
        assertTrue(preview.body().startsWith("patient_id,"), "the header first");
        assertEquals(
                404,
                bob.get("/api/deposits/" + deposit + "/synthetic/admissions.csv")
                        .status());
        assertEquals(
                404,
                alice.get("/api/deposits/" + deposit + "/synthetic/report.json").status());

        // another depositor sees nothing of it
        assertEquals(404, bob.get("/api/deposits/" + deposit).status());
        assertEquals(404, bob.get("/api/deposits/" + deposit + "/report").status());
        assertEquals(
                404, bob.post("/api/deposits/" + deposit + "/publish", null).status());
        assertFalse(bob.get("/api/deposits").body().contains(deposit));

        ApiClient.Reply published = alice.post("/api/deposits/" + deposit + "/publish", null);
        assertEquals(201, published.status(), published.body());
        String datasetId = published.json().path("datasetId").asText();
        String doi = published.json().path("doi").asText();
        assertTrue(doi.startsWith("10.5072/"), doi);
        assertEquals(
                409, alice.post("/api/deposits/" + deposit + "/publish", null).status(), "published once");

        ApiClient anonymous = alice.as(null);
        JsonNode dataset = anonymous.get("/api/datasets/" + datasetId).json();
        assertEquals(title, dataset.path("title").asText());
        assertTrue(dataset.path("synthetic").asBoolean());
        String csv = anonymous
                .get("/api/datasets/" + datasetId + "/files/admissions.csv")
                .body();
        assertEquals(preview.body(), csv, "the depositor saw before publishing exactly what was published");
        String[] lines = csv.split("\n");
        assertEquals("patient_id,age,ward,weight_kg,admitted,discharged", lines[0], "the input's columns");
        assertEquals(601, lines.length, "the input's row count");
        java.util.Set<String> real = new java.util.HashSet<>();
        for (String row : new String(patients(600, 1), StandardCharsets.UTF_8).split("\n")) {
            real.add(row.substring(row.indexOf(',')));
        }
        long copied = java.util.Arrays.stream(lines)
                .skip(1)
                .filter(l -> real.contains(l.substring(l.indexOf(','))))
                .count();
        assertTrue(copied <= 2, "rows equal to a real row apart from the fresh id, at most chance level: " + copied);
        JsonNode csvw = anonymous
                .get("/api/datasets/" + datasetId + "/files/csv-metadata.json")
                .json();
        assertEquals("http://www.w3.org/ns/csvw", csvw.path("@context").asText());
        assertEquals("admissions.csv", csvw.path("tables").get(0).path("url").asText());
        // the date-times keep their spreadsheet form in the CSV, described by a CSVW format picture,
        // and become xsd:dateTime values in XSD's own form in the RDF
        JsonNode discharged =
                csvw.path("tables").get(0).path("tableSchema").path("columns").get(5);
        assertEquals("dateTime", discharged.path("datatype").path("base").asText(), discharged.toString());
        assertEquals(
                "yyyy-MM-dd HH:mm:ss",
                discharged.path("datatype").path("format").asText());
        assertTrue(lines[1].matches(".*,2026-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), lines[1]);
        String rdf = anonymous
                .get("/api/datasets/" + datasetId + "/files/admissions.ttl")
                .body();
        assertTrue(
                rdf.matches("(?s).*\"2026-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\"\\^\\^xsd:dateTime.*"),
                rdf.substring(0, 600));
        String turtle = anonymous
                .get("/api/datasets/" + datasetId + "/files/dataset.ttl")
                .body();
        assertTrue(turtle.contains("fcsm:SyntheticData"), turtle);

        // the version's DOI resolves to the version's page, the concept DOI to the dataset's
        ApiClient.Reply resolved = anonymous.get("/doi/" + doi);
        assertEquals(302, resolved.status());
        String landing = resolved.header("Location");
        assertEquals(RunningRepository.get().baseUrl() + "/datasets/" + datasetId + "/versions/1", landing);
        ApiClient.Reply concept =
                anonymous.get("/doi/" + dataset.path("conceptDoi").asText());
        assertEquals(302, concept.status());
        assertEquals(RunningRepository.get().baseUrl() + "/datasets/" + datasetId, concept.header("Location"));
        ApiClient.Reply page = anonymous.get(landing);
        assertEquals(200, page.status());
        assertTrue(
                page.body().contains(title) && page.body().contains("https://doi.org/" + doi),
                "landing page shows title and DOI");

        // the outbox indexes it; search finds it by a word of its title
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode hits = null;
        while (System.currentTimeMillis() < deadline) {
            hits = anonymous.get("/api/search?q=zephyrine").json();
            if (hits.path("total").asLong() > 0) {
                break;
            }
            Thread.sleep(300);
        }
        assertNotNull(hits);
        assertEquals(1, hits.path("total").asLong(), hits.toString());
        assertEquals(datasetId, hits.path("hits").get(0).path("datasetId").asText());
        assertEquals(
                1,
                anonymous.get("/api/search?q=weight_kg").json().path("total").asLong(),
                "column names are searchable");

        // harvesters find it over OAI-PMH, in oai_dc, in the synthetic and licence sets
        String oai = anonymous
                .get("/api/oai?verb=ListRecords&metadataPrefix=oai_dc&set=licence:cc-by-4.0")
                .body();
        assertTrue(oai.contains("https://doi.org/" + doi) && oai.contains(title), oai);
        String record = anonymous
                .get("/api/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:facsimile.local:" + datasetId)
                .body();
        assertTrue(record.contains("<dc:type>synthetic data</dc:type>"), record);
        assertTrue(record.contains("<dc:subject>Health</dc:subject>"), record);
        assertTrue(record.contains("<setSpec>subject:HEAL</setSpec>"), record);
        String bySubject = anonymous
                .get("/api/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=subject:HEAL")
                .body();
        assertTrue(bySubject.contains("oai:facsimile.local:" + datasetId), bySubject);
        assertFalse(
                anonymous
                        .get("/api/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=licence:cc0-1.0")
                        .body()
                        .contains("oai:facsimile.local:" + datasetId),
                "a CC BY dataset is not in the CC0 set");

        // the DCAT catalogue lists it
        String catalog = anonymous.get("/api/catalog", "text/turtle").body();
        assertTrue(catalog.contains(landing), "the catalogue lists the dataset");
        assertTrue(catalog.contains("hydra:PartialCollectionView"), "paged as a Hydra view");
        ApiClient.Reply byExtension = anonymous.get("/api/catalog.nt");
        assertEquals(200, byExtension.status());
        assertTrue(byExtension
                .raw()
                .headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("application/n-triples"));
        assertTrue(byExtension.body().contains("<" + landing + ">"));
        // one record per dataset at its own URI, negotiated or by extension
        ApiClient.Reply one = anonymous.get("/api/catalog/datasets/" + datasetId, "application/ld+json");
        assertEquals(200, one.status(), one.body());
        assertTrue(one.body().contains(doi), one.body());
        assertTrue(
                one.body().contains("http://publications.europa.eu/resource/authority/data-theme/HEAL"),
                "the subject is a dcat:theme");
        assertEquals(
                200,
                anonymous.get("/api/catalog/datasets/" + datasetId + ".rdf").status());
        ApiClient.Reply missing = anonymous.get("/api/catalog/datasets/" + java.util.UUID.randomUUID() + ".ttl");
        assertEquals(404, missing.status());
        assertTrue(
                missing.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        // and over OAI-PMH as DCAT-AP RDF/XML
        String dcat = anonymous
                .get("/api/oai?verb=GetRecord&metadataPrefix=dcat_ap&identifier=oai:facsimile.local:" + datasetId)
                .body();
        assertTrue(dcat.contains("<rdf:RDF") && dcat.contains("http://www.w3.org/ns/dcat#"), dcat);
    }

    @Test
    void theDemoDepositLoadsOnceThroughTheApi() throws Exception {
        ApiClient admin = RunningRepository.admin();
        String landing = DemoDeposit.load(admin, line -> {});
        assertTrue(landing.startsWith(RunningRepository.get().baseUrl() + "/datasets/"), landing);
        assertEquals(landing, DemoDeposit.load(admin, line -> {}), "a second start finds the demo already published");
        String datasetId = landing.substring(landing.lastIndexOf('/') + 1);
        JsonNode dataset = admin.as(null).get("/api/datasets/" + datasetId).json();
        assertEquals(
                DemoDeposit.SOURCE,
                dataset.path("derivedFrom").asText(),
                "the synthetic output links back to its open input");
        assertEquals(48842, dataset.path("files").get(0).path("rows").asLong());
    }
}
