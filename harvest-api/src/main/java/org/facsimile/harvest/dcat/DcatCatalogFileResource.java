package org.facsimile.harvest.dcat;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.facsimile.harvest.port.PublishedCatalog;

/** {@code GET /api/catalog.ttl} (and {@code .jsonld}, {@code .rdf}, {@code .nt}): the catalogue in the syntax the extension names. */
@Path("api/catalog.{extension: ttl|jsonld|rdf|nt}")
@RequestScoped
public class DcatCatalogFileResource {

    @Inject
    PublishedCatalog catalog;

    @GET
    public Response catalog(
            @PathParam("extension") String extension,
            @QueryParam("page") Integer page,
            @QueryParam("pageSize") Integer pageSize) {
        return DcatCatalogResource.catalogPage(catalog, page, pageSize, DcatCatalogResource.variant(extension));
    }
}
