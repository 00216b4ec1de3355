package org.facsimile.web.search;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.facsimile.web.account.PageSession;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Templates;

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
        Map<String, Object> model = new HashMap<>();
        model.put("frame", Page.frame("Synthetic twins of research data", Page.Section.NONE, session.name(), "search"));
        model.put(
                "recent",
                recent == null
                        ? null
                        : recent.hits().stream().map(SearchPage::hit).toList());
        return Response.ok(Templates.render("home.jte", model))
                .type("text/html; charset=UTF-8")
                .build();
    }
}
