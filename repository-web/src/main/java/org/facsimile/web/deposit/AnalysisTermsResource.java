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
 * {@code /api/deposits/{id}/analysis-terms}: whether readers of the published twin may run
 * verified analyses on the deposit's original, and under which rules ({@link
 * AnalysisTermsService}); the owner's alone.
 */
@Path("api/deposits/{id}/analysis-terms")
@RequestScoped
@Secured
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deposits")
@SecurityRequirement(name = ApiDocument.TOKEN)
@SecurityRequirement(name = ApiDocument.SESSION)
public class AnalysisTermsResource {

    /** The terms as the API shows them. */
    public record TermsView(int minCell, int budget, Double epsilon, Instant updated) {

        static TermsView of(AnalysisTerms t) {
            return new TermsView(t.minCell(), t.budget(), t.epsilon(), t.updatedAt());
        }
    }

    @Inject
    Caller caller;

    @Inject
    AnalysisTermsService terms;

    @Operation(summary = "The rules of verified analyses of the deposit's original (404: it answers none)")
    @GET
    public TermsView get(@PathParam("id") String id) {
        return terms.of(caller.credential(), deposit(id))
                .map(TermsView::of)
                .orElseThrow(() -> ProblemException.notFound("analysis terms"));
    }

    @Operation(
            summary = "Answer verified analyses of the original once published: the minimum cell, the budget,"
                    + " and the epsilon each spends (required for a twin made under differential privacy)")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = AnalysisTermsService.TermsRequest.class)))
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public TermsView set(@PathParam("id") String id, String body) {
        UUID depositId = deposit(id);
        terms.requireOwner(caller.credential(), depositId);
        AnalysisTermsService.TermsRequest request = JsonBody.read(body, AnalysisTermsService.TermsRequest.class);
        return TermsView.of(terms.set(caller.credential(), depositId, request, caller.remoteAddress()));
    }

    @Operation(summary = "Answer no more analyses (those run stay in the record)")
    @DELETE
    public Response remove(@PathParam("id") String id) {
        terms.remove(caller.credential(), deposit(id), caller.remoteAddress());
        return Response.noContent().build();
    }

    private static UUID deposit(String id) {
        return ProblemException.idOrNotFound("deposit", id);
    }
}
