package org.facsimile.web.search;

import static org.facsimile.synth.report.Html.esc;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.facsimile.web.account.PageSession;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Setting;

/**
 * {@code GET /}: the home page. What the repository is, a search box, the most recently published
 * synthetic datasets (from the search index, newest first), and where depositors start. When the
 * index cannot answer, the page says so and still works.
 */
@Path("/")
@RequestScoped
public class HomePage {

    /** Datasets listed as the latest. */
    static final int RECENT = 8;

    @Inject
    SearchIndex index;

    @Inject
    PageSession session;

    @GET
    @Produces("text/html; charset=UTF-8")
    public Response home() {
        SearchIndex.Results recent = null;
        try {
            recent = SearchResource.run(
                    index,
                    SearchRequest.of(Map.of("sort", List.of("newest"), "size", List.of(Integer.toString(RECENT)))));
        } catch (ProblemException e) {
            // search down: the rest of the page stands
        }
        String name = Setting.REPOSITORY_NAME.get();
        StringBuilder html = new StringBuilder(8192);
        html.append("<h1>")
                .append(esc(name))
                .append(": synthetic twins of research data</h1>\n")
                .append("<p>Researchers deposit private tables here; a synthesis engine learns them and publishes only")
                .append(" a synthetic dataset with the same statistical shape, with a quality and privacy report, a")
                .append(" DOI and open metadata. No deposited row is ever published.</p>\n")
                .append("<form method=\"get\" action=\"/search\" role=\"search\" class=\"search\">")
                .append("<label for=\"q\">Search the synthetic datasets</label>")
                .append("<input type=\"search\" id=\"q\" name=\"q\" placeholder='words, \"a phrase\", column:income'>")
                .append("<button type=\"submit\">Search</button></form>\n")
                .append("<h2>Recently published</h2>\n");
        if (recent == null) {
            html.append("<p class=\"error\">The list of datasets cannot be shown just now; search may be down.</p>\n");
        } else if (recent.hits().isEmpty()) {
            html.append("<p>Nothing is published yet.</p>\n");
        } else {
            for (SearchIndex.Hit hit : recent.hits()) {
                SearchPageResource.hit(html, hit);
            }
            html.append("<p><a href=\"/search?sort=newest\">All datasets, newest first</a></p>\n");
        }
        html.append("<h2>Deposit</h2>\n<p>")
                .append(
                        session.name() == null
                                ? "<a href=\"/sign-in?returnTo=%2Fdeposits\">Sign in</a> to deposit tables and follow"
                                        + " their synthesis."
                                : "<a href=\"/deposits\">Your deposits</a>: upload tables, check their columns, run"
                                        + " the synthesis and publish.")
                .append("</p>\n");
        return Response.ok(
                        Page.render(name, Page.Section.NONE, session.name(), SearchPageResource.STYLE, html.toString()))
                .type("text/html; charset=UTF-8")
                .build();
    }
}
