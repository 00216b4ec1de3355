package org.facsimile.web.review;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.facsimile.web.account.Caller;
import org.facsimile.web.account.Secured;
import org.facsimile.web.platform.ApiDocument;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.publishing.PublishService;

/**
 * {@code POST /api/deposits/{id}/publish}: the owner asks to publish a finished synthesis. Beside
 * the deposit API (its path is under {@code /api/deposits}) but here, where publication is decided.
 */
@Path("api/deposits/{id}/publish")
@RequestScoped
@Secured
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review")
@SecurityRequirement(name = ApiDocument.TOKEN)
@SecurityRequirement(name = ApiDocument.SESSION)
public class PublicationResource {

    @Inject
    Caller caller;

    @Inject
    ReviewService reviews;

    /**
     * Publishes the finished synthesis as a public dataset (201), or sends it to a curator's review
     * when the repository requires one (202). Refused while the privacy check fails.
     */
    @Operation(summary = "Publish the finished synthesis, or send it to the curators when review is required")
    @APIResponse(
            responseCode = "201",
            description = "Published: the new version, its DOI and landing page",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PublishService.Published.class)))
    @APIResponse(responseCode = "202", description = "Sent to the curators")
    @POST
    public Response publish(@PathParam("id") String id) {
        ReviewService.Outcome outcome = reviews.requestPublication(
                caller.credential(), ProblemException.idOrNotFound("deposit", id), caller.remoteAddress());
        if (outcome.published() == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("state", outcome.state());
            body.put("detail", "a curator reviews the deposit before it is published");
            return Response.accepted(body).build();
        }
        return Response.created(URI.create(outcome.published().landingPage()))
                .entity(outcome.published())
                .build();
    }
}
