package org.facsimile.harvest.dcat;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
 * {@code pageSize} up to 500), in the RDF syntax the client asks for (Turtle, JSON-LD, RDF/XML,
 * N-Triples). Next and previous pages are linked in Link headers and, as a Hydra view, in the
 * RDF. {@code GET /api/catalog/datasets/{id}} is one dataset's record; an extension ({@code
 * .ttl}, {@code .jsonld}, {@code .rdf}, {@code .nt}) chooses the syntax without an Accept header,
 * here and on the catalogue ({@link DcatCatalogFileResource}).
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

    /** RDF syntaxes by file extension, for clients that cannot send an Accept header. */
    private static final Map<String, String> EXTENSIONS = Map.of(
            "ttl", "text/turtle",
            "jsonld", "application/ld+json",
            "rdf", "application/rdf+xml",
            "nt", "application/n-triples");

    @GET
    public Response catalog(
            @QueryParam("page") Integer page, @QueryParam("pageSize") Integer pageSize, @Context Request request) {
        return catalogPage(catalog, page, pageSize, request.selectVariant(VARIANTS));
    }

    /** One dataset's DCAT-AP record (its latest version), in the syntax the client asks for. */
    @GET
    @Path("datasets/{id}")
    public Response dataset(@PathParam("id") String id, @Context Request request) {
        return record(id, request.selectVariant(VARIANTS));
    }

    /** One dataset's record in the syntax its extension names. */
    @GET
    @Path("datasets/{id}.{extension: ttl|jsonld|rdf|nt}")
    public Response datasetFile(@PathParam("id") String id, @PathParam("extension") String extension) {
        return record(id, variant(extension));
    }

    static Variant variant(String extension) {
        return new Variant(MediaType.valueOf(EXTENSIONS.get(extension)), (String) null, null);
    }

    private Response record(String id, Variant variant) {
        if (variant == null) {
            return notAcceptable();
        }
        java.util.Optional<org.facsimile.vocab.DatasetDescription> dataset = catalog.dataset(id);
        if (dataset.isEmpty()) {
            return problem(404, "Not Found", "no published dataset has this id");
        }
        Model model = new org.facsimile.vocab.dcat.DcatRenderer().render(dataset.get());
        Lang lang = SYNTAXES.get(variant.getMediaType().toString());
        StreamingOutput body = out -> RDFDataMgr.write(out, model, lang);
        return Response.ok(body, variant)
                .header("Link", "<" + CatalogPage.uri(catalog) + ">; rel=\"collection\"")
                .build();
    }

    static Response catalogPage(PublishedCatalog catalog, Integer page, Integer pageSize, Variant variant) {
        int p = page == null ? 1 : page;
        int size = pageSize == null ? CatalogPage.DEFAULT_SIZE : pageSize;
        CatalogPage result;
        try {
            result = CatalogPage.of(catalog, p, size);
        } catch (IllegalArgumentException e) {
            return problem(400, "Bad Request", e.getMessage());
        }
        if (variant == null) {
            return notAcceptable();
        }
        String uri = CatalogPage.uri(catalog);
        Lang lang = SYNTAXES.get(variant.getMediaType().toString());
        Model model = result.model();
        StreamingOutput body = out -> RDFDataMgr.write(out, model, lang);
        Response.ResponseBuilder response = Response.ok(body, variant).header("X-Total-Count", result.total());
        if (result.next() != null) {
            response.header("Link", "<" + CatalogPage.pageUri(uri, result.next(), size) + ">; rel=\"next\"");
        }
        if (result.previous() != null) {
            response.header("Link", "<" + CatalogPage.pageUri(uri, result.previous(), size) + ">; rel=\"prev\"");
        }
        return response.build();
    }

    /** A 406 that says, as a problem, which syntaxes there are (an empty 406 left the type to chance). */
    private static Response notAcceptable() {
        String types = String.join(
                ", ", VARIANTS.stream().map(v -> v.getMediaType().toString()).toList());
        return Response.fromResponse(problem(406, "Not Acceptable", "the catalogue is available as " + types))
                .header("Vary", "Accept")
                .build();
    }

    private static Response problem(int status, String title, String detail) {
        return Response.status(status)
                .type("application/problem+json")
                .entity("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                .build();
    }
}
