package org.facsimile.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The whole repository on one machine: Elasticsearch and PostgreSQL started side by side (and an
 * S3 server, S3Proxy, when files go to an object store), then Payara Micro with the WAR. More
 * nodes may join on the same database, search and store ({@link #startNode}), as nodes on other
 * machines would. {@link #close} stops whatever has started, the nodes first, so a failed or
 * interrupted start leaves no process behind.
 */
public final class Stack implements AutoCloseable {

    private final LaunchOptions options;
    private final Path logs;
    private volatile PostgresServer postgres;
    private volatile ElasticsearchServer elasticsearch;
    private volatile PayaraServer payara;
    private volatile ObjectStoreServer objects;
    private final List<Node> nodes = new ArrayList<>();
    private String objectStoreSecret;
    private String adminToken;
    private boolean adminTokenIsNew;
    private String masterKeys;
    private Map<String, String> overrides = Map.of();

    public Stack(LaunchOptions options) throws IOException {
        this.options = options;
        Files.createDirectories(options.dataDir());
        this.logs = Files.createDirectories(options.dataDir().resolve("logs"));
    }

    /** Starts everything and returns when the repository answers. */
    public Stack start() throws IOException, InterruptedException {
        List<String> pieces = new ArrayList<>(List.of("facsimile.war", "payara-micro.jar", "elasticsearch.zip"));
        if (options.objectStorePort() > 0) {
            pieces.add("s3proxy.jar");
        }
        for (String piece : pieces) {
            if (!Files.isRegularFile(options.runtimeDir().resolve(piece))) {
                throw new IOException(
                        options.runtimeDir().resolve(piece) + " is missing: build first (mvn -B install -DskipTests)");
            }
        }
        loadOrCreateSecrets();
        elasticsearch = launchSearch();
        if (options.objectStorePort() > 0) {
            objects = ObjectStoreServer.launch(
                    options.runtimeDir().resolve("s3proxy.jar"),
                    options.dataDir(),
                    options.objectStorePort(),
                    objectStoreSecret,
                    logs.resolve("s3proxy.log"));
        }
        postgres = PostgresServer.start(options.dataDir(), options.postgresPort());
        elasticsearch.awaitUp(Duration.ofMinutes(3));
        if (objects != null) {
            objects.awaitUp(Duration.ofMinutes(2));
        }
        startWeb();
        return this;
    }

    private void loadOrCreateSecrets() throws IOException {
        Path tokenFile = options.dataDir().resolve("admin-token");
        adminTokenIsNew = !Files.exists(tokenFile);
        adminToken = secretFile(tokenFile, () -> {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return "fcsm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
        objectStoreSecret = secretFile(options.dataDir().resolve("s3-secret"), () -> {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
        masterKeys = secretFile(options.dataDir().resolve("master-keys"), () -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return "local-1:" + Base64.getEncoder().encodeToString(key);
        });
    }

    /** A secret kept in the data folder, readable only by its owner; made by {@code fresh} the first time. */
    private static String secretFile(Path file, Supplier<String> fresh) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, fresh.get());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return Files.readString(file).trim();
    }

    /** The web node's configuration, as environment variables (MicroProfile Config reads them). */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FACSIMILE_BASE_URL", options.baseUrl());
        env.put("FACSIMILE_DB_URL", postgres.jdbcUrl());
        env.put("FACSIMILE_DB_USER", PostgresServer.USER);
        env.put("FACSIMILE_DB_PASSWORD", PostgresServer.PASSWORD);
        if (objects == null) {
            env.put("FACSIMILE_STORAGE_DIR", options.dataDir().resolve("store").toString());
        } else {
            env.put("FACSIMILE_STORAGE_KIND", "s3");
            env.put("FACSIMILE_STORAGE_S3_ENDPOINT", objects.url());
            env.put("FACSIMILE_STORAGE_S3_BUCKET", "facsimile");
            env.put("FACSIMILE_STORAGE_S3_PATH_STYLE", "true");
            env.put("AWS_ACCESS_KEY_ID", ObjectStoreServer.IDENTITY);
            env.put("AWS_SECRET_ACCESS_KEY", objectStoreSecret);
        }
        env.put("FACSIMILE_STORAGE_MASTER_KEYS", masterKeys);
        env.put("FACSIMILE_SEARCH_URL", elasticsearch.url());
        env.put("FACSIMILE_WORKER_THREADS", Integer.toString(options.workerThreads()));
        env.put("FACSIMILE_WORKER_LEASE_SECONDS", Integer.toString(options.leaseSeconds()));
        env.put("FACSIMILE_BOOTSTRAP_ADMIN_TOKEN", adminToken);
        env.putAll(options.settings());
        env.putAll(overrides);
        return env;
    }

    /** Starts (or restarts) the web node. */
    public void startWeb() throws IOException, InterruptedException {
        payara = PayaraServer.launch(
                options.runtimeDir(),
                options.dataDir().resolve("payara-tmp"),
                options.httpPort(),
                environment(),
                logs.resolve("payara.log"));
        payara.awaitUp(Duration.ofMinutes(4));
    }

    /** One more node of the same repository: its own port, scratch folder and log. */
    public static final class Node {
        private final String name;
        private final PayaraServer server;
        private final String baseUrl;
        private final Path log;

        private Node(String name, PayaraServer server, String baseUrl, Path log) {
            this.name = name;
            this.server = server;
            this.baseUrl = baseUrl;
            this.log = log;
        }

        public String name() {
            return name;
        }

        /** Where this node answers (the repository's public base URL stays the first node's). */
        public String baseUrl() {
            return baseUrl;
        }

        public Path log() {
            return log;
        }

        /** Waits until the node answers. */
        public Node awaitUp() throws IOException, InterruptedException {
            server.awaitUp(Duration.ofMinutes(4));
            return this;
        }

        /** Stops the node at once, as a crash would. */
        public void kill() throws InterruptedException {
            server.kill();
        }
    }

    /**
     * Starts one more node on this stack's database, search and store, with {@code workerThreads}
     * synthesis workers (0: a web node only); returns at once, {@link Node#awaitUp} waits. With the
     * file-system store the nodes share its folder, which one machine can; with {@code --s3} they
     * share nothing but the servers, as nodes on several machines do.
     */
    public synchronized Node startNode(String name, int port, int workerThreads)
            throws IOException, InterruptedException {
        return startNode(name, port, workerThreads, Map.of());
    }

    /** {@link #startNode(String, int, int)} with some of this node's environment changed. */
    public synchronized Node startNode(String name, int port, int workerThreads, Map<String, String> settings)
            throws IOException, InterruptedException {
        Map<String, String> env = environment();
        env.put("FACSIMILE_WORKER_THREADS", Integer.toString(workerThreads));
        env.putAll(settings);
        Path log = logs.resolve("payara-" + name + ".log");
        Node node = new Node(
                name,
                PayaraServer.launch(
                        options.runtimeDir(), options.dataDir().resolve("payara-tmp-" + name), port, env, log),
                "http://localhost:" + port,
                log);
        nodes.add(node);
        return node;
    }

    /**
     * Stops the web node and starts it again with some settings changed (FACSIMILE_* names), as an
     * operator changing the configuration would; an empty map goes back to the launch settings.
     */
    public void restartWeb(Map<String, String> settings) throws IOException, InterruptedException {
        payara.kill();
        overrides = Map.copyOf(settings);
        startWeb();
    }

    /** Kills the web node at once, as a crash would. */
    public void killWeb() throws InterruptedException {
        payara.kill();
    }

    /** Stops PostgreSQL at once (to show the nodes outlive an outage of their database). */
    public synchronized void stopDatabase() throws IOException {
        postgres.close();
    }

    /** Starts PostgreSQL again on its data and port after {@link #stopDatabase()}. */
    public synchronized void startDatabase() throws IOException {
        postgres = PostgresServer.start(options.dataDir(), options.postgresPort());
    }

    /** Stops Elasticsearch (to show the repository keeps working without it). */
    public void stopSearch() {
        elasticsearch.close();
    }

    /** Starts Elasticsearch again on its data after {@link #stopSearch()}. */
    public void startSearch() throws IOException, InterruptedException {
        elasticsearch = launchSearch();
        elasticsearch.awaitUp(Duration.ofMinutes(3));
    }

    private ElasticsearchServer launchSearch() throws IOException, InterruptedException {
        return ElasticsearchServer.launch(
                options.runtimeDir().resolve("elasticsearch.zip"),
                options.dataDir(),
                options.elasticsearchPort(),
                logs.resolve("elasticsearch.log"));
    }

    /** The folder holding the databases, the store, the logs and the secrets. */
    public Path dataDir() {
        return options.dataDir();
    }

    public String baseUrl() {
        return options.baseUrl();
    }

    public String adminToken() {
        return adminToken;
    }

    public boolean adminTokenIsNew() {
        return adminTokenIsNew;
    }

    public String elasticsearchUrl() {
        return elasticsearch.url();
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    @Override
    public synchronized void close() {
        nodes.forEach(n -> n.server.close());
        nodes.clear();
        if (payara != null) {
            payara.close();
            payara = null;
        }
        if (elasticsearch != null) {
            elasticsearch.close();
            elasticsearch = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // exiting
            }
            postgres = null;
        }
        if (objects != null) {
            objects.close();
            objects = null;
        }
    }
}
