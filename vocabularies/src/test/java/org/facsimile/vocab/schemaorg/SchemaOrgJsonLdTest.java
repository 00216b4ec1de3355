package org.facsimile.vocab.schemaorg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.facsimile.vocab.Provenance;
import org.facsimile.vocab.csvw.CsvwColumn;
import org.facsimile.vocab.csvw.CsvwForeignKey;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.vocab.dcat.DcatRendererTest;
import org.junit.jupiter.api.Test;

class SchemaOrgJsonLdTest {

    @Test
    void aDatasetWithItsDoiCreatorsAndDownloads() {
        String json = SchemaOrgJsonLd.render(DcatRendererTest.example());
        JsonObject d = JSON.parse(json);
        assertEquals(
                "http://publications.europa.eu/resource/authority/data-theme/ECON",
                d.get("about")
                        .getAsArray()
                        .get(0)
                        .getAsObject()
                        .get("@id")
                        .getAsString()
                        .value());
        assertEquals("Dataset", d.get("@type").getAsString().value());
        assertEquals(
                "1994-01-01/1994-12-31", d.get("temporalCoverage").getAsString().value());
        assertEquals(
                "United States",
                d.get("spatialCoverage").getAsObject().get("name").getAsString().value());
        JsonObject becker = d.get("creator").getAsArray().get(1).getAsObject();
        assertEquals("Barry Becker", becker.get("name").getAsString().value());
        assertEquals(
                "https://orcid.org/0000-0002-1825-0097",
                becker.get("@id").getAsString().value());
        assertEquals(
                "https://doi.org/10.5072/fcsm.ab12cd",
                d.get("identifier").getAsString().value());
        assertEquals(
                "Person",
                d.get("creator")
                        .getAsArray()
                        .get(0)
                        .getAsObject()
                        .get("@type")
                        .getAsString()
                        .value());
        assertEquals(
                "cr:FileObject",
                d.get("distribution")
                        .getAsArray()
                        .get(0)
                        .getAsObject()
                        .get("@type")
                        .getAsString()
                        .value());
        assertEquals(
                "https://archive.ics.uci.edu/dataset/2/adult",
                d.get("isBasedOn").getAsString().value());
        assertTrue(json.contains("synthetic data"), "the synthetic marker is a keyword");
        assertTrue(!json.contains("</"), "safe to embed in a script element");
    }

    /** The Croissant profile, read as RDF: what an ML loader resolves from the JSON-LD. */
    @Test
    void croissantRecordSetsAndFieldsComeFromTheCsvwTables() {
        CsvwTable census = new CsvwTable(
                "census.csv",
                List.of(
                        new CsvwColumn("person_id", "integer", List.of(""), "Row key"),
                        new CsvwColumn("age", "integer", List.of(""), "Age in years"),
                        new CsvwColumn("income", "decimal", List.of(""), null),
                        new CsvwColumn("surveyed", "date", List.of(""), null),
                        new CsvwColumn("household", "string", List.of(""), null)),
                List.of("person_id"),
                List.of(new CsvwForeignKey(List.of("household"), "households.csv", List.of("household_id"))));
        String json = SchemaOrgJsonLd.render(DcatRendererTest.example(), List.of(census));
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(json, Lang.JSONLD)
                .base("http://localhost:8080/datasets/0b6f")
                .parse(model);

        String cr = "http://mlcommons.org/croissant/";
        String sc = "https://schema.org/";
        Resource dataset = model.listSubjectsWithProperty(RDF.type, model.createResource(sc + "Dataset"))
                .next();
        assertEquals(
                SchemaOrgJsonLd.CROISSANT,
                dataset.getProperty(model.createProperty("http://purl.org/dc/terms/conformsTo"))
                        .getString());
        assertTrue(dataset.getProperty(model.createProperty(cr + "citeAs"))
                .getString()
                .startsWith("@misc{"));
        Resource file = dataset.getPropertyResourceValue(model.createProperty(sc + "distribution"));
        assertTrue(file.hasProperty(RDF.type, model.createResource(cr + "FileObject")));
        assertEquals(
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                file.getProperty(model.createProperty(sc + "sha256")).getString());

        Resource recordSet = dataset.getPropertyResourceValue(model.createProperty(cr + "recordSet"));
        assertTrue(recordSet.hasProperty(RDF.type, model.createResource(cr + "RecordSet")));
        assertEquals(
                "census",
                recordSet.getProperty(model.createProperty(sc + "name")).getString());
        List<Resource> fields = recordSet
                .listProperties(model.createProperty(cr + "field"))
                .mapWith(st -> st.getResource())
                .toList();
        assertEquals(5, fields.size());
        Resource age = fields.stream()
                .filter(f -> f.getProperty(model.createProperty(sc + "name"))
                        .getString()
                        .equals("age"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                sc + "Integer",
                age.getPropertyResourceValue(model.createProperty(cr + "dataType"))
                        .getURI());
        assertEquals(
                "Age in years",
                age.getProperty(model.createProperty(sc + "description")).getString());
        Resource source = age.getPropertyResourceValue(model.createProperty(cr + "source"));
        assertEquals(file, source.getPropertyResourceValue(model.createProperty(cr + "fileObject")));
        assertEquals(
                "age",
                source.getPropertyResourceValue(model.createProperty(cr + "extract"))
                        .getProperty(model.createProperty(cr + "column"))
                        .getString());
        Resource income = fields.stream()
                .filter(f -> f.getProperty(model.createProperty(sc + "name"))
                        .getString()
                        .equals("income"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                sc + "Float",
                income.getPropertyResourceValue(model.createProperty(cr + "dataType"))
                        .getURI());
        // the primary key is the record set's key; the foreign key references the other table's field
        assertTrue(recordSet
                .getPropertyResourceValue(model.createProperty(cr + "key"))
                .getURI()
                .endsWith("census/person_id"));
        Resource household = fields.stream()
                .filter(f -> f.getProperty(model.createProperty(sc + "name"))
                        .getString()
                        .equals("household"))
                .findFirst()
                .orElseThrow();
        assertTrue(household
                .getPropertyResourceValue(model.createProperty(cr + "references"))
                .getPropertyResourceValue(model.createProperty(cr + "field"))
                .getURI()
                .endsWith("households/household_id"));
    }

    @Test
    void tablesWithoutTheirFileAreLeftOut() {
        CsvwTable stray = new CsvwTable(
                "elsewhere.csv", List.of(new CsvwColumn("a", "string", List.of(""), null)), List.of(), List.of());
        JsonObject d = JSON.parse(SchemaOrgJsonLd.render(DcatRendererTest.example(), List.of(stray)));
        assertTrue(!d.hasKey("recordSet"), d.toString());
    }

    @Test
    void theSynthesisRunIsItsProvenanceInProvTerms() {
        String json = SchemaOrgJsonLd.render(
                DcatRendererTest.example(),
                List.of(),
                new Provenance(
                        "Facsimile synth-engine",
                        "argn, seed 42",
                        Instant.parse("2026-12-08T10:00:00Z"),
                        Instant.parse("2026-12-08T10:01:30Z")));
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(json, Lang.JSONLD).parse(model);
        String prov = "http://www.w3.org/ns/prov#";
        Resource dataset = model.listSubjectsWithProperty(RDF.type, model.createResource("https://schema.org/Dataset"))
                .next();
        Resource run = dataset.getPropertyResourceValue(model.createProperty(prov + "wasGeneratedBy"));
        assertTrue(run.hasProperty(RDF.type, model.createResource(prov + "Activity")));
        assertEquals(
                XSDDatatype.XSDdateTime,
                run.getProperty(model.createProperty(prov + "startedAtTime"))
                        .getLiteral()
                        .getDatatype());
        Resource agent = run.getPropertyResourceValue(model.createProperty(prov + "wasAssociatedWith"));
        assertEquals(
                "Facsimile synth-engine",
                agent.getProperty(model.createProperty("https://schema.org/name"))
                        .getString());
        Resource input = dataset.getPropertyResourceValue(model.createProperty(prov + "wasDerivedFrom"));
        assertEquals(
                input, run.getPropertyResourceValue(model.createProperty(prov + "used")), "the run used the input");
        assertTrue(input.hasProperty(RDF.type, model.createResource(prov + "Entity")));
        assertTrue(
                !SchemaOrgJsonLd.render(DcatRendererTest.example(), List.of()).contains("wasGeneratedBy"),
                "without a run, no provenance is claimed");
    }
}
