package org.facsimile.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

/**
 * A stand-in for DataCite's REST API that checks what DataCite checks: HTTP Basic with the
 * repository's account, the JSON:API media type and document shape ({@code data.type} "dois"),
 * DOIs under the repository's prefix, a DOI created once, state changes that exist (draft →
 * findable ⇄ registered), and, to make a DOI findable, a landing URL and Metadata Schema XML
 * that is valid against DataCite's XSD and names the same DOI. Every refusal is recorded. It can
 * be made unreachable-like (503 to everything) to show the repository does not wait for it.
 */
final class TestDataCite implements AutoCloseable {

    /** The JSON:API media type DataCite speaks. */
    private static final String JSON_API = "application/vnd.api+json";

    /** What DataCite holds for a DOI. */
    record Doi(String state, String url, String xml) {}

    /** A request DataCite turned down: the DOI it was about (null when it named none) and why. */
    record Refusal(String doi, String why) {
        boolean about(Collection<String> dois) {
            return doi == null || dois.stream().anyMatch(doi::equalsIgnoreCase);
        }
    }

    private final HttpServer server;
    private final String authorization;
    private final String prefix;
    private final Schema schema;
    private final Map<String, Doi> dois = new ConcurrentHashMap<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private volatile boolean down;

    TestDataCite(int port, String user, String password, String prefix) throws Exception {
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.prefix = prefix;
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        this.schema = factory.newSchema(
                Path.of("../vocabularies/src/test/resources/standards/datacite/kernel-4.7/metadata.xsd")
                        .toFile());
        this.server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/dois", this::handle);
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    void down(boolean down) {
        this.down = down;
    }

    Doi doi(String doi) {
        return dois.get(doi.toLowerCase());
    }

    synchronized List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /**
     * The refusals about these DOIs, and those that named no DOI at all (bad credentials, a wrong
     * media type): other tests' deposits may reach the stand-in too, and are theirs to judge.
     */
    synchronized List<Refusal> refusals(String... dois) {
        List<String> mine = List.of(dois);
        return refusals.stream().filter(r -> r.about(mine)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (down) {
                reply(exchange, 503, error("503", "Service unavailable"));
                return;
            }
            if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refuse(exchange, 401, "Bad credentials.");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.startsWith("/dois/")) {
                Doi d = dois.get(path.substring(6).toLowerCase());
                if (d == null) {
                    reply(exchange, 404, error("404", "The resource you are looking for doesn't exist."));
                } else {
                    reply(
                            exchange,
                            200,
                            "{\"data\":{\"type\":\"dois\",\"attributes\":{\"state\":\"" + d.state() + "\"}}}");
                }
                return;
            }
            if (!JSON_API.equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                refuse(exchange, 415, "Content-Type must be application/vnd.api+json");
                return;
            }
            JsonNode document = ApiClient.MAPPER.readTree(exchange.getRequestBody());
            JsonNode data = document.path("data");
            if (!"dois".equals(data.path("type").asText())) {
                refuse(exchange, 422, "data.type must be dois");
                return;
            }
            JsonNode attributes = data.path("attributes");
            if (method.equals("POST") && path.equals("/dois")) {
                String doi = attributes.path("doi").asText("");
                if (!doi.startsWith(prefix + "/")) {
                    refuse(exchange, doi, 422, "the DOI " + doi + " is not under the repository's prefix " + prefix);
                    return;
                }
                if (dois.containsKey(doi.toLowerCase())) {
                    reply(exchange, 422, error("422", "This DOI has already been taken"));
                    return;
                }
                dois.put(doi.toLowerCase(), new Doi("draft", null, null));
                reply(exchange, 201, "{\"data\":{\"id\":\"" + doi + "\",\"type\":\"dois\"}}");
                return;
            }
            if (method.equals("PUT") && path.startsWith("/dois/")) {
                String doi = path.substring(6);
                Doi before = dois.get(doi.toLowerCase());
                if (before == null) {
                    refuse(exchange, doi, 404, "no such DOI " + doi + " (create the draft first)");
                    return;
                }
                if (data.has("id") && !doi.equalsIgnoreCase(data.path("id").asText())) {
                    refuse(exchange, doi, 422, "data.id differs from the DOI in the path");
                    return;
                }
                String url = attributes.path("url").asText(before.url());
                String xml = before.xml();
                if (attributes.has("xml")) {
                    xml = new String(
                            Base64.getDecoder().decode(attributes.path("xml").asText()), StandardCharsets.UTF_8);
                    try {
                        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
                    } catch (Exception e) {
                        refuse(exchange, doi, 422, "the XML is not valid against the schema: " + e.getMessage());
                        return;
                    }
                    if (!xml.contains("<identifier identifierType=\"DOI\">" + doi + "</identifier>")) {
                        refuse(exchange, doi, 422, "the XML names another DOI");
                        return;
                    }
                }
                String event = attributes.path("event").asText(null);
                String state = before.state();
                if ("publish".equals(event)) {
                    if (url == null || xml == null) {
                        refuse(exchange, doi, 422, "a findable DOI needs a url and metadata");
                        return;
                    }
                    state = "findable";
                } else if ("hide".equals(event)) {
                    if (!"findable".equals(state)) {
                        refuse(exchange, doi, 422, "only a findable DOI can be hidden");
                        return;
                    }
                    state = "registered";
                } else if ("register".equals(event)) {
                    state = "registered";
                } else if (event != null) {
                    refuse(exchange, doi, 422, "unknown event " + event);
                    return;
                }
                dois.put(doi.toLowerCase(), new Doi(state, url, xml));
                reply(
                        exchange,
                        200,
                        "{\"data\":{\"id\":\"" + doi + "\",\"type\":\"dois\",\"attributes\":{\"state\":\"" + state
                                + "\"}}}");
                return;
            }
            refuse(exchange, 405, method + " " + path);
        } catch (RuntimeException e) {
            refuse(exchange, 400, "unreadable request: " + e.getMessage());
        }
    }

    private void refuse(HttpExchange exchange, int status, String why) throws IOException {
        refuse(exchange, null, status, why);
    }

    private void refuse(HttpExchange exchange, String doi, int status, String why) throws IOException {
        synchronized (this) {
            refusals.add(new Refusal(doi, status + " " + why));
        }
        reply(exchange, status, error(Integer.toString(status), why));
    }

    private static String error(String status, String title) {
        return ApiClient.json(Map.of("errors", List.of(Map.of("status", status, "title", title))));
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        HttpStubs.reply(exchange, status, JSON_API, json);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
