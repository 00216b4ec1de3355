package org.facsimile.web.account;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.ProblemMappers;

/**
 * The one gate in front of every {@link Secured} resource. A caller is an API token
 * ({@code Authorization: Bearer}) or a session cookie; a cookie on a request that changes state
 * must come with the session's CSRF token in {@value #CSRF_HEADER}. Then the scope the resource
 * needs is checked. No credential or a bad one: 401; a good one without the scope, or a missing
 * CSRF token: 403.
 */
@Provider
@Secured
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    public static final String SESSION_COOKIE = "fcsm_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String BEARER = "Bearer ";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    AccountService accounts;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest servletRequest;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        caller.from(servletRequest == null ? null : servletRequest.getRemoteAddr());
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Cookie cookie = request.getCookies().get(SESSION_COOKIE);
        Optional<Credential> credential;
        boolean safe = SAFE.contains(request.getMethod());
        if (header != null) {
            credential = header.startsWith(BEARER)
                    ? accounts.authenticate(header.substring(BEARER.length()).trim())
                    : Optional.empty();
        } else if (cookie != null) {
            credential = accounts.session(cookie.getValue());
            if (credential.isPresent()
                    && !safe
                    && !accounts.acceptsCsrf(credential.get().sessionId(), request.getHeaderString(CSRF_HEADER))) {
                abort(
                        request,
                        new ProblemException(
                                403,
                                "csrf",
                                "Forbidden",
                                "a signed-in browser must send the session's CSRF token in " + CSRF_HEADER));
                return;
            }
        } else {
            credential = Optional.empty();
        }
        if (credential.isEmpty()) {
            String detail = header == null && cookie == null
                    ? "this resource needs an API token (Authorization: Bearer <token>) or a signed-in session"
                    : header != null ? "the API token is not valid" : "the session has ended; sign in again";
            abort(request, new ProblemException(401, "unauthenticated", "Unauthorized", detail));
            return;
        }
        Scope[] needed = needed(safe);
        if (Arrays.stream(needed).noneMatch(credential.get()::allows)) {
            abort(
                    request,
                    new ProblemException(
                            403,
                            "insufficient-scope",
                            "Forbidden",
                            "this needs a credential with scope " + needed[0].code()));
            return;
        }
        caller.authenticated(credential.get());
    }

    private Scope[] needed(boolean safe) {
        Secured onMethod = resource.getResourceMethod().getAnnotation(Secured.class);
        Secured onClass = resource.getResourceClass().getAnnotation(Secured.class);
        for (Secured secured : new Secured[] {onMethod, onClass}) {
            if (secured != null && secured.value().length > 0) {
                return secured.value();
            }
        }
        return new Scope[] {safe ? Scope.READ : Scope.DEPOSIT};
    }

    private static void abort(ContainerRequestContext request, ProblemException problem) {
        Response response = ProblemMappers.response(problem.toProblem());
        if (problem.status() == 401) {
            response = Response.fromResponse(response)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"facsimile\"")
                    .build();
        } else if (problem.status() == 403 && "insufficient-scope".equals(problem.kind())) {
            response = Response.fromResponse(response)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"facsimile\", error=\"insufficient_scope\"")
                    .build();
        }
        request.abortWith(response);
    }
}
