package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The requests an outside probe found answered with 500s or beyond the access policy, each sent
 * again: every one must now be a problem+json refusal that says where, or the right answer.
 */
class HostileRequestsIT {

    private static final String NOBODY = "00000000-0000-0000-0000-000000000000";
    private static final String MARKER = "hostile-marker-7c1e";

    private static ApiClient admin;
    private static ApiClient hana;
    private static String deposit;

    @BeforeAll
    static void setUp() throws Exception {
        admin = RunningRepository.admin();
        hana = RunningRepository.newDepositor("hana-hostile");
        deposit = DepositToPublishIT.createDeposit(hana, "Hostile requests probe");
    }

    /** A request as a probe sends it: any method, headers and body, no credential added. */
    private static ApiClient.Reply send(String method, String path, String body, String... headers) throws Exception {
        return admin.as(null).send(method, path, body, headers);
    }

    private static JsonNode problem(ApiClient.Reply reply, int status, String what) {
        assertEquals(status, reply.status(), what + ": " + reply.body());
        assertTrue(
                reply.header("Content-Type").startsWith("application/problem+json"),
                what + ": " + reply.header("Content-Type"));
        assertEquals("nosniff", reply.header("X-Content-Type-Options"), what + ": security headers");
        JsonNode problem = reply.json();
        assertEquals(status, problem.path("status").asInt(), what);
        assertFalse(problem.path("detail").asText().isEmpty(), what);
        assertFalse(reply.body().contains(MARKER), what + ": the refusal quotes what was sent");
        return problem;
    }

    private static String pointer(JsonNode problem) {
        return problem.path("errors").path(0).path("pointer").asText();
    }

    @Test
    void oaiPostsWithoutAFormOrWithAnUnknownCharsetAreRefusedAndAFormIsAnswered() throws Exception {
        problem(send("POST", "/api/oai?verb=Identify", null), 415, "OAI POST without a form");
        problem(
                send(
                        "POST",
                        "/api/oai",
                        "verb=Identify",
                        "Content-Type",
                        "application/x-www-form-urlencoded; charset=bogus"),
                415,
                "OAI POST in an unknown charset");
        ApiClient.Reply identify =
                send("POST", "/api/oai", "verb=Identify", "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(200, identify.status(), identify.body());
        assertTrue(identify.body().contains("<Identify>"), identify.body());
    }

    @Test
    void pageFormsWithoutAFormAre415ForAnyone() throws Exception {
        for (String path : List.of(
                "/deposits/" + NOBODY + "/publish",
                "/review/" + NOBODY + "/approve",
                "/review/" + NOBODY + "/reject",
                "/deposits/" + NOBODY + "/withdraw",
                "/sign-out")) {
            problem(send("POST", path, null), 415, path);
        }
    }

    @Test
    void everyJsonBodyIsReadOneWay() throws Exception {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("POST /api/account/tokens", "label");
        endpoints.put("POST /api/admin/accounts", "username");
        endpoints.put("POST /api/admin/accounts/" + NOBODY + "/identities", "issuer");
        endpoints.put("PUT /api/account/password", "newPassword");
        endpoints.put("POST /api/admin/datasets/" + NOBODY + "/withdraw", "reason");
        endpoints.put("POST /api/admin/deposits/" + NOBODY + "/privacy-override", "justification");
        endpoints.put("POST /api/auth/session", "username");
        endpoints.put("POST /api/deposits", "title");
        endpoints.put("PUT /api/deposits/" + deposit + "/metadata", "title");
        endpoints.put("POST /api/deposits/" + deposit + "/submit", "synthesizer");
        String bearer = "Bearer " + admin.token();
        for (Map.Entry<String, String> e : endpoints.entrySet()) {
            String[] route = e.getKey().split(" ");
            String auth = route[1].startsWith("/api/deposits") ? "Bearer " + hana.token() : bearer;
            String json = "application/json";
            String what = e.getKey();
            assertEquals(
                    "$",
                    pointer(problem(
                            send(route[0], route[1], "{bad", "Content-Type", json, "Authorization", auth),
                            400,
                            what + " {bad")));
            problem(
                    send(route[0], route[1], "\"" + MARKER + "\"", "Content-Type", json, "Authorization", auth),
                    422,
                    what + " a string");
            problem(
                    send(route[0], route[1], "[1]", "Content-Type", json, "Authorization", auth),
                    422,
                    what + " an array");
            JsonNode wrongType = problem(
                    send(
                            route[0],
                            route[1],
                            "{\"" + e.getValue() + "\":[\"" + MARKER + "\"]}",
                            "Content-Type",
                            json,
                            "Authorization",
                            auth),
                    422,
                    what + " a member of the wrong type");
            assertEquals("$." + e.getValue(), pointer(wrongType), what);
            JsonNode nul = problem(
                    send(
                            route[0],
                            route[1],
                            "{\"" + e.getValue() + "\":\"" + MARKER + "\\u0000\"}",
                            "Content-Type",
                            json,
                            "Authorization",
                            auth),
                    422,
                    what + " a NUL character");
            assertEquals("$." + e.getValue(), pointer(nul), what);
            problem(
                    send(route[0], route[1], "{}", "Content-Type", json + "; charset=bogus", "Authorization", auth),
                    415,
                    what + " an unknown charset");
        }
        ApiClient.Reply bom = send(
                "POST",
                "/api/account/tokens",
                "\uFEFF{\"label\":\"with a byte-order mark\",\"scopes\":[\"read\"],\"expiresInDays\":1}",
                "Content-Type",
                "application/json",
                "Authorization",
                "Bearer " + hana.token());
        assertEquals(201, bom.status(), "a leading byte-order mark is ignored: " + bom.body());
    }

    @Test
    void deepAndUnstorableDocumentsAreRefusedWithWhere() throws Exception {
        String d = "/api/deposits/" + deposit;
        assertEquals(
                201,
                hana.put(d + "/files/deep.csv", "text/csv", "a,b\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8))
                        .status());
        String deep = "{\"@context\":\"http://www.w3.org/ns/csvw\",\"url\":\"deep.csv\",\"x\":" + "[".repeat(10_000)
                + "]".repeat(10_000) + "}";
        JsonNode refused = problem(
                hana.put(d + "/files/deep.csv/schema", "application/csvm+json", deep.getBytes(StandardCharsets.UTF_8)),
                422,
                "CSVW 10,000 levels deep");
        assertTrue(refused.toString().contains("deeper than 64 levels"), refused.toString());

        JsonNode description = problem(
                hana.put(
                        d + "/metadata",
                        "application/json",
                        ("{\"title\":\"t\",\"description\":\"" + MARKER + "\\u0000\"}")
                                .getBytes(StandardCharsets.UTF_8)),
                422,
                "a NUL in a description");
        assertEquals("$.description", pointer(description));
        problem(
                hana.post(d + "/withdraw", "{\"reason\":\"" + MARKER + "\\u0000\"}"),
                422,
                "a NUL in a withdrawal reason");
        JsonNode form = problem(
                send(
                        "POST",
                        "/deposits/new",
                        "title=x&spatial=" + MARKER + "%00",
                        "Content-Type",
                        "application/x-www-form-urlencoded"),
                422,
                "a NUL in a page form");
        assertEquals("spatial", form.path("errors").path(0).path("column").asText());
        assertEquals("Hostile requests probe", hana.get(d).json().path("title").asText(), "nothing was changed");
    }

    @Test
    void someoneElsesDepositIs404WhateverTheBody() throws Exception {
        ApiClient ivan = RunningRepository.newDepositor("ivan-hostile");
        String d = "/api/deposits/" + deposit;
        problem(
                ivan.put(d + "/metadata", "application/json", "{\"title\":1}".getBytes(StandardCharsets.UTF_8)),
                404,
                "invalid metadata");
        problem(ivan.post(d + "/submit", "{bad"), 404, "invalid settings");
        problem(ivan.post(d + "/withdraw", "[]"), 404, "an invalid withdrawal");
    }

    private static String tokenRequest(String label, List<String> scopes, int days) {
        return ApiClient.json(Map.of("label", label, "scopes", scopes, "expiresInDays", days));
    }

    @Test
    void aTokenMakesNoTokenBeyondItsOwnScopesOrLifetime() throws Exception {
        ApiClient.Reply read = hana.post("/api/account/tokens", tokenRequest("reader", List.of("read"), 1));
        assertEquals(201, read.status(), read.body());
        ApiClient reader = hana.as(read.json().path("token").asText());
        problem(
                reader.post("/api/account/tokens", tokenRequest("twin", List.of("read"), 365)),
                403,
                "a read token mints");
        problem(reader.delete("/api/account/tokens/" + read.json().path("id").asText()), 403, "a read token revokes");

        ApiClient.Reply manager =
                hana.post("/api/account/tokens", tokenRequest("manager", List.of("read", "tokens"), 7));
        assertEquals(201, manager.status(), manager.body());
        ApiClient managing = hana.as(manager.json().path("token").asText());
        problem(
                managing.post("/api/account/tokens", tokenRequest("longer", List.of("read"), 365)),
                403,
                "a 7-day token mints a 365-day one");
        problem(
                managing.post("/api/account/tokens", tokenRequest("wider", List.of("deposit"), 1)),
                403,
                "a read token mints a deposit one");
        assertEquals(
                201,
                managing.post(
                                "/api/account/tokens",
                                ApiClient.json(
                                        Map.of("label", "shorter", "scopes", List.of("read"), "expiresInDays", 1)))
                        .status());
        assertEquals(
                200,
                managing.delete("/api/account/tokens/" + read.json().path("id").asText())
                        .status());
    }

    @Test
    void aJobCannotAskForEndlessRowsOrTraining() throws Exception {
        String d = "/api/deposits/" + deposit;
        JsonNode rows = problem(hana.post(d + "/submit", "{\"sampleRows\":9223372036854775807}"), 422, "2^63-1 rows");
        assertTrue(rows.path("detail").asText().contains("sampleRows must be at most"), rows.toString());
        JsonNode seconds = problem(hana.post(d + "/submit", "{\"trainingSeconds\":1e12}"), 422, "1e12 s of training");
        assertTrue(seconds.path("detail").asText().contains("trainingSeconds must be at most"), seconds.toString());
        assertEquals("DRAFT", hana.get(d).json().path("state").asText(), "nothing was queued");
    }

    @Test
    void headersAndRoutesBelowTheResources() throws Exception {
        assertEquals(404, send("GET", "/application.wadl", null).status(), "no WADL");
        problem(send("GET", "/api/datasets", null, "Accept", "///;;q=x"), 400, "a malformed Accept");
        String languages = String.join(",", java.util.Collections.nCopies(420, "en-US;q=0.5"));
        for (String path : List.of("/api/catalog", "/search", "/", "/api/datasets")) {
            ApiClient.Reply r = send("GET", path, null, "Accept-Language", languages);
            assertTrue(r.status() < 500, path + " with a 5,000-character Accept-Language: " + r.status());
        }
        ApiClient.Reply spaced = hana.put(
                "/api/deposits/" + deposit + "/files/my%20table.csv",
                "text/csv",
                "a,b\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, spaced.status(), spaced.body());
        assertTrue(spaced.header("Location").endsWith("/files/my%20table.csv"), spaced.header("Location"));
        assertTrue(
                hana.get("/api/deposits/" + deposit).body().contains("\"my table.csv\""),
                "the file is there under its own name");
    }

    @Test
    void aLockedAccountsSignInPageSaysWhenToTryAgain() throws Exception {
        RunningRepository.newAccount("lena-hostile", "DEPOSITOR", "a long and correct passphrase");
        ApiClient.Reply last = null;
        for (int i = 0; i < 6; i++) {
            last = send(
                    "POST",
                    "/sign-in",
                    "username=lena-hostile&password=wrong" + i,
                    "Content-Type",
                    "application/x-www-form-urlencoded");
        }
        assertEquals(429, last.status(), last.body());
        assertNotNull(last.header("Retry-After"), "the sign-in page's 429 says when");
        assertTrue(Long.parseLong(last.header("Retry-After")) >= 1);
    }
}
