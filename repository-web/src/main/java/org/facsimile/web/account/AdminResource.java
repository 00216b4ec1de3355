package org.facsimile.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.facsimile.web.platform.ApiDocument;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.JsonBody;
import org.facsimile.web.platform.ProblemException;

/**
 * Admin acts on accounts, each audited: {@code POST /api/admin/accounts} creates an account (its
 * first token is in the answer, once), {@code POST /api/admin/accounts/{id}/identities} links one
 * to an OpenID identity; {@code GET /api/admin/audit} reads the audit log. Every other admin act
 * lives with its part, under the same {@code /api/admin} path: withdrawal in publishing, the
 * privacy override in review, the store's audits in storage, the index rebuild in search.
 */
@Path("api/admin")
@RequestScoped
@Secured(Scope.ADMIN)
@Tag(name = "Administration")
@SecurityRequirement(name = ApiDocument.TOKEN)
@SecurityRequirement(name = ApiDocument.SESSION)
public class AdminResource {

    /** The body of an account creation. */
    public record AccountRequest(String username, String displayName, String email, Role role, String password) {}

    @Inject
    AccountService accounts;

    @Inject
    Caller caller;

    @Inject
    AuditLog auditLog;

    /** The body of an identity link: the provider's issuer and the subject it names the person by. */
    public record IdentityRequest(String issuer, String subject) {}

    /** Links an account to an identity at an OpenID provider: signing in there opens this account. */
    @Operation(summary = "Link an account to an identity at an OpenID provider")
    @RequestBody(
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = IdentityRequest.class)))
    @APIResponse(responseCode = "204", description = "Linked")
    @POST
    @Path("accounts/{id}/identities")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response linkIdentity(@PathParam("id") String id, String json) {
        IdentityRequest request = JsonBody.read(json, IdentityRequest.class);
        accounts.linkIdentity(
                caller.account(),
                ProblemException.uuidOrNotFound(id, "account"),
                request.issuer(),
                request.subject(),
                caller.remoteAddress());
        return Response.noContent().build();
    }

    /** The audit log, newest first, optionally of one actor or target. */
    @Operation(summary = "The audit log, newest first, optionally of one actor or target")
    @GET
    @Path("audit")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> audit(
            @QueryParam("actor") String actor,
            @QueryParam("targetType") String targetType,
            @QueryParam("targetId") String targetId,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return auditLog.latest(
                actor == null ? null : ProblemException.uuidOrNotFound(actor, "account"), targetType, targetId, limit);
    }

    @Operation(summary = "Create an account; its first token is in this answer only")
    @RequestBody(
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccountRequest.class)))
    @APIResponse(responseCode = "201", description = "The new account and its token")
    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String json) {
        AccountRequest request = JsonBody.read(json, AccountRequest.class);
        AccountService.NewAccount created = accounts.create(
                caller.account(),
                request.username(),
                request.displayName(),
                request.email(),
                request.role(),
                request.password(),
                caller.remoteAddress());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", created.account().id().toString());
        body.put("username", created.account().username());
        body.put("role", created.account().role().name());
        body.put("token", created.token());
        return Response.status(201).entity(body).build();
    }
}
