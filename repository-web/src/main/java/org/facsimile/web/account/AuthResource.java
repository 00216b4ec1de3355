package org.facsimile.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.facsimile.web.platform.ApiDocument;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.JsonBody;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Setting;

/**
 * Signing in and managing one's own credentials.
 *
 * <ul>
 *   <li>{@code POST /api/auth/session} {username, password}: a session cookie (HttpOnly,
 *       SameSite=Strict) and the CSRF token to send with every change (in the body, and in the
 *       {@code fcsm_csrf} cookie that only this site's pages can read);
 *   <li>{@code GET /api/auth/oidc}: whether OpenID sign-in is offered; {@code GET
 *       /api/auth/oidc/start?returnTo=/path} sends the browser to the provider, which sends it
 *       back to {@code GET /api/auth/oidc/callback}: the same session and CSRF cookies, then on to
 *       the path;
 *   <li>{@code GET|DELETE /api/auth/session}: who is signed in; sign out;
 *   <li>{@code GET|POST /api/account/tokens}, {@code DELETE /api/account/tokens/{id}}: scoped,
 *       expiring API tokens, the secret shown once;
 *   <li>{@code PUT /api/account/password} {currentPassword, newPassword}.
 * </ul>
 */
@Path("api")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class AuthResource {

    /** The cookie holding the session's CSRF token, readable by this site's pages (not HttpOnly). */
    public static final String CSRF_COOKIE = "fcsm_csrf";

    /** A sign-in. */
    public record SignInRequest(String username, String password) {}

    /**
     * A token request: a label, scopes (read, deposit, curate, admin, tokens; within the caller's
     * own) and a lifetime in days (within the caller's own when a token asks).
     */
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

    @Inject
    OpenIdSignIn openId;

    @Inject
    AuditLog auditLog;

    @Context
    HttpServletRequest servletRequest;

    @Operation(summary = "Sign in with a username and password: a session cookie and its CSRF token")
    @RequestBody(
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SignInRequest.class)))
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @POST
    @Path("auth/session")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(String json) {
        SignInRequest request = JsonBody.read(json, SignInRequest.class);
        if (request.username() == null || request.password() == null) {
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
            return Response.ok(body).cookie(sessionCookies(success.session())).build();
        }
        if (outcome instanceof AccountService.SignIn.Locked locked) {
            throw ProblemException.tooMany(
                    "too-many-attempts", "this account is locked after repeated failed sign-ins", now, locked.until());
        }
        throttle.failed(from, now);
        throw new ProblemException(401, "sign-in-failed", "Sign-in failed", "the username or password is wrong");
    }

    /** Whether OpenID sign-in is offered, and what to call it. */
    @Operation(summary = "Whether single sign-on (OpenID Connect) is offered, and where it starts")
    @GET
    @Path("auth/oidc")
    public Map<String, Object> openIdOffer() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", openId.enabled());
        if (openId.enabled()) {
            body.put("name", Setting.OIDC_DISPLAY_NAME.get());
            body.put("start", "/api/auth/oidc/start");
        }
        return body;
    }

    /** Sends the browser to the provider, binding the sign-in to it by a short-lived cookie. */
    @Operation(summary = "Start single sign-on: a redirect to the institution's provider")
    @APIResponse(responseCode = "303", description = "To the provider")
    @GET
    @Path("auth/oidc/start")
    public Response openIdStart(@QueryParam("returnTo") String returnTo) {
        if (!openId.enabled()) {
            throw ProblemException.notFound("OpenID sign-in is not configured");
        }
        OpenIdSignIn.Redirect redirect = openId.start(returnTo);
        return Response.seeOther(redirect.authorization())
                .cookie(stateCookie(redirect.state(), (int) OidcSignIn.LIFETIME.toSeconds()))
                .build();
    }

    /** Where the provider sends the browser back: a session, then on to where the user was going. */
    @Operation(summary = "Where the provider sends the browser back")
    @APIResponse(responseCode = "303", description = "Signed in, back to where sign-in started")
    @GET
    @Path("auth/oidc/callback")
    public Response openIdCallback(
            @QueryParam("state") String state,
            @QueryParam("code") String code,
            @QueryParam("error") String error,
            @CookieParam(OpenIdSignIn.STATE_COOKIE) String boundState) {
        if (!openId.enabled()) {
            throw ProblemException.notFound("OpenID sign-in is not configured");
        }
        String from = servletRequest == null ? null : servletRequest.getRemoteAddr();
        OpenIdSignIn.Pending pending;
        OpenIdSignIn.Identity identity;
        try {
            pending = openId.take(state, boundState);
            identity = openId.redeem(pending, code, error);
        } catch (ProblemException e) {
            auditLog.recordNow(
                    null,
                    "auth.sign-in.failed",
                    "account",
                    "unknown",
                    "OpenID: " + e.toProblem().detail(),
                    from);
            throw e;
        }
        AccountService.NewSession session = accounts.signInWith(identity, from);
        NewCookie[] cookies = sessionCookies(session);
        return Response.seeOther(URI.create(Setting.BASE_URL.get().replaceAll("/+$", "") + pending.returnTo()))
                .cookie(cookies[0], cookies[1], stateCookie("", 0))
                .build();
    }

    @Operation(summary = "Who the caller is")
    @GET
    @Path("auth/session")
    @Secured
    @SecurityRequirement(name = ApiDocument.TOKEN)
    @SecurityRequirement(name = ApiDocument.SESSION)
    public Map<String, Object> whoAmI() {
        Map<String, Object> body = me(caller.account());
        body.put(
                "scopes",
                caller.credential().scopes().stream().sorted().map(Scope::code).toList());
        return body;
    }

    @Operation(summary = "Sign out: the session ends")
    @APIResponse(responseCode = "204", description = "Signed out")
    @DELETE
    @Path("auth/session")
    @Secured(Scope.READ)
    @SecurityRequirement(name = ApiDocument.TOKEN)
    @SecurityRequirement(name = ApiDocument.SESSION)
    public Response signOut() {
        UUID session = caller.credential().sessionId();
        if (session == null) {
            throw ProblemException.badRequest("this request was not made with a session; revoke tokens instead");
        }
        accounts.signOut(session, caller.remoteAddress());
        return Response.noContent()
                .cookie(cookie(AuthenticationFilter.SESSION_COOKIE, "", 0, true), cookie(CSRF_COOKIE, "", 0, false))
                .build();
    }

    @Operation(summary = "Change the caller's password")
    @RequestBody(
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = PasswordRequest.class)))
    @APIResponse(responseCode = "204", description = "Changed")
    @PUT
    @Path("account/password")
    @Secured
    @SecurityRequirement(name = ApiDocument.TOKEN)
    @SecurityRequirement(name = ApiDocument.SESSION)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(String json) {
        PasswordRequest request = JsonBody.read(json, PasswordRequest.class);
        accounts.changePassword(
                caller.credential(), request.currentPassword(), request.newPassword(), caller.remoteAddress());
        return Response.noContent().build();
    }

    @Operation(summary = "The caller's API tokens (never their secrets)")
    @GET
    @Path("account/tokens")
    @Secured
    @SecurityRequirement(name = ApiDocument.TOKEN)
    @SecurityRequirement(name = ApiDocument.SESSION)
    public List<Map<String, Object>> tokens() {
        return accounts.tokens(caller.account()).stream()
                .map(AuthResource::view)
                .toList();
    }

    @Operation(summary = "Make an API token; its secret is in this answer only")
    @RequestBody(
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenRequest.class)))
    @APIResponse(responseCode = "201", description = "The new token")
    @POST
    @Path("account/tokens")
    @Secured(Scope.TOKENS)
    @SecurityRequirement(name = ApiDocument.TOKEN)
    @SecurityRequirement(name = ApiDocument.SESSION)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createToken(String json) {
        TokenRequest request = JsonBody.read(json, TokenRequest.class);
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

    @Operation(summary = "Revoke one of the caller's API tokens")
    @DELETE
    @Path("account/tokens/{id}")
    @Secured(Scope.TOKENS)
    @SecurityRequirement(name = ApiDocument.TOKEN)
    @SecurityRequirement(name = ApiDocument.SESSION)
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

    /** The session cookie (HttpOnly) and the CSRF cookie this site's pages read to send the header. */
    static NewCookie[] sessionCookies(AccountService.NewSession session) {
        int maxAge = (int) WebSession.ABSOLUTE.toSeconds();
        return new NewCookie[] {
            cookie(AuthenticationFilter.SESSION_COOKIE, session.secret(), maxAge, true),
            cookie(CSRF_COOKIE, session.csrfToken(), maxAge, false)
        };
    }

    static NewCookie cookie(String name, String value, int maxAge, boolean httpOnly) {
        return cookie(name, value, "/", NewCookie.SameSite.STRICT, maxAge, httpOnly);
    }

    private static NewCookie cookie(
            String name, String value, String path, NewCookie.SameSite sameSite, int maxAge, boolean httpOnly) {
        return new NewCookie.Builder(name)
                .value(value)
                .path(path)
                .httpOnly(httpOnly)
                .secure(Setting.BASE_URL.get().startsWith("https:"))
                .sameSite(sameSite)
                .maxAge(maxAge)
                .build();
    }

    /**
     * The state of a sign-in under way. SameSite=Lax, not Strict: the provider sends the browser
     * back by a cross-site navigation, on which a Strict cookie would not come along.
     */
    private static NewCookie stateCookie(String value, int maxAge) {
        return cookie(OpenIdSignIn.STATE_COOKIE, value, "/api/auth/oidc", NewCookie.SameSite.LAX, maxAge, true);
    }
}
