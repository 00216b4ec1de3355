package org.facsimile.vocab.datacite;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.facsimile.vocab.Creator;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.vocab.DistributionDescription;
import org.facsimile.vocab.Embargo;
import org.facsimile.vocab.Versioning;
import org.facsimile.vocab.terms.DataTheme;

/**
 * A dataset version in the form DataCite's REST API takes ({@code POST /dois}, {@code PUT
 * /dois/{doi}}): a JSON:API document of type {@code dois} whose attributes are the metadata of
 * {@link DataCiteXml} in DataCite's JSON names, the landing page {@code url}, the state change
 * ({@code event}: {@code publish}, {@code register}, {@code hide}; none for a draft), and the same
 * record as Metadata Schema XML ({@code xml}, base64), which DataCite validates against its XSD.
 */
public final class DataCiteJson {

    /** The state changes DataCite accepts; null keeps a draft a draft. */
    public static final List<String> EVENTS = List.of("publish", "register", "hide");

    private DataCiteJson() {}

    /**
     * @param d the dataset version; its {@code doi} is the DOI to create or update
     * @param url the landing page the DOI resolves to
     * @param event {@code publish} (findable), {@code register} (registered, not findable),
     *     {@code hide}, or null for a draft
     */
    public static String request(DatasetDescription d, String url, String event) {
        if (event != null && !EVENTS.contains(event)) {
            throw new IllegalArgumentException("event must be one of " + EVENTS + ", was " + event);
        }
        JsonObject attributes = attributes(d);
        attributes.put("url", url);
        if (event != null) {
            attributes.put("event", event);
        }
        attributes.put(
                "xml", Base64.getEncoder().encodeToString(DataCiteXml.toXml(d).getBytes(StandardCharsets.UTF_8)));
        JsonObject data = new JsonObject();
        data.put("type", "dois");
        data.put("id", d.doi());
        data.put("attributes", attributes);
        JsonObject document = new JsonObject();
        document.put("data", data);
        return JSON.toStringFlat(document);
    }

    /** The metadata attributes of a {@code dois} resource. */
    public static JsonObject attributes(DatasetDescription d) {
        JsonObject a = new JsonObject();
        a.put("doi", d.doi());
        String prefix = d.doi().substring(0, d.doi().indexOf('/'));
        a.put("prefix", prefix);
        a.put("suffix", d.doi().substring(prefix.length() + 1));
        JsonArray creators = new JsonArray();
        for (Creator person : d.creators().isEmpty() ? List.of(new Creator(d.publisher(), null)) : d.people()) {
            JsonObject creator = new JsonObject();
            creator.put("name", person.name());
            if (person.orcid() != null) {
                JsonObject id = new JsonObject();
                id.put("nameIdentifier", person.orcid());
                id.put("nameIdentifierScheme", "ORCID");
                id.put("schemeUri", "https://orcid.org");
                JsonArray ids = new JsonArray();
                ids.add(id);
                creator.put("nameIdentifiers", ids);
            }
            creators.add(creator);
        }
        a.put("creators", creators);
        JsonArray titles = new JsonArray();
        JsonObject title = new JsonObject();
        title.put("title", d.title());
        title.put("lang", "en");
        titles.add(title);
        a.put("titles", titles);
        JsonObject publisher = new JsonObject();
        publisher.put("name", d.publisher());
        a.put("publisher", publisher);
        a.put("publicationYear", d.issued().atOffset(ZoneOffset.UTC).getYear());
        JsonObject types = new JsonObject();
        types.put("resourceTypeGeneral", "Dataset");
        types.put("resourceType", d.synthetic() ? "Synthetic dataset" : "Dataset");
        a.put("types", types);
        JsonArray subjects = new JsonArray();
        for (DataTheme theme : d.subjects()) {
            JsonObject subject = new JsonObject();
            subject.put("subject", theme.label());
            subject.put("subjectScheme", DataTheme.SCHEME_NAME);
            subject.put("schemeUri", DataTheme.SCHEME);
            subject.put("valueUri", theme.uri());
            subject.put("lang", "en");
            subjects.add(subject);
        }
        for (String keyword : d.keywords()) {
            JsonObject subject = new JsonObject();
            subject.put("subject", keyword);
            subjects.add(subject);
        }
        a.put("subjects", subjects);
        JsonArray dates = new JsonArray();
        JsonObject issued = new JsonObject();
        issued.put("date", d.issued().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        issued.put("dateType", "Issued");
        dates.add(issued);
        if (d.coverage().hasPeriod()) {
            JsonObject collected = new JsonObject();
            collected.put("date", DataCiteXml.collected(d.coverage()));
            collected.put("dateType", "Collected");
            dates.add(collected);
        }
        if (d.embargo() != null) {
            JsonObject available = new JsonObject();
            available.put("date", d.embargo().until().toString());
            available.put("dateType", "Available");
            dates.add(available);
        }
        a.put("dates", dates);
        if (d.coverage().place() != null) {
            JsonObject place = new JsonObject();
            place.put("geoLocationPlace", d.coverage().place());
            JsonArray places = new JsonArray();
            places.add(place);
            a.put("geoLocations", places);
        }
        JsonArray related = new JsonArray();
        for (Versioning.Related r : d.related()) {
            JsonObject item = new JsonObject();
            item.put("relatedIdentifier", r.identifier());
            item.put("relatedIdentifierType", r.identifierType());
            item.put("relationType", r.relationType());
            related.add(item);
        }
        a.put("relatedIdentifiers", related);
        JsonArray formats = new JsonArray();
        d.distributions().stream()
                .map(DistributionDescription::mediaType)
                .distinct()
                .forEach(formats::add);
        a.put("formats", formats);
        JsonArray sizes = new JsonArray();
        if (!d.distributions().isEmpty()) {
            sizes.add(d.distributions().stream()
                            .mapToLong(DistributionDescription::byteSize)
                            .sum()
                    + " bytes");
        }
        a.put("sizes", sizes);
        a.put("version", Integer.toString(d.version()));
        JsonArray rights = new JsonArray();
        JsonObject licence = new JsonObject();
        licence.put("rightsUri", d.licence());
        rights.add(licence);
        if (d.embargo() != null) {
            JsonObject embargoed = new JsonObject();
            embargoed.put("rights", "Embargoed access");
            embargoed.put("rightsUri", Embargo.EMBARGOED_ACCESS);
            rights.add(embargoed);
        }
        a.put("rightsList", rights);
        JsonArray descriptions = new JsonArray();
        if (d.description() != null && !d.description().isBlank()) {
            JsonObject abstractText = new JsonObject();
            abstractText.put("description", d.description());
            abstractText.put("descriptionType", "Abstract");
            descriptions.add(abstractText);
        }
        a.put("descriptions", descriptions);
        a.put("schemaVersion", "http://datacite.org/schema/kernel-4");
        return a;
    }
}
