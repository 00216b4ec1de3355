package org.facsimile.web.publishing;

import static org.facsimile.synth.report.Html.esc;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.riot.Lang;
import org.facsimile.vocab.Creator;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.vocab.cite.Citations;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.vocab.datacite.DataCiteXml;
import org.facsimile.vocab.dcat.DcatRenderer;
import org.facsimile.vocab.schemaorg.SchemaOrgJsonLd;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Setting;

/**
 * {@code GET /datasets/{id}}: a dataset's landing page, the latest version. Plain HTML that works
 * without JavaScript for people; for machines, the same URL answers by content negotiation
 * (Accept) with the DCAT-AP record (Turtle, JSON-LD, RDF/XML), the DataCite XML, schema.org
 * JSON-LD, and citations (BibTeX, RIS, CSL-JSON). Each form also has its own link, {@code
 * /datasets/{id}/export/{format}}, shown on the page. Every answer carries FAIR Signposting Link
 * headers; {@code /datasets/{id}/linkset} gives the same links as a linkset (RFC 9264).
 */
@Path("datasets")
@RequestScoped
public class LandingPageResource {

    /** A form the landing URL can take: its media type and the name of its export link. */
    enum Form {
        HTML("text/html", null),
        TURTLE("text/turtle", "ttl"),
        JSON_LD("application/ld+json", "jsonld"),
        RDF_XML("application/rdf+xml", "rdf"),
        DATACITE("application/vnd.datacite.datacite+xml", "datacite.xml"),
        SCHEMA_ORG("application/vnd.schemaorg.ld+json", "schemaorg.json"),
        BIBTEX("application/x-bibtex", "bib"),
        RIS("application/x-research-info-systems", "ris"),
        CSL("application/vnd.citationstyles.csl+json", "csl.json");

        final MediaType type;
        final String export;

        Form(String type, String export) {
            this.type = MediaType.valueOf(type);
            this.export = export;
        }

        static Form ofExport(String name) {
            for (Form f : values()) {
                if (name.equals(f.export)) {
                    return f;
                }
            }
            return null;
        }
    }

    private static final List<Variant> VARIANTS = Variant.mediaTypes(
                    java.util.Arrays.stream(Form.values()).map(f -> f.type).toArray(MediaType[]::new))
            .build();

    private static final Map<Form, String> EXPORT_NAMES = Map.of(
            Form.TURTLE, "DCAT-AP (Turtle)",
            Form.JSON_LD, "DCAT-AP (JSON-LD)",
            Form.RDF_XML, "DCAT-AP (RDF/XML)",
            Form.DATACITE, "DataCite XML",
            Form.SCHEMA_ORG, "schema.org (JSON-LD)",
            Form.BIBTEX, "BibTeX",
            Form.RIS, "RIS",
            Form.CSL, "CSL-JSON");

    @Inject
    PublicDatasets datasets;

    @Inject
    UsageCounts usage;

    /** One JSON-B instance: creating one per page view is a class-path scan and fresh caches each time. */
    private static final jakarta.json.bind.Jsonb JSONB = JsonbBuilder.create();

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(LandingPageResource.class.getName());

    @Context
    HttpHeaders headers;

    @Context
    jakarta.servlet.http.HttpServletRequest servletRequest;

    @GET
    @Path("{id}")
    public Response page(@PathParam("id") String id, @Context Request request) {
        return negotiated(id, null, request);
    }

    /** One version's own page (and its other forms), which stays that version's after others follow. */
    @GET
    @Path("{id}/versions/{version}")
    public Response versionPage(
            @PathParam("id") String id, @PathParam("version") String version, @Context Request request) {
        return negotiated(id, version, request);
    }

    private Response negotiated(String id, String version, Request request) {
        Variant chosen = request.selectVariant(VARIANTS);
        if (chosen == null) {
            throw new ProblemException(
                    406,
                    "not-acceptable",
                    "Not acceptable",
                    "a dataset is available as "
                            + String.join(
                                    ", ",
                                    java.util.Arrays.stream(Form.values())
                                            .map(f -> f.type.toString())
                                            .toList()));
        }
        Form form = java.util.Arrays.stream(Form.values())
                .filter(f -> f.type.equals(chosen.getMediaType()))
                .findFirst()
                .orElseThrow();
        // a HEAD (a link checker, a browser's prefetch) is not a view
        return answer(id, version, form, "GET".equals(request.getMethod()))
                .header("Vary", "Accept")
                .build();
    }

    /** One form by its own link (what the page's export links point at). */
    @GET
    @Path("{id}/export/{format}")
    public Response export(@PathParam("id") String id, @PathParam("format") String format) {
        return answer(id, null, exportForm(format), false).build();
    }

    @GET
    @Path("{id}/versions/{version}/export/{format}")
    public Response versionExport(
            @PathParam("id") String id, @PathParam("version") String version, @PathParam("format") String format) {
        return answer(id, version, exportForm(format), false).build();
    }

    private static Form exportForm(String format) {
        Form form = Form.ofExport(format);
        if (form == null) {
            throw ProblemException.notFound("export format " + format.replaceAll("[^A-Za-z0-9._-]", "?"));
        }
        return form;
    }

    /** The Signposting links as a linkset (RFC 9264), as text or JSON by Accept. */
    @GET
    @Path("{id}/linkset")
    @Produces({"application/linkset", "application/linkset+json"})
    public Response linkset(@PathParam("id") String id, @Context Request request) {
        return linkset(datasets.published(id), false, request);
    }

    @GET
    @Path("{id}/versions/{version}/linkset")
    @Produces({"application/linkset", "application/linkset+json"})
    public Response versionLinkset(
            @PathParam("id") String id, @PathParam("version") String version, @Context Request request) {
        return linkset(datasets.published(id, version), true, request);
    }

    private static Response linkset(PublicDatasets.PublicVersion p, boolean versionPage, Request request) {
        Variant chosen = request.selectVariant(Variant.mediaTypes(
                        MediaType.valueOf("application/linkset"), MediaType.valueOf("application/linkset+json"))
                .build());
        String anchor = pageOf(p, versionPage);
        List<String[]> links = links(p, anchor);
        if (chosen != null && chosen.getMediaType().getSubtype().equals("linkset+json")) {
            Map<String, List<Map<String, String>>> byRel = new java.util.LinkedHashMap<>();
            for (String[] l : links) {
                Map<String, String> target = new java.util.LinkedHashMap<>();
                target.put("href", l[0]);
                if (l[2] != null) {
                    target.put("type", l[2]);
                }
                byRel.computeIfAbsent(l[1], k -> new java.util.ArrayList<>()).add(target);
            }
            Map<String, Object> context = new java.util.LinkedHashMap<>();
            context.put("anchor", anchor);
            context.putAll(byRel);
            return Response.ok(JSONB.toJson(Map.of("linkset", List.of(context))), "application/linkset+json")
                    .header("Vary", "Accept")
                    .build();
        }
        StringBuilder text = new StringBuilder();
        for (String[] l : links) {
            text.append(text.isEmpty() ? "" : ",\n")
                    .append('<')
                    .append(l[0])
                    .append(">; rel=\"")
                    .append(l[1])
                    .append("\"; anchor=\"")
                    .append(anchor)
                    .append('"')
                    .append(l[2] == null ? "" : "; type=\"" + l[2] + "\"");
        }
        return Response.ok(text.append('\n').toString(), "application/linkset")
                .header("Vary", "Accept")
                .build();
    }

    /** The URL a page is answered at: the dataset's (its latest version), or a version's own. */
    private static String pageOf(PublicDatasets.PublicVersion p, boolean versionPage) {
        return versionPage ? p.page() : PublicDatasets.landingPage(p.datasetId());
    }

    private Response.ResponseBuilder answer(String id, String version, Form form, boolean view) {
        if (form == Form.HTML) {
            // people get the tombstone page where the dataset was; machines get the 410 problem below
            java.util.Optional<DatasetWithdrawal> withdrawn =
                    datasets.withdrawal(ProblemException.uuidOrNotFound(id, "dataset"));
            if (withdrawn.isPresent()) {
                return Response.status(Response.Status.GONE)
                        .type("text/html; charset=UTF-8")
                        .entity(tombstone(withdrawn.get()));
            }
        }
        PublicDatasets.PublicVersion p = version == null ? datasets.published(id) : datasets.published(id, version);
        String page = pageOf(p, version != null);
        DatasetDescription d = p.describe();
        String body = switch (form) {
            case HTML -> {
                if (view) {
                    usage.viewed(
                            p.datasetId(),
                            p.version().id(),
                            servletRequest == null ? null : servletRequest.getRemoteAddr(),
                            headers.getHeaderString(HttpHeaders.USER_AGENT));
                }
                yield render(p, page, usage.of(p.datasetId()), tables(p));
            }
            case TURTLE -> rdf(d, Lang.TURTLE);
            case JSON_LD -> rdf(d, Lang.JSONLD);
            case RDF_XML -> rdf(d, Lang.RDFXML);
            case DATACITE -> DataCiteXml.toXml(d);
            case SCHEMA_ORG -> SchemaOrgJsonLd.render(d, tables(p));
            case BIBTEX -> Citations.bibtex(d);
            case RIS -> Citations.ris(d);
            case CSL -> Citations.cslJson(d);
        };
        return Response.ok(body, form.type.withCharset("UTF-8")).header("Link", signposting(p, page));
    }

    private static String rdf(DatasetDescription d, Lang lang) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new DcatRenderer().write(d, lang, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** What stays where a withdrawn dataset was: that it was withdrawn, when, and why. */
    static String tombstone(DatasetWithdrawal w) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>Dataset withdrawn</title></head><body>"
                + "<main><h1>This dataset was withdrawn</h1><p>Withdrawn on "
                + esc(w.withdrawnAt()
                        .atOffset(java.time.ZoneOffset.UTC)
                        .toLocalDate()
                        .toString())
                + ".</p><p>Reason: " + esc(w.reason()) + "</p><p><a href=\"/\">" + esc(Setting.REPOSITORY_NAME.get())
                + "</a></p></main></body></html>\n";
    }

    /**
     * FAIR Signposting: the DOI to cite, the metadata that describes the dataset in each form
     * (DCAT-AP, DataCite, CSVW), its types, the licence, each file, and the linkset of all these.
     * Authors are not linked: creators are names here, and Signposting wants URIs (ORCIDs).
     */
    static String signposting(PublicDatasets.PublicVersion p, String page) {
        List<String> header = new java.util.ArrayList<>();
        for (String[] l : links(p, page)) {
            header.add("<" + l[0] + ">; rel=\"" + l[1] + "\"" + (l[2] == null ? "" : "; type=\"" + l[2] + "\""));
        }
        String linkset = page + "/linkset";
        header.add("<" + linkset + ">; rel=\"linkset\"; type=\"application/linkset\"");
        header.add("<" + linkset + ">; rel=\"linkset\"; type=\"application/linkset+json\"");
        return String.join(", ", header);
    }

    /**
     * The typed links of a dataset version answered at {@code page}: target, relation, media type
     * (or null). Besides Signposting's, the version relations of RFC 5829.
     */
    static List<String[]> links(PublicDatasets.PublicVersion p, String page) {
        List<String[]> links = new java.util.ArrayList<>();
        links.add(new String[] {"https://doi.org/" + p.version().doi(), "cite-as", null});
        links.add(new String[] {page + "/export/ttl", "describedby", "text/turtle"});
        links.add(new String[] {page + "/export/jsonld", "describedby", "application/ld+json"});
        links.add(new String[] {page + "/export/datacite.xml", "describedby", "application/vnd.datacite.datacite+xml"});
        links.add(new String[] {p.download("csv-metadata.json"), "describedby", "application/csvm+json"});
        links.add(new String[] {"https://schema.org/Dataset", "type", null});
        links.add(new String[] {"https://schema.org/AboutPage", "type", null});
        links.add(new String[] {p.version().licence(), "license", null});
        for (Distribution f : p.files()) {
            links.add(new String[] {p.download(f.fileName()), "item", f.mediaType()});
        }
        links.add(new String[] {PublicDatasets.landingPage(p.datasetId()), "latest-version", "text/html"});
        p.numbered(p.number() - 1)
                .ifPresent(r -> links.add(new String[] {
                    PublicDatasets.versionPage(p.datasetId(), r.number()), "predecessor-version", "text/html"
                }));
        p.numbered(p.number() + 1)
                .ifPresent(r -> links.add(new String[] {
                    PublicDatasets.versionPage(p.datasetId(), r.number()), "successor-version", "text/html"
                }));
        return links;
    }

    /**
     * The version's tables as its published CSVW metadata describes them (for the Croissant record
     * sets); none when the file cannot be read, which leaves the rest of the page as it is.
     */
    private List<CsvwTable> tables(PublicDatasets.PublicVersion p) {
        try {
            return datasets.tables(p);
        } catch (java.io.IOException e) {
            LOG.warning("the CSVW metadata of version " + p.version().id() + " does not read: " + e);
            return List.of();
        }
    }

    static String render(PublicDatasets.PublicVersion p, String page, UsageCounts.Usage used, List<CsvwTable> tables) {
        DatasetVersion v = p.version();
        String doiUrl = "https://doi.org/" + v.doi();
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(esc(v.title()))
                .append(" | ")
                .append(esc(Setting.REPOSITORY_NAME.get()))
                .append("</title>")
                .append("<link rel=\"alternate\" type=\"text/turtle\" href=\"")
                .append(esc(p.download("dataset.ttl")))
                .append("\">")
                .append("<script type=\"application/ld+json\">")
                // "</" would end the script element early; JSON allows "<\/" for it
                .append(SchemaOrgJsonLd.render(p.describe(), tables).replace("</", "<\\/"))
                .append("</script>")
                .append(
                        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}")
                .append(
                        ".badge{display:inline-block;background:#5b2a86;color:#fff;border-radius:.3rem;padding:.1rem .5rem;font-size:.85rem}")
                .append(
                        "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.35rem;text-align:left}")
                .append(
                        "code{word-break:break-all;font-size:.8rem}.cite{background:#f4f4f4;padding:.75rem;border-radius:.3rem}")
                .append(".notice{border-left:.3rem solid #b35900;background:#fff4e5;padding:.5rem .75rem}")
                .append("[aria-current]{font-weight:bold}</style></head><body>\n")
                .append(
                        "<main><p><span class=\"badge\">Synthetic data</span> Generated by a model trained on private data; no row is a real record.</p>\n");
        if (p.superseded()) {
            html.append("<p class=\"notice\" role=\"note\">This is version ")
                    .append(p.number())
                    .append(", superseded. The latest is <a href=\"")
                    .append(esc(PublicDatasets.landingPage(p.datasetId())))
                    .append("\">version ")
                    .append(p.latest().number())
                    .append("</a>.</p>\n");
        }
        html.append("<h1>")
                .append(esc(v.title()))
                .append("</h1>\n")
                .append("<p>")
                .append(PublishedFields.people(v.creators()))
                .append("</p>\n")
                .append("<dl><dt>DOI</dt><dd><a href=\"")
                .append(esc(doiUrl))
                .append("\">")
                .append(esc(doiUrl))
                .append("</a> (this version)</dd>")
                .append("<dt>All versions</dt><dd><a href=\"https://doi.org/")
                .append(esc(p.conceptDoi()))
                .append("\">https://doi.org/")
                .append(esc(p.conceptDoi()))
                .append("</a> (always the latest)</dd>")
                .append("<dt>Version</dt><dd>")
                .append(v.versionNumber())
                .append(", published ")
                .append(v.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate())
                .append("</dd>")
                .append("<dt>Usage</dt><dd>")
                .append(UsageCounts.describe(used))
                .append("</dd>")
                .append("<dt>Licence</dt><dd><a rel=\"license\" href=\"")
                .append(esc(v.licence()))
                .append("\">")
                .append(esc(licenceName(v.licence())))
                .append("</a></dd>");
        if (!v.keywords().isEmpty()) {
            html.append("<dt>Keywords</dt><dd>")
                    .append(esc(String.join(", ", v.keywords())))
                    .append("</dd>");
        }
        if (!v.themes().isEmpty()) {
            html.append("<dt>Subjects</dt><dd>");
            for (int i = 0; i < v.themes().size(); i++) {
                html.append(i == 0 ? "" : ", ")
                        .append("<a rel=\"dcat:theme\" href=\"")
                        .append(esc(v.themes().get(i).uri()))
                        .append("\">")
                        .append(esc(v.themes().get(i).label()))
                        .append("</a>");
            }
            html.append("</dd>");
        }
        org.facsimile.vocab.Coverage coverage = v.coverage();
        if (coverage.hasPeriod()) {
            html.append("<dt>Time covered</dt><dd>")
                    .append(
                            coverage.start() == null
                                    ? "until "
                                    : esc(coverage.start().toString()))
                    .append(coverage.start() != null && coverage.end() != null ? " to " : "")
                    .append(
                            coverage.end() == null
                                    ? " onwards"
                                    : esc(coverage.end().toString()))
                    .append("</dd>");
        }
        if (coverage.place() != null) {
            html.append("<dt>Place covered</dt><dd>")
                    .append(esc(coverage.place()))
                    .append("</dd>");
        }
        html.append("<dt>Provenance</dt><dd>");
        if (v.sourceUrl() != null) {
            html.append("Synthetic twin of the public dataset <a rel=\"prov:wasDerivedFrom\" href=\"")
                    .append(esc(v.sourceUrl()))
                    .append("\">")
                    .append(esc(v.sourceUrl()))
                    .append("</a>");
        } else {
            html.append("Synthetic twin of a private dataset held by the depositor");
        }
        html.append("</dd></dl>\n");
        if (v.description() != null) {
            html.append("<h2>Description</h2><p>").append(esc(v.description())).append("</p>\n");
        }
        ReportSummary.quality(html, v.qualitySummary());
        html.append(
                "<h2>Files</h2><table><thead><tr><th>File</th><th>Type</th><th>Size</th><th>Rows</th><th>SHA-256</th></tr></thead><tbody>");
        for (Distribution f : p.files()) {
            html.append("<tr><td><a href=\"")
                    .append(esc(p.download(f.fileName())))
                    .append("\">")
                    .append(esc(f.fileName()))
                    .append("</a></td><td>")
                    .append(esc(f.mediaType()))
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%,d bytes", f.byteSize()))
                    .append("</td><td>")
                    .append(f.rowCount() == null ? "" : String.format(Locale.ROOT, "%,d", f.rowCount()))
                    .append("</td><td><code>")
                    .append(esc(f.sha256()))
                    .append("</code></td></tr>");
        }
        html.append("</tbody></table>\n");
        versions(html, p);
        html.append("<h2>Metadata and citation</h2><ul>");
        for (Form f : Form.values()) {
            if (f.export != null) {
                html.append("<li><a href=\"")
                        .append(esc(page + "/export/" + f.export))
                        .append("\" type=\"")
                        .append(esc(f.type.toString()))
                        .append("\">")
                        .append(esc(EXPORT_NAMES.get(f)))
                        .append("</a></li>");
            }
        }
        html.append("</ul>\n<h2>Cite as</h2><p class=\"cite\">")
                .append(esc(String.join(
                        "; ",
                        v.creators().stream().map(c -> Creator.parse(c).name()).toList())))
                .append(" (")
                .append(v.publishedAt().atOffset(ZoneOffset.UTC).getYear())
                .append("). ")
                .append("<i>")
                .append(esc(v.title()))
                .append("</i> (Version ")
                .append(v.versionNumber())
                .append(") [Synthetic data set]. ")
                .append(esc(Setting.REPOSITORY_NAME.get()))
                .append(". ")
                .append(esc(doiUrl))
                .append("</p>\n</main></body></html>\n");
        return html.toString();
    }

    /** The dataset's versions, newest first, this one marked. */
    private static void versions(StringBuilder html, PublicDatasets.PublicVersion p) {
        html.append(
                "<h2>Versions</h2><table><thead><tr><th>Version</th><th>Published</th><th>DOI</th></tr></thead><tbody>");
        List<PublicDatasets.VersionRef> newestFirst = new java.util.ArrayList<>(p.versions());
        java.util.Collections.reverse(newestFirst);
        for (PublicDatasets.VersionRef r : newestFirst) {
            boolean here = r.number() == p.number();
            html.append("<tr><td><a href=\"")
                    .append(esc(PublicDatasets.versionPage(p.datasetId(), r.number())))
                    .append(here ? "\" aria-current=\"page\">" : "\">")
                    .append("Version ")
                    .append(r.number())
                    .append("</a>")
                    .append(r.number() == p.latest().number() ? " (latest)" : "")
                    .append("</td><td>")
                    .append(r.published().atOffset(ZoneOffset.UTC).toLocalDate())
                    .append("</td><td><a href=\"https://doi.org/")
                    .append(esc(r.doi()))
                    .append("\">")
                    .append(esc(r.doi()))
                    .append("</a></td></tr>");
        }
        html.append("</tbody></table>\n");
    }

    private static String licenceName(String uri) {
        if (uri.contains("/by/4.0")) {
            return "CC BY 4.0";
        }
        if (uri.contains("/zero/1.0")) {
            return "CC0 1.0";
        }
        return uri;
    }
}
