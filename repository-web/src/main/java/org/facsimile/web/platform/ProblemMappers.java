package org.facsimile.web.platform;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into application/problem+json. Unexpected failures are logged once with an
 * incident id, which is the only thing the client learns of them.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private ProblemMappers() {}

    public static Response response(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(JSONB.toJson(problem))
                .build();
    }

    /**
     * The problem as the caller reads it: an HTML page for a browser on the site's pages (it asks
     * for text/html, and the path is not under /api/), application/problem+json for everyone else.
     */
    static Response response(Problem problem, HttpHeaders headers, UriInfo uri) {
        boolean page = uri != null
                && !uri.getPath().startsWith("api/")
                && !uri.getPath().startsWith("/api/")
                && headers != null
                && asksForHtml(headers);
        if (!page) {
            return response(problem);
        }
        String title = problem.status() == 404 ? "Not found" : problem.title();
        String message = problem.status() == 404
                ? "There is nothing at this address, or it is not yours to see."
                : problem.detail();
        return Response.status(problem.status())
                .type("text/html; charset=UTF-8")
                .entity(Templates.render(
                        "problem.jte",
                        Map.of(
                                "frame",
                                Page.frame(title, Page.Section.NONE, signedInName()),
                                "message",
                                message == null ? "" : message)))
                .build();
    }

    /** Whether the caller asks for HTML; a malformed Accept header (itself the refusal, maybe) does not. */
    private static boolean asksForHtml(HttpHeaders headers) {
        try {
            return headers.getAcceptableMediaTypes().stream()
                    .anyMatch(t -> t.getType().equals("text") && t.getSubtype().equals("html"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Who is signed in, for the page header; null when nobody is or it cannot be told. */
    private static String signedInName() {
        try {
            return CDI.current().select(SignedIn.class).get().name();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Our own refusals. */
    @Provider
    public static final class Refusals implements ExceptionMapper<ProblemException> {
        @Context
        HttpHeaders headers;

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProblemException e) {
            Response response = response(e.toProblem(), headers, uri);
            if (e.retryAfterSeconds() == null && e.headers().isEmpty()) {
                return response;
            }
            Response.ResponseBuilder answer = Response.fromResponse(response);
            if (e.retryAfterSeconds() != null) {
                answer.header("Retry-After", e.retryAfterSeconds());
            }
            e.headers().forEach(answer::header);
            return answer.build();
        }
    }

    /** JAX-RS's own (unknown path, wrong method, unsupported media type, ...). */
    @Provider
    public static final class WebErrors implements ExceptionMapper<WebApplicationException> {
        @Context
        HttpHeaders headers;

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return Unexpected.incident(e);
            }
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String title = type == null ? "Error" : type.getReasonPhrase();
            String detail = status == 404
                    ? "no such resource"
                    : e instanceof NotAllowedException ? "method not allowed here" : title;
            Response r = response(new Problem("about:blank", title, status, detail, null, null), headers, uri);
            if (e instanceof NotAllowedException) {
                return Response.fromResponse(r)
                        .allow(e.getResponse().getAllowedMethods())
                        .build();
            }
            return r;
        }
    }

    /** How long a client is asked to wait while the database is away. */
    static final int DATABASE_RETRY_SECONDS = 5;

    /** Everything else: a 500 with an incident id; the details stay in the log. */
    @Provider
    public static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return incident(e);
        }

        static Response incident(Throwable e) {
            if (DatabaseOutage.isCause(e)) {
                LOG.warning("the database cannot be reached: answered 503");
                return Response.fromResponse(response(new Problem(
                                Problem.TYPES + "database-unavailable",
                                "Service Unavailable",
                                503,
                                "the repository's database cannot be reached; try again shortly",
                                null,
                                null)))
                        .header("Retry-After", DATABASE_RETRY_SECONDS)
                        .build();
            }
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "incident " + incident, Redacted.of(e));
            return response(new Problem(
                    Problem.TYPES + "internal",
                    "Internal Server Error",
                    500,
                    "the server failed; quote incident " + incident + " when reporting it",
                    null,
                    incident));
        }
    }
}
