package org.facsimile.harvest.oai;

import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.facsimile.harvest.port.OaiItem;
import org.facsimile.harvest.port.OaiRepository;

/**
 * The OAI-PMH 2.0 data provider: {@link #handle} takes the request's arguments and writes the
 * whole response. Each verb has its own handler; every protocol error is an {@link OaiException}
 * turned into an {@code <error>} element here.
 */
public final class OaiDataProvider {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String OAI_ID = "http://www.openarchives.org/OAI/2.0/oai-identifier";

    private static final Map<String, Set<String>> ARGUMENTS = Map.of(
            "Identify", Set.of(),
            "ListMetadataFormats", Set.of("identifier"),
            "ListSets", Set.of("resumptionToken"),
            "GetRecord", Set.of("identifier", "metadataPrefix"),
            "ListIdentifiers", Set.of("from", "until", "set", "metadataPrefix", "resumptionToken"),
            "ListRecords", Set.of("from", "until", "set", "metadataPrefix", "resumptionToken"));

    private final OaiRepository repository;
    private final Map<String, MetadataFormat> formats = new LinkedHashMap<>();
    private final int pageSize;
    private final Duration tokenLifetime;

    public OaiDataProvider(
            OaiRepository repository, List<MetadataFormat> formats, int pageSize, Duration tokenLifetime) {
        this.repository = repository;
        formats.forEach(f -> this.formats.put(f.prefix(), f));
        this.pageSize = pageSize;
        this.tokenLifetime = tokenLifetime;
    }

    /**
     * Answers one request.
     *
     * @param arguments the request's arguments (query or form), each with all its values
     */
    public void handle(Map<String, List<String>> arguments, Instant now, OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(OAI);
        xml.writeStartElement(OAI, "OAI-PMH");
        xml.writeDefaultNamespace(OAI);
        xml.writeNamespace("xsi", XSI);
        xml.writeAttribute("xsi", XSI, "schemaLocation", OAI + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd");
        text(xml, "responseDate", OaiDates.format(now));
        Map<String, String> args = new LinkedHashMap<>();
        try {
            String verb = single(arguments, args);
            // the request element echoes the arguments only when they were valid
            xml.writeStartElement(OAI, "request");
            args.forEach((k, v) -> attribute(xml, k, v));
            xml.writeCharacters(repository.baseUrl());
            xml.writeEndElement();
            switch (verb) {
                case "Identify" -> identify(xml);
                case "ListMetadataFormats" -> listMetadataFormats(xml, args);
                case "ListSets" -> listSets(xml, args);
                case "GetRecord" -> getRecord(xml, args);
                default -> list(xml, verb, args, now);
            }
        } catch (OaiException e) {
            if (args.isEmpty()) {
                xml.writeStartElement(OAI, "request");
                xml.writeCharacters(repository.baseUrl());
                xml.writeEndElement();
            }
            xml.writeStartElement(OAI, "error");
            xml.writeAttribute("code", e.code().name());
            xml.writeCharacters(e.getMessage());
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }

    /** Checks verb and arguments; fills {@code args} only when all are valid. */
    private static String single(Map<String, List<String>> arguments, Map<String, String> args) throws OaiException {
        List<String> verbs = arguments.getOrDefault("verb", List.of());
        if (verbs.size() != 1 || !ARGUMENTS.containsKey(verbs.get(0))) {
            throw new OaiException(
                    OaiError.badVerb, verbs.isEmpty() ? "the verb argument is missing" : "illegal or repeated verb");
        }
        String verb = verbs.get(0);
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("verb", verb);
        for (Map.Entry<String, List<String>> e : arguments.entrySet()) {
            if (e.getKey().equals("verb")) {
                continue;
            }
            if (!ARGUMENTS.get(verb).contains(e.getKey())) {
                throw new OaiException(
                        OaiError.badArgument,
                        e.getKey().matches("[A-Za-z]{1,40}")
                                ? "illegal argument '" + e.getKey() + "' for " + verb
                                : "an illegal argument for " + verb);
            }
            if (e.getValue().size() != 1) {
                throw new OaiException(OaiError.badArgument, "argument '" + e.getKey() + "' repeated");
            }
            valid.put(e.getKey(), e.getValue().get(0));
        }
        if (valid.containsKey("resumptionToken") && valid.size() > 2) {
            throw new OaiException(OaiError.badArgument, "resumptionToken is an exclusive argument");
        }
        checkSyntax(verb, valid);
        args.putAll(valid);
        return verb;
    }

    /** The XSD's metadataPrefixType and setSpecType, which the request element's attributes must match. */
    private static final java.util.regex.Pattern PREFIX = java.util.regex.Pattern.compile("[A-Za-z0-9\\-_.!~*'()]+");

    private static final java.util.regex.Pattern SET_SPEC =
            java.util.regex.Pattern.compile("[A-Za-z0-9\\-_.!~*'()]+(:[A-Za-z0-9\\-_.!~*'()]+)*");

    /** Every badArgument is found here, before the request element echoes the arguments. */
    private static void checkSyntax(String verb, Map<String, String> args) throws OaiException {
        for (Map.Entry<String, String> e : args.entrySet()) {
            if (!xmlText(e.getValue())) {
                throw new OaiException(
                        OaiError.badArgument, "argument '" + e.getKey() + "' holds a character XML cannot carry");
            }
        }
        if (args.containsKey("metadataPrefix")
                && !PREFIX.matcher(args.get("metadataPrefix")).matches()) {
            throw new OaiException(OaiError.badArgument, "metadataPrefix is not a metadata prefix's syntax");
        }
        if (args.containsKey("identifier") && !uri(args.get("identifier"))) {
            throw new OaiException(OaiError.badArgument, "identifier is not a URI");
        }
        if (args.containsKey("set") && !SET_SPEC.matcher(args.get("set")).matches()) {
            throw new OaiException(OaiError.badArgument, "set is not a setSpec's syntax");
        }
        if (verb.equals("GetRecord") && (!args.containsKey("identifier") || !args.containsKey("metadataPrefix"))) {
            throw new OaiException(OaiError.badArgument, "GetRecord needs identifier and metadataPrefix");
        }
        if (!verb.startsWith("List") || verb.equals("ListSets") || verb.equals("ListMetadataFormats")) {
            return;
        }
        if (args.containsKey("resumptionToken")) {
            return;
        }
        if (!args.containsKey("metadataPrefix")) {
            throw new OaiException(OaiError.badArgument, verb + " needs metadataPrefix (or a resumptionToken)");
        }
        String from = args.get("from");
        String until = args.get("until");
        Instant start = from == null ? null : OaiDates.parse("from", from, false);
        Instant end = until == null ? null : OaiDates.parse("until", until, true);
        if (from != null && until != null) {
            if (OaiDates.isDay(from) != OaiDates.isDay(until)) {
                throw new OaiException(OaiError.badArgument, "from and until must have the same granularity");
            }
            if (start.isAfter(end)) {
                throw new OaiException(OaiError.badArgument, "from is later than until");
            }
        }
    }

    /** Whether {@code s} is an absolute URI (the XSD's anyURI, as OAI identifiers are: oai:...). */
    private static boolean uri(String s) {
        if (!s.matches("[A-Za-z][A-Za-z0-9+.\\-]*:\\S+")) {
            return false;
        }
        try {
            new java.net.URI(s);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Whether XML 1.0 can carry every character of {@code s} (no NUL, no U+FFFE, no lone surrogate). */
    private static boolean xmlText(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            boolean ok = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            if (!ok) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    private void identify(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement(OAI, "Identify");
        text(xml, "repositoryName", repository.repositoryName());
        text(xml, "baseURL", repository.baseUrl());
        text(xml, "protocolVersion", "2.0");
        text(xml, "adminEmail", repository.adminEmail());
        text(xml, "earliestDatestamp", OaiDates.format(repository.earliestDatestamp()));
        text(xml, "deletedRecord", "persistent");
        text(xml, "granularity", "YYYY-MM-DDThh:mm:ssZ");
        xml.writeStartElement(OAI, "description");
        xml.writeStartElement("", "oai-identifier", OAI_ID);
        xml.writeDefaultNamespace(OAI_ID);
        xml.writeAttribute(
                "xsi", XSI, "schemaLocation", OAI_ID + " http://www.openarchives.org/OAI/2.0/oai-identifier.xsd");
        text(xml, OAI_ID, "scheme", "oai");
        text(xml, OAI_ID, "repositoryIdentifier", repository.repositoryIdentifier());
        text(xml, OAI_ID, "delimiter", ":");
        text(
                xml,
                OAI_ID,
                "sampleIdentifier",
                "oai:" + repository.repositoryIdentifier() + ":0b6f8c2e-6c1e-4d3a-9f55-1a2b3c4d5e6f");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void listMetadataFormats(XMLStreamWriter xml, Map<String, String> args)
            throws OaiException, XMLStreamException {
        if (args.containsKey("identifier")) {
            item(args.get("identifier"));
        }
        xml.writeStartElement(OAI, "ListMetadataFormats");
        for (MetadataFormat f : formats.values()) {
            xml.writeStartElement(OAI, "metadataFormat");
            text(xml, "metadataPrefix", f.prefix());
            text(xml, "schema", f.schema());
            text(xml, "metadataNamespace", f.namespace());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void listSets(XMLStreamWriter xml, Map<String, String> args) throws OaiException, XMLStreamException {
        if (args.containsKey("resumptionToken")) {
            throw new OaiException(
                    OaiError.badResumptionToken, "sets are listed in one response; there is nothing to resume");
        }
        List<OaiRepository.OaiSet> sets = repository.sets();
        if (sets.isEmpty()) {
            throw new OaiException(OaiError.noSetHierarchy, "this repository has no sets");
        }
        xml.writeStartElement(OAI, "ListSets");
        for (OaiRepository.OaiSet set : sets) {
            xml.writeStartElement(OAI, "set");
            text(xml, "setSpec", set.spec());
            text(xml, "setName", set.name());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void getRecord(XMLStreamWriter xml, Map<String, String> args) throws OaiException, XMLStreamException {
        MetadataFormat format = format(args.get("metadataPrefix"));
        OaiItem item = item(args.get("identifier"));
        xml.writeStartElement(OAI, "GetRecord");
        record(xml, item, format);
        xml.writeEndElement();
    }

    private void list(XMLStreamWriter xml, String verb, Map<String, String> args, Instant now)
            throws OaiException, XMLStreamException {
        ResumptionToken from;
        if (args.containsKey("resumptionToken")) {
            from = ResumptionToken.decode(args.get("resumptionToken"), now);
            if (!from.verb().equals(verb)) {
                throw new OaiException(OaiError.badResumptionToken, "the resumption token belongs to " + from.verb());
            }
        } else {
            from = start(verb, args, now);
        }
        MetadataFormat format = format(from.prefix());
        List<OaiItem> page = repository.items(
                from.from(),
                from.until(),
                from.set(),
                from.cursor() == 0 ? null : from.afterDatestamp(),
                from.cursor() == 0 ? null : from.afterId(),
                pageSize + 1);
        if (page.isEmpty()) {
            throw new OaiException(OaiError.noRecordsMatch, "no record matches the request");
        }
        boolean more = page.size() > pageSize;
        List<OaiItem> shown = more ? page.subList(0, pageSize) : page;
        xml.writeStartElement(OAI, verb);
        for (OaiItem item : shown) {
            if (verb.equals("ListIdentifiers")) {
                header(xml, item);
            } else {
                record(xml, item, format);
            }
        }
        boolean resumed = from.cursor() > 0;
        if (more || resumed) {
            xml.writeStartElement(OAI, "resumptionToken");
            xml.writeAttribute("completeListSize", Long.toString(from.completeListSize()));
            xml.writeAttribute("cursor", Long.toString(from.cursor()));
            if (more) {
                OaiItem last = shown.get(shown.size() - 1);
                Instant expires = now.plus(tokenLifetime);
                xml.writeAttribute("expirationDate", OaiDates.format(expires));
                xml.writeCharacters(new ResumptionToken(
                                verb,
                                from.prefix(),
                                from.set(),
                                from.from(),
                                from.until(),
                                last.datestamp(),
                                last.localId(),
                                from.cursor() + shown.size(),
                                from.completeListSize(),
                                expires)
                        .encode());
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** The first page of a list (arguments already checked): fix the window. */
    private ResumptionToken start(String verb, Map<String, String> args, Instant now) throws OaiException {
        String prefix = args.get("metadataPrefix");
        format(prefix);
        String fromArg = args.get("from");
        String untilArg = args.get("until");
        Instant from = fromArg == null ? null : OaiDates.parse("from", fromArg, false);
        // without until, the list ends now: records added during the harvest do not shift its pages
        Instant until = untilArg == null ? now : OaiDates.parse("until", untilArg, true);
        String set = args.get("set");
        if (set != null) {
            List<OaiRepository.OaiSet> sets = repository.sets();
            if (sets.isEmpty()) {
                throw new OaiException(OaiError.noSetHierarchy, "this repository has no sets");
            }
            if (sets.stream().noneMatch(s -> s.spec().equals(set))) {
                throw new OaiException(OaiError.noRecordsMatch, "no set '" + set + "'");
            }
        }
        long size = repository.count(from, until, set);
        return new ResumptionToken(verb, prefix, set, from, until, Instant.EPOCH, "", 0, size, now.plus(tokenLifetime));
    }

    private MetadataFormat format(String prefix) throws OaiException {
        MetadataFormat format = formats.get(prefix);
        if (format == null) {
            throw new OaiException(OaiError.cannotDisseminateFormat, "metadataPrefix '" + prefix + "' is not offered");
        }
        return format;
    }

    private OaiItem item(String identifier) throws OaiException {
        String prefix = "oai:" + repository.repositoryIdentifier() + ":";
        Optional<OaiItem> item = identifier.startsWith(prefix)
                ? repository.item(identifier.substring(prefix.length()))
                : Optional.empty();
        return item.orElseThrow(() -> new OaiException(OaiError.idDoesNotExist, "no record " + identifier));
    }

    private void record(XMLStreamWriter xml, OaiItem item, MetadataFormat format) throws XMLStreamException {
        xml.writeStartElement(OAI, "record");
        header(xml, item);
        if (!item.deleted()) {
            xml.writeStartElement(OAI, "metadata");
            format.write(xml, item.metadata());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void header(XMLStreamWriter xml, OaiItem item) throws XMLStreamException {
        xml.writeStartElement(OAI, "header");
        if (item.deleted()) {
            xml.writeAttribute("status", "deleted");
        }
        text(xml, "identifier", "oai:" + repository.repositoryIdentifier() + ":" + item.localId());
        text(xml, "datestamp", OaiDates.format(item.datestamp()));
        for (String set : item.sets()) {
            text(xml, "setSpec", set);
        }
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        text(xml, OAI, name, value);
    }

    private static void text(XMLStreamWriter xml, String ns, String name, String value) throws XMLStreamException {
        xml.writeStartElement(ns, name);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) {
        try {
            xml.writeAttribute(name, value);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }
}
