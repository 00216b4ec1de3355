package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the stack serves at /openapi: valid by swagger-parser's reading of the
 * OpenAPI 3 schema, the API only (pages named in x-pages), every operation summarised, tagged and
 * listing its problem answers; and each documented operation, called so that it must refuse,
 * answers a problem that matches the schema its document gives for that status.
 */
class OpenApiIT {

    private static final String PROBLEM = "application/problem+json";

    private static OpenAPI document;
    private static JsonNode raw;

    @BeforeAll
    static void read() throws Exception {
        ApiClient anyone = RunningRepository.admin().as(null);
        ApiClient.Reply json = anyone.get("/openapi", "application/json");
        assertEquals(200, json.status(), json.body());
        raw = json.json();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json.body(), null, options);
        assertEquals(List.of(), parsed.getMessages(), "swagger-parser finds the document valid");
        document = parsed.getOpenAPI();
        assertNotNull(document);
    }

    @Test
    void theDocumentDescribesTheApiAndOnlyIt() throws Exception {
        assertTrue(document.getOpenapi().startsWith("3."), document.getOpenapi());
        assertEquals("Facsimile repository API", document.getInfo().getTitle());
        assertFalse(document.getInfo().getDescription().isBlank());

        SecurityScheme token = document.getComponents().getSecuritySchemes().get("token");
        assertEquals(SecurityScheme.Type.HTTP, token.getType());
        assertEquals("bearer", token.getScheme());
        SecurityScheme session = document.getComponents().getSecuritySchemes().get("session");
        assertEquals(SecurityScheme.Type.APIKEY, session.getType());
        assertEquals(SecurityScheme.In.COOKIE, session.getIn());
        assertEquals("fcsm_session", session.getName());
        Schema<?> problem = document.getComponents().getSchemas().get("Problem");
        assertEquals(Set.of("type", "title", "status"), Set.copyOf(problem.getRequired()));

        Set<String> operations = new TreeSet<>();
        List<String> lacking = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
            assertTrue(path.getKey().startsWith("/api/"), "only the API: " + path.getKey());
            for (Map.Entry<PathItem.HttpMethod, Operation> op :
                    path.getValue().readOperationsMap().entrySet()) {
                String name = op.getKey() + " " + path.getKey();
                operations.add(name);
                Operation o = op.getValue();
                if (o.getSummary() == null || o.getSummary().isBlank()) {
                    lacking.add(name + ": summary");
                }
                if (o.getTags() == null || o.getTags().isEmpty()) {
                    lacking.add(name + ": tag");
                }
                if (!o.getResponses().containsKey("400") || problemSchema(response(o, "400")) == null) {
                    lacking.add(name + ": its problem answers");
                }
                boolean secured = o.getSecurity() != null && !o.getSecurity().isEmpty();
                if (secured && !o.getResponses().containsKey("401")) {
                    lacking.add(name + ": 401 where a credential is needed");
                }
            }
        }
        assertEquals(List.of(), lacking);
        assertTrue(operations.size() >= 55, "the API's operations: " + operations.size());
        for (String expected : List.of(
                "POST /api/deposits",
                "PUT /api/deposits/{id}/files/{name}",
                "POST /api/deposits/{id}/submit",
                "POST /api/deposits/{id}/publish",
                "POST /api/review/{id}/approve",
                "POST /api/admin/deposits/{id}/privacy-override",
                "POST /api/admin/storage/sweep",
                "POST /api/admin/search/reindex",
                "POST /api/admin/datasets/{id}/withdraw",
                "GET /api/datasets/{id}/versions/{version}/files/{name}",
                "GET /api/search",
                "GET /api/oai",
                "POST /api/oai",
                "GET /api/catalog",
                "GET /api/catalog/datasets/{id}",
                "POST /api/account/tokens")) {
            assertTrue(operations.contains(expected), expected + " in " + operations);
        }
        Operation upload =
                document.getPaths().get("/api/deposits/{id}/files/{name}").getPut();
        assertTrue(upload.getRequestBody().getContent().containsKey("text/csv"), "uploads take CSV");
        Operation submit = document.getPaths().get("/api/deposits/{id}/submit").getPost();
        assertNotNull(
                submit.getRequestBody().getContent().get("application/json").getSchema(), "the settings' schema");

        Set<String> pages = new TreeSet<>();
        raw.path("x-pages").forEach(p -> pages.add(p.asText()));
        for (String page : List.of("GET /deposits", "POST /deposits/{id}/publish", "GET /review", "GET /search")) {
            assertTrue(pages.contains(page), page + " named as a page in " + pages);
        }
        assertTrue(pages.stream().noneMatch(p -> p.contains(" /api/")), "no API route among the pages");
    }

    /**
     * Each operation refused three ways where they apply: a malformed Accept header (400, every
     * operation), no credential (401, secured ones), an id that names nothing (a 4xx, mostly 404).
     * Each answer
     * is a problem whose status the operation documents, matching the documented schema.
     */
    @Test
    void eachOperationsErrorAnswerMatchesItsDocumentedSchema() throws Exception {
        ApiClient admin = RunningRepository.admin();
        ApiClient anyone = admin.as(null);
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
            String url = path.getKey()
                    .replace("{id}", "00000000-0000-4000-8000-000000000000")
                    .replace("{version}", "1")
                    .replace("{name}", "nothing.csv")
                    .replace("{extension}", "ttl")
                    // any other parameter (a token's or a link's id) names nothing either
                    .replaceAll("\\{[^}/]+}", "00000000-0000-4000-8000-000000000001");
            for (Map.Entry<PathItem.HttpMethod, Operation> op :
                    path.getValue().readOperationsMap().entrySet()) {
                String method = op.getKey().name();
                Operation o = op.getValue();
                boolean secured = o.getSecurity() != null && !o.getSecurity().isEmpty();
                String body = method.equals("POST") || method.equals("PUT") ? "{}" : null;
                List<String[]> cases = new ArrayList<>();
                cases.add(new String[] {"400", "anyone", "Accept", "text/html;q=="});
                if (secured) {
                    cases.add(new String[] {"401", "anyone", "Accept", "*/*"});
                }
                if (path.getKey().contains("{id}")) {
                    // mostly 404; an admin's act may check its body first (422)
                    cases.add(new String[] {"4xx", secured ? "admin" : "anyone", "Accept", "*/*"});
                }
                for (String[] c : cases) {
                    ApiClient caller = c[1].equals("admin") ? admin : anyone;
                    ApiClient.Reply reply = body == null
                            ? caller.send(method, url, null, c[2], c[3])
                            : caller.send(method, url, body, c[2], c[3], "Content-Type", "application/json");
                    calls++;
                    String problem = matches(o, reply);
                    boolean status = c[0].equals("4xx")
                            ? reply.status() >= 400 && reply.status() < 500
                            : String.valueOf(reply.status()).equals(c[0]);
                    if (!status || problem != null) {
                        wrong.add(method + " " + url + " (" + c[1] + ", expected " + c[0] + "): " + reply.status() + " "
                                + (problem == null ? "" : problem));
                    }
                }
            }
        }
        System.out.println("[OpenApiIT] " + calls + " refusals checked against their documented schema");
        assertEquals(List.of(), wrong);
    }

    /** Why {@code reply} does not match what {@code o} documents for its status, or null when it does. */
    private static String matches(Operation o, ApiClient.Reply reply) {
        ApiResponse documented = response(o, String.valueOf(reply.status()));
        if (documented == null) {
            return "status not documented";
        }
        Schema<?> schema = problemSchema(documented);
        if (schema == null) {
            return "documented without a problem body";
        }
        String type = reply.header("Content-Type");
        if (type == null || !type.startsWith(PROBLEM)) {
            return "answered as " + type;
        }
        JsonNode body = reply.json();
        for (String required : schema.getRequired()) {
            if (!body.has(required)) {
                return "no " + required + " in " + body;
            }
        }
        for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
            JsonNode value = body.get(property.getKey());
            if (value == null || value.isNull()) {
                continue;
            }
            boolean fits = switch (String.valueOf(property.getValue().getType())) {
                case "string" -> value.isTextual();
                case "integer" -> value.isIntegralNumber();
                case "array" -> value.isArray();
                default -> true;
            };
            if (!fits) {
                return property.getKey() + " is not a " + property.getValue().getType() + ": " + value;
            }
        }
        if (body.path("status").asInt() != reply.status()) {
            return "status " + body.path("status") + " in the body";
        }
        return null;
    }

    /** What {@code o} documents for {@code status}, its reference followed. */
    private static ApiResponse response(Operation o, String status) {
        ApiResponse r = o.getResponses().get(status);
        if (r != null && r.get$ref() != null) {
            String name = r.get$ref().substring(r.get$ref().lastIndexOf('/') + 1);
            r = document.getComponents().getResponses().get(name);
        }
        return r;
    }

    /** The problem schema of a documented answer, its reference followed; null when it has none. */
    private static Schema<?> problemSchema(ApiResponse r) {
        if (r == null || r.getContent() == null || r.getContent().get(PROBLEM) == null) {
            return null;
        }
        Schema<?> s = r.getContent().get(PROBLEM).getSchema();
        if (s != null && s.get$ref() != null) {
            s = document.getComponents()
                    .getSchemas()
                    .get(s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1));
        }
        return s;
    }
}
