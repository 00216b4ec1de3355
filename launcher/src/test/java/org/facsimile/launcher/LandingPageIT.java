package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The landing URL of a dataset for people and machines: content negotiation to every form, each
 * parsed by a real parser (Jena for RDF, the DataCite XSD, jbibtex, a RIS line check, JSON), the
 * same forms as export links, and FAIR Signposting in headers and as a linkset.
 */
class LandingPageIT {

    private static ApiClient anonymous;
    private static String landing;
    private static String doi;
    private static String datasetId;

    @BeforeAll
    static void dataset() throws Exception {
        ApiClient owner = RunningRepository.newDepositor("lena-landing");
        anonymous = owner.as(null);
        datasetId = SearchIT.publish(
                owner,
                "Reed warbler ringing records",
                "Ringer, Lena 0000-0002-1825-0097",
                "cc-by-4.0",
                List.of("birds", "ringing"),
                "Reed bed where the bird was caught",
                Map.of("temporalStart", "2018-04-01", "temporalEnd", "2021-09-30", "spatial", "Norfolk Broads"));
        JsonNode dataset = anonymous.get("/api/datasets/" + datasetId).json();
        landing = "/datasets/" + datasetId;
        doi = dataset.path("doi").asText();
    }

    private static ApiClient.Reply as(String accept) throws Exception {
        ApiClient.Reply r = anonymous.get(landing, accept);
        assertEquals(200, r.status(), accept + ": " + r.body());
        assertTrue(r.header("Content-Type").startsWith(accept), accept + " -> " + r.header("Content-Type"));
        assertTrue(r.header("Vary").contains("Accept"), "caches keep the forms apart");
        return r;
    }

    private static Model rdf(String body, Lang lang) {
        Model model = ModelFactory.createDefaultModel();
        RDFDataMgr.read(model, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), lang);
        return model;
    }

    @Test
    void theSameRecordInTurtleJsonLdAndRdfXml() throws Exception {
        Model turtle = rdf(as("text/turtle").body(), Lang.TURTLE);
        Model jsonld = rdf(as("application/ld+json").body(), Lang.JSONLD);
        Model rdfxml = rdf(as("application/rdf+xml").body(), Lang.RDFXML);
        assertTrue(turtle.size() > 20, "a DCAT-AP record: " + turtle.size() + " triples");
        assertTrue(turtle.isIsomorphicWith(jsonld), "JSON-LD says the same");
        assertTrue(turtle.isIsomorphicWith(rdfxml), "RDF/XML says the same");
        // the record is about this version, a version of the dataset at the landing URL
        assertTrue(turtle.contains(
                turtle.createResource(RunningRepository.get().baseUrl() + landing + "/versions/1"),
                org.apache.jena.vocabulary.DCTerms.isVersionOf,
                turtle.createResource(RunningRepository.get().baseUrl() + landing)));
    }

    @Test
    void dataCiteXmlIsValidAgainstItsSchema() throws Exception {
        String xml = as("application/vnd.datacite.datacite+xml").body();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        // the vendored copy of DataCite's kernel 4.7 schema (see ../shared/standards)
        Path xsd = Path.of("../vocabularies/src/test/resources/standards/datacite/kernel-4.7/metadata.xsd");
        factory.newSchema(xsd.toFile()).newValidator().validate(new StreamSource(new StringReader(xml)));
        assertTrue(xml.contains(">" + doi + "</identifier>"), xml);
        // what the depositor said of the creator's ORCID iD and the time and place covered
        assertTrue(
                xml.contains("<creatorName>Ringer, Lena</creatorName><nameIdentifier nameIdentifierScheme=\"ORCID\""),
                xml);
        assertTrue(xml.contains("<date dateType=\"Collected\">2018-04-01/2021-09-30</date>"), xml);
        assertTrue(xml.contains("<geoLocationPlace>Norfolk Broads</geoLocationPlace>"), xml);
    }

    @Test
    void theLandingPageSaysWhoMadeItAndWhatItCovers() throws Exception {
        String page = as("text/html").body();
        assertTrue(page.contains("href=\"https://orcid.org/0000-0002-1825-0097\""), "the creator's ORCID record");
        assertTrue(page.contains("<dt>Time covered</dt><dd>2018-04-01 to 2021-09-30</dd>"), page);
        assertTrue(page.contains("<dt>Place covered</dt><dd>Norfolk Broads</dd>"), page);
        JsonNode schemaOrg = ApiClient.MAPPER.readTree(
                as("application/vnd.schemaorg.ld+json").body());
        org.apache.jena.rdf.model.Model turtle = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        turtle.read(new StringReader(as("text/turtle").body()), null, "TURTLE");
        assertTrue(
                turtle.listObjectsOfProperty(org.apache.jena.vocabulary.DCAT.startDate).toList().stream()
                        .anyMatch(o -> o.asLiteral().getLexicalForm().equals("2018-04-01")),
                "dct:temporal with its start date");
        assertEquals("2018-04-01/2021-09-30", schemaOrg.path("temporalCoverage").asText(), schemaOrg.toString());
        assertEquals(
                "https://orcid.org/0000-0002-1825-0097",
                schemaOrg.path("creator").get(0).path("@id").asText());
    }

    /**
     * Each table as a reader meets it before downloading: its columns from the CSVW (with the
     * depositor's description) and its first rows from the published file; and every file in one
     * zip whose manifest's checksums are the files'.
     */
    @Test
    void eachTableShowsItsColumnsAndFirstRowsAndAllFilesComeAsOneZip() throws Exception {
        String page = as("text/html").body();
        assertTrue(page.contains("<h3 id=\"table-survey.csv\">survey.csv</h3>"), page);
        assertTrue(
                page.contains(
                        "<tr><td><code>habitat</code></td><td>text</td><td>Reed bed where the bird was caught</td></tr>"),
                page);
        assertTrue(page.contains("<td><code>count</code></td><td>whole number</td>"), page);
        String preview = page.substring(page.indexOf("<div class=\"preview\""));
        preview = preview.substring(0, preview.indexOf("</div>"));
        assertTrue(preview.contains("<th scope=\"col\">site_id</th><th scope=\"col\">count</th>"), preview);
        List<String> csv = new String(
                        anonymous
                                .download("/api/datasets/" + datasetId + "/files/survey.csv")
                                .body(),
                        StandardCharsets.UTF_8)
                .lines()
                .toList();
        for (String line : csv.subList(1, 11)) {
            assertTrue(
                    preview.contains("<tr><td>" + String.join("</td><td>", line.split(",", -1)) + "</td></tr>"),
                    "row shown as published: " + line + " in " + preview);
        }
        assertEquals(10, preview.split("<tr><td>", -1).length - 1, "ten rows");

        assertTrue(
                page.contains("href=\"" + RunningRepository.get().baseUrl() + "/api/datasets/" + datasetId
                        + "/versions/1/files.zip\""),
                "a link to all files");
        HttpResponse<byte[]> zip = anonymous.download("/api/datasets/" + datasetId + "/files.zip");
        assertEquals(200, zip.statusCode());
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        JsonNode files = anonymous.get("/api/datasets/" + datasetId).json().path("files");
        Set<String> manifest = Set.copyOf(new String(entries.get("manifest-sha256.txt"), StandardCharsets.UTF_8)
                .lines()
                .toList());
        assertEquals(files.size() + 3, entries.size(), entries.keySet().toString());
        // and an attached RO-Crate: each file it names is in the zip
        JsonNode crate = ApiClient.MAPPER.readTree(entries.get("ro-crate-metadata.json"));
        for (JsonNode part : crate.path("@graph").get(1).path("hasPart")) {
            assertTrue(entries.containsKey(part.path("@id").asText()), part + " in the zip");
        }
        // unpacked, it is a Data Package: its descriptor names the tables beside it, and is in the manifest
        JsonNode dataPackage = ApiClient.MAPPER.readTree(entries.get("datapackage.json"));
        String table = dataPackage.path("resources").get(0).path("path").asText();
        assertTrue(entries.containsKey(table), table + " beside datapackage.json");
        assertTrue(manifest.contains(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(entries.get("datapackage.json")))
                        + "  datapackage.json"));
        for (JsonNode f : files) {
            String name = f.path("name").asText();
            String sha256 = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(entries.get(name)));
            assertEquals(f.path("sha256").asText(), sha256, name + " as published");
            assertTrue(manifest.contains(sha256 + "  " + name), name + " in the manifest: " + manifest);
        }
    }

    @Test
    void croissantRecordSetsAndQualityPlots() throws Exception {
        JsonNode croissant = ApiClient.MAPPER.readTree(
                as("application/vnd.schemaorg.ld+json").body());
        assertEquals(
                "http://mlcommons.org/croissant/1.0",
                croissant.path("conformsTo").asText());
        // how it was made, as Croissant 1.1's provenance: the run, its software, the private input
        JsonNode run = croissant.path("prov:wasGeneratedBy");
        assertEquals("prov:Activity", run.path("@type").asText(), croissant.toString());
        assertTrue(run.path("description").asText().matches("(argn|baseline).*"), run.toString());
        assertEquals(
                "Facsimile synth-engine",
                run.path("prov:wasAssociatedWith").path("name").asText());
        assertEquals(
                croissant.path("prov:wasDerivedFrom").path("@id").asText(),
                run.path("prov:used").path("@id").asText());
        JsonNode recordSet = croissant.path("recordSet").get(0);
        assertEquals("cr:RecordSet", recordSet.path("@type").asText());
        assertEquals("survey", recordSet.path("name").asText());
        List<String> fields = new java.util.ArrayList<>();
        recordSet.path("field").forEach(f -> fields.add(f.path("name").asText()));
        assertEquals(List.of("site_id", "count", "habitat"), fields);
        JsonNode habitat = recordSet.path("field").get(2);
        assertEquals(
                "Reed bed where the bird was caught",
                habitat.path("description").asText());
        assertEquals(
                "sc:Integer", recordSet.path("field").get(1).path("dataType").asText());
        assertEquals(
                "survey.csv",
                habitat.path("source").path("fileObject").path("@id").asText());
        assertEquals(
                "habitat", habitat.path("source").path("extract").path("column").asText());

        String html = as("text/html").body();
        assertTrue(html.contains("\"cr:RecordSet\""), "the page embeds the same Croissant record");
        assertTrue(html.contains("<figure><figcaption>survey: accuracy per column</figcaption><svg"), html);
        assertTrue(html.contains("aria-label=\"Accuracy of survey against its holdout\""), html);
    }

    @Test
    void citationsParseInTheirOwnFormats() throws Exception {
        BibTeXDatabase bib = new BibTeXParser()
                .parse(new StringReader(as("application/x-bibtex").body()));
        BibTeXEntry entry = bib.getEntries().values().iterator().next();
        assertEquals(doi, entry.getField(BibTeXEntry.KEY_DOI).toUserString());
        assertEquals("Ringer, Lena", entry.getField(BibTeXEntry.KEY_AUTHOR).toUserString());

        String ris = as("application/x-research-info-systems").body();
        String[] lines = ris.split("\r\n");
        assertEquals("TY  - DATA", lines[0]);
        assertEquals("ER  - ", lines[lines.length - 1]);
        for (String line : lines) {
            assertTrue(line.matches("[A-Z][A-Z0-9]  - .*"), line);
        }
        assertTrue(ris.contains("DO  - " + doi + "\r\n"));

        JsonNode csl = ApiClient.MAPPER.readTree(
                as("application/vnd.citationstyles.csl+json").body());
        assertEquals("dataset", csl.get(0).path("type").asText());
        assertEquals("Ringer", csl.get(0).path("author").get(0).path("family").asText());

        JsonNode schemaOrg = ApiClient.MAPPER.readTree(
                as("application/vnd.schemaorg.ld+json").body());
        assertEquals("Dataset", schemaOrg.path("@type").asText());
    }

    @Test
    void browsersGetThePageAndEveryFormHasItsOwnLink() throws Exception {
        ApiClient.Reply page = anonymous.get(landing, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        assertEquals(200, anonymous.get(landing, "*/*").status(), "curl's default gets the page");
        for (Map.Entry<String, String> export : Map.of(
                        "ttl", "text/turtle",
                        "jsonld", "application/ld+json",
                        "rdf", "application/rdf+xml",
                        "datacite.xml", "application/vnd.datacite.datacite+xml",
                        "schemaorg.json", "application/vnd.schemaorg.ld+json",
                        "bib", "application/x-bibtex",
                        "ris", "application/x-research-info-systems",
                        "csl.json", "application/vnd.citationstyles.csl+json",
                        "datapackage.json", "application/json",
                        "ro-crate-metadata.json", "application/ld+json")
                .entrySet()) {
            String link = landing + "/export/" + export.getKey();
            assertTrue(page.body().contains(link + "\""), "the page links " + link);
            ApiClient.Reply r = anonymous.get(link);
            assertEquals(200, r.status(), link);
            assertTrue(r.header("Content-Type").startsWith(export.getValue()), link);
        }
        ApiClient.Reply refused = anonymous.get(landing, "application/pdf");
        assertEquals(406, refused.status());
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
        assertTrue(refused.body().contains("application/x-bibtex"), "it says what there is");
        assertEquals(404, anonymous.get(landing + "/export/docx").status());
        assertEquals(406, anonymous.get(landing, "application/json").status(), "the Data Package is an export only");
        // the Data Package's tables are where it says, and are what the CSV file is
        JsonNode dataPackage = ApiClient.MAPPER.readTree(
                anonymous.get(landing + "/export/datapackage.json").body());
        assertEquals("tabular-data-package", dataPackage.path("profile").asText());
        JsonNode resource = dataPackage.path("resources").get(0);
        ApiClient.Reply table = anonymous.get(resource.path("path").asText().replaceFirst("^https?://[^/]+", ""));
        assertEquals(200, table.status());
        assertEquals(
                table.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                resource.path("bytes").asLong());
        assertEquals(
                table.body().lines().findFirst().orElseThrow(),
                String.join(
                        ",",
                        java.util.stream.StreamSupport.stream(
                                        resource.path("schema").path("fields").spliterator(), false)
                                .map(f -> f.path("name").asText())
                                .toList()));
    }

    /**
     * A published file comes in part when asked (a resumed or split download: 206 and its
     * Content-Range), not at all when the reader's copy is current (304), and whole when the part
     * asked for belongs to another file (If-Range). A download counts once: not again for its
     * resumed part, a HEAD or a 304.
     */
    @Test
    void filesComeInRangesAndNotAgainWhileCurrent() throws Exception {
        String path = "/api/datasets/" + datasetId + "/files/survey.csv";
        HttpResponse<byte[]> whole = anonymous.download(path);
        byte[] all = whole.body();
        int n = all.length;
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
        long before = anonymous
                .get("/api/datasets/" + datasetId + "/usage")
                .json()
                .path("downloads")
                .asLong();

        HttpResponse<byte[]> start =
                reader("starts").withHeader("Range", "bytes=0-9").download(path);
        assertEquals(206, start.statusCode());
        assertEquals(
                "bytes 0-9/" + n, start.headers().firstValue("Content-Range").orElse(""));
        assertEquals("10", start.headers().firstValue("Content-Length").orElse(""));
        assertEquals(etag, start.headers().firstValue("ETag").orElse(""), "the whole file's tag");
        HttpResponse<byte[]> rest = reader("resumes")
                .withHeader("Range", "bytes=10-")
                .withHeader("If-Range", etag)
                .download(path);
        assertEquals(206, rest.statusCode());
        assertEquals(
                "bytes 10-" + (n - 1) + "/" + n,
                rest.headers().firstValue("Content-Range").orElse(""));
        byte[] joined = new byte[n];
        System.arraycopy(start.body(), 0, joined, 0, 10);
        System.arraycopy(rest.body(), 0, joined, 10, rest.body().length);
        assertEquals(n - 10, rest.body().length);
        assertTrue(Arrays.equals(all, joined), "the parts make the file");
        HttpResponse<byte[]> tail = anonymous.withHeader("Range", "bytes=-5").download(path);
        assertEquals(206, tail.statusCode());
        assertTrue(Arrays.equals(Arrays.copyOfRange(all, n - 5, n), tail.body()), "the last five bytes");

        HttpResponse<byte[]> changed = anonymous
                .withHeader("Range", "bytes=10-")
                .withHeader("If-Range", "\"another-file\"")
                .download(path);
        assertEquals(200, changed.statusCode(), "the part was of another file: the whole one");
        assertTrue(Arrays.equals(all, changed.body()));
        HttpResponse<byte[]> several =
                anonymous.withHeader("Range", "bytes=0-1,4-5").download(path);
        assertEquals(200, several.statusCode(), "several ranges: the whole file");
        assertTrue(Arrays.equals(all, several.body()));

        ApiClient.Reply past = anonymous.send("GET", path, null, "Range", "bytes=" + n + "-");
        assertEquals(416, past.status());
        assertEquals("bytes */" + n, past.header("Content-Range"));
        assertTrue(past.header("Content-Type").startsWith("application/problem+json"), past.header("Content-Type"));

        ApiClient.Reply current = reader("has it").send("GET", path, null, "If-None-Match", etag);
        assertEquals(304, current.status());
        assertEquals("", current.body());
        assertEquals(etag, current.header("ETag"));
        assertEquals(
                200,
                anonymous.send("GET", path, null, "If-None-Match", "\"older\"").status());
        ApiClient.Reply mismatch = anonymous.send("GET", path, null, "If-Match", "\"older\"");
        assertEquals(412, mismatch.status());
        assertTrue(mismatch.header("Content-Type").startsWith("application/problem+json"));
        ApiClient.Reply head = reader("looks").send("HEAD", path, null);
        assertEquals(200, head.status());
        assertEquals(String.valueOf(n), head.header("Content-Length"));

        assertEquals(
                "none",
                anonymous
                        .download("/api/datasets/" + datasetId + "/files.zip")
                        .headers()
                        .firstValue("Accept-Ranges")
                        .orElse(""),
                "a zip is written afresh each time");
        assertEquals(
                before + 1,
                anonymous
                        .get("/api/datasets/" + datasetId + "/usage")
                        .json()
                        .path("downloads")
                        .asLong(),
                "the download that started counts; its resumed part, the 304 and the HEAD do not");
    }

    /** A person's browser, one per name (each its own reader for the double-click rule). */
    private static ApiClient reader(String name) {
        return anonymous.withHeader(
                "User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0 (" + name + ")");
    }

    @Test
    void viewsAndDownloadsArePeoplesNotRobots() throws Exception {
        String firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
        ApiClient person = anonymous.withHeader("User-Agent", firefox);
        ApiClient other = anonymous.withHeader(
                "User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 Safari/605.1.15");
        JsonNode before = anonymous.get("/api/datasets/" + datasetId + "/usage").json();
        assertEquals(200, person.get(landing, "text/html").status());
        assertEquals(200, person.get(landing, "text/html").status(), "a double-click (COUNTER: once in 30 s)");
        assertEquals(200, other.get(landing, "text/html").status(), "another reader");
        assertEquals(
                200,
                anonymous
                        .withHeader(
                                "User-Agent",
                                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
                        .get(landing, "text/html")
                        .status());
        assertEquals(200, anonymous.get(landing, "text/html").status(), "a script (Java's own user agent)");
        assertEquals(200, person.get(landing, "text/turtle").status(), "metadata for machines is not a view");
        assertEquals(
                200,
                person.get("/api/datasets/" + datasetId + "/files/survey.csv").status());
        assertEquals(
                200,
                person.get("/api/datasets/" + datasetId + "/files/survey.csv").status(),
                "the same download again at once");
        assertEquals(
                200,
                anonymous
                        .get("/api/datasets/" + datasetId + "/files/survey.csv")
                        .status());
        JsonNode after = anonymous.get("/api/datasets/" + datasetId + "/usage").json();
        assertEquals(before.path("views").asLong() + 2, after.path("views").asLong(), after.toString());
        assertEquals(
                before.path("downloads").asLong() + 1, after.path("downloads").asLong(), after.toString());
        String page = person.get(landing, "text/html").body();
        assertTrue(
                page.contains(after.path("views").asLong() + " views, "
                        + after.path("downloads").asLong() + " downloads"),
                "shown on the page");
    }

    @Test
    void signpostingInHeadersAndAsALinkset() throws Exception {
        String links = as("text/html").header("Link");
        for (String expected : List.of(
                "<https://doi.org/" + doi + ">; rel=\"cite-as\"",
                landing + "/export/ttl>; rel=\"describedby\"; type=\"text/turtle\"",
                landing + "/export/datacite.xml>; rel=\"describedby\"; type=\"application/vnd.datacite.datacite+xml\"",
                "csv-metadata.json>; rel=\"describedby\"; type=\"application/csvm+json\"",
                "<https://schema.org/Dataset>; rel=\"type\"",
                "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"",
                "survey.csv>; rel=\"item\"; type=\"text/csv\"",
                landing + "/linkset>; rel=\"linkset\"; type=\"application/linkset+json\"")) {
            assertTrue(links.contains(expected), expected + " in " + links);
        }
        ApiClient.Reply json = anonymous.get(landing + "/linkset", "application/linkset+json");
        assertEquals(200, json.status(), json.body());
        JsonNode set = json.json().path("linkset").get(0);
        assertTrue(set.path("anchor").asText().endsWith(landing));
        assertEquals(
                "https://doi.org/" + doi,
                set.path("cite-as").get(0).path("href").asText());
        assertTrue(set.path("item").size() >= 4, set.toString());
        ApiClient.Reply text = anonymous.get(landing + "/linkset", "application/linkset");
        assertEquals(200, text.status());
        assertTrue(text.body().contains("rel=\"cite-as\"; anchor=\""), text.body());
    }
}
