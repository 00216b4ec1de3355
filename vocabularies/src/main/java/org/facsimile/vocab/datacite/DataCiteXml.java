package org.facsimile.vocab.datacite;

import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.facsimile.vocab.Coverage;
import org.facsimile.vocab.Creator;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.vocab.DistributionDescription;
import org.facsimile.vocab.Embargo;
import org.facsimile.vocab.Versioning;
import org.facsimile.vocab.terms.DataTheme;

/**
 * Writes a dataset version as a DataCite Metadata Schema 4.7 {@code resource}: the mandatory
 * properties (identifier, creators, titles, publisher, publication year, resource type) and the
 * recommended ones Facsimile knows (subjects, dates, landing page, the public input it was derived
 * from, formats, sizes, version, rights, abstract). The resource type says "Synthetic dataset".
 */
public final class DataCiteXml {

    public static final String NS = "http://datacite.org/schema/kernel-4";
    public static final String SCHEMA = "https://schema.datacite.org/meta/kernel-4.7/metadata.xsd";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private DataCiteXml() {}

    /** The record as a standalone XML document. */
    public static String toXml(DatasetDescription d) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            write(xml, d);
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write DataCite XML", e);
        }
    }

    /** Writes the {@code resource} element into a larger document (an OAI-PMH record, say). */
    public static void write(XMLStreamWriter xml, DatasetDescription d) throws XMLStreamException {
        xml.writeStartElement("", "resource", NS);
        xml.writeDefaultNamespace(NS);
        xml.writeNamespace("xsi", XSI);
        xml.writeAttribute("xsi", XSI, "schemaLocation", NS + " " + SCHEMA);

        element(xml, "identifier", d.doi(), "identifierType", "DOI");
        xml.writeStartElement(NS, "creators");
        List<Creator> creators = d.creators().isEmpty() ? List.of(new Creator(d.publisher(), null)) : d.people();
        for (Creator creator : creators) {
            xml.writeStartElement(NS, "creator");
            element(xml, "creatorName", creator.name());
            if (creator.orcid() != null) {
                element(
                        xml,
                        "nameIdentifier",
                        creator.orcid(),
                        "nameIdentifierScheme",
                        "ORCID",
                        "schemeURI",
                        "https://orcid.org");
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeStartElement(NS, "titles");
        xml.writeStartElement(NS, "title");
        xml.writeAttribute("xml", XML_NS, "lang", "en");
        xml.writeCharacters(d.title());
        xml.writeEndElement();
        xml.writeEndElement();
        element(xml, "publisher", d.publisher());
        element(
                xml,
                "publicationYear",
                Integer.toString(d.issued().atOffset(ZoneOffset.UTC).getYear()));
        element(xml, "resourceType", d.synthetic() ? "Synthetic dataset" : "Dataset", "resourceTypeGeneral", "Dataset");
        if (!d.keywords().isEmpty() || !d.subjects().isEmpty()) {
            xml.writeStartElement(NS, "subjects");
            for (DataTheme subject : d.subjects()) {
                xml.writeStartElement(NS, "subject");
                xml.writeAttribute("subjectScheme", DataTheme.SCHEME_NAME);
                xml.writeAttribute("schemeURI", DataTheme.SCHEME);
                xml.writeAttribute("valueURI", subject.uri());
                xml.writeAttribute("xml", XML_NS, "lang", "en");
                xml.writeCharacters(subject.label());
                xml.writeEndElement();
            }
            for (String keyword : d.keywords()) {
                element(xml, "subject", keyword);
            }
            xml.writeEndElement();
        }
        xml.writeStartElement(NS, "dates");
        element(xml, "date", d.issued().atOffset(ZoneOffset.UTC).toLocalDate().toString(), "dateType", "Issued");
        if (d.coverage().hasPeriod()) {
            element(xml, "date", collected(d.coverage()), "dateType", "Collected");
        }
        if (d.embargo() != null) {
            // DataCite: "to indicate the end of an embargo period, use Available"
            element(xml, "date", d.embargo().until().toString(), "dateType", "Available");
        }
        xml.writeEndElement();
        if (d.coverage().place() != null) {
            xml.writeStartElement(NS, "geoLocations");
            xml.writeStartElement(NS, "geoLocation");
            element(xml, "geoLocationPlace", d.coverage().place());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeStartElement(NS, "alternateIdentifiers");
        element(xml, "alternateIdentifier", d.uri(), "alternateIdentifierType", "URL");
        xml.writeEndElement();
        if (!d.related().isEmpty()) {
            xml.writeStartElement(NS, "relatedIdentifiers");
            for (Versioning.Related related : d.related()) {
                xml.writeStartElement(NS, "relatedIdentifier");
                xml.writeAttribute("relatedIdentifierType", related.identifierType());
                xml.writeAttribute("relationType", related.relationType());
                xml.writeCharacters(related.identifier());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        if (!d.distributions().isEmpty()) {
            xml.writeStartElement(NS, "sizes");
            long bytes = d.distributions().stream()
                    .mapToLong(DistributionDescription::byteSize)
                    .sum();
            element(xml, "size", bytes + " bytes");
            xml.writeEndElement();
            xml.writeStartElement(NS, "formats");
            for (String format : d.distributions().stream()
                    .map(DistributionDescription::mediaType)
                    .distinct()
                    .toList()) {
                element(xml, "format", format);
            }
            xml.writeEndElement();
        }
        element(xml, "version", Integer.toString(d.version()));
        xml.writeStartElement(NS, "rightsList");
        xml.writeStartElement(NS, "rights");
        xml.writeAttribute("rightsURI", d.licence());
        xml.writeCharacters(licenceName(d.licence()));
        xml.writeEndElement();
        if (d.embargo() != null) {
            element(xml, "rights", "Embargoed access", "rightsURI", Embargo.EMBARGOED_ACCESS);
        }
        xml.writeEndElement();
        if (d.description() != null && !d.description().isBlank()) {
            xml.writeStartElement(NS, "descriptions");
            element(xml, "description", d.description(), "descriptionType", "Abstract");
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** The period covered as DataCite dates it: RKMS-ISO8601, an open end left empty. */
    static String collected(Coverage c) {
        return (c.start() == null ? "" : c.start().toString()) + "/"
                + (c.end() == null ? "" : c.end().toString());
    }

    private static String licenceName(String uri) {
        if (uri.contains("/by/4.0")) {
            return "Creative Commons Attribution 4.0 International";
        }
        if (uri.contains("/zero/1.0")) {
            return "Creative Commons Zero v1.0 Universal";
        }
        return uri;
    }

    private static void element(XMLStreamWriter xml, String name, String text, String... attributes)
            throws XMLStreamException {
        xml.writeStartElement(NS, name);
        for (int i = 0; i < attributes.length; i += 2) {
            xml.writeAttribute(attributes[i], attributes[i + 1]);
        }
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
