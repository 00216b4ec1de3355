package org.facsimile.harvest.dcat;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.Variant;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.facsimile.harvest.port.PublishedCatalog;

/**
 * {@code GET /api/catalog}: the catalogue as DCAT-AP, {@code page} by {@code page} (1-based,
 * {@code pageSize} up to 500), in the RDF syntax the client asks for. Next and previous pages
 * are linked in Link headers.
 */
@Path("api/catalog")
@RequestScoped
public class DcatCatalogResource {

    private static final Map<String, Lang> SYNTAXES = Map.of(
            "text/turtle", Lang.TURTLE,
            "application/ld+json", Lang.JSONLD,
            "application/rdf+xml", Lang.RDFXML,
            "application/n-triples", Lang.NTRIPLES);

    private static final List<Variant> VARIANTS = Variant.mediaTypes(
                    MediaType.valueOf("text/turtle"),
                    MediaType.valueOf("application/ld+json"),
                    MediaType.valueOf("application/rdf+xml"),
                    MediaType.valueOf("application/n-triples"))
            .build();

    @Inject
    PublishedCatalog catalog;

    @GET
    public Response catalog(
            @QueryParam("page") Integer page, @QueryParam("pageSize") Integer pageSize, @Context Request request) {
        int p = page == null ? 1 : page;
        int size = pageSize == null ? CatalogPage.DEFAULT_SIZE : pageSize;
        CatalogPage result;
        try {
            result = CatalogPage.of(catalog, p, size);
        } catch (IllegalArgumentException e) {
            return Response.status(400)
                    .type("application/problem+json")
                    .entity("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\""
                            + e.getMessage() + "\"}")
                    .build();
        }
        Variant variant = request.selectVariant(VARIANTS);
        if (variant == null) {
            return Response.notAcceptable(VARIANTS).build();
        }
        String uri = CatalogPage.uri(catalog);
        Lang lang = SYNTAXES.get(variant.getMediaType().toString());
        Model model = result.model();
        StreamingOutput body = out -> RDFDataMgr.write(out, model, lang);
        Response.ResponseBuilder response = Response.ok(body, variant).header("X-Total-Count", result.total());
        if (result.next() != null) {
            response.header("Link", "<" + uri + "?page=" + result.next() + "&pageSize=" + size + ">; rel=\"next\"");
        }
        if (result.previous() != null) {
            response.header("Link", "<" + uri + "?page=" + result.previous() + "&pageSize=" + size + ">; rel=\"prev\"");
        }
        return response.build();
    }
}
