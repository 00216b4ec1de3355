package org.facsimile.web.review;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
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
import org.facsimile.web.account.Secured;
import org.facsimile.web.platform.ApiDocument;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.JsonBody;
import org.facsimile.web.platform.ProblemException;

/**
 * {@code /api/deposits/{id}/reviewer-links}: the owner of an unpublished deposit makes, lists and
 * revokes private links that show its preview to people without an account ({@link ReviewerLinks}).
 */
@Path("api/deposits/{id}/reviewer-links")
@RequestScoped
@Secured
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deposits")
@SecurityRequirement(name = ApiDocument.TOKEN)
@SecurityRequirement(name = ApiDocument.SESSION)
public class ReviewerLinkResource {

    /**
     * A new link: a label to tell it from others ("Journal of X, round 1") and how many days it
     * lives (1 to 365, 30 when not said).
     */
    public record LinkRequest(String label, Integer expiresInDays) {}

    /**
     * A link as its owner sees it; {@code url} (the secret address) only in the answer that made it.
     */
    public record LinkView(
            String id,
            String label,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt,
            Instant lastOpenedAt,
            int opened,
            boolean open,
            String url) {

        static LinkView of(ReviewerLink l, Instant now, String url) {
            return new LinkView(
                    l.id().toString(),
                    l.label(),
                    l.createdAt(),
                    l.expiresAt(),
                    l.revokedAt(),
                    l.lastUsedAt(),
                    l.uses(),
                    l.opensAt(now),
                    url);
        }
    }

    @Inject
    Caller caller;

    @Inject
    ReviewerLinks links;

    @Inject
    Clock clock;

    @Operation(summary = "Make a private link that shows the unpublished deposit's preview to reviewers")
    @RequestBody(
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LinkRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "The link, with its address: shown only this once",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LinkView.class)))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("id") String id, String body) {
        UUID depositId = deposit(id);
        links.requireOwner(caller.credential(), depositId);
        LinkRequest request = JsonBody.read(body, LinkRequest.class, () -> new LinkRequest(null, null));
        int days = request.expiresInDays() == null ? ReviewerLinks.DEFAULT_DAYS : request.expiresInDays();
        ReviewerLinks.Created created =
                links.create(caller.credential(), depositId, request.label(), days, caller.remoteAddress());
        return Response.created(URI.create("/api/deposits/" + depositId + "/reviewer-links/"
                        + created.link().id()))
                .entity(LinkView.of(created.link(), created.link().createdAt(), created.url()))
                .build();
    }

    @Operation(summary = "The deposit's reviewer links, open or ended, newest first, without their addresses")
    @GET
    public List<LinkView> list(@PathParam("id") String id) {
        Instant now = clock.now();
        return links.list(caller.credential(), deposit(id)).stream()
                .map(l -> LinkView.of(l, now, null))
                .toList();
    }

    @Operation(summary = "Revoke a reviewer link: it no longer opens")
    @APIResponse(
            responseCode = "200",
            description = "The link, revoked",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LinkView.class)))
    @DELETE
    @Path("{link}")
    public LinkView revoke(@PathParam("id") String id, @PathParam("link") String link) {
        ReviewerLink revoked = links.revoke(
                caller.credential(),
                deposit(id),
                ProblemException.uuidOrNotFound(link, "reviewer link"),
                caller.remoteAddress());
        return LinkView.of(revoked, clock.now(), null);
    }

    private static UUID deposit(String id) {
        return ProblemException.idOrNotFound("deposit", id);
    }
}
