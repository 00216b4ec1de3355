package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages as a browser without JavaScript uses them: plain GETs and form posts with the
 * session cookie, redirects not followed (so a test sees where they lead).
 */
final class FormBrowser {

    private final HttpClient client;
    private final String base;

    FormBrowser(String base) {
        this(
                base,
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1) // as a browser speaks plain http
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build());
    }

    private FormBrowser(String base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    /**
     * The same browser (its cookies) at another address of the same host: another node behind
     * the load balancer, as far as the browser can tell.
     */
    FormBrowser at(String otherBase) {
        return new FormBrowser(otherBase, client);
    }

    /** Signs in through the sign-in form; the session cookie is kept for what follows. */
    HttpResponse<String> signIn(String username, String password) throws Exception {
        return post("/sign-in", Map.of("username", username, "password", password));
    }

    /** A GET asking for HTML first, as a browser does. */
    HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> e : new LinkedHashMap<>(form).entrySet()) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart form post, as a file input sends it: plain fields, then one file. */
    HttpResponse<String> postFile(
            String path, Map<String, String> fields, String fileField, String fileName, byte[] content)
            throws Exception {
        String boundary = "----facsimile" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                            + e.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Where a redirect leads, as a path of this site. */
    static String location(HttpResponse<String> response) {
        String l = response.headers().firstValue("Location").orElse("");
        return l.replaceFirst("^https?://[^/]+", "");
    }

    /** The value of the first form field of that name (the CSRF token, say). */
    static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "a " + name + " field");
        return m.group(1);
    }
}
