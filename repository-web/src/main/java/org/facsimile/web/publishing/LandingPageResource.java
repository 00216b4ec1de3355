package org.facsimile.web.publishing;

import static org.facsimile.synth.report.Html.esc;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.facsimile.vocab.schemaorg.SchemaOrgJsonLd;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Setting;

/** {@code GET /datasets/{id}}: the landing page of a dataset's latest version, plain HTML that works without JavaScript. */
@Path("datasets")
@RequestScoped
public class LandingPageResource {

    @Inject
    PublicDatasets datasets;

    @GET
    @Path("{id}")
    @Produces("text/html; charset=UTF-8")
    public Response page(@PathParam("id") String id) {
        UUID datasetId = ProblemException.uuidOrNotFound(id, "dataset");
        java.util.Optional<DatasetWithdrawal> withdrawn = datasets.withdrawal(datasetId);
        if (withdrawn.isPresent()) {
            return Response.status(Response.Status.GONE)
                    .entity(tombstone(withdrawn.get()))
                    .build();
        }
        PublicDatasets.PublicVersion p =
                datasets.latest(datasetId).orElseThrow(() -> ProblemException.notFound("dataset " + id));
        return Response.ok(render(p)).header("Link", signposting(p)).build();
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
     * FAIR Signposting (level 1): the DOI to cite, the metadata that describes the page, its type,
     * the licence, and each file.
     */
    static String signposting(PublicDatasets.PublicVersion p) {
        List<String> links = new java.util.ArrayList<>();
        links.add("<https://doi.org/" + p.version().doi() + ">; rel=\"cite-as\"");
        links.add("<" + PublicDatasets.download(p.datasetId(), "dataset.ttl")
                + ">; rel=\"describedby\"; type=\"text/turtle\"");
        links.add("<https://schema.org/Dataset>; rel=\"type\"");
        links.add("<https://schema.org/AboutPage>; rel=\"type\"");
        links.add("<" + p.version().licence() + ">; rel=\"license\"");
        for (Distribution f : p.files()) {
            links.add("<" + PublicDatasets.download(p.datasetId(), f.fileName()) + ">; rel=\"item\"; type=\""
                    + f.mediaType() + "\"");
        }
        return String.join(", ", links);
    }

    static String render(PublicDatasets.PublicVersion p) {
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
                .append(esc(PublicDatasets.download(p.datasetId(), "dataset.ttl")))
                .append("\">")
                .append("<script type=\"application/ld+json\">")
                // "</" would end the script element early; JSON allows "<\/" for it
                .append(SchemaOrgJsonLd.render(PublicDatasets.describe(p.datasetId(), v, p.files()))
                        .replace("</", "<\\/"))
                .append("</script>")
                .append(
                        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}")
                .append(
                        ".badge{display:inline-block;background:#5b2a86;color:#fff;border-radius:.3rem;padding:.1rem .5rem;font-size:.85rem}")
                .append(
                        "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.35rem;text-align:left}")
                .append(
                        "code{word-break:break-all;font-size:.8rem}.cite{background:#f4f4f4;padding:.75rem;border-radius:.3rem}</style></head><body>\n")
                .append(
                        "<main><p><span class=\"badge\">Synthetic data</span> Generated by a model trained on private data; no row is a real record.</p>\n")
                .append("<h1>")
                .append(esc(v.title()))
                .append("</h1>\n")
                .append("<p>")
                .append(esc(String.join("; ", v.creators())))
                .append("</p>\n")
                .append("<dl><dt>DOI</dt><dd><a href=\"")
                .append(esc(doiUrl))
                .append("\">")
                .append(esc(doiUrl))
                .append("</a></dd>")
                .append("<dt>Version</dt><dd>")
                .append(v.versionNumber())
                .append(", published ")
                .append(v.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate())
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
        quality(html, v.qualitySummary());
        html.append(
                "<h2>Files</h2><table><thead><tr><th>File</th><th>Type</th><th>Size</th><th>Rows</th><th>SHA-256</th></tr></thead><tbody>");
        for (Distribution f : p.files()) {
            html.append("<tr><td><a href=\"")
                    .append(esc(PublicDatasets.download(p.datasetId(), f.fileName())))
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
        html.append("</tbody></table>\n<h2>Cite as</h2><p class=\"cite\">")
                .append(esc(String.join("; ", v.creators())))
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

    @SuppressWarnings("unchecked")
    private static void quality(StringBuilder html, String reportJson) {
        if (reportJson == null) {
            return;
        }
        Map<String, Object> report = JsonbBuilder.create().fromJson(reportJson, Map.class);
        html.append("<h2>Quality and privacy</h2><p>Accuracy is 1 &minus; total variation distance between the real ")
                .append(
                        "training rows and the synthetic rows, over binned columns (univariate) and column pairs (bivariate); ")
                .append(
                        "the holdout columns show what real rows the model never saw reach. DCR share is the share of synthetic ")
                .append(
                        "rows closer to a training row than to any holdout row: 50% means no closer to the people the model ")
                .append("learnt from than to strangers.</p>")
                .append(
                        "<table><thead><tr><th>Table</th><th>Univariate</th><th>Holdout</th><th>Bivariate</th><th>Holdout</th>")
                .append("<th>DCR share</th><th>Rows identical to a real row</th></tr></thead><tbody>");
        for (Object t : (List<Object>) report.getOrDefault("tables", List.of())) {
            Map<String, Object> table = (Map<String, Object>) t;
            Map<String, Object> quality = (Map<String, Object>) table.getOrDefault("quality", Map.of());
            Map<String, Object> privacy = (Map<String, Object>) table.getOrDefault("privacy", Map.of());
            html.append("<tr><td>")
                    .append(esc(String.valueOf(table.get("table"))))
                    .append("</td>")
                    .append(cell(quality.get("univariateAccuracy")))
                    .append(cell(quality.get("holdoutUnivariateAccuracy")))
                    .append(cell(quality.get("bivariateAccuracy")))
                    .append(cell(quality.get("holdoutBivariateAccuracy")))
                    .append(cell(privacy.get("dcrShare")))
                    .append(cell(privacy.get("identicalMatchShare")))
                    .append("</tr>");
        }
        html.append("</tbody></table>\n");
    }

    private static String cell(Object value) {
        return "<td>"
                + (value instanceof Number n ? String.format(Locale.ROOT, "%.1f%%", n.doubleValue() * 100) : "&ndash;")
                + "</td>";
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
