package org.facsimile.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** A small client of the repository's REST API, as any API user would write it. */
public final class ApiClient {

    /** A response: status, headers and body. */
    public record Reply(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** HTTP/1.1: an h2c-upgraded connection outlives a restarted node badly (see ChildProcess.awaitHttp). */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String base;
    private final String token;
    private final Map<String, String> headers;

    public ApiClient(String base, String token) {
        this(base, token, Map.of());
    }

    private ApiClient(String base, String token, Map<String, String> headers) {
        this.base = base;
        this.token = token;
        this.headers = Map.copyOf(headers);
    }

    /** The token this client sends, or null. */
    public String token() {
        return token;
    }

    /** The same repository as another caller. */
    public ApiClient as(String otherToken) {
        return new ApiClient(base, otherToken);
    }

    /** The same caller sending one more header on every request (a cookie, a CSRF token). */
    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(base, token, more);
    }

    public Reply delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public Reply get(String path, String accept) throws IOException, InterruptedException {
        return send(request(path).header("Accept", accept).GET());
    }

    public Reply post(String path, String json) throws IOException, InterruptedException {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(
                request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Streams a body of unknown length (chunked), as a large upload is sent. */
    public Reply put(String path, String contentType, Supplier<InputStream> body)
            throws IOException, InterruptedException {
        return send(
                request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofInputStream(body)));
    }

    /**
     * A request as a probe sends it: any method, the headers given as name, value pairs, a text
     * body or none (null); nothing added but this client's token and headers.
     */
    public Reply send(String method, String path, String body, String... headerPairs)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 0; i < headerPairs.length; i += 2) {
            b.header(headerPairs[i], headerPairs[i + 1]);
        }
        return send(b);
    }

    /** Fetches a file as bytes (downloads are checked byte for byte against their checksums). */
    public HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofMinutes(5));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        return b;
    }

    private Reply send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), response);
    }

    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
