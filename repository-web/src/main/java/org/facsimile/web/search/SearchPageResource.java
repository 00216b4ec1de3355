package org.facsimile.web.search;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.facsimile.web.account.PageSession;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Templates;

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
        SearchPage view = SearchPage.of(q, params, results, problem);
        Map<String, Object> model =
                Map.of("frame", Page.frame(view.title(), Page.Section.SEARCH, session.name(), "search"), "page", view);
        return Response.status(status)
                .entity(Templates.render("search.jte", model))
                .build();
    }
}
