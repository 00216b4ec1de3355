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

/** {@code POST /api/admin/accounts}: an admin creates an account; its first token is in the answer, once. */
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
