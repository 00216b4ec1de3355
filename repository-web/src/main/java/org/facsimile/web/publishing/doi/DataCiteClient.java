package org.facsimile.web.publishing.doi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.facsimile.web.platform.Setting;

/**
 * DataCite's REST API, the calls a repository makes: create a draft DOI ({@code POST /dois}),
 * send metadata and change state ({@code PUT /dois/{doi}}), look one up ({@code GET
 * /dois/{doi}}). JSON:API documents, HTTP Basic with the repository's account. Calls are made
 * from the outbox, so each must be safe to repeat: a draft that already exists is success.
 */
@ApplicationScoped
public class DataCiteClient {

    static final String JSON_API = "application/vnd.api+json";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Creates the draft DOI; one that exists already (an earlier try that was not recorded) is fine. */
    public void draft(String doi) throws IOException, InterruptedException {
        String body = Json.createObjectBuilder()
                .add(
                        "data",
                        Json.createObjectBuilder()
                                .add("type", "dois")
                                .add("attributes", Json.createObjectBuilder().add("doi", doi)))
                .build()
                .toString();
        HttpResponse<String> r = send("POST", "/dois", body);
        if (r.statusCode() == 201 || (r.statusCode() == 422 && exists(doi))) {
            return;
        }
        throw failure("creating draft " + doi, r);
    }

    /**
     * Sends a {@code dois} document (metadata, URL, event). A DOI DataCite has never heard of (the
     * repository minted it while another registrar was configured, or the draft call was lost) is
     * created as a draft first and the document sent again, so switching the registrar on later
     * leaves no dataset without its DOI.
     */
    public void update(String doi, String document) throws IOException, InterruptedException {
        HttpResponse<String> r = send("PUT", "/dois/" + doi, document);
        if (r.statusCode() == 404) {
            draft(doi);
            r = send("PUT", "/dois/" + doi, document);
        }
        if (r.statusCode() != 200 && r.statusCode() != 201) {
            throw failure("updating " + doi, r);
        }
    }

    public boolean exists(String doi) throws IOException, InterruptedException {
        return send("GET", "/dois/" + doi, null).statusCode() == 200;
    }

    private HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        String credentials = Setting.DATACITE_USER.get() + ":" + Setting.DATACITE_PASSWORD.get();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(Setting.DATACITE_URL.get().replaceAll("/+$", "") + path))
                .timeout(Duration.ofSeconds(30))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", JSON_API)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", JSON_API);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What went wrong, for the outbox's last_error: the status and DataCite's error titles (no credentials). */
    private static IOException failure(String what, HttpResponse<String> r) {
        String detail = r.body() == null ? "" : r.body().replaceAll("\\s+", " ");
        return new IOException("DataCite answered " + r.statusCode() + " " + what + ": "
                + detail.substring(0, Math.min(300, detail.length())));
    }
}
