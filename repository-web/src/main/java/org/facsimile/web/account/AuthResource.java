package org.facsimile.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Setting;

/**
 * Signing in and managing one's own credentials.
 *
 * <ul>
 *   <li>{@code POST /api/auth/session} {username, password}: a session cookie (HttpOnly,
 *       SameSite=Strict) and the CSRF token to send with every change;
 *   <li>{@code GET|DELETE /api/auth/session}: who is signed in; sign out;
 *   <li>{@code GET|POST /api/account/tokens}, {@code DELETE /api/account/tokens/{id}}: scoped,
 *       expiring API tokens, the secret shown once;
 *   <li>{@code PUT /api/account/password} {currentPassword, newPassword}.
 * </ul>
 */
@Path("api")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** A sign-in. */
    public record SignInRequest(String username, String password) {}

    /** A token request: a label, scopes (read, deposit, curate, admin) and a lifetime in days. */
    public record TokenRequest(String label, List<String> scopes, Integer expiresInDays) {}

    /** A password change; the current password may be left out only when the account has none yet. */
    public record PasswordRequest(String currentPassword, String newPassword) {}

    @Inject
    AccountService accounts;

    @Inject
    SignInThrottle throttle;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest servletRequest;

    @POST
    @Path("auth/session")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(SignInRequest request) {
        if (request == null || request.username() == null || request.password() == null) {
            throw ProblemException.badRequest("a JSON body with username and password is required");
        }
        String from = servletRequest == null ? null : servletRequest.getRemoteAddr();
        Instant now = clock.now();
        Instant blocked = throttle.blockedUntil(from, now);
        if (blocked != null) {
            throw ProblemException.tooMany(
                    "too-many-attempts", "too many failed sign-ins from this address", now, blocked);
        }
        AccountService.SignIn outcome = accounts.signIn(request.username(), request.password(), from);
        if (outcome instanceof AccountService.SignIn.Success success) {
            Map<String, Object> body = me(success.session().session().account());
            body.put("csrfToken", success.session().csrfToken());
            body.put("csrfHeader", AuthenticationFilter.CSRF_HEADER);
            return Response.ok(body)
                    .cookie(cookie(success.session().secret(), (int) WebSession.ABSOLUTE.toSeconds()))
                    .build();
        }
        if (outcome instanceof AccountService.SignIn.Locked locked) {
            throw ProblemException.tooMany(
                    "too-many-attempts", "this account is locked after repeated failed sign-ins", now, locked.until());
        }
        throttle.failed(from, now);
        throw new ProblemException(401, "sign-in-failed", "Sign-in failed", "the username or password is wrong");
    }

    @GET
    @Path("auth/session")
    @Secured
    public Map<String, Object> whoAmI() {
        Map<String, Object> body = me(caller.account());
        body.put(
                "scopes",
                caller.credential().scopes().stream().sorted().map(Scope::code).toList());
        return body;
    }

    @DELETE
    @Path("auth/session")
    @Secured(Scope.READ)
    public Response signOut() {
        UUID session = caller.credential().sessionId();
        if (session == null) {
            throw ProblemException.badRequest("this request was not made with a session; revoke tokens instead");
        }
        accounts.signOut(session, caller.remoteAddress());
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    @PUT
    @Path("account/password")
    @Secured
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(PasswordRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("a JSON body with newPassword is required");
        }
        accounts.changePassword(
                caller.credential(), request.currentPassword(), request.newPassword(), caller.remoteAddress());
        return Response.noContent().build();
    }

    @GET
    @Path("account/tokens")
    @Secured
    public List<Map<String, Object>> tokens() {
        return accounts.tokens(caller.account()).stream()
                .map(AuthResource::view)
                .toList();
    }

    @POST
    @Path("account/tokens")
    @Secured(Scope.READ)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createToken(TokenRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("a JSON body with label and scopes is required");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String code : request.scopes() == null ? List.<String>of() : request.scopes()) {
            try {
                scopes.add(Scope.ofCode(code));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(422, "invalid-token", "Invalid token request", e.getMessage());
            }
        }
        AccountService.NewToken created = accounts.createToken(
                caller.credential(), request.label(), scopes, request.expiresInDays(), caller.remoteAddress());
        Map<String, Object> body = view(created.token());
        body.put("token", created.secret());
        return Response.status(201).entity(body).build();
    }

    @DELETE
    @Path("account/tokens/{id}")
    @Secured(Scope.READ)
    public Map<String, Object> revokeToken(@PathParam("id") String id) {
        return view(accounts.revokeToken(
                caller.account(), ProblemException.uuidOrNotFound(id, "token"), caller.remoteAddress()));
    }

    private static Map<String, Object> me(Account account) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", account.id().toString());
        body.put("username", account.username());
        body.put("displayName", account.displayName());
        body.put("role", account.role().name());
        return body;
    }

    private static Map<String, Object> view(ApiToken token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", token.id().toString());
        body.put("label", token.label());
        body.put("scopes", token.scopes().stream().sorted().map(Scope::code).toList());
        body.put("createdAt", token.createdAt().toString());
        body.put(
                "expiresAt",
                token.expiresAt() == null ? null : token.expiresAt().toString());
        body.put(
                "revokedAt",
                token.revokedAt() == null ? null : token.revokedAt().toString());
        body.put(
                "lastUsedAt",
                token.lastUsedAt() == null ? null : token.lastUsedAt().toString());
        return body;
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(AuthenticationFilter.SESSION_COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(Setting.BASE_URL.get().startsWith("https:"))
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAge)
                .build();
    }
}
