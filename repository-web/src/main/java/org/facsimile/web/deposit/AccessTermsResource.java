package org.facsimile.web.deposit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.facsimile.web.account.Caller;
import org.facsimile.web.account.Secured;
import org.facsimile.web.platform.ApiDocument;
import org.facsimile.web.platform.JsonBody;
import org.facsimile.web.platform.ProblemException;

/**
 * {@code /api/deposits/{id}/access-terms}: whether and how the deposit's restricted original may
 * be requested once its twin is published ({@link AccessTermsService}); the owner's alone.
 */
@Path("api/deposits/{id}/access-terms")
@RequestScoped
@Secured
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deposits")
@SecurityRequirement(name = ApiDocument.TOKEN)
@SecurityRequirement(name = ApiDocument.SESSION)
public class AccessTermsResource {

    /** The terms as the API shows them. */
    public record TermsView(String agreement, String agreementSha256, String deciders, int grantDays, Instant updated) {

        static TermsView of(AccessTerms t) {
            return new TermsView(
                    t.agreement(), t.agreementSha256(), t.deciders().name(), t.grantDays(), t.updatedAt());
        }
    }

    @Inject
    Caller caller;

    @Inject
    AccessTermsService terms;

    @Operation(summary = "The terms on which the deposit's original may be requested (404: it takes no requests)")
    @GET
    public TermsView get(@PathParam("id") String id) {
        return terms.of(caller.credential(), deposit(id))
                .map(TermsView::of)
                .orElseThrow(() -> ProblemException.notFound("access terms"));
    }

    @Operation(summary = "Take requests for the original once published: the agreement, who decides, grant days")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = AccessTermsService.TermsRequest.class)))
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public TermsView set(@PathParam("id") String id, String body) {
        UUID depositId = deposit(id);
        terms.requireOwner(caller.credential(), depositId);
        AccessTermsService.TermsRequest request = JsonBody.read(body, AccessTermsService.TermsRequest.class);
        return TermsView.of(terms.set(caller.credential(), depositId, request, caller.remoteAddress()));
    }

    @Operation(summary = "Take no more requests for the original (those made stay as they are)")
    @DELETE
    public Response remove(@PathParam("id") String id) {
        terms.remove(caller.credential(), deposit(id), caller.remoteAddress());
        return Response.noContent().build();
    }

    private static UUID deposit(String id) {
        return ProblemException.idOrNotFound("deposit", id);
    }
}
