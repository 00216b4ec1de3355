package org.facsimile.web.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.elasticsearch.client.ResponseException;
import org.facsimile.web.platform.ProblemException;

/**
 * {@code GET /api/search}: full-text search over published datasets, answered by Elasticsearch.
 *
 * <ul>
 *   <li>{@code q}: words (all must match), {@code "phrases"}, {@code -excluded}, {@code
 *       field:value} (title, description, keyword, creator, table, column, subject, licence,
 *       format, year, doi);
 *   <li>facet filters, repeatable: {@code keyword subject creator licence year format source};
 *   <li>{@code sort}: relevance (with a query), newest (without), title;
 *   <li>{@code size} (1-100), {@code from} (the first 10,000 hits), or {@code after}: the {@code
 *       next} cursor of the page before, as deep as the results go.
 * </ul>
 *
 * The answer holds the hits with highlighted snippets, the facet counts of all matches, and the
 * next page's cursor. A broken query is a 400 saying where; Elasticsearch down is a 503 (and
 * deposits, publications and downloads go on; the index catches up through the outbox).
 */
@Path("api/search")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
public class SearchResource {

    private static final Logger LOG = Logger.getLogger(SearchResource.class.getName());

    /*
     * One instance for all requests (the request's URI comes as a parameter): a request-scoped
     * resource is a new CDI bean per search, and making and injecting it was a visible share of
     * the web node's work per search in the benchmark's profile.
     */
    @Inject
    SearchIndex index;

    /**
     * Jackson rather than the container's JSON-B for the answer: search is the hottest public call,
     * and the benchmark showed JSON-B's writing as a share of our overhead over Elasticsearch.
     * Absent values are left out, as JSON-B leaves them.
     */
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @Operation(summary = "Search published datasets: words, filters, facets, sorting, deep paging")
    @Parameter(
            name = "q",
            in = ParameterIn.QUERY,
            description = "Words and the query syntax (title:, creator:, quoted phrases, AND/OR/NOT)",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "sort",
            in = ParameterIn.QUERY,
            description = "relevance (default with words), newest, oldest, title",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "size",
            in = ParameterIn.QUERY,
            description = "Results per page",
            schema = @Schema(type = SchemaType.INTEGER))
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description = "Offset of the first result",
            schema = @Schema(type = SchemaType.INTEGER))
    @Parameter(
            name = "after",
            in = ParameterIn.QUERY,
            description = "The cursor of the last page's end, for deep paging",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "subject",
            in = ParameterIn.QUERY,
            description = "Filter: an EU Data Theme code, repeatable",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "keyword",
            in = ParameterIn.QUERY,
            description = "Filter: a keyword, repeatable",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "creator",
            in = ParameterIn.QUERY,
            description = "Filter: a creator's name, repeatable",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "licence",
            in = ParameterIn.QUERY,
            description = "Filter: cc-by-4.0, cc0-1.0 or other",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "year",
            in = ParameterIn.QUERY,
            description = "Filter: the year published",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "format",
            in = ParameterIn.QUERY,
            description = "Filter: a file format",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "source",
            in = ParameterIn.QUERY,
            description = "Filter: public (the input is public) or private",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "Hits with highlights, facets and the paging cursor")
    @GET
    public Response search(@Context UriInfo uri) throws IOException {
        long started = System.nanoTime();
        SearchIndex.Results results = run(index, SearchRequest.of(uri.getQueryParameters()));
        // written whole before it is sent: one write with a Content-Length, no chunked stream
        byte[] body = JSON.writeValueAsBytes(results);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Server-Timing", serverTiming(results.timing(), System.nanoTime() - started))
                .build();
    }

    /**
     * The W3C Server-Timing header of a search (shown by browsers' developer tools; read by the
     * search benchmark): Elasticsearch's own time, the round trip to it, this node's search work
     * and all of its work on the request up to the written answer, in milliseconds. Durations
     * only: nothing about the query or the data.
     */
    static String serverTiming(SearchIndex.Timing t, long answerNanos) {
        // by hand, not String.format: this runs on every search, and the format parser showed in
        // the benchmark's profile
        StringBuilder header = new StringBuilder(160);
        millis(header.append("es;dur="), t.elasticsearchNanos()).append(";desc=\"Elasticsearch\"");
        millis(header.append(", es-trip;dur="), t.roundTripNanos()).append(";desc=\"round trip to Elasticsearch\"");
        millis(header.append(", search;dur="), t.totalNanos()).append(";desc=\"search\"");
        millis(header.append(", answer;dur="), answerNanos).append(";desc=\"answer written\"");
        return header.toString();
    }

    /** Nanoseconds as milliseconds with two decimals ({@code 4.07}). */
    static StringBuilder millis(StringBuilder out, long nanos) {
        long hundredths = Math.max(0, (nanos + 5_000) / 10_000);
        long fraction = hundredths % 100;
        return out.append(hundredths / 100)
                .append('.')
                .append(fraction < 10 ? "0" : "")
                .append(fraction);
    }

    /** Runs a checked search; Elasticsearch's own errors never reach the caller. */
    static SearchIndex.Results run(SearchIndex index, SearchRequest request) {
        try {
            return index.search(request);
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            LOG.log(Level.WARNING, "search refused by Elasticsearch: " + status, e);
            if (status == 400) {
                throw new ProblemException(
                        400, "invalid-search", "Invalid search", "this search cannot be run; simplify the query");
            }
            throw unavailable();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "search unavailable", e);
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(
                        503,
                        "search-unavailable",
                        "Search unavailable",
                        "search is temporarily unavailable; deposits and downloads still work, and the index catches up by itself")
                .retryAfter(30);
    }
}
