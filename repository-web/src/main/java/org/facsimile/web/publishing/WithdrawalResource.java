package org.facsimile.web.publishing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.facsimile.web.platform.ApiDocument;
import org.facsimile.web.platform.JsonBody;
import org.facsimile.web.platform.ProblemException;

/** {@code POST /api/admin/datasets/{id}/withdraw}: an admin withdraws a published dataset, audited. */
@Path("api/admin/datasets/{id}/withdraw")
@RequestScoped
@Secured(Scope.ADMIN)
@Tag(name = "Administration")
@SecurityRequirement(name = ApiDocument.TOKEN)
@SecurityRequirement(name = ApiDocument.SESSION)
public class WithdrawalResource {

    @Inject
    Caller caller;

    @Inject
    WithdrawalService withdrawals;

    /** The body of a withdrawal: why, shown where the dataset was. */
    public record WithdrawalRequest(String reason) {}

    /** Withdraws a published dataset: it leaves the catalogue, search and downloads; a tombstone stays. */
    @Operation(
            summary =
                    "Withdraw a published dataset: it leaves the catalogue, search and downloads; a tombstone stays at its DOI")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = WithdrawalRequest.class)))
    @APIResponse(responseCode = "200", description = "Withdrawn")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response withdraw(@PathParam("id") String id, String json) {
        UUID datasetId = ProblemException.uuidOrNotFound(id, "dataset");
        WithdrawalRequest request = JsonBody.read(json, WithdrawalRequest.class, () -> new WithdrawalRequest(null));
        DatasetWithdrawal w =
                withdrawals.withdraw(caller.account(), datasetId, request.reason(), caller.remoteAddress());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datasetId", w.datasetId().toString());
        body.put("withdrawnAt", w.withdrawnAt().toString());
        body.put("reason", w.reason());
        return Response.ok(body).build();
    }
}
