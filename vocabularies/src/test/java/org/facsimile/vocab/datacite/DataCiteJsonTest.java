package org.facsimile.vocab.datacite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.facsimile.vocab.dcat.DcatRendererTest;
import org.junit.jupiter.api.Test;

class DataCiteJsonTest {

    @Test
    void aPublishRequestIsAJsonApiDoisDocumentWithValidXmlInside() throws Exception {
        String body = DataCiteJson.request(DcatRendererTest.example(), "https://repo.test/datasets/1", "publish");
        JsonObject data = JSON.parse(body).get("data").getAsObject();
        assertEquals("dois", data.get("type").getAsString().value());
        assertEquals("10.5072/fcsm.ab12cd", data.get("id").getAsString().value());
        JsonObject a = data.get("attributes").getAsObject();
        assertEquals("publish", a.get("event").getAsString().value());
        JsonObject becker = a.get("creators").getAsArray().get(1).getAsObject();
        assertEquals("Barry Becker", becker.get("name").getAsString().value());
        JsonObject orcid = becker.get("nameIdentifiers").getAsArray().get(0).getAsObject();
        assertEquals(
                "https://orcid.org/0000-0002-1825-0097",
                orcid.get("nameIdentifier").getAsString().value());
        assertEquals("ORCID", orcid.get("nameIdentifierScheme").getAsString().value());
        assertEquals(
                "United States",
                a.get("geoLocations")
                        .getAsArray()
                        .get(0)
                        .getAsObject()
                        .get("geoLocationPlace")
                        .getAsString()
                        .value());
        assertEquals("https://repo.test/datasets/1", a.get("url").getAsString().value());
        assertEquals("10.5072", a.get("prefix").getAsString().value());
        assertEquals(
                "Dataset",
                a.get("types")
                        .getAsObject()
                        .get("resourceTypeGeneral")
                        .getAsString()
                        .value());
        assertEquals(
                "Synthetic dataset",
                a.get("types").getAsObject().get("resourceType").getAsString().value());
        assertEquals(
                "IsDerivedFrom",
                a.get("relatedIdentifiers")
                        .getAsArray()
                        .get(0)
                        .getAsObject()
                        .get("relationType")
                        .getAsString()
                        .value());
        assertTrue(a.get("creators").getAsArray().size() >= 1);
        assertTrue(a.get("publicationYear").getAsNumber().value().intValue() >= 2020);

        String xml =
                new String(Base64.getDecoder().decode(a.get("xml").getAsString().value()), StandardCharsets.UTF_8);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.newSchema(DataCiteJsonTest.class.getResource("/standards/datacite/kernel-4.7/metadata.xsd"))
                .newValidator()
                .validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void aDraftHasNoEventAndUnknownEventsAreRefused() {
        String draft = DataCiteJson.request(DcatRendererTest.example(), "https://repo.test/datasets/1", null);
        assertFalse(JSON.parse(draft)
                .get("data")
                .getAsObject()
                .get("attributes")
                .getAsObject()
                .hasKey("event"));
        assertThrows(
                IllegalArgumentException.class,
                () -> DataCiteJson.request(DcatRendererTest.example(), "https://repo.test/datasets/1", "delete"));
    }
}
