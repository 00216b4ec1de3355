package org.facsimile.web.deposit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.facsimile.web.account.Caller;
import org.facsimile.web.account.Secured;
import org.facsimile.web.platform.ApiDocument;
import org.facsimile.web.platform.ProblemException;

/**
 * {@code GET /api/deposits/{id}/synthetic/{name}}: a synthetic table of the latest finished
 * synthesis, before it is published, for whoever may read the deposit; so a depositor checks what
 * would be released. Private: SecurityHeaders
 * marks every answer under /api/deposits not to be stored.
 */
@Path("api/deposits/{id}/synthetic")
@RequestScoped
@Secured
@Tag(name = "Deposits")
@SecurityRequirement(name = ApiDocument.TOKEN)
@SecurityRequirement(name = ApiDocument.SESSION)
public class SyntheticTableResource {

    @Inject
    Caller caller;

    @Inject
    SyntheticTables tables;

    @Operation(summary = "A synthetic table of the latest finished synthesis (CSV), before it is published")
    @APIResponse(
            responseCode = "200",
            description = "The synthetic table as generated, private until it is published",
            content = @Content(mediaType = "text/csv"))
    @GET
    @Path("{name}")
    public Response table(@PathParam("id") String id, @PathParam("name") String name) {
        String key = tables.download(
                caller.credential(), ProblemException.idOrNotFound("deposit", id), name, caller.remoteAddress());
        return tables.attachment(key, name);
    }
}
