package org.facsimile.harvest.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.facsimile.harvest.port.OaiItem;
import org.facsimile.harvest.port.OaiRepository;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.vocab.DistributionDescription;
import org.facsimile.vocab.Embargo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The provider against an in-memory repository; every response is validated against the OAI-PMH XSDs. */
class OaiDataProviderTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        schema = factory.newSchema(OaiDataProviderTest.class.getResource("/standards/oai-pmh/oai-pmh-all.xsd"));
    }

    /** {@code n} records a day apart; every 7th is a tombstone; even ones are in set "even". */
    static OaiRepository repository(int n, boolean withSets) {
        return repository(items(n, withSets), withSets);
    }

    static List<OaiItem> items(int n, boolean withSets) {
        List<OaiItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("rec-%03d", i);
            List<String> sets = new ArrayList<>(List.of("synthetic"));
            if (i % 2 == 0) {
                sets.add("even");
            }
            boolean deleted = i % 7 == 6;
            DatasetDescription d = deleted
                    ? null
                    : new DatasetDescription(
                            "http://repo.test/datasets/" + id,
                            "10.5072/t." + i,
                            "Dataset <" + i + "> & co",
                            "About " + i,
                            List.of("Doe, Jane"),
                            List.of("census"),
                            List.of(org.facsimile.vocab.terms.DataTheme.SOCI),
                            "https://creativecommons.org/licenses/by/4.0/",
                            T0.plusSeconds(86_400L * i),
                            1,
                            "Test",
                            true,
                            i == 0 ? "https://example.org/source" : null,
                            List.of(new DistributionDescription(
                                    "http://repo.test/f.csv", "f", "text/csv", 10, "ab", null)));
            if (i == 4) {
                d = d.withEmbargo(new Embargo(LocalDate.parse("2027-03-01"), "under review"));
            }
            items.add(new OaiItem(id, T0.plusSeconds(86_400L * i), withSets ? sets : List.of(), deleted, d));
        }
        return items;
    }

    /** A repository over {@code items}, kept in datestamp order; the list may change between requests. */
    static OaiRepository repository(List<OaiItem> items, boolean withSets) {
        return new OaiRepository() {
            @Override
            public String repositoryName() {
                return "Test repository";
            }

            @Override
            public String baseUrl() {
                return "http://repo.test/api/oai";
            }

            @Override
            public String adminEmail() {
                return "admin@repo.test";
            }

            @Override
            public String repositoryIdentifier() {
                return "repo.test";
            }

            @Override
            public Instant earliestDatestamp() {
                return T0;
            }

            @Override
            public List<OaiSet> sets() {
                return withSets
                        ? List.of(new OaiSet("synthetic", "Synthetic data"), new OaiSet("even", "Even ones"))
                        : List.of();
            }

            @Override
            public Optional<OaiItem> item(String localId) {
                return items.stream().filter(i -> i.localId().equals(localId)).findFirst();
            }

            @Override
            public List<OaiItem> items(
                    Instant from, Instant until, String set, Instant afterDatestamp, String afterId, int limit) {
                return items.stream()
                        .filter(i -> matches(i, from, until, set))
                        .filter(i -> afterDatestamp == null
                                || i.datestamp().isAfter(afterDatestamp)
                                || (i.datestamp().equals(afterDatestamp)
                                        && i.localId().compareTo(afterId) > 0))
                        .limit(limit)
                        .toList();
            }

            @Override
            public long count(Instant from, Instant until, String set) {
                return items.stream().filter(i -> matches(i, from, until, set)).count();
            }

            private boolean matches(OaiItem i, Instant from, Instant until, String set) {
                return (from == null || !i.datestamp().isBefore(from))
                        && !i.datestamp().isAfter(until)
                        && (set == null || i.sets().contains(set));
            }
        };
    }

    static OaiDataProvider provider(OaiRepository repository) {
        return new OaiDataProvider(
                repository, List.of(new OaiDc(), new OaiDataCite(), new OaiDcatAp()), 10, Duration.ofHours(1));
    }

    /** Runs a request, validates the response against the XSDs, returns it parsed. */
    static Document request(OaiDataProvider provider, Instant now, String... keyValues) throws Exception {
        Map<String, List<String>> args = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            args.computeIfAbsent(keyValues[i], k -> new ArrayList<>()).add(keyValues[i + 1]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        provider.handle(args, now, out);
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(out.toByteArray())));
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        return dbf.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
    }

    static Document request(String... keyValues) throws Exception {
        return request(provider(repository(25, true)), NOW, keyValues);
    }

    static String xpath(Document doc, String expression) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "o" -> "http://www.openarchives.org/OAI/2.0/";
                    case "dc" -> "http://purl.org/dc/elements/1.1/";
                    default -> null;
                };
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return xpath.evaluate(expression, doc);
    }

    static String error(Document doc) throws Exception {
        return xpath(doc, "/o:OAI-PMH/o:error/@code");
    }

    @Test
    void identifyDescribesTheRepository() throws Exception {
        Document doc = request("verb", "Identify");
        assertEquals("YYYY-MM-DDThh:mm:ssZ", xpath(doc, "//o:granularity"));
        assertEquals("persistent", xpath(doc, "//o:deletedRecord"));
        assertEquals("2026-01-01T00:00:00Z", xpath(doc, "//o:earliestDatestamp"));
        assertEquals("Identify", xpath(doc, "/o:OAI-PMH/o:request/@verb"));
    }

    @Test
    void formatsSetsAndOneRecord() throws Exception {
        assertEquals("oai_dc", xpath(request("verb", "ListMetadataFormats"), "//o:metadataPrefix"));
        assertEquals("3", xpath(request("verb", "ListMetadataFormats"), "count(//o:metadataFormat)"));
        Document datacite =
                request("verb", "GetRecord", "identifier", "oai:repo.test:rec-001", "metadataPrefix", "oai_datacite");
        assertEquals("10.5072/t.1", xpath(datacite, "//*[local-name()='identifier' and @identifierType='DOI']"));
        assertEquals(
                "1",
                xpath(
                        request("verb", "ListRecords", "metadataPrefix", "oai_datacite", "from", "2026-01-25"),
                        "count(//o:record)"));
        assertEquals(
                "idDoesNotExist", error(request("verb", "ListMetadataFormats", "identifier", "oai:repo.test:nope")));
        assertEquals("2", xpath(request("verb", "ListSets"), "count(//o:set)"));

        Document record =
                request("verb", "GetRecord", "identifier", "oai:repo.test:rec-000", "metadataPrefix", "oai_dc");
        assertEquals("Dataset <0> & co", xpath(record, "//dc:title"));
        assertEquals("https://doi.org/10.5072/t.0", xpath(record, "//dc:identifier[1]"));
        assertEquals("https://example.org/source", xpath(record, "//dc:source"));
        assertEquals("synthetic data", xpath(record, "//dc:type[2]"));
        assertEquals("0", xpath(record, "count(//dc:rights[. = 'info:eu-repo/semantics/embargoedAccess'])"));

        // an embargo is said as OpenAIRE asks: the access right, and the day the files open
        Document embargoed =
                request("verb", "GetRecord", "identifier", "oai:repo.test:rec-004", "metadataPrefix", "oai_dc");
        assertEquals("info:eu-repo/semantics/embargoedAccess", xpath(embargoed, "//dc:rights[2]"));
        assertEquals("info:eu-repo/date/embargoEnd/2027-03-01", xpath(embargoed, "//dc:date[2]"));
        Document embargoedDataCite =
                request("verb", "GetRecord", "identifier", "oai:repo.test:rec-004", "metadataPrefix", "oai_datacite");
        assertTrue(
                xpath(embargoedDataCite, "string(/)").contains("2027-03-01"), "the DataCite record's Available date");

        Document tombstone =
                request("verb", "GetRecord", "identifier", "oai:repo.test:rec-006", "metadataPrefix", "oai_dc");
        assertEquals("deleted", xpath(tombstone, "//o:header/@status"));
        assertEquals("0", xpath(tombstone, "count(//o:metadata)"));

        assertEquals(
                "cannotDisseminateFormat",
                error(request("verb", "GetRecord", "identifier", "oai:repo.test:rec-000", "metadataPrefix", "marc")));
        assertEquals(
                "idDoesNotExist",
                error(request("verb", "GetRecord", "identifier", "oai:other:rec-000", "metadataPrefix", "oai_dc")));
    }

    @Test
    void dcatApRecordsAreTheCatalogueDescriptionInRdfXml() throws Exception {
        Document doc = request("verb", "GetRecord", "identifier", "oai:repo.test:rec-001", "metadataPrefix", "dcat_ap");
        assertEquals(
                "http://www.openarchives.org/OAI/2.0/rdf.xsd",
                xpath(
                        request("verb", "ListMetadataFormats"),
                        "//o:metadataFormat[o:metadataPrefix='dcat_ap']/o:schema"));
        org.w3c.dom.Node rdf = doc.getElementsByTagNameNS(OaiDcatAp.RDF, "RDF").item(0);
        java.io.StringWriter text = new java.io.StringWriter();
        javax.xml.transform.TransformerFactory.newInstance()
                .newTransformer()
                .transform(
                        new javax.xml.transform.dom.DOMSource(rdf), new javax.xml.transform.stream.StreamResult(text));
        org.apache.jena.rdf.model.Model harvested = org.apache.jena.riot.RDFParser.fromString(text.toString())
                .lang(org.apache.jena.riot.Lang.RDFXML)
                .toModel();
        DatasetDescription record =
                repository(25, true).item("rec-001").orElseThrow().metadata();
        org.apache.jena.rdf.model.Model expected = new org.facsimile.vocab.dcat.DcatRenderer().render(record);
        assertTrue(expected.size() > 10);
        assertTrue(
                harvested.isIsomorphicWith(expected),
                "the harvested record is the DCAT-AP description, triple for triple; missing "
                        + expected.difference(harvested).listStatements().toList() + ", extra "
                        + harvested.difference(expected).listStatements().toList());
        assertEquals(
                "1",
                xpath(
                        request("verb", "ListRecords", "metadataPrefix", "dcat_ap", "from", "2026-01-25"),
                        "count(//o:record)"));
    }

    @Test
    void resumptionTokensWalkTheWholeListOnceAcrossRestarts() throws Exception {
        OaiRepository repository = repository(25, true);
        Set<String> seen = new HashSet<>();
        List<String> cursors = new ArrayList<>();
        Document page = request(provider(repository), NOW, "verb", "ListIdentifiers", "metadataPrefix", "oai_dc");
        while (true) {
            NodeList ids = (NodeList) XPathFactory.newInstance()
                    .newXPath()
                    .evaluate("//*[local-name()='header']/*[local-name()='identifier']", page, XPathConstants.NODESET);
            for (int i = 0; i < ids.getLength(); i++) {
                assertTrue(seen.add(ids.item(i).getTextContent()), "no record twice");
            }
            cursors.add(xpath(page, "//o:resumptionToken/@cursor"));
            assertEquals("25", xpath(page, "//o:resumptionToken/@completeListSize"));
            String token = xpath(page, "//o:resumptionToken");
            if (token.isEmpty()) {
                break;
            }
            // a new provider instance, as after a restart or on another node
            page = request(
                    provider(repository), NOW.plusSeconds(60), "verb", "ListIdentifiers", "resumptionToken", token);
        }
        assertEquals(25, seen.size());
        assertEquals(List.of("0", "10", "20"), cursors);
    }

    /** Harvests ListIdentifiers to the end through its tokens: identifier to header status, each seen once. */
    static Map<String, String> harvest(OaiRepository repository, String from, Instant now) throws Exception {
        Map<String, String> seen = new LinkedHashMap<>();
        Document page = from == null
                ? request(provider(repository), now, "verb", "ListIdentifiers", "metadataPrefix", "oai_dc")
                : request(
                        provider(repository), now, "verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "from", from);
        if (error(page).equals("noRecordsMatch")) {
            return seen;
        }
        while (true) {
            NodeList headers = (NodeList) XPathFactory.newInstance()
                    .newXPath()
                    .evaluate("//*[local-name()='header']", page, XPathConstants.NODESET);
            for (int i = 0; i < headers.getLength(); i++) {
                org.w3c.dom.Element header = (org.w3c.dom.Element) headers.item(i);
                String id = header.getElementsByTagNameNS("http://www.openarchives.org/OAI/2.0/", "identifier")
                        .item(0)
                        .getTextContent();
                assertEquals(null, seen.put(id, header.getAttribute("status")), "seen twice: " + id);
            }
            String token = xpath(page, "//o:resumptionToken");
            if (token.isEmpty()) {
                return seen;
            }
            page = request(provider(repository), now, "verb", "ListIdentifiers", "resumptionToken", token);
        }
    }

    @Test
    void anIncrementalHarvestSeesEveryChangeExactlyOnce() throws Exception {
        List<OaiItem> items = new ArrayList<>(items(15, true));
        OaiRepository repository = repository(items, true);
        Map<String, String> initial = harvest(repository, null, NOW);
        assertEquals(15, initial.size());
        assertEquals("deleted", initial.get("oai:repo.test:rec-006"), "tombstones are harvested too");
        assertEquals("", initial.get("oai:repo.test:rec-002"));

        // after the harvest: one record updated, one withdrawn, one new
        Instant later = NOW.plusSeconds(3600);
        OaiItem updated = items.remove(2);
        items.add(new OaiItem(updated.localId(), later, updated.sets(), false, updated.metadata()));
        OaiItem withdrawn = items.remove(3);
        assertEquals("rec-004", withdrawn.localId());
        items.add(new OaiItem(withdrawn.localId(), later.plusSeconds(1), withdrawn.sets(), true, null));
        OaiItem template = items.get(0);
        items.add(new OaiItem("rec-100", later.plusSeconds(2), template.sets(), false, template.metadata()));

        // the next harvest asks from the previous response's date and sees exactly the changes
        Map<String, String> incremental = harvest(repository, NOW.toString(), later.plusSeconds(60));
        assertEquals(
                Map.of(
                        "oai:repo.test:rec-002", "",
                        "oai:repo.test:rec-004", "deleted",
                        "oai:repo.test:rec-100", ""),
                incremental);
        assertEquals(16, harvest(repository, null, later.plusSeconds(60)).size(), "a full harvest: 15 + 1 new");
        assertTrue(harvest(repository, later.plusSeconds(3).toString(), later.plusSeconds(60))
                .isEmpty());
    }

    @Test
    void selectiveHarvesting() throws Exception {
        Document since =
                request("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2026-01-21", "until", "2026-01-23");
        assertEquals("3", xpath(since, "count(//o:record)"));
        Document seconds =
                request("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "from", "2026-01-21T00:00:01Z");
        assertEquals("4", xpath(seconds, "count(//o:header)"), "records 21-24");
        Document even =
                request("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", "even", "from", "2026-01-20");
        assertEquals("3", xpath(even, "count(//o:header)"), "records 20, 22, 24");
        assertEquals(
                "noRecordsMatch",
                error(request("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2027-01-01")));
        assertEquals("noRecordsMatch", error(request("verb", "ListRecords", "metadataPrefix", "oai_dc", "set", "odd")));
    }

    @Test
    void everyProtocolErrorIsReportedAsTheSpecSays() throws Exception {
        assertEquals("badVerb", error(request()));
        assertEquals("badVerb", error(request("verb", "Delete")));
        assertEquals("badVerb", error(request("verb", "Identify", "verb", "Identify")));
        Document bad = request("verb", "Identify", "extra", "1");
        assertEquals("badArgument", error(bad));
        assertEquals("", xpath(bad, "/o:OAI-PMH/o:request/@verb"), "no attributes echoed on badArgument");
        assertEquals("badArgument", error(request("verb", "ListRecords")));
        assertEquals(
                "badArgument", error(request("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "yesterday")));
        assertEquals(
                "badArgument",
                error(request(
                        "verb",
                        "ListRecords",
                        "metadataPrefix",
                        "oai_dc",
                        "from",
                        "2026-01-02",
                        "until",
                        "2026-01-01")));
        assertEquals(
                "badArgument",
                error(request(
                        "verb",
                        "ListRecords",
                        "metadataPrefix",
                        "oai_dc",
                        "from",
                        "2026-01-02",
                        "until",
                        "2026-01-03T00:00:00Z")));
        assertEquals(
                "badArgument",
                error(request("verb", "ListRecords", "metadataPrefix", "oai_dc", "metadataPrefix", "oai_dc")));
        assertEquals(
                "badArgument",
                error(request("verb", "ListRecords", "resumptionToken", "x", "metadataPrefix", "oai_dc")));
        assertEquals("cannotDisseminateFormat", error(request("verb", "ListRecords", "metadataPrefix", "marc")));
        assertEquals("badResumptionToken", error(request("verb", "ListRecords", "resumptionToken", "garbage")));
        assertEquals("badResumptionToken", error(request("verb", "ListSets", "resumptionToken", "anything")));

        String token = xpath(request("verb", "ListRecords", "metadataPrefix", "oai_dc"), "//o:resumptionToken");
        char[] tampered = token.toCharArray();
        tampered[3] = tampered[3] == 'A' ? 'B' : 'A';
        assertEquals(
                "badResumptionToken", error(request("verb", "ListRecords", "resumptionToken", new String(tampered))));
        assertEquals(
                "badResumptionToken",
                error(request("verb", "ListIdentifiers", "resumptionToken", token)),
                "another verb's token");
        assertEquals(
                "badResumptionToken",
                error(request(
                        provider(repository(25, true)),
                        NOW.plus(Duration.ofHours(2)),
                        "verb",
                        "ListRecords",
                        "resumptionToken",
                        token)),
                "expired");

        OaiDataProvider noSets = provider(repository(5, false));
        assertEquals("noSetHierarchy", error(request(noSets, NOW, "verb", "ListSets")));
        assertEquals(
                "noSetHierarchy",
                error(request(noSets, NOW, "verb", "ListRecords", "metadataPrefix", "oai_dc", "set", "x")));
        assertFalse(Arrays.stream(OaiError.values()).anyMatch(e -> e.name().isEmpty()));
    }
}
