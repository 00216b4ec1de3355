package org.facsimile.web.search;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.facsimile.web.platform.ProblemException;

/** {@code GET /api/search?q=}: full-text search over published datasets, answered by Elasticsearch. */
@Path("api/search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private static final Logger LOG = Logger.getLogger(SearchResource.class.getName());

    @Inject
    SearchIndex index;

    @GET
    public SearchIndex.Results search(
            @QueryParam("q") String q, @QueryParam("from") Integer from, @QueryParam("size") Integer size) {
        int f = from == null ? 0 : from;
        int s = size == null ? 20 : size;
        if (f < 0 || s < 1 || s > 100 || f + s > 10_000) {
            throw ProblemException.badRequest("from must be >= 0, size between 1 and 100, from + size at most 10000");
        }
        if (q != null && q.length() > 1000) {
            throw ProblemException.badRequest("the query is longer than 1000 characters");
        }
        try {
            return index.search(q, f, s);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "search unavailable", e);
            throw new ProblemException(
                    503,
                    "search-unavailable",
                    "Search unavailable",
                    "search is temporarily unavailable; deposits and downloads still work, and the index catches up by itself");
        }
    }
}
