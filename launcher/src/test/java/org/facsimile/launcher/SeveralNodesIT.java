package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The repository on several nodes, as it grows past one machine: two web nodes and two
 * worker-only nodes, all real processes, on one PostgreSQL, one Elasticsearch and one S3 store
 * (S3Proxy), sharing no folder. What one web node takes, the other serves; a browser's session
 * and its CSRF token hold on either, and its double-click counts once; jobs spread over both
 * workers, each run once, and a worker killed mid-job hands its job to the other; the sign-in
 * throttle counts across web nodes. Its own stack, apart from the other tests'.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralNodesIT {

    private static final String PASSWORD = "lichen-basalt-7";
    private static final int LEASE_SECONDS = 5;

    private static Path data;
    private static Stack stack;
    private static Stack.Node webB;
    private static Stack.Node worker1;
    private static Stack.Node worker2;
    private static ApiClient adminA;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("facsimile-it-nodes-");
        LaunchOptions options = new LaunchOptions(
                data,
                LaunchOptions.defaultRuntime(),
                RunningRepository.freePort(),
                RunningRepository.freePort(),
                RunningRepository.freePort(),
                RunningRepository.freePort(),
                false,
                // the first node serves the site and runs no synthesis
                0,
                LEASE_SECONDS,
                Map.of(
                        "JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1",
                        "FACSIMILE_WORKER_POLL_MILLIS", "200",
                        "FACSIMILE_OUTBOX_POLL_MILLIS", "300"));
        stack = new Stack(options).start();
        webB = stack.startNode("web-b", RunningRepository.freePort(), 0);
        worker1 = stack.startNode("worker-1", RunningRepository.freePort(), 1);
        worker2 = stack.startNode("worker-2", RunningRepository.freePort(), 1);
        for (Stack.Node node : List.of(webB, worker1, worker2)) {
            node.awaitUp();
        }
        adminA = new ApiClient(stack.baseUrl(), stack.adminToken());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (data != null) {
            RunningRepository.keepOnlyLogs(data);
        }
    }

    /** An account of {@code role} made through the first node; its token. */
    private static String account(String username, String role, String password) throws Exception {
        return RunningRepository.newAccount(adminA, username, role, password).token();
    }

    /** A deposit of a patients table, submitted through {@code api}; its id. */
    private static String submitted(ApiClient api, String title, int rows, long seed, String settings)
            throws Exception {
        ApiClient.Reply created = api.post(
                "/api/deposits",
                ApiClient.json(Map.of(
                        "title",
                        title,
                        "description",
                        "Admissions of a fictional hospital, for " + title.toLowerCase() + ".",
                        "creators",
                        List.of("Nodes, Nina"),
                        "licence",
                        "https://creativecommons.org/publicdomain/zero/1.0/")));
        assertEquals(201, created.status(), created.body());
        String id = created.json().path("id").asText();
        assertEquals(
                201,
                api.put(
                                "/api/deposits/" + id + "/files/admissions.csv",
                                "text/csv",
                                DepositToPublishIT.patients(rows, seed))
                        .status());
        ApiClient.Reply submit = api.post("/api/deposits/" + id + "/submit", settings);
        assertEquals(202, submit.status(), submit.body());
        return id;
    }

    /** The node names whose log says it took attempt {@code attempt} of {@code jobId}. */
    private static List<String> takenBy(String jobId, int attempt) throws IOException {
        List<String> nodes = new ArrayList<>();
        for (Stack.Node node : List.of(webB, worker1, worker2)) {
            if (Files.readString(node.log()).contains("job " + jobId + " attempt " + attempt + " taken by")) {
                nodes.add(node.name());
            }
        }
        if (Files.readString(data.resolve("logs/payara.log")).contains("job " + jobId + " attempt " + attempt)) {
            nodes.add("web-a");
        }
        return nodes;
    }

    @Test
    @Order(1)
    void aDepositTakenByOneWebNodeIsPublishedAndServedByTheOther() throws Exception {
        String token = account("nodes-olga", "DEPOSITOR", null);
        ApiClient onA = adminA.as(token);
        ApiClient onB = new ApiClient(webB.baseUrl(), token);
        String deposit = submitted(onA, "Ward admissions on two nodes", 300, 1, "{\"synthesizer\":\"baseline\"}");
        JsonNode job = DepositToPublishIT.awaitJob(onB, deposit);
        assertEquals("DONE", job.path("step").asText(), job.toString());
        ApiClient.Reply published = onB.post("/api/deposits/" + deposit + "/publish", null);
        assertEquals(201, published.status(), published.body());
        String dataset = published.json().path("datasetId").asText();

        JsonNode file = onA.get("/api/datasets/" + dataset).json().path("files").get(0);
        String path = "/api/datasets/" + dataset + "/files/" + file.path("name").asText();
        byte[] fromA = onA.download(path).body();
        byte[] fromB = onB.download(path).body();
        assertEquals(
                file.path("sha256").asText(),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(fromA)));
        assertTrue(java.util.Arrays.equals(fromA, fromB), "either node serves the same file");

        // a person's double-click, balanced onto both web nodes, is one view (COUNTER)
        String firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
        long views = onA.get("/api/datasets/" + dataset + "/usage")
                .json()
                .path("views")
                .asLong();
        assertEquals(
                200,
                onA.withHeader("User-Agent", firefox)
                        .get("/datasets/" + dataset, "text/html")
                        .status());
        assertEquals(
                200,
                onB.withHeader("User-Agent", firefox)
                        .get("/datasets/" + dataset, "text/html")
                        .status());
        assertEquals(
                views + 1,
                onB.get("/api/datasets/" + dataset + "/usage")
                        .json()
                        .path("views")
                        .asLong(),
                "counted once across the two nodes");

        assertFalse(Files.exists(data.resolve("store")), "no node kept files in a folder");
        try (Stream<Path> objects = Files.walk(data.resolve("objects"))) {
            assertTrue(
                    objects.anyMatch(p -> p.toString().contains("public") && Files.isRegularFile(p)),
                    "the published files are objects in the bucket");
        }
    }

    @Test
    @Order(2)
    void aSignInOnOneWebNodeHoldsOnTheOtherAndSoDoesItsCsrfToken() throws Exception {
        account("nodes-nina", "DEPOSITOR", PASSWORD);
        FormBrowser atA = new FormBrowser(stack.baseUrl());
        assertEquals(303, atA.signIn("nodes-nina", PASSWORD).statusCode());
        FormBrowser atB = atA.at(webB.baseUrl());
        HttpResponse<String> account = atB.get("/account");
        assertEquals(200, account.statusCode(), account.body());
        assertTrue(account.body().contains("Signed in as <b>nodes-nina</b>"), account.body());
        String csrf = FormBrowser.field(account.body(), "csrf");
        HttpResponse<String> created = atA.post(
                "/account/tokens",
                Map.of("csrf", csrf, "label", "made across nodes", "scope", "read", "expiresInDays", "1"));
        assertEquals(201, created.statusCode(), "a token of the form node B rendered, posted to node A");
        assertEquals(303, atB.post("/sign-out", Map.of("csrf", csrf)).statusCode());
        assertEquals(303, atA.get("/account").statusCode(), "signed out on B is signed out on A");
    }

    @Test
    @Order(3)
    void jobsSpreadOverBothWorkersAndEachRunsOnce() throws Exception {
        ApiClient onA = adminA.as(account("nodes-ivo", "DEPOSITOR", null));
        List<String> deposits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            deposits.add(submitted(onA, "Batch " + i, 400, 10 + i, "{\"synthesizer\":\"baseline\"}"));
        }
        Map<String, Integer> perNode = new java.util.TreeMap<>();
        for (String deposit : deposits) {
            JsonNode job = DepositToPublishIT.awaitJob(onA, deposit);
            assertEquals("DONE", job.path("step").asText(), job.toString());
            assertEquals(1, job.path("attempts").asInt(), "run once: " + job);
            List<String> nodes = takenBy(job.path("id").asText(), 1);
            assertEquals(1, nodes.size(), "taken by one node: " + nodes);
            perNode.merge(nodes.get(0), 1, Integer::sum);
        }
        assertEquals(
                List.of("worker-1", "worker-2"),
                List.copyOf(perNode.keySet()),
                "both workers, no web node: " + perNode);
    }

    @Test
    @Order(4)
    void aWorkerKilledMidJobHandsItsJobToTheOther() throws Exception {
        ApiClient onA = adminA.as(account("nodes-kai", "DEPOSITOR", null));
        String deposit = submitted(
                onA, "Long training", 3000, 99, "{\"trainingSeconds\": 30, \"sampleRows\": 20000, \"seed\": 7}");
        String jobId = null;
        List<String> holder = List.of();
        long deadline = System.currentTimeMillis() + 240_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode job = onA.get("/api/deposits/" + deposit + "/job").json();
            jobId = job.path("id").asText();
            holder = takenBy(jobId, 1);
            if ("TRAINING".equals(job.path("step").asText()) && !holder.isEmpty()) {
                break;
            }
            assertFalse(List.of("DONE", "FAILED").contains(job.path("step").asText()), "still running: " + job);
            Thread.sleep(200);
        }
        assertEquals(1, holder.size(), "one worker holds it: " + holder);
        Stack.Node killed = holder.get(0).equals("worker-1") ? worker1 : worker2;
        Stack.Node other = killed == worker1 ? worker2 : worker1;
        killed.kill();

        JsonNode done = DepositToPublishIT.awaitJob(onA, deposit);
        assertEquals("DONE", done.path("step").asText(), done.toString());
        assertEquals(2, done.path("attempts").asInt(), done.toString());
        assertEquals(List.of(other.name()), takenBy(jobId, 2), "the other worker took it over");
        Matcher attempts = Pattern.compile("job " + jobId + " attempt \\d+ taken by")
                .matcher(Files.readString(killed.log()) + Files.readString(other.log()));
        int taken = 0;
        while (attempts.find()) {
            taken++;
        }
        assertEquals(2, taken, "taken twice in all: once before the kill, once after");
    }

    /** Last: it leaves this stack refusing sign-ins from the loopback address for ten minutes. */
    @Test
    @Order(5)
    void failedSignInsFromOneAddressAreCountedAcrossWebNodes() throws Exception {
        List<ApiClient> nodes = List.of(adminA.as(null), new ApiClient(webB.baseUrl(), null));
        for (int i = 0; i < 20; i++) {
            ApiClient.Reply failed = nodes.get(i % 2)
                    .post("/api/auth/session", ApiClient.json(Map.of("username", "nobody-" + i, "password", "wrong")));
            assertEquals(401, failed.status(), i + ": " + failed.body());
        }
        for (ApiClient node : nodes) {
            ApiClient.Reply refused = node.post(
                    "/api/auth/session", ApiClient.json(Map.of("username", "nobody-21", "password", "wrong")));
            assertEquals(429, refused.status(), "each node saw ten; the limit is twenty in all: " + refused.body());
            assertTrue(refused.header("Retry-After") != null);
        }
    }
}
