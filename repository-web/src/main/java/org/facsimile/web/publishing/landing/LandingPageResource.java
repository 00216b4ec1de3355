package org.facsimile.web.publishing.landing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.apache.jena.riot.Lang;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.vocab.cite.Citations;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.vocab.datacite.DataCiteXml;
import org.facsimile.vocab.dcat.DcatRenderer;
import org.facsimile.vocab.frictionless.DataPackage;
import org.facsimile.vocab.rocrate.RoCrate;
import org.facsimile.vocab.schemaorg.SchemaOrgJsonLd;
import org.facsimile.web.account.PageSession;
import org.facsimile.web.deposit.AccessTermsService;
import org.facsimile.web.deposit.AnalysisTermsService;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Templates;
import org.facsimile.web.publishing.DatasetWithdrawal;
import org.facsimile.web.publishing.Distribution;
import org.facsimile.web.publishing.PublicDatasets;
import org.facsimile.web.publishing.UsageCounts;
import org.facsimile.web.schema.TablePreview;

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
        CSL("application/vnd.citationstyles.csl+json", "csl.json"),
        /**
         * The Frictionless Data Package: plain JSON by its specification, so an export only (the
         * landing URL asked for application/json is not it).
         */
        DATA_PACKAGE("application/json", "datapackage.json", false),
        /** RO-Crate 1.2 metadata, detached (the files by URL): JSON-LD like DCAT-AP's, so an export only. */
        RO_CRATE("application/ld+json", "ro-crate-metadata.json", false);

        final MediaType type;
        final String export;
        /** Whether the landing URL answers this form when Accept asks for its media type. */
        final boolean negotiated;

        Form(String type, String export) {
            this(type, export, true);
        }

        Form(String type, String export, boolean negotiated) {
            this.type = MediaType.valueOf(type);
            this.export = export;
            this.negotiated = negotiated;
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

    private static final List<Variant> VARIANTS = Variant.mediaTypes(Arrays.stream(Form.values())
                    .filter(f -> f.negotiated)
                    .map(f -> f.type)
                    .toArray(MediaType[]::new))
            .build();

    private static final Map<Form, String> EXPORT_NAMES = Map.of(
            Form.TURTLE, "DCAT-AP (Turtle)",
            Form.JSON_LD, "DCAT-AP (JSON-LD)",
            Form.RDF_XML, "DCAT-AP (RDF/XML)",
            Form.DATACITE, "DataCite XML",
            Form.SCHEMA_ORG, "schema.org (JSON-LD)",
            Form.BIBTEX, "BibTeX",
            Form.RIS, "RIS",
            Form.CSL, "CSL-JSON",
            Form.DATA_PACKAGE, "Frictionless Data Package",
            Form.RO_CRATE, "RO-Crate");

    @Inject
    PublicDatasets datasets;

    @Inject
    UsageCounts usage;

    @Inject
    AccessTermsService originals;

    @Inject
    AnalysisTermsService analysisTerms;

    @Inject
    PageSession session;

    /** One JSON-B instance: creating one per page view is a class-path scan and fresh caches each time. */
    private static final Jsonb JSONB = JsonbBuilder.create();

    private static final Logger LOG = Logger.getLogger(LandingPageResource.class.getName());

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest servletRequest;

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
                                    Arrays.stream(Form.values())
                                            .filter(f -> f.negotiated)
                                            .map(f -> f.type.toString())
                                            .toList()));
        }
        Form form = Arrays.stream(Form.values())
                .filter(f -> f.negotiated && f.type.equals(chosen.getMediaType()))
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
            Map<String, List<Map<String, String>>> byRel = new LinkedHashMap<>();
            for (String[] l : links) {
                Map<String, String> target = new LinkedHashMap<>();
                target.put("href", l[0]);
                if (l[2] != null) {
                    target.put("type", l[2]);
                }
                byRel.computeIfAbsent(l[1], k -> new ArrayList<>()).add(target);
            }
            Map<String, Object> context = new LinkedHashMap<>();
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
            Optional<DatasetWithdrawal> withdrawn = datasets.withdrawal(ProblemException.uuidOrNotFound(id, "dataset"));
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
            case SCHEMA_ORG -> SchemaOrgJsonLd.render(d, tables(p), datasets.provenance(p));
            case BIBTEX -> Citations.bibtex(d);
            case RIS -> Citations.ris(d);
            case CSL -> Citations.cslJson(d);
            case DATA_PACKAGE -> DataPackage.render(d, tables(p));
            case RO_CRATE -> RoCrate.render(d, false);
        };
        return Response.ok(body, form.type.withCharset("UTF-8")).header("Link", signposting(p, page));
    }

    private static String rdf(DatasetDescription d, Lang lang) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DcatRenderer().write(d, lang, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What stays where a withdrawn dataset was: that it was withdrawn, when, and why. */
    String tombstone(DatasetWithdrawal w) {
        Map<String, Object> model = new HashMap<>();
        model.put("frame", Page.frame("Dataset withdrawn", Page.Section.NONE, session.name(), "landing"));
        model.put(
                "withdrawnOn",
                w.withdrawnAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        model.put("reason", w.reason());
        return Templates.render("tombstone.jte", model);
    }

    /**
     * FAIR Signposting: the DOI to cite, the metadata that describes the dataset in each form
     * (DCAT-AP, DataCite, CSVW), its types, the licence, each file, and the linkset of all these.
     * Authors are not linked: creators are names here, and Signposting wants URIs (ORCIDs).
     */
    static String signposting(PublicDatasets.PublicVersion p, String page) {
        List<String> header = new ArrayList<>();
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
        List<String[]> links = new ArrayList<>();
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
        } catch (IOException e) {
            LOG.warning("the CSVW metadata of version " + p.version().id() + " does not read: " + e);
            return List.of();
        }
    }

    /** Each CSV file's columns (from its CSVW) and first rows; a file that does not read shows no rows. */
    private List<LandingPage.Table> tableViews(PublicDatasets.PublicVersion p, List<CsvwTable> tables) {
        List<LandingPage.Table> views = new ArrayList<>();
        for (CsvwTable table : tables) {
            Optional<Distribution> file = p.files().stream()
                    .filter(f -> f.fileName().equals(table.url()) && "text/csv".equals(f.mediaType()))
                    .findFirst();
            if (file.isEmpty()) {
                continue;
            }
            List<String[]> records;
            try {
                // a table under embargo shows its columns, not its rows
                records = p.closedNow() != null ? List.of() : datasets.preview(file.get(), TablePreview.ROWS);
            } catch (IOException e) {
                LOG.warning("the published file " + table.url() + " of version "
                        + p.version().id() + " does not read: " + e.getMessage());
                records = List.of();
            }
            Long rows = file.get().rowCount();
            views.add(LandingPage.table(
                    table,
                    rows == null ? "" : String.format(Locale.ROOT, "%,d rows", rows),
                    records,
                    table.publishedAsDeposited()));
        }
        return views;
    }

    /** The landing page of a version answered at {@code page}. */
    String render(PublicDatasets.PublicVersion p, String page, UsageCounts.Usage used, List<CsvwTable> tables) {
        List<LandingPage.Link> exports = new ArrayList<>();
        for (Form f : Form.values()) {
            if (f.export != null) {
                exports.add(new LandingPage.Link(page + "/export/" + f.export, EXPORT_NAMES.get(f), f.type.toString()));
            }
        }
        UUID deposit = datasets.depositOf(p.version().id());
        AccessTermsService.Availability original = originals.availability(deposit);
        String analyses = original.erased() || p.closedNow() != null
                ? null
                : analysisTerms.of(deposit).map(AnalysisTermsService::words).orElse(null);
        LandingPage view = LandingPage.of(p, used, exports, tables, tableViews(p, tables))
                .withOriginal(
                        original.words(),
                        original.requestable() ? p.page() + "/request-access" : null,
                        analyses,
                        analyses == null ? null : p.page() + "/analyses");
        Map<String, Object> model = new HashMap<>();
        model.put("frame", Page.frame(view.title(), Page.Section.NONE, session.name(), "landing"));
        model.put("page", view);
        model.put("turtle", p.download("dataset.ttl"));
        // "</" would end the script element early; JSON allows "<\/" for it
        model.put(
                "jsonLd",
                SchemaOrgJsonLd.render(p.describe(), tables, datasets.provenance(p))
                        .replace("</", "<\\/"));
        return Templates.render("landing.jte", model);
    }
}
