package org.facsimile.web.account;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.ProblemMappers;

/** Resolves {@code Authorization: Bearer <token>} on {@link Secured} resources; 401 without a valid one. */
@Provider
@Secured
@Priority(Priorities.AUTHENTICATION)
public class TokenAuthenticationFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    AccountService accounts;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        caller.from(servletRequest == null ? null : servletRequest.getRemoteAddr());
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<Account> account = header != null && header.startsWith(BEARER)
                ? accounts.authenticate(header.substring(BEARER.length()).trim())
                : Optional.empty();
        if (account.isEmpty()) {
            String detail = header == null
                    ? "this resource needs an API token (Authorization: Bearer <token>)"
                    : "the API token is not valid";
            Response problem = ProblemMappers.response(
                    new ProblemException(401, "unauthenticated", "Unauthorized", detail).toProblem());
            request.abortWith(Response.fromResponse(problem)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"facsimile\"")
                    .build());
            return;
        }
        caller.authenticated(account.get());
    }
}
