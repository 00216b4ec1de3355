package org.facsimile.harvest.oai;

import java.io.StringReader;
import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.vocab.dcat.DcatRenderer;

/**
 * DCAT-AP records as RDF/XML ({@code rdf:RDF}), for harvesters of European data portals that
 * read DCAT over OAI-PMH. The record is the same DCAT-AP description the catalogue endpoint and
 * the landing pages serve, written by Jena and copied event by event into the response stream.
 * The schema is the OAI's own for RDF in OAI-PMH: the root element, content validated laxly.
 */
public final class OaiDcatAp implements MetadataFormat {

    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    private static final XMLInputFactory INPUT = secureInput();

    private final DcatRenderer renderer = new DcatRenderer();

    @Override
    public String prefix() {
        return "dcat_ap";
    }

    @Override
    public String schema() {
        return "http://www.openarchives.org/OAI/2.0/rdf.xsd";
    }

    @Override
    public String namespace() {
        return RDF;
    }

    @Override
    public void write(XMLStreamWriter xml, DatasetDescription record) throws XMLStreamException {
        Model model = renderer.render(record);
        StringWriter rdfXml = new StringWriter();
        RDFDataMgr.write(rdfXml, model, RDFFormat.RDFXML_PLAIN);
        XMLStreamReader in = INPUT.createXMLStreamReader(new StringReader(rdfXml.toString()));
        try {
            boolean root = true;
            while (in.hasNext()) {
                switch (in.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        copyStart(in, xml);
                        if (root) {
                            xml.writeNamespace("xsi", XSI);
                            xml.writeAttribute("xsi", XSI, "schemaLocation", RDF + " " + schema());
                            root = false;
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> xml.writeEndElement();
                    // all text, whitespace too: a space between two entities is part of a literal
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        xml.writeCharacters(in.getText());
                    default -> {
                        // document start and end, comments, processing instructions: not copied
                    }
                }
            }
        } finally {
            in.close();
        }
    }

    private static void copyStart(XMLStreamReader in, XMLStreamWriter xml) throws XMLStreamException {
        String prefix = in.getPrefix() == null ? "" : in.getPrefix();
        String ns = in.getNamespaceURI() == null ? "" : in.getNamespaceURI();
        xml.writeStartElement(prefix, in.getLocalName(), ns);
        for (int i = 0; i < in.getNamespaceCount(); i++) {
            String p = in.getNamespacePrefix(i);
            if (p == null || p.isEmpty()) {
                xml.writeDefaultNamespace(in.getNamespaceURI(i));
            } else {
                xml.writeNamespace(p, in.getNamespaceURI(i));
            }
        }
        for (int i = 0; i < in.getAttributeCount(); i++) {
            String attributeNs = in.getAttributeNamespace(i);
            if (attributeNs == null || attributeNs.isEmpty()) {
                xml.writeAttribute(in.getAttributeLocalName(i), in.getAttributeValue(i));
            } else {
                xml.writeAttribute(
                        in.getAttributePrefix(i), attributeNs, in.getAttributeLocalName(i), in.getAttributeValue(i));
            }
        }
    }

    /** Jena's own output is parsed back; no DTDs or external entities are accepted all the same. */
    private static XMLInputFactory secureInput() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
