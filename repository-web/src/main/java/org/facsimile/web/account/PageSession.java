package org.facsimile.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.SignedIn;
import org.facsimile.web.platform.Templates;

/**
 * The signed-in person of a page request, from the session cookie, and the CSRF check of the
 * page's forms: each form carries the session's CSRF token (from the cookie only this site's
 * pages can read) in a hidden field, and a post whose field does not match is refused. The API's
 * filter does the same with a header; plain HTML forms cannot send one.
 */
@RequestScoped
public class PageSession implements SignedIn {

    /** The hidden form field with the session's CSRF token. */
    public static final String CSRF_FIELD = "csrf";

    @Inject
    AccountService accounts;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    private Optional<Credential> credential;

    /** The signed-in person, if the request carries a live session. */
    public Optional<Credential> current() {
        if (credential == null) {
            Cookie cookie = headers.getCookies().get(AuthenticationFilter.SESSION_COOKIE);
            credential = cookie == null ? Optional.empty() : accounts.session(cookie.getValue());
        }
        return credential;
    }

    /** The name to show for the signed-in person, or null. */
    @Override
    public String name() {
        return current()
                .map(c -> c.account().displayName() != null
                        ? c.account().displayName()
                        : c.account().username())
                .orElse(null);
    }

    /** The session's CSRF token for this page's forms ("" when there is none to give). */
    public String csrf() {
        Cookie cookie = headers.getCookies().get(AuthResource.CSRF_COOKIE);
        return cookie == null ? "" : cookie.getValue();
    }

    /** Whether a form post carries the session's CSRF token. */
    public boolean acceptsCsrf(String field) {
        return current().isPresent()
                && field != null
                && accounts.acceptsCsrf(current().get().sessionId(), field);
    }

    /** To the sign-in page, and back here afterwards. */
    /**
     * The answer to a form sent after the session ended: sign in, then back to the form's page
     * with {@code restore=1}, where the page's script puts back what was typed ({@code keep.js}).
     */
    public static Response signInAgain(String formPage) {
        return signInFirst(formPage + (formPage.contains("?") ? "&" : "?") + "restore=1");
    }

    public static Response signInFirst(String returnTo) {
        return Response.seeOther(URI.create("/sign-in?returnTo=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8)))
                .build();
    }

    /**
     * The answer to a form post without the session's CSRF token (an old page, or another site),
     * with a link back to where the form lives.
     */
    public Response refusedForm(String backHref, String backLabel) {
        return Response.status(403)
                .entity(Templates.render(
                        "refused.jte",
                        Map.of(
                                "frame",
                                Page.frame("Refused", Page.Section.NONE, name()),
                                "backHref",
                                backHref,
                                "backLabel",
                                backLabel)))
                .type("text/html; charset=UTF-8")
                .build();
    }

    /** The caller's address, for throttling and the audit log. */
    public String remoteAddress() {
        return request == null ? null : request.getRemoteAddr();
    }
}
