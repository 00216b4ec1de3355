package org.facsimile.web.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A request the repository refuses, turned into a problem+json response by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String kind;
    private final String title;
    private final transient List<Problem.Where> errors;
    private Long retryAfterSeconds;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /**
     * @param status the HTTP status
     * @param kind the last segment of the problem type URI (e.g. "invalid-csv")
     * @param title a short summary of the kind
     * @param detail what went wrong this time; never private data
     */
    public ProblemException(int status, String kind, String title, String detail, List<Problem.Where> errors) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ProblemException(int status, String kind, String title, String detail) {
        this(status, kind, title, detail, List.of());
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not Found", what + " does not exist or is not yours");
    }

    /** The id of a path as a UUID; anything else answers 404 like an id that does not exist. */
    public static UUID uuidOrNotFound(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(what);
        }
    }

    /**
     * The id of a path as a UUID, else 404 naming what it was for and the id sent, its characters
     * other than letters, digits and hyphens shown as "?" (nothing sent is echoed as it came).
     */
    public static UUID idOrNotFound(String what, String id) {
        return uuidOrNotFound(id, what + " " + id.replaceAll("[^A-Za-z0-9-]", "?"));
    }

    /**
     * A 429 that says when to try again, {@code until} being when the limit lets the caller act
     * (at least a second from {@code now}).
     */
    public static ProblemException tooMany(String kind, String detail, Instant now, Instant until) {
        long seconds = Math.max(1, Duration.between(now, until).toSeconds());
        return new ProblemException(429, kind, "Too Many Requests", detail + "; try again in " + seconds + " s")
                .retryAfter(seconds);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail);
    }

    /**
     * A 422 about one field of a request body: its JSON path ({@code $.purpose}) and what is wrong
     * with it, never the value sent.
     */
    public static ProblemException invalidField(String kind, String title, String path, String message) {
        return new ProblemException(
                422, kind, title, path + ": " + message, List.of(new Problem.Where(null, null, null, path, message)));
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "Bad Request", detail);
    }

    public Problem toProblem() {
        return new Problem(Problem.TYPES + kind, title, status, getMessage(), errors.isEmpty() ? null : errors, null);
    }

    public int status() {
        return status;
    }

    /** The same refusal with a Retry-After header (for 429 and 503). */
    public ProblemException retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The same refusal with a header the status calls for (Content-Range for a 416). */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The headers the refusal's answer carries besides Retry-After. */
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    /** The last segment of the problem type URI. */
    public String kind() {
        return kind;
    }
}
