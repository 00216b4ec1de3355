package org.facsimile.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real stack (PostgreSQL, Elasticsearch, Payara Micro with the WAR), started once for the
 * integration tests of this JVM on free ports in a fresh data directory.
 */
final class RunningRepository {

    /** The upload limit the tests run under, small enough to exceed cheaply. */
    static final long UPLOAD_LIMIT = 20L * 1024 * 1024;
    /** A short lease, so a killed node's job is taken over quickly. */
    static final int LEASE_SECONDS = 4;

    /** The port of the tests' OpenID provider, configured in the repository from the start. */
    static final int OPENID_PORT;
    /** The repository's client credentials at that provider. */
    static final String OPENID_CLIENT = "facsimile-it";

    static final String OPENID_SECRET = java.util.UUID.randomUUID().toString();

    static {
        try {
            OPENID_PORT = freePort();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Stack stack;

    private RunningRepository() {}

    static synchronized Stack get() throws IOException, InterruptedException {
        if (stack == null) {
            Path data = Files.createTempDirectory("facsimile-it-");
            data.toFile().setExecutable(true, false);
            LaunchOptions options = new LaunchOptions(
                    data,
                    LaunchOptions.defaultRuntime(),
                    freePort(),
                    freePort(),
                    freePort(),
                    0, // files in a folder
                    false,
                    1,
                    LEASE_SECONDS,
                    Map.of(
                            // The node's JVM compiles with C1 only: it starts about a quarter
                            // faster, and these tests restart it some thirty times (CrashIT 20);
                            // the few small syntheses here lose less than that.
                            "JAVA_TOOL_OPTIONS",
                            "-XX:TieredStopAtLevel=1",
                            "FACSIMILE_UPLOAD_MAX_BYTES",
                            Long.toString(UPLOAD_LIMIT),
                            "FACSIMILE_OUTBOX_POLL_MILLIS",
                            "300",
                            "FACSIMILE_WORKER_POLL_MILLIS",
                            "200",
                            "FACSIMILE_EMBARGO_CHECK_SECONDS",
                            "2",
                            "FACSIMILE_OIDC_ISSUER",
                            "http://localhost:" + OPENID_PORT + "/realm",
                            "FACSIMILE_OIDC_CLIENT_ID",
                            OPENID_CLIENT,
                            "FACSIMILE_OIDC_CLIENT_SECRET",
                            OPENID_SECRET));
            Stack started = new Stack(options);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                keepOnlyLogs(data);
            }));
            stack = started.start();
        }
        return stack;
    }

    /**
     * Removes what a run left in its data directory (databases, store, Elasticsearch: about 400 MB
     * a run) but its logs, which are what one reads after a failure.
     */
    static void keepOnlyLogs(Path data) {
        try (java.util.stream.Stream<Path> children = Files.list(data)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                if (!child.getFileName().toString().equals("logs")) {
                    ChildProcess.deleteTree(child);
                }
            }
            System.err.println("integration test logs kept in " + data.resolve("logs"));
        } catch (IOException e) {
            System.err.println("could not clean " + data + ": " + e);
        }
    }

    static ApiClient admin() throws IOException, InterruptedException {
        return new ApiClient(get().baseUrl(), get().adminToken());
    }

    /** A new depositor account, and a client holding its token. */
    static ApiClient newDepositor(String username) throws IOException, InterruptedException {
        return newAccount(username, "DEPOSITOR", null);
    }

    /** A new account of a role, with a password when one is given, and a client holding its first token. */
    static ApiClient newAccount(String username, String role, String password)
            throws IOException, InterruptedException {
        return newAccount(admin(), username, role, password);
    }

    /** The same, made by {@code admin} on whichever repository it talks to. */
    static ApiClient newAccount(ApiClient admin, String username, String role, String password)
            throws IOException, InterruptedException {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", username);
        body.put("role", role);
        if (password != null) {
            body.put("password", password);
        }
        ApiClient.Reply r = admin.post("/api/admin/accounts", ApiClient.json(body));
        if (r.status() != 201) {
            throw new IllegalStateException("could not create " + username + ": " + r.status() + " " + r.body());
        }
        return admin.as(r.json().path("token").asText());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
