package org.facsimile.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole repository on one machine: Elasticsearch and PostgreSQL started side by side, then
 * Payara Micro with the WAR. {@link #close} stops whatever has started, the web node first, so a
 * failed or interrupted start leaves no process behind.
 */
public final class Stack implements AutoCloseable {

    private final LaunchOptions options;
    private final Path logs;
    private volatile PostgresServer postgres;
    private volatile ElasticsearchServer elasticsearch;
    private volatile PayaraServer payara;
    private String adminToken;
    private boolean adminTokenIsNew;

    public Stack(LaunchOptions options) throws IOException {
        this.options = options;
        Files.createDirectories(options.dataDir());
        this.logs = Files.createDirectories(options.dataDir().resolve("logs"));
    }

    /** Starts everything and returns when the repository answers. */
    public Stack start() throws IOException, InterruptedException {
        for (String piece : new String[] {"facsimile.war", "payara-micro.jar", "elasticsearch.zip"}) {
            if (!Files.isRegularFile(options.runtimeDir().resolve(piece))) {
                throw new IOException(
                        options.runtimeDir().resolve(piece) + " is missing: build first (mvn -B install -DskipTests)");
            }
        }
        elasticsearch = ElasticsearchServer.launch(
                options.runtimeDir().resolve("elasticsearch.zip"),
                options.dataDir(),
                options.elasticsearchPort(),
                logs.resolve("elasticsearch.log"));
        postgres = PostgresServer.start(options.dataDir(), options.postgresPort());
        elasticsearch.awaitUp(Duration.ofMinutes(3));
        loadOrCreateAdminToken();
        startWeb();
        return this;
    }

    private void loadOrCreateAdminToken() throws IOException {
        Path tokenFile = options.dataDir().resolve("admin-token");
        adminTokenIsNew = !Files.exists(tokenFile);
        if (adminTokenIsNew) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            adminToken = "fcsm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(tokenFile, adminToken);
            Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        } else {
            adminToken = Files.readString(tokenFile).trim();
        }
    }

    /** The web node's configuration, as environment variables (MicroProfile Config reads them). */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FACSIMILE_BASE_URL", options.baseUrl());
        env.put("FACSIMILE_DB_URL", postgres.jdbcUrl());
        env.put("FACSIMILE_DB_USER", PostgresServer.USER);
        env.put("FACSIMILE_DB_PASSWORD", PostgresServer.PASSWORD);
        env.put("FACSIMILE_STORAGE_DIR", options.dataDir().resolve("store").toString());
        env.put("FACSIMILE_SEARCH_URL", elasticsearch.url());
        env.put("FACSIMILE_WORKER_THREADS", Integer.toString(options.workerThreads()));
        env.put("FACSIMILE_WORKER_LEASE_SECONDS", Integer.toString(options.leaseSeconds()));
        env.put("FACSIMILE_BOOTSTRAP_ADMIN_TOKEN", adminToken);
        env.putAll(options.settings());
        return env;
    }

    /** Starts (or restarts) the web node. */
    public void startWeb() throws IOException, InterruptedException {
        payara = PayaraServer.launch(
                options.runtimeDir(), options.dataDir(), options.httpPort(), environment(), logs.resolve("payara.log"));
        payara.awaitUp(Duration.ofMinutes(4));
    }

    /** Kills the web node at once, as a crash would. */
    public void killWeb() throws InterruptedException {
        payara.kill();
    }

    /** Stops Elasticsearch (to show the repository keeps working without it). */
    public void stopSearch() {
        elasticsearch.close();
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
    }
}
