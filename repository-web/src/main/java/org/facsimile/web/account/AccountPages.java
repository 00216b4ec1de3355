package org.facsimile.web.account;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Setting;
import org.facsimile.web.platform.Templates;

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
        long seconds = Math.max(1, Duration.between(now, until).toSeconds());
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

    private SignInForm signInForm(
            String username, String returnTo, String usernameError, String passwordError, String alert) {
        return new SignInForm(
                username,
                returnTo,
                usernameError,
                passwordError,
                alert,
                returnTo.matches(".*[?&]restore=1(&.*)?"),
                openId.enabled()
                        ? "/api/auth/oidc/start?returnTo=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8)
                        : null,
                Setting.OIDC_DISPLAY_NAME.get());
    }

    private AccountView accountPage(AccountService.NewToken created, TokenForm form, String formError) {
        Credential me = session.current().orElseThrow();
        Instant now = clock.now();
        List<AccountView.Token> tokens = new ArrayList<>();
        for (ApiToken t : accounts.tokens(me.account())) {
            boolean revoked = t.revokedAt() != null;
            boolean expired =
                    !revoked && t.expiresAt() != null && !t.expiresAt().isAfter(now);
            tokens.add(new AccountView.Token(
                    t.id().toString(),
                    t.label(),
                    String.join(
                            ", ", t.scopes().stream().sorted().map(Scope::code).toList()),
                    Page.DATE.format(t.createdAt()),
                    t.expiresAt() == null ? "never" : Page.DATE.format(t.expiresAt()),
                    t.lastUsedAt() == null ? "never" : Page.DATE.format(t.lastUsedAt()),
                    revoked ? "revoked " + Page.DATE.format(t.revokedAt()) : expired ? "expired" : null));
        }
        List<AccountView.Choice> scopes = Scope.allowedFor(me.account().role()).stream()
                .map(scope -> new AccountView.Choice(scope.code(), form.scopes().contains(scope)))
                .toList();
        List<AccountView.Choice> lifetimes = LIFETIMES.stream()
                .map(days -> new AccountView.Choice(
                        Integer.toString(days),
                        form.days() != null && form.days().intValue() == days))
                .toList();
        return new AccountView(
                me.account().username(),
                me.account().role().name().toLowerCase(Locale.ROOT),
                me.allows(Scope.CURATE),
                created == null ? null : new AccountView.Created(created.token().label(), created.secret()),
                tokens,
                form.label(),
                scopes,
                lifetimes,
                formError,
                session.csrf());
    }

    private Response page(int status, String title, Page.Section section, SignInForm form) {
        return render(status, "signIn.jte", Map.of("frame", Page.frame(title, section, session.name()), "form", form));
    }

    private Response page(int status, String title, Page.Section section, AccountView account) {
        return render(
                status, "account.jte", Map.of("frame", Page.frame(title, section, session.name()), "account", account));
    }

    private static Response render(int status, String template, Map<String, Object> model) {
        return Response.status(status)
                .entity(Templates.render(template, model))
                .type(HTML)
                .build();
    }
}
