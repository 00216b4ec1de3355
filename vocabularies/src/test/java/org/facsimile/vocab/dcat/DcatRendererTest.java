package org.facsimile.vocab.dcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.vocab.DistributionDescription;
import org.facsimile.vocab.Embargo;
import org.facsimile.vocab.Versioning;
import org.facsimile.vocab.terms.DCAT3;
import org.facsimile.vocab.terms.FCSM;
import org.facsimile.vocab.terms.PROV;
import org.junit.jupiter.api.Test;

public class DcatRendererTest {

    public static DatasetDescription example() {
        return new DatasetDescription(
                        "http://localhost:8080/datasets/0b6f",
                        "10.5072/fcsm.ab12cd",
                        "Adult census income (synthetic twin)",
                        "A synthetic twin of the UCI Adult census extract.",
                        List.of("Ronny Kohavi", "Barry Becker (https://orcid.org/0000-0002-1825-0097)"),
                        List.of("census", "income"),
                        List.of(org.facsimile.vocab.terms.DataTheme.ECON, org.facsimile.vocab.terms.DataTheme.SOCI),
                        "https://creativecommons.org/licenses/by/4.0/",
                        Instant.parse("2026-11-23T10:15:30Z"),
                        1,
                        "Facsimile",
                        true,
                        "https://archive.ics.uci.edu/dataset/2/adult",
                        List.of(new DistributionDescription(
                                "http://localhost:8080/api/datasets/0b6f/files/census.csv",
                                "census.csv",
                                "text/csv",
                                4_000_000L,
                                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                                "https://www.rfc-editor.org/rfc/rfc4180")))
                .withCoverage(new org.facsimile.vocab.Coverage(
                        java.time.LocalDate.of(1994, 1, 1), java.time.LocalDate.of(1994, 12, 31), "United States"));
    }

    /** Version 2 of the example, superseded by a version 3, within its dataset's versions. */
    public static DatasetDescription middleVersion() {
        DatasetDescription one = example();
        return new DatasetDescription(
                "http://localhost:8080/datasets/0b6f/versions/2",
                "10.5072/fcsm.ab12cd-2",
                one.title(),
                one.description(),
                one.creators(),
                one.keywords(),
                one.subjects(),
                one.licence(),
                one.issued(),
                2,
                one.publisher(),
                true,
                one.derivedFrom(),
                List.of(new DistributionDescription(
                        "http://localhost:8080/api/datasets/0b6f/versions/2/files/census.csv",
                        "census.csv",
                        "text/csv",
                        4_100_000L,
                        "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                        "https://www.rfc-editor.org/rfc/rfc4180")),
                new Versioning(
                        "http://localhost:8080/datasets/0b6f",
                        "10.5072/fcsm.concept",
                        "http://localhost:8080/datasets/0b6f/versions/1",
                        "10.5072/fcsm.ab12cd",
                        "http://localhost:8080/datasets/0b6f/versions/3",
                        "10.5072/fcsm.ab12cd-3",
                        List.of()));
    }

    @Test
    void aVersionNamesItsDatasetAndItsNeighbours() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DcatRenderer().write(middleVersion(), Lang.TURTLE, out);
        Model model = ModelFactory.createDefaultModel();
        RDFDataMgr.read(model, new ByteArrayInputStream(out.toByteArray()), Lang.TURTLE);
        Resource version = model.getResource("http://localhost:8080/datasets/0b6f/versions/2");
        assertTrue(version.hasProperty(DCTerms.isVersionOf, model.getResource("http://localhost:8080/datasets/0b6f")));
        assertTrue(version.hasProperty(
                DCAT3.previousVersion, model.getResource("http://localhost:8080/datasets/0b6f/versions/1")));
        assertTrue(version.hasProperty(
                DCTerms.isReplacedBy, model.getResource("http://localhost:8080/datasets/0b6f/versions/3")));
        assertEquals("2", version.getProperty(DCAT3.version).getString());
        // the first version has none of them
        new DcatRenderer().write(example(), Lang.TURTLE, out = new ByteArrayOutputStream());
        Model first = ModelFactory.createDefaultModel();
        RDFDataMgr.read(first, new ByteArrayInputStream(out.toByteArray()), Lang.TURTLE);
        assertTrue(first.listStatements(null, DCTerms.isVersionOf, (org.apache.jena.rdf.model.RDFNode) null)
                .toList()
                .isEmpty());
    }

    @Test
    void recordCarriesTheSyntheticMarkerDoiAndProvenance() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DcatRenderer().write(example(), Lang.TURTLE, out);
        Model model = ModelFactory.createDefaultModel();
        RDFDataMgr.read(model, new ByteArrayInputStream(out.toByteArray()), Lang.TURTLE);
        Resource dataset = model.getResource("http://localhost:8080/datasets/0b6f");
        assertTrue(dataset.hasProperty(org.apache.jena.vocabulary.RDF.type, DCAT.Dataset));
        assertTrue(dataset.hasProperty(DCTerms.type, FCSM.SyntheticData));
        assertEquals(
                "https://doi.org/10.5072/fcsm.ab12cd",
                dataset.getProperty(DCTerms.identifier).getString());
        assertTrue(dataset.hasProperty(
                PROV.wasDerivedFrom, model.getResource("https://archive.ics.uci.edu/dataset/2/adult")));
        assertEquals(1, dataset.listProperties(DCAT.distribution).toList().size());
        Resource theme = model.getResource("http://publications.europa.eu/resource/authority/data-theme/ECON");
        assertTrue(dataset.hasProperty(DCAT.theme, theme));
        assertEquals(
                "Economy and finance",
                theme.getProperty(org.apache.jena.vocabulary.SKOS.prefLabel).getString());
        assertEquals(2, dataset.listProperties(DCAT.theme).toList().size());
        // a creator with an ORCID iD is that iD's resource, named without it
        Resource becker = model.getResource("https://orcid.org/0000-0002-1825-0097");
        assertTrue(dataset.hasProperty(DCTerms.creator, becker));
        assertEquals(
                "Barry Becker",
                becker.getProperty(org.apache.jena.sparql.vocabulary.FOAF.name).getString());
        assertEquals(2, dataset.listProperties(DCTerms.creator).toList().size());
        Resource period = dataset.getPropertyResourceValue(DCTerms.temporal);
        assertEquals("1994-01-01", period.getProperty(DCAT.startDate).getString());
        assertEquals("1994-12-31", period.getProperty(DCAT.endDate).getString());
        assertEquals(
                "United States",
                dataset.getPropertyResourceValue(DCTerms.spatial)
                        .getProperty(org.apache.jena.vocabulary.SKOS.prefLabel)
                        .getString());
    }

    /** The example with its data file under embargo until 1 March 2027. */
    public static DatasetDescription embargoed() {
        DatasetDescription open = example();
        DistributionDescription f = open.distributions().get(0);
        return new DatasetDescription(
                        open.uri(),
                        open.doi(),
                        open.title(),
                        open.description(),
                        open.creators(),
                        open.keywords(),
                        open.subjects(),
                        open.licence(),
                        open.issued(),
                        open.version(),
                        open.publisher(),
                        open.synthetic(),
                        open.derivedFrom(),
                        List.of(new DistributionDescription(
                                f.downloadUrl(),
                                f.title(),
                                f.mediaType(),
                                f.byteSize(),
                                f.sha256(),
                                f.conformsTo(),
                                LocalDate.parse("2027-03-01"))),
                        open.versioning(),
                        open.coverage(),
                        null)
                .withEmbargo(new Embargo(LocalDate.parse("2027-03-01"), "the paper is under review"));
    }

    @Test
    void anEmbargoedVersionSaysItsFilesAreRestrictedAndWhenTheyOpen() {
        Model model = new DcatRenderer().render(embargoed());
        Resource ds = model.getResource("http://localhost:8080/datasets/0b6f");
        assertEquals(
                DcatRenderer.ACCESS_RIGHT + "RESTRICTED",
                ds.getPropertyResourceValue(DCTerms.accessRights).getURI());
        Resource file = model.getResource("http://localhost:8080/api/datasets/0b6f/files/census.csv#distribution");
        assertEquals("2027-03-01", file.getProperty(DCTerms.available).getString());
        assertEquals(
                "The data files open on 2027-03-01 (embargo: the paper is under review)",
                file.getPropertyResourceValue(DCTerms.rights)
                        .getProperty(RDFS.label)
                        .getString());
        Resource open = new DcatRenderer().render(example()).getResource("http://localhost:8080/datasets/0b6f");
        assertEquals(
                DcatRenderer.ACCESS_RIGHT + "PUBLIC",
                open.getPropertyResourceValue(DCTerms.accessRights).getURI());
    }

    @Test
    void recordConformsToTheDcatApShapes() {
        Graph shapesGraph = RDFDataMgr.loadGraph(
                getClass().getResource("/standards/dcat-ap/dcat-ap-SHACL.ttl").toString());
        Shapes shapes = Shapes.parse(shapesGraph);
        // the embargoed record is the example's own version, so it is checked in a catalogue of its own
        for (List<DatasetDescription> catalogue : List.of(List.of(example(), middleVersion()), List.of(embargoed()))) {
            Model model = new DcatCatalogRenderer().render("http://localhost:8080/api/catalog", "Facsimile", catalogue);
            ValidationReport report = ShaclValidator.get().validate(shapes, model.getGraph());
            if (!report.conforms()) {
                ShLib.printReport(report);
            }
            assertTrue(
                    report.conforms(),
                    "DCAT-AP 3.0.0 SHACL violations: " + report.getEntries().size());
        }
    }
}
