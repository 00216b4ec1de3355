package org.facsimile.web.search;

import static org.facsimile.synth.report.Html.esc;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.facsimile.web.account.PageSession;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;

/**
 * {@code GET /search}: the search page, plain HTML that works without JavaScript, on the same
 * parameters and engine as {@code /api/search}: a query box, the sort, facets with counts (a
 * value is a link that adds or removes its filter), results with highlighted snippets, and
 * paging by cursor. A query that does not parse is shown back with what is wrong (status 400); a
 * search that cannot run says so (503), the rest of the repository still working.
 */
@Path("search")
@RequestScoped
public class SearchPageResource {

    private static final Map<String, String> FACET_TITLES = Map.of(
            "keyword", "Keyword",
            "subject", "Subject",
            "creator", "Creator",
            "licence", "Licence",
            "year", "Year published",
            "format", "File format",
            "source", "Source data");

    @Inject
    SearchIndex index;

    @Context
    UriInfo uri;

    @Inject
    PageSession session;

    @GET
    @Produces("text/html; charset=UTF-8")
    public Response page() {
        Map<String, List<String>> params = new LinkedHashMap<>(uri.getQueryParameters());
        String q = params.containsKey("q") ? params.get("q").get(0) : "";
        SearchIndex.Results results = null;
        String problem = null;
        int status = 200;
        try {
            SearchRequest request = SearchRequest.of(params);
            results = SearchResource.run(index, request);
        } catch (ProblemException e) {
            problem = e.toProblem().detail();
            status = e.status();
        }
        return Response.status(status)
                .entity(render(q, params, results, problem, session.name()))
                .build();
    }

    /** The search page's own styles, beside the layout's. */
    static final String STYLE = "form.search{display:flex;gap:.5rem;flex-wrap:wrap;margin:1rem 0;align-items:center}"
            + "form.search label{margin:0}input[type=search]{flex:1;min-width:16rem}"
            + ".layout{display:grid;grid-template-columns:16rem 1fr;gap:2rem}"
            + "@media(max-width:50rem){.layout{grid-template-columns:1fr}}"
            + "nav.filters h2{font-size:1rem;margin:1rem 0 .25rem}nav.filters ul{list-style:none;padding:0;margin:0}"
            + "nav.filters a{color:#1b1b1b}nav.filters a.on{font-weight:700}.count{color:#52525b}"
            + "mark{background:#fde68a}.hit{margin:0 0 1.25rem}.hit h3{margin:0;font-size:1.1rem}"
            + ".meta{color:#52525b;font-size:.9rem}.badge{background:#5b2a86;color:#fff;border-radius:.3rem;"
            + "padding:0 .4rem;font-size:.8rem}.visually-hidden{position:absolute;width:1px;height:1px;"
            + "overflow:hidden;clip:rect(0 0 0 0)}";

    static String render(
            String q,
            Map<String, List<String>> params,
            SearchIndex.Results results,
            String problem,
            String signedInAs) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<h1>Search synthetic datasets</h1>\n")
                .append("<form method=\"get\" action=\"/search\" role=\"search\" class=\"search\">")
                .append("<label for=\"q\" class=\"visually-hidden\">Search</label>")
                .append("<input type=\"search\" id=\"q\" name=\"q\" value=\"")
                .append(esc(q))
                .append("\" placeholder='words, \"a phrase\", -exclude, column:income'>")
                .append("<label for=\"sort\">Sort</label><select id=\"sort\" name=\"sort\">");
        String sort = results != null ? results.sort() : first(params, "sort");
        for (String s : List.of("relevance", "newest", "title")) {
            html.append("<option value=\"")
                    .append(s)
                    .append('"')
                    .append(s.equals(sort) ? " selected" : "")
                    .append('>')
                    .append(s)
                    .append("</option>");
        }
        html.append("</select><button type=\"submit\">Search</button></form>\n");
        if (problem != null) {
            html.append("<p class=\"error\" role=\"alert\">")
                    .append(esc(problem))
                    .append("</p>\n");
        }
        if (results != null) {
            html.append("<div class=\"layout\"><nav class=\"filters\" aria-label=\"Filters\">");
            results.facets().forEach((facet, buckets) -> facet(html, params, facet, buckets));
            html.append("</nav><section aria-label=\"Results\"><p>")
                    .append(results.total())
                    .append(results.total() == 1 ? " dataset" : " datasets")
                    .append("</p>\n");
            for (SearchIndex.Hit hit : results.hits()) {
                hit(html, hit);
            }
            if (results.next() != null) {
                Map<String, List<String>> next = new LinkedHashMap<>(params);
                next.remove("from");
                next.put("after", List.of(results.next()));
                html.append("<p><a rel=\"next\" href=\"")
                        .append(esc(link(next)))
                        .append("\">Next page</a></p>");
            }
            if (params.containsKey("after") || params.containsKey("from")) {
                Map<String, List<String>> firstPage = new LinkedHashMap<>(params);
                firstPage.remove("after");
                firstPage.remove("from");
                html.append("<p><a href=\"").append(esc(link(firstPage))).append("\">First page</a></p>");
            }
            html.append("</section></div>");
        }
        return Page.render(
                q.isBlank() ? "Search" : q + " - search", Page.Section.SEARCH, signedInAs, STYLE, html.toString());
    }

    private static void facet(
            StringBuilder html, Map<String, List<String>> params, String facet, List<SearchIndex.Bucket> buckets) {
        if (buckets.isEmpty()) {
            return;
        }
        html.append("<h2>").append(esc(FACET_TITLES.getOrDefault(facet, facet))).append("</h2><ul>");
        List<String> chosen = params.getOrDefault(facet, List.of());
        for (SearchIndex.Bucket b : buckets) {
            boolean on = chosen.contains(b.value());
            List<String> toggled = new ArrayList<>(chosen);
            if (on) {
                toggled.remove(b.value());
            } else {
                toggled.add(b.value());
            }
            Map<String, List<String>> next = new LinkedHashMap<>(params);
            next.remove("after");
            next.remove("from");
            if (toggled.isEmpty()) {
                next.remove(facet);
            } else {
                next.put(facet, toggled);
            }
            html.append("<li><a href=\"")
                    .append(esc(link(next)))
                    .append('"')
                    .append(on ? " class=\"on\" aria-current=\"true\"" : "")
                    .append('>')
                    .append(on ? "&#10003; " : "")
                    .append(esc(b.value()))
                    .append("</a> <span class=\"count\">")
                    .append(b.count())
                    .append("</span></li>");
        }
        html.append("</ul>");
    }

    static void hit(StringBuilder html, SearchIndex.Hit hit) {
        Map<String, List<String>> hl = hit.highlights() == null ? Map.of() : hit.highlights();
        // highlighted fragments come HTML-escaped from the index, with only <mark> added
        String title = hl.containsKey("title") ? hl.get("title").get(0) : esc(hit.title());
        html.append("<article class=\"hit\"><h3><a href=\"")
                .append(esc(hit.url()))
                .append("\">")
                .append(title)
                .append("</a></h3><p class=\"meta\"><span class=\"badge\">synthetic</span> ")
                .append(esc(hit.creators() == null ? "" : String.join("; ", hit.creators())))
                .append(" &middot; ")
                .append(esc(hit.published() == null ? "" : hit.published().substring(0, 10)))
                .append(" &middot; ")
                .append(esc(hit.licence()))
                .append(" &middot; doi:")
                .append(esc(hit.doi()))
                .append("</p>");
        List<String> snippets = new ArrayList<>();
        snippets.addAll(hl.getOrDefault("description", List.of()));
        for (String column : hl.getOrDefault("columns", List.of())) {
            snippets.add("Columns: " + column);
        }
        if (snippets.isEmpty() && hit.description() != null) {
            String d = hit.description();
            snippets.add(esc(d.length() > 240 ? d.substring(0, 240) + "…" : d));
        }
        for (String s : snippets) {
            html.append("<p>").append(s).append("</p>");
        }
        html.append("</article>\n");
    }

    private static String link(Map<String, List<String>> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, values) -> {
            for (String v : values) {
                query.append(query.isEmpty() ? '?' : '&')
                        .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return "/search" + query;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
