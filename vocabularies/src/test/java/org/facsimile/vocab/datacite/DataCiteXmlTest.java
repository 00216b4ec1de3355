package org.facsimile.vocab.datacite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.vocab.Embargo;
import org.facsimile.vocab.dcat.DcatRendererTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/** DataCite XML validated against DataCite's own kernel-4.7 XSD. */
class DataCiteXmlTest {

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        schema = factory.newSchema(DataCiteXmlTest.class.getResource("/standards/datacite/kernel-4.7/metadata.xsd"));
    }

    private static void validate(String xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void aFullRecordIsValid() throws Exception {
        String xml = DataCiteXml.toXml(DcatRendererTest.example());
        validate(xml);
        assertTrue(xml.contains("<identifier identifierType=\"DOI\">10.5072/fcsm.ab12cd</identifier>"), xml);
        assertTrue(xml.contains("resourceTypeGeneral=\"Dataset\">Synthetic dataset<"));
        assertTrue(xml.contains("<date dateType=\"Collected\">1994-01-01/1994-12-31</date>"), xml);
        assertTrue(xml.contains("<geoLocationPlace>United States</geoLocationPlace>"), xml);
        assertTrue(
                xml.contains("<creatorName>Barry Becker</creatorName><nameIdentifier nameIdentifierScheme=\"ORCID\""
                        + " schemeURI=\"https://orcid.org\">https://orcid.org/0000-0002-1825-0097</nameIdentifier>"),
                xml);
        assertTrue(xml.contains("relationType=\"IsDerivedFrom\">https://archive.ics.uci.edu/dataset/2/adult<"));
        assertTrue(
                xml.contains("subjectScheme=\"EU Data Theme\" schemeURI=\"http://publications.europa.eu/resource/"
                        + "authority/data-theme\" valueURI=\"http://publications.europa.eu/resource/authority/"
                        + "data-theme/SOCI\" xml:lang=\"en\">Population and society<"),
                xml);
    }

    @Test
    void versionRelationsAreValidAndComplete() throws Exception {
        String xml = DataCiteXml.toXml(DcatRendererTest.middleVersion());
        validate(xml);
        assertTrue(xml.contains("relationType=\"IsVersionOf\">10.5072/fcsm.concept<"), xml);
        assertTrue(xml.contains("relationType=\"IsNewVersionOf\">10.5072/fcsm.ab12cd<"), xml);
        assertTrue(xml.contains("relationType=\"IsPreviousVersionOf\">10.5072/fcsm.ab12cd-3<"), xml);
        assertTrue(xml.contains("relationType=\"IsDerivedFrom\">https://archive.ics.uci.edu/dataset/2/adult<"), xml);
        assertTrue(xml.contains("<version>2</version>"), xml);

        DatasetDescription v = DcatRendererTest.example();
        String concept = DataCiteXml.toXml(new DatasetDescription(
                "http://localhost:8080/datasets/0b6f",
                "10.5072/fcsm.concept",
                v.title(),
                v.description(),
                v.creators(),
                v.keywords(),
                v.subjects(),
                v.licence(),
                v.issued(),
                2,
                v.publisher(),
                true,
                null,
                v.distributions(),
                org.facsimile.vocab.Versioning.concept(List.of("10.5072/fcsm.ab12cd", "10.5072/fcsm.ab12cd-2"))));
        validate(concept);
        assertTrue(concept.contains("relationType=\"HasVersion\">10.5072/fcsm.ab12cd<"), concept);
        assertTrue(concept.contains("relationType=\"HasVersion\">10.5072/fcsm.ab12cd-2<"), concept);
        assertFalse(concept.contains("IsVersionOf"), concept);
    }

    @Test
    void aMinimalRecordIsValid() throws Exception {
        DatasetDescription minimal = new DatasetDescription(
                "http://repo.test/d/1",
                "10.5072/x",
                "T & <t>",
                null,
                List.of(),
                List.of(),
                List.of(),
                "https://creativecommons.org/publicdomain/zero/1.0/",
                Instant.parse("2026-01-01T00:00:00Z"),
                2,
                "Facsimile",
                true,
                null,
                List.of());
        validate(DataCiteXml.toXml(minimal));
    }

    @Test
    void anEmbargoIsSaidTheWaysDataCiteAndOpenAireReadIt() throws Exception {
        DatasetDescription embargoed = DcatRendererTest.example()
                .withEmbargo(new Embargo(LocalDate.parse("2027-03-01"), "the paper is under review"));
        String xml = DataCiteXml.toXml(embargoed);
        validate(xml);
        assertTrue(xml.contains("<date dateType=\"Available\">2027-03-01</date>"), xml);
        assertTrue(
                xml.contains("<rights rightsURI=\"info:eu-repo/semantics/embargoedAccess\">Embargoed access</rights>"),
                xml);
        String json =
                DataCiteJson.request(embargoed, embargoed.uri(), "publish").replace(" ", "");
        assertTrue(json.contains("\"dateType\":\"Available\""), json);
        assertTrue(json.contains("\"rightsUri\":\"info:eu-repo/semantics/embargoedAccess\""), json);
        String open = DataCiteXml.toXml(DcatRendererTest.example());
        assertFalse(open.contains("Available") || open.contains("embargoedAccess"), open);
    }

    @Test
    void theSchemaCatchesAnInvalidRecord() {
        String broken = DataCiteXml.toXml(DcatRendererTest.example())
                .replace("resourceTypeGeneral=\"Dataset\"", "resourceTypeGeneral=\"Spreadsheet\"");
        assertThrows(SAXException.class, () -> validate(broken));
    }
}
