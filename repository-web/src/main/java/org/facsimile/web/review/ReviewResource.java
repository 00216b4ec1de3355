package org.facsimile.web.review;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
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
import org.facsimile.web.deposit.DepositService;
import org.facsimile.web.deposit.DepositViews.DepositView;
import org.facsimile.web.platform.ApiDocument;
import org.facsimile.web.platform.JsonBody;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.publishing.PublishService;

/**
 * The curators' queue, {@code /api/review}: deposits whose owners asked to publish, when the
 * repository requires review. A curator reads them (and their reports, at the deposit's own
 * report URL) and approves (publishes) or rejects with a reason. Nobody reviews their own deposit.
 */
@Path("api/review")
@RequestScoped
@Secured(Scope.CURATE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review")
@SecurityRequirement(name = ApiDocument.TOKEN)
@SecurityRequirement(name = ApiDocument.SESSION)
public class ReviewResource {

    /** A decision: a note when approving, the reason (shown to the depositor) when rejecting. */
    public record Decision(String note, String reason) {}

    @Inject
    Caller caller;

    @Inject
    DepositService deposits;

    @Inject
    ReviewService reviews;

    @Operation(summary = "Deposits waiting for a curator")
    @GET
    public List<DepositView> queue() {
        return deposits.inReview(caller.credential()).stream()
                .map(d -> DepositView.of(d, null))
                .toList();
    }

    @Operation(summary = "Approve a deposit in review: it is published")
    @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(implementation = Decision.class)))
    @APIResponse(
            responseCode = "201",
            description = "Published",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PublishService.Published.class)))
    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.WILDCARD)
    public Response approve(@PathParam("id") String id, String json) {
        UUID depositId = uuid(id);
        deposits.readable(caller.credential(), depositId);
        Decision decision = JsonBody.read(json, Decision.class, () -> new Decision(null, null));
        PublishService.Published published =
                reviews.approve(caller.credential(), depositId, decision.note(), caller.remoteAddress());
        return Response.created(URI.create(published.landingPage()))
                .entity(published)
                .build();
    }

    @Operation(summary = "Reject a deposit in review, with a reason the depositor reads")
    @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(implementation = Decision.class)))
    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public DepositView reject(@PathParam("id") String id, String json) {
        UUID depositId = uuid(id);
        deposits.readable(caller.credential(), depositId);
        Decision decision = JsonBody.read(json, Decision.class, () -> new Decision(null, null));
        reviews.reject(caller.credential(), depositId, decision.reason(), caller.remoteAddress());
        return DepositView.of(deposits.readable(caller.credential(), depositId), null);
    }

    private static UUID uuid(String id) {
        return ProblemException.uuidOrNotFound(id, "deposit");
    }
}
