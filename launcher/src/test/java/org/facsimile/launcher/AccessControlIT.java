package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The private deposit area against the real server: sign-in with sessions and CSRF, scoped
 * tokens, brute-force locking, the access matrix of every private endpoint (anonymous, another
 * depositor, a curator, an admin, the owner), curator review with rejection and re-run, the
 * transition history and audit trail, erasure of the input, encryption at rest and the fixity audit.
 */
class AccessControlIT {

    private static final String FAST = "{\"synthesizer\":\"baseline\"}";

    /** One request of the access matrix. */
    private record Call(String method, String path, String body) {}

    private static ApiClient anonymous() throws Exception {
        return RunningRepository.admin().as(null);
    }

    private static ApiClient.Reply signIn(String username, String password) throws Exception {
        return anonymous()
                .post("/api/auth/session", ApiClient.json(Map.of("username", username, "password", password)));
    }

    /** A bird-ringing table (its own columns, so other tests' searches do not meet it). */
    private static byte[] birds(int rows) {
        java.util.Random random = new java.util.Random(rows);
        String[] species = {"puffin", "tern", "razorbill", "guillemot"};
        StringBuilder csv = new StringBuilder("ring_id,species,wing_mm,site\n");
        for (int i = 0; i < rows; i++) {
            csv.append("R").append(5000 + i).append(',').append(species[random.nextInt(species.length)]);
            csv.append(',')
                    .append(150 + random.nextInt(80))
                    .append(',')
                    .append(random.nextBoolean() ? "isle" : "cliff");
            csv.append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A deposit with one table whose synthesis has finished (with the fast baseline synthesizer). */
    private static String synthesized(ApiClient owner, String title) throws Exception {
        String deposit = DepositToPublishIT.createDeposit(owner, title);
        ApiClient.Reply upload = owner.put("/api/deposits/" + deposit + "/files/survey.csv", "text/csv", birds(200));
        assertEquals(201, upload.status(), upload.body());
        assertEquals(
                202, owner.post("/api/deposits/" + deposit + "/submit", FAST).status());
        assertEquals(
                "DONE", DepositToPublishIT.awaitJob(owner, deposit).path("step").asText());
        return deposit;
    }

    private static void assertProblem(ApiClient.Reply r, int status, String what) {
        assertEquals(status, r.status(), what + ": " + r.body());
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), what);
    }

    @Test
    void aBrowserSignsInAndEveryChangeNeedsTheSessionsCsrfToken() throws Exception {
        RunningRepository.newAccount("ivan", "DEPOSITOR", "correct horse battery staple one");
        assertProblem(signIn("ivan", "not the passphrase"), 401, "wrong password");
        assertProblem(signIn("nobody-at-all", "not the passphrase"), 401, "unknown user, same answer");

        ApiClient.Reply signedIn = signIn("ivan", "correct horse battery staple one");
        assertEquals(200, signedIn.status(), signedIn.body());
        String setCookie = signedIn.header("Set-Cookie");
        assertTrue(setCookie.startsWith("fcsm_session="), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=strict"), setCookie);
        String csrf = signedIn.json().path("csrfToken").asText();
        ApiClient browser = anonymous().withHeader("Cookie", setCookie.substring(0, setCookie.indexOf(';')));

        ApiClient.Reply list = browser.get("/api/deposits");
        assertEquals(200, list.status(), list.body());
        assertEquals("no-store", list.header("Cache-Control"), "private answers are not cached");
        assertEquals("nosniff", list.header("X-Content-Type-Options"));
        assertTrue(list.header("Content-Security-Policy").contains("frame-ancestors 'none'"));

        String create = ApiClient.json(Map.of("title", "Made in a browser"));
        assertProblem(browser.post("/api/deposits", create), 403, "a change without the CSRF token");
        ApiClient.Reply second = signIn("ivan", "correct horse battery staple one");
        String otherCsrf = second.json().path("csrfToken").asText();
        assertProblem(
                browser.withHeader("X-CSRF-Token", otherCsrf).post("/api/deposits", create),
                403,
                "another session's CSRF token");
        ApiClient.Reply made = browser.withHeader("X-CSRF-Token", csrf).post("/api/deposits", create);
        assertEquals(201, made.status(), made.body());

        assertEquals(
                204,
                browser.withHeader("X-CSRF-Token", csrf)
                        .delete("/api/auth/session")
                        .status());
        assertProblem(browser.get("/api/deposits"), 401, "after signing out");
        assertProblem(
                browser.withHeader("X-CSRF-Token", csrf).post("/api/deposits", create),
                401,
                "a replayed CSRF token of an ended session");

        // the failures are in the audit log, with the address they came from
        JsonNode audit =
                RunningRepository.admin().get("/api/admin/audit?limit=200").json();
        assertTrue(audit.findValuesAsText("action").contains("auth.sign-in.failed"), "failed sign-ins are audited");
    }

    @Test
    void repeatedFailuresLockAnAccount() throws Exception {
        RunningRepository.newAccount("judy", "DEPOSITOR", "correct horse battery staple two");
        for (int i = 0; i < 5; i++) {
            assertProblem(signIn("judy", "guess number " + i), 401, "guess " + i);
        }
        ApiClient.Reply locked = signIn("judy", "correct horse battery staple two");
        assertProblem(locked, 429, "even the right password, while locked");
        assertNotNull(locked.header("Retry-After"));
    }

    @Test
    void tokensAreScopedExpiringAndRevocable() throws Exception {
        ApiClient victor = RunningRepository.newAccount("victor", "DEPOSITOR", null);
        ApiClient.Reply made = victor.post(
                "/api/account/tokens",
                ApiClient.json(Map.of("label", "harvest my reports", "scopes", List.of("read"), "expiresInDays", 7)));
        assertEquals(201, made.status(), made.body());
        assertTrue(made.json().path("expiresAt").isTextual(), "tokens expire");
        ApiClient reader = victor.as(made.json().path("token").asText());
        assertEquals(200, reader.get("/api/deposits").status());
        ApiClient.Reply write = reader.post("/api/deposits", ApiClient.json(Map.of("title", "Nope")));
        assertProblem(write, 403, "a read token writes");
        assertTrue(write.header("WWW-Authenticate").contains("insufficient_scope"));
        assertProblem(
                reader.post(
                        "/api/account/tokens",
                        ApiClient.json(Map.of("label", "wider", "scopes", List.of("read", "deposit")))),
                403,
                "a read token mints a deposit token");
        assertProblem(
                victor.post("/api/account/tokens", ApiClient.json(Map.of("label", "x", "scopes", List.of("admin")))),
                403,
                "a depositor mints an admin token");
        assertProblem(
                victor.post(
                        "/api/account/tokens",
                        ApiClient.json(Map.of("label", "x", "scopes", List.of("read"), "expiresInDays", 0))),
                422,
                "a token that never lives");
        assertProblem(victor.post("/api/admin/accounts", "{\"username\":\"eve\"}"), 403, "a depositor administers");

        assertEquals(
                200,
                victor.delete("/api/account/tokens/" + made.json().path("id").asText())
                        .status());
        assertProblem(reader.get("/api/deposits"), 401, "a revoked token");
        assertProblem(victor.as("fcsm_forged").get("/api/deposits"), 401, "a forged token");
    }

    @Test
    void everyPrivateEndpointAnswersItsOwnerAndNobodyElse() throws Exception {
        ApiClient olive = RunningRepository.newAccount("olive", "DEPOSITOR", null);
        ApiClient mallory = RunningRepository.newAccount("mallory", "DEPOSITOR", null);
        ApiClient kate = RunningRepository.newAccount("kate-m", "CURATOR", null);
        ApiClient admin = RunningRepository.admin();
        String deposit = synthesized(olive, "Olive's private tern census");
        String d = "/api/deposits/" + deposit;
        String csv = "a,b\n1,2\n";
        List<Call> calls = List.of(
                new Call("GET", d, null),
                new Call("PUT", d + "/metadata", ApiClient.json(Map.of("title", "Stolen"))),
                new Call("PUT", d + "/files/extra.csv", csv),
                new Call("GET", d + "/files/survey.csv/schema", null),
                new Call("PUT", d + "/files/survey.csv/schema", "{}"),
                new Call("POST", d + "/submit", FAST),
                new Call("GET", d + "/job", null),
                new Call("GET", d + "/report", null),
                new Call("GET", d + "/report.html", null),
                new Call("GET", d + "/history", null),
                new Call("GET", d + "/audit", null),
                new Call("POST", d + "/publish", null),
                new Call("DELETE", d + "/input", null));
        for (Call call : calls) {
            String what = call.method() + " " + call.path();
            assertProblem(send(anonymous(), call), 401, "anonymous " + what);
            ApiClient.Reply other = send(mallory, call);
            assertProblem(other, 404, "another depositor " + what);
            assertFalse(other.body().contains("tern"), "a refusal says nothing of the deposit");
            assertProblem(send(kate, call), 404, "a curator, before review " + what);
            assertProblem(send(admin, call), 404, "an admin, through the depositor's API " + what);
            String forged = UUID.randomUUID().toString();
            ApiClient.Reply unknown =
                    send(mallory, new Call(call.method(), call.path().replace(deposit, forged), call.body()));
            assertEquals(404, unknown.status(), "a missing deposit answers as someone else's: " + what);
            JsonNode probe = admin.get("/api/admin/audit?targetType=deposit&targetId=" + forged)
                    .json();
            assertEquals(
                    List.of("deposit.refused"), probe.findValuesAsText("action"), "a forged id is audited: " + what);
        }
        // every refusal is in the audit log, for admins: who tried, wanting what, from where
        JsonNode refusals = admin.get("/api/admin/audit?targetType=deposit&targetId=" + deposit + "&limit=1000")
                .json();
        long refused = 0;
        for (JsonNode event : refusals) {
            if ("deposit.refused".equals(event.path("action").asText())) {
                refused++;
                assertFalse(event.path("from").asText().isEmpty(), event.toString());
            }
        }
        assertTrue(refused >= 3L * calls.size(), "each refused call is audited: " + refused);
        for (Call call : calls) {
            if (call.method().equals("GET")) {
                ApiClient.Reply owner = send(olive, call);
                assertEquals(200, owner.status(), "the owner " + call.path() + ": " + owner.body());
            }
        }
        assertFalse(mallory.get("/api/deposits").body().contains(deposit), "not in someone else's list");
        assertProblem(mallory.get("/api/review"), 403, "a depositor opens the review queue");
        assertEquals(200, kate.get("/api/review").status());
        assertProblem(kate.post("/api/review/" + deposit + "/approve", "{}"), 404, "approving what is not in review");

        // the owner's audit trail shows the refused callers nothing, and the owner's own reads
        JsonNode trail = olive.get(d + "/audit").json();
        assertTrue(trail.findValuesAsText("action").contains("deposit.read"));
        assertFalse(trail.findValuesAsText("action").contains("deposit.refused"), "others' attempts are for admins");
    }

    @Test
    void aCuratorRejectsTheDepositorReRunsAndACuratorApproves() throws Exception {
        Stack stack = RunningRepository.get();
        ApiClient peggy = RunningRepository.newAccount("peggy", "DEPOSITOR", null);
        ApiClient quentin = RunningRepository.newAccount("quentin", "CURATOR", "quill-and-ledger-42");
        ApiClient mallory = RunningRepository.newAccount("mallory-r", "DEPOSITOR", null);
        String quentinId = quentin.get("/api/auth/session").json().path("id").asText();
        String deposit = synthesized(peggy, "Peggy's reviewed puffin census");
        String d = "/api/deposits/" + deposit;
        stack.restartWeb(Map.of("FACSIMILE_REVIEW_REQUIRED", "true"));
        try {
            ApiClient.Reply asked = peggy.post(d + "/publish", null);
            assertEquals(202, asked.status(), asked.body());
            assertEquals("IN_REVIEW", asked.json().path("state").asText());
            assertProblem(peggy.post(d + "/publish", null), 409, "asking twice");
            assertTrue(quentin.get("/api/review").body().contains(deposit), "in the curators' queue");
            assertEquals(200, quentin.get(d + "/report").status(), "a curator reads the report under review");
            assertProblem(mallory.get(d), 404, "another depositor still sees nothing");
            assertProblem(peggy.post("/api/review/" + deposit + "/approve", "{}"), 403, "reviewing one's own");

            assertProblem(quentin.post("/api/review/" + deposit + "/reject", "{}"), 422, "a rejection without reason");
            ApiClient.Reply rejected = quentin.post(
                    "/api/review/" + deposit + "/reject",
                    ApiClient.json(Map.of("reason", "the free-text column needs another look")));
            assertEquals(200, rejected.status(), rejected.body());
            assertEquals("REJECTED", peggy.get(d).json().path("state").asText());

            assertEquals(202, peggy.post(d + "/submit", FAST).status(), "a rejected deposit is re-run");
            assertEquals(
                    "DONE",
                    DepositToPublishIT.awaitJob(peggy, deposit).path("step").asText());
            assertEquals(202, peggy.post(d + "/publish", null).status());

            // the second review on the curators' page: the queue, a reason required, approve
            FormBrowser page = new FormBrowser(stack.baseUrl());
            assertEquals(303, page.signIn("quentin", "quill-and-ledger-42").statusCode());
            java.net.http.HttpResponse<String> queue = page.get("/review");
            assertEquals(200, queue.statusCode(), queue.body());
            assertTrue(
                    queue.body().contains("Peggy&#39;s reviewed puffin census")
                            || queue.body().contains("Peggy's reviewed puffin census"),
                    queue.body());
            assertTrue(queue.body().contains("/api/deposits/" + deposit + "/report.html"), "the report is linked");
            String csrf = FormBrowser.field(queue.body(), "csrf");
            java.net.http.HttpResponse<String> noReason =
                    page.post("/review/" + deposit + "/reject", Map.of("csrf", csrf, "reason", " "));
            assertEquals(422, noReason.statusCode());
            assertTrue(noReason.body().contains("Say why"), noReason.body());
            assertTrue(noReason.body().contains("aria-invalid=\"true\""), "the reason field is marked");
            assertEquals(
                    403,
                    page.post("/review/" + deposit + "/approve", Map.of("note", "no token"))
                            .statusCode(),
                    "a form without the session's CSRF token is refused");
            java.net.http.HttpResponse<String> approved =
                    page.post("/review/" + deposit + "/approve", Map.of("csrf", csrf, "note", "fine now"));
            assertEquals(303, approved.statusCode(), approved.body());
            String landing = FormBrowser.location(approved);
            assertTrue(landing.startsWith("/datasets/"), landing);
            String datasetId = landing.substring("/datasets/".length()).replaceFirst("[/?#].*$", "");
            FormBrowser depositor = new FormBrowser(stack.baseUrl());
            assertEquals(303, depositor.get("/review").statusCode(), "signed out: to the sign-in page first");
            RunningRepository.newAccount("rita-review", "DEPOSITOR", "tern-and-tide-31");
            assertEquals(
                    303, depositor.signIn("rita-review", "tern-and-tide-31").statusCode());
            java.net.http.HttpResponse<String> notCurator = depositor.get("/review");
            assertEquals(403, notCurator.statusCode());
            assertTrue(notCurator.body().contains("Only curators review deposits"), notCurator.body());

            List<String> states = new ArrayList<>();
            JsonNode rejection = null;
            for (JsonNode step : peggy.get(d + "/history").json()) {
                states.add(step.path("to").asText());
                if ("REJECTED".equals(step.path("to").asText())) {
                    rejection = step;
                }
            }
            assertEquals(
                    List.of(
                            "DRAFT",
                            "SUBMITTED",
                            "SYNTHESIZING",
                            "READY_FOR_REVIEW",
                            "IN_REVIEW",
                            "REJECTED",
                            "SUBMITTED",
                            "SYNTHESIZING",
                            "READY_FOR_REVIEW",
                            "IN_REVIEW",
                            "PUBLISHED"),
                    states);
            assertEquals(quentinId, rejection.path("by").asText(), "who rejected");
            assertEquals(
                    "the free-text column needs another look",
                    rejection.path("note").asText());

            List<String> trail = peggy.get(d + "/audit").json().findValuesAsText("action");
            assertTrue(
                    trail.containsAll(List.of(
                            "deposit.review.request",
                            "deposit.read",
                            "deposit.review.reject",
                            "deposit.submit",
                            "deposit.review.approve")),
                    trail.toString());

            eraseTheInput(stack, peggy, deposit, datasetId);
        } finally {
            stack.restartWeb(Map.of());
        }
    }

    /** After publishing, the input goes; the synthetic dataset and the provenance stay; the store is intact. */
    private static void eraseTheInput(Stack stack, ApiClient owner, String deposit, String datasetId) throws Exception {
        byte[] header = "ring_id,species,wing_mm,site".getBytes(StandardCharsets.UTF_8);
        Path privateArea = stack.dataDir().resolve("store/private");
        assertFalse(anyFileContains(privateArea, header), "private files are encrypted at rest");
        JsonNode before = RunningRepository.admin()
                .post("/api/admin/storage/fixity-audit", null)
                .json();
        assertTrue(before.path("intact").asBoolean(), before.toString());
        assertTrue(before.path("byMasterKey").has("local-1"), before.toString());

        String job =
                owner.get("/api/deposits/" + deposit + "/job").json().path("id").asText();
        ApiClient.Reply erased = owner.delete("/api/deposits/" + deposit + "/input");
        assertEquals(200, erased.status(), erased.body());
        JsonNode file = erased.json().path("files").get(0);
        assertTrue(file.path("erasedAt").isTextual(), erased.body());
        assertFalse(file.path("sha256").asText().isEmpty(), "the provenance of the input stays");
        assertFalse(job.isEmpty());
        try (Stream<Path> files = Files.walk(privateArea)) {
            List<Path> left = files.filter(p -> Files.isRegularFile(p)
                            && (p.toString().contains(deposit) || p.toString().contains(job)))
                    .toList();
            assertEquals(List.of(), left, "no private file of the deposit or its synthesis (model included) is left");
        }
        assertEquals(
                200,
                anonymous()
                        .get("/api/datasets/" + datasetId + "/files/survey.csv")
                        .status(),
                "the synthetic dataset stays");
        JsonNode after = RunningRepository.admin()
                .post("/api/admin/storage/fixity-audit", null)
                .json();
        assertTrue(after.path("intact").asBoolean(), "an erased input is not missing: " + after);
    }

    private static boolean anyFileContains(Path root, byte[] needle) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                if (text.contains(new String(needle, StandardCharsets.ISO_8859_1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ApiClient.Reply send(ApiClient client, Call call) throws Exception {
        return switch (call.method()) {
            case "GET" -> client.get(call.path());
            case "DELETE" -> client.delete(call.path());
            case "POST" -> client.post(call.path(), call.body());
            case "PUT" ->
                client.put(
                        call.path(),
                        call.path().endsWith(".csv") ? "text/csv" : "application/json",
                        call.body().getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException(call.method());
        };
    }
}
