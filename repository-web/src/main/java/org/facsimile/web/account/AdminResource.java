package org.facsimile.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Admin acts: {@code POST /api/admin/accounts} creates an account (its first token is in the answer,
 * once); {@code POST /api/admin/datasets/{id}/withdraw} withdraws a published dataset.
 */
@Path("api/admin")
@RequestScoped
@Secured
public class AdminResource {

    /** The body of an account creation. */
    public record AccountRequest(String username, String displayName, String email, Role role) {}

    @Inject
    AccountService accounts;

    @Inject
    Caller caller;

    @Inject
    org.facsimile.web.publishing.WithdrawalService withdrawals;

    /** The body of a withdrawal: why, shown where the dataset was. */
    public record WithdrawalRequest(String reason) {}

    /** Withdraws a published dataset: it leaves the catalogue, search and downloads; a tombstone stays. */
    @POST
    @Path("datasets/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response withdraw(@jakarta.ws.rs.PathParam("id") String id, WithdrawalRequest request) {
        java.util.UUID datasetId;
        try {
            datasetId = java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw org.facsimile.web.platform.ProblemException.notFound("dataset");
        }
        org.facsimile.web.publishing.DatasetWithdrawal w = withdrawals.withdraw(
                caller.account(), datasetId, request == null ? null : request.reason(), caller.remoteAddress());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datasetId", w.datasetId().toString());
        body.put("withdrawnAt", w.withdrawnAt().toString());
        body.put("reason", w.reason());
        return Response.ok(body).build();
    }

    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(AccountRequest request) {
        if (request == null) {
            throw org.facsimile.web.platform.ProblemException.badRequest("a JSON body with username is required");
        }
        AccountService.NewAccount created = accounts.create(
                caller.account(), request.username(), request.displayName(), request.email(), request.role());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", created.account().id().toString());
        body.put("username", created.account().username());
        body.put("role", created.account().role().name());
        body.put("token", created.token());
        return Response.status(201).entity(body).build();
    }
}
