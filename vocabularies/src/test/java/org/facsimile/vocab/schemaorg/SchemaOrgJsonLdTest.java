package org.facsimile.vocab.schemaorg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
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
                "DataDownload",
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
}
