package org.facsimile.web.publishing.doi;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.facsimile.web.platform.ProblemException;

/**
 * {@code GET /doi/{doi}}: the local registrar's resolver, standing in for doi.org while DOIs are
 * local. Answers 302 to the landing page of a findable DOI, 404 otherwise.
 */
@Path("doi")
@RequestScoped
public class DoiResolverResource {

    @Inject
    DoiRegistrar dois;

    @GET
    @Path("{doi: .+}")
    public Response resolve(@PathParam("doi") String doi) {
        return dois.resolve(doi)
                .map(target -> Response.status(Response.Status.FOUND)
                        .location(URI.create(target))
                        .build())
                .orElseThrow(() -> ProblemException.notFound("DOI"));
    }
}
