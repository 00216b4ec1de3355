package org.facsimile.web.account;

import static org.facsimile.synth.report.Html.esc;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;

/**
 * The sign-in and account pages, plain HTML forms: sign in and out, and the API tokens of one's
 * account (create one, shown once; the list; revoke). The same services as {@code /api/auth} and
 * {@code /api/account}; forms are checked here, each refusal shown next to its field with what was
 * typed kept (never a password).
 */
@Path("")
@RequestScoped
@Produces("text/html; charset=UTF-8")
public class AccountPages {

    private static final String HTML = "text/html; charset=UTF-8";
    /** Token lifetimes offered, in days; the API takes any up to its maximum. */
    static final List<Integer> LIFETIMES = List.of(7, 30, 90, 365);

    @Inject
    AccountService accounts;

    @Inject
    SignInThrottle throttle;

    @Inject
    Clock clock;

    @Inject
    OpenIdSignIn openId;

    @Inject
    PageSession session;

    @GET
    @Path("sign-in")
    public Response signInPage(@QueryParam("returnTo") String returnTo) {
        String back = Page.safeReturn(returnTo, "/deposits");
        if (session.current().isPresent()) {
            return Response.seeOther(URI.create(back)).build();
        }
        return page(200, "Sign in", Page.Section.NONE, signInForm("", back, null, null, null));
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("returnTo") String returnTo) {
        String back = Page.safeReturn(returnTo, "/deposits");
        String name = username == null ? "" : username.strip();
        if (name.isEmpty() || password == null || password.isEmpty()) {
            return page(
                    422,
                    "Sign in",
                    Page.Section.NONE,
                    signInForm(
                            name,
                            back,
                            name.isEmpty() ? "Enter your username." : null,
                            password == null || password.isEmpty() ? "Enter your password." : null,
                            null));
        }
        String from = session.remoteAddress();
        Instant now = clock.now();
        Instant blocked = throttle.blockedUntil(from, now);
        if (blocked != null) {
            return tooMany(
                    name,
                    back,
                    "Too many failed sign-ins from this address; try again in a few minutes.",
                    now,
                    blocked);
        }
        AccountService.SignIn outcome = accounts.signIn(name, password, from);
        if (outcome instanceof AccountService.SignIn.Success success) {
            NewCookie[] cookies = AuthResource.sessionCookies(success.session());
            return Response.seeOther(URI.create(back)).cookie(cookies).build();
        }
        if (outcome instanceof AccountService.SignIn.Locked locked) {
            return tooMany(
                    name,
                    back,
                    "This account is locked after repeated failed sign-ins; try again later.",
                    now,
                    locked.until());
        }
        throttle.failed(from, now);
        return page(
                401,
                "Sign in",
                Page.Section.NONE,
                signInForm(name, back, null, "The username or password is wrong.", null));
    }

    /** The sign-in page refusing for a while, with the Retry-After a client needs, as the API's 429s have. */
    private Response tooMany(String name, String back, String message, Instant now, Instant until) {
        long seconds = Math.max(1, java.time.Duration.between(now, until).toSeconds());
        Response refused = page(429, "Sign in", Page.Section.NONE, signInForm(name, back, null, null, message));
        return Response.fromResponse(refused).header("Retry-After", seconds).build();
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam(PageSession.CSRF_FIELD) String csrf) {
        if (session.current().isEmpty()) {
            return Response.seeOther(URI.create("/search")).build();
        }
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm("/account", "Your account");
        }
        accounts.signOut(session.current().get().sessionId(), session.remoteAddress());
        return Response.seeOther(URI.create("/search"))
                .cookie(
                        AuthResource.cookie(AuthenticationFilter.SESSION_COOKIE, "", 0, true),
                        AuthResource.cookie(AuthResource.CSRF_COOKIE, "", 0, false))
                .build();
    }

    @GET
    @Path("account")
    public Response account() {
        if (session.current().isEmpty()) {
            return PageSession.signInFirst("/account");
        }
        return page(
                200,
                "Account",
                Page.Section.ACCOUNT,
                accountPage(null, new TokenForm("", Set.of(Scope.READ), 90), null));
    }

    @POST
    @Path("account/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(
            @FormParam(PageSession.CSRF_FIELD) String csrf,
            @FormParam("label") String label,
            @FormParam("scope") List<String> scopeCodes,
            @FormParam("expiresInDays") String days) {
        if (session.current().isEmpty()) {
            return PageSession.signInAgain("/account");
        }
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm("/account", "Your account");
        }
        TokenForm form = TokenForm.read(label, scopeCodes, days);
        if (form.error() != null) {
            return page(422, "Account", Page.Section.ACCOUNT, accountPage(null, form, form.error()));
        }
        try {
            AccountService.NewToken created = accounts.createToken(
                    session.current().get(), form.label(), form.scopes(), form.days(), session.remoteAddress());
            return page(
                    201,
                    "Account",
                    Page.Section.ACCOUNT,
                    accountPage(created, new TokenForm("", Set.of(Scope.READ), 90), null));
        } catch (ProblemException e) {
            return page(
                    e.status(),
                    "Account",
                    Page.Section.ACCOUNT,
                    accountPage(null, form, e.toProblem().detail()));
        }
    }

    @POST
    @Path("account/tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeToken(@PathParam("id") String id, @FormParam(PageSession.CSRF_FIELD) String csrf) {
        if (session.current().isEmpty()) {
            return PageSession.signInFirst("/account");
        }
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm("/account", "Your account");
        }
        UUID token = ProblemException.uuidOrNotFound(id, "token");
        accounts.revokeToken(session.current().get().account(), token, session.remoteAddress());
        return Response.seeOther(URI.create("/account")).build();
    }

    /** What the token form holds, read and checked; {@code error} says what to correct. */
    record TokenForm(String label, Set<Scope> scopes, Integer days, String error) {

        TokenForm(String label, Set<Scope> scopes, Integer days) {
            this(label, scopes, days, null);
        }

        static TokenForm read(String label, List<String> codes, String days) {
            String l = label == null ? "" : label.strip();
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            for (String code : codes == null ? List.<String>of() : codes) {
                try {
                    scopes.add(Scope.ofCode(code));
                } catch (IllegalArgumentException e) {
                    return new TokenForm(l, scopes, null, "Unknown permission: " + code + ".");
                }
            }
            Integer d = null;
            try {
                d = days == null || days.isBlank() ? null : Integer.valueOf(days.strip());
            } catch (NumberFormatException e) {
                return new TokenForm(l, scopes, null, "The lifetime must be a number of days.");
            }
            if (l.isEmpty()) {
                return new TokenForm(l, scopes, d, "Give the token a name, so you know later what uses it.");
            }
            if (l.length() > 100) {
                return new TokenForm(l, scopes, d, "The name is longer than 100 characters.");
            }
            if (scopes.isEmpty()) {
                return new TokenForm(l, scopes, d, "Choose at least one permission.");
            }
            if (d == null || d < 1 || d > 365) {
                return new TokenForm(l, scopes, d, "The lifetime must be between 1 and 365 days.");
            }
            return new TokenForm(l, scopes, d, null);
        }
    }

    private String signInForm(
            String username, String returnTo, String usernameError, String passwordError, String alert) {
        StringBuilder html = new StringBuilder("<h1>Sign in</h1>\n");
        if (alert != null) {
            html.append("<p class=\"error\" role=\"alert\">").append(esc(alert)).append("</p>\n");
        }
        if (returnTo.matches(".*[?&]restore=1(&.*)?")) {
            html.append("<p class=\"notice\" role=\"status\">Your session ended before the form was sent.")
                    .append(" Sign in again: what you typed comes back in the form, in this browser tab.</p>\n");
        }
        html.append("<form method=\"post\" action=\"/sign-in\" novalidate>");
        html.append("<input type=\"hidden\" name=\"returnTo\" value=\"")
                .append(esc(returnTo))
                .append("\">");
        field(html, "username", "Username", "text", username, usernameError, "username");
        field(html, "password", "Password", "password", "", passwordError, "current-password");
        html.append("<p><button type=\"submit\">Sign in</button></p></form>\n");
        if (openId.enabled()) {
            html.append("<p><a href=\"/api/auth/oidc/start?returnTo=")
                    .append(esc(java.net.URLEncoder.encode(returnTo, java.nio.charset.StandardCharsets.UTF_8)))
                    .append("\">Sign in with ")
                    .append(esc(org.facsimile.web.platform.Setting.OIDC_DISPLAY_NAME.get()))
                    .append("</a></p>\n");
        }
        return html.toString();
    }

    private static void field(
            StringBuilder html,
            String name,
            String label,
            String type,
            String value,
            String error,
            String autocomplete) {
        html.append("<label for=\"")
                .append(name)
                .append("\">")
                .append(esc(label))
                .append("</label>");
        if (error != null) {
            html.append("<p class=\"field-error\" id=\"")
                    .append(name)
                    .append("-error\">")
                    .append(esc(error))
                    .append("</p>");
        }
        html.append("<input id=\"")
                .append(name)
                .append("\" name=\"")
                .append(name)
                .append("\" type=\"")
                .append(type)
                .append("\" autocomplete=\"")
                .append(autocomplete)
                .append("\" value=\"")
                .append(esc(value))
                .append('"')
                .append(error != null ? " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\"" : "")
                .append(" required>");
    }

    private String accountPage(AccountService.NewToken created, TokenForm form, String formError) {
        Credential me = session.current().orElseThrow();
        StringBuilder html = new StringBuilder("<h1>Your account</h1>\n<p>Signed in as <b>")
                .append(esc(me.account().username()))
                .append("</b> (")
                .append(esc(me.account().role().name().toLowerCase(Locale.ROOT)))
                .append(").</p>\n<form method=\"post\" action=\"/sign-out\">")
                .append(session.csrfField())
                .append("<button type=\"submit\" class=\"quiet\">Sign out</button></form>\n");
        if (me.allows(Scope.CURATE)) {
            html.append("<p><a href=\"/review\">Deposits awaiting your review</a></p>\n");
        }
        if (created != null) {
            html.append("<div class=\"notice\" role=\"status\"><p>Your new token <b>")
                    .append(esc(created.token().label()))
                    .append(
                            "</b>. Copy it now: it is shown only this once.</p><p><code class=\"secret\" id=\"new-token\">")
                    .append(esc(created.secret()))
                    .append("</code></p><p>Use it as <code>Authorization: Bearer &lt;token&gt;</code>.</p></div>\n");
        }
        html.append("<h2>API tokens</h2>\n");
        List<ApiToken> tokens = accounts.tokens(me.account());
        if (tokens.isEmpty()) {
            html.append("<p>No tokens yet.</p>\n");
        } else {
            html.append(
                            "<table><caption class=\"skip\">Your API tokens</caption><thead><tr><th scope=\"col\">Name</th>")
                    .append(
                            "<th scope=\"col\">Permissions</th><th scope=\"col\">Created</th><th scope=\"col\">Expires</th>")
                    .append("<th scope=\"col\">Last used</th><th scope=\"col\">State</th></tr></thead><tbody>");
            Instant now = clock.now();
            for (ApiToken t : tokens) {
                boolean revoked = t.revokedAt() != null;
                boolean expired =
                        !revoked && t.expiresAt() != null && !t.expiresAt().isAfter(now);
                html.append("<tr><td>")
                        .append(esc(t.label()))
                        .append("</td><td>")
                        .append(esc(String.join(
                                ", ",
                                t.scopes().stream().sorted().map(Scope::code).toList())))
                        .append("</td><td>")
                        .append(Page.DATE.format(t.createdAt()))
                        .append("</td><td>")
                        .append(t.expiresAt() == null ? "never" : Page.DATE.format(t.expiresAt()))
                        .append("</td><td>")
                        .append(t.lastUsedAt() == null ? "never" : Page.DATE.format(t.lastUsedAt()))
                        .append("</td><td>");
                if (revoked) {
                    html.append("revoked ").append(Page.DATE.format(t.revokedAt()));
                } else if (expired) {
                    html.append("expired");
                } else {
                    html.append("<form method=\"post\" action=\"/account/tokens/")
                            .append(t.id())
                            .append("/revoke\">")
                            .append(session.csrfField())
                            .append("<button type=\"submit\" class=\"quiet\" aria-label=\"Revoke ")
                            .append(esc(t.label()))
                            .append("\">Revoke</button></form>");
                }
                html.append("</td></tr>");
            }
            html.append("</tbody></table>\n");
        }
        html.append("<h2>New token</h2>\n");
        if (formError != null) {
            html.append("<p class=\"error\" role=\"alert\" id=\"token-error\">")
                    .append(esc(formError))
                    .append("</p>");
        }
        html.append("<form method=\"post\" action=\"/account/tokens\" data-keep>")
                .append(session.csrfField())
                .append(
                        "<label for=\"label\">Name</label><input id=\"label\" name=\"label\" maxlength=\"100\" value=\"")
                .append(esc(form.label()))
                .append('"')
                .append(formError != null ? " aria-describedby=\"token-error\"" : "")
                .append("><fieldset><legend>Permissions</legend>");
        for (Scope scope : Scope.allowedFor(me.account().role())) {
            html.append("<input type=\"checkbox\" id=\"scope-")
                    .append(scope.code())
                    .append("\" name=\"scope\" value=\"")
                    .append(scope.code())
                    .append('"')
                    .append(form.scopes().contains(scope) ? " checked" : "")
                    .append("> <label for=\"scope-")
                    .append(scope.code())
                    .append("\">")
                    .append(scope.code())
                    .append("</label> ");
        }
        html.append(
                "</fieldset><label for=\"expiresInDays\">Expires after</label><select id=\"expiresInDays\" name=\"expiresInDays\">");
        for (int days : LIFETIMES) {
            html.append("<option value=\"")
                    .append(days)
                    .append('"')
                    .append(form.days() != null && form.days() == days ? " selected" : "")
                    .append('>')
                    .append(days)
                    .append(" days</option>");
        }
        html.append("</select><p><button type=\"submit\">Create token</button></p></form>\n");
        return html.toString();
    }

    private Response page(int status, String title, Page.Section section, String main) {
        return Response.status(status)
                .entity(Page.render(title, section, session.name(), main))
                .type(HTML)
                .build();
    }
}
