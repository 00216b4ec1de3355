package org.facsimile.web.review;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.facsimile.web.account.Caller;
import org.facsimile.web.account.Scope;
import org.facsimile.web.account.Secured;
import org.facsimile.web.platform.ApiDocument;
import org.facsimile.web.platform.JsonBody;
import org.facsimile.web.platform.ProblemException;

/**
 * {@code POST /api/admin/deposits/{id}/privacy-override}: an admin lets a synthesis whose privacy
 * check failed be published, recorded with its justification. The admin does not see the
 * deposit's data through this.
 */
@Path("api/admin/deposits/{id}/privacy-override")
@RequestScoped
@Secured(Scope.ADMIN)
@Tag(name = "Review")
@SecurityRequirement(name = ApiDocument.TOKEN)
@SecurityRequirement(name = ApiDocument.SESSION)
public class PrivacyOverrideResource {

    /** The body of a privacy override: why publishing is right despite the failed check. */
    public record OverrideRequest(String justification) {}

    @Inject
    Caller caller;

    @Inject
    ReviewService reviews;

    @Operation(summary = "Let a synthesis whose privacy check failed be published, with a justification (admins)")
    @RequestBody(
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = OverrideRequest.class)))
    @APIResponse(responseCode = "204", description = "Recorded in the audit log")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response overridePrivacy(@PathParam("id") String id, String json) {
        OverrideRequest request = JsonBody.read(json, OverrideRequest.class, () -> new OverrideRequest(null));
        reviews.overridePrivacy(
                caller.account(),
                ProblemException.uuidOrNotFound(id, "deposit"),
                request.justification(),
                caller.remoteAddress());
        return Response.noContent().build();
    }
}
