package org.facsimile.harvest.oai;

import java.time.ZoneOffset;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.vocab.DistributionDescription;
import org.facsimile.vocab.Embargo;
import org.facsimile.vocab.terms.DataTheme;

/** Unqualified Dublin Core, the format every OAI-PMH provider must offer. */
public final class OaiDc implements MetadataFormat {

    static final String NS = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String DC = "http://purl.org/dc/elements/1.1/";

    @Override
    public String prefix() {
        return "oai_dc";
    }

    @Override
    public String schema() {
        return "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
    }

    @Override
    public String namespace() {
        return NS;
    }

    @Override
    public void write(XMLStreamWriter xml, DatasetDescription d) throws XMLStreamException {
        xml.writeStartElement("oai_dc", "dc", NS);
        xml.writeNamespace("oai_dc", NS);
        xml.writeNamespace("dc", DC);
        xml.writeNamespace("xsi", OaiDataProvider.XSI);
        xml.writeAttribute("xsi", OaiDataProvider.XSI, "schemaLocation", NS + " " + schema());
        element(xml, "title", d.title());
        for (String creator : d.creatorNames()) {
            element(xml, "creator", creator);
        }
        for (DataTheme subject : d.subjects()) {
            element(xml, "subject", subject.label());
        }
        for (String keyword : d.keywords()) {
            element(xml, "subject", keyword);
        }
        element(xml, "description", d.description());
        element(xml, "publisher", d.publisher());
        element(xml, "date", d.issued().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        if (d.embargo() != null) {
            // OpenAIRE's way of saying when embargoed files open
            element(xml, "date", "info:eu-repo/date/embargoEnd/" + d.embargo().until());
        }
        element(xml, "type", "Dataset");
        if (d.synthetic()) {
            element(xml, "type", "synthetic data");
        }
        for (String format : d.distributions().stream()
                .map(DistributionDescription::mediaType)
                .distinct()
                .toList()) {
            element(xml, "format", format);
        }
        element(xml, "identifier", d.doiUrl());
        element(xml, "identifier", d.uri());
        element(xml, "source", d.derivedFrom());
        element(xml, "rights", d.licence());
        if (d.embargo() != null) {
            element(xml, "rights", Embargo.EMBARGOED_ACCESS);
        }
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value == null || value.isBlank()) {
            return;
        }
        xml.writeStartElement("dc", name, DC);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
