package org.facsimile.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * What can be chosen when starting.
 *
 * @param dataDir where PostgreSQL, Elasticsearch, the blob store and Payara keep their state
 * @param runtimeDir where the WAR, payara-micro.jar and the Elasticsearch zip are
 * @param httpPort the repository's HTTP port
 * @param postgresPort PostgreSQL's port (loopback only)
 * @param elasticsearchPort Elasticsearch's HTTP port (loopback only)
 * @param objectStorePort the S3 server's port (loopback only), or 0 to keep files in a folder
 * @param demo whether to load the demo deposit
 * @param workerThreads synthesis worker threads
 * @param leaseSeconds the job lease
 * @param settings further repository settings, as FACSIMILE_* environment variables
 */
public record LaunchOptions(
        Path dataDir,
        Path runtimeDir,
        int httpPort,
        int postgresPort,
        int elasticsearchPort,
        int objectStorePort,
        boolean demo,
        int workerThreads,
        int leaseSeconds,
        Map<String, String> settings) {

    public LaunchOptions {
        settings = Map.copyOf(settings);
    }

    static final String USAGE = """
      usage: java -jar launcher/target/facsimile.jar [options]
        --data-dir DIR     state of all servers (default: ./data)
        --port N           HTTP port of the repository (default: 8080)
        --pg-port N        PostgreSQL port (default: 5433)
        --es-port N        Elasticsearch port (default: 9201)
        --s3               keep files in an S3 object store (S3Proxy, started alongside)
                           instead of a folder, as several machines' nodes would
        --s3-port N        its port (default: 9202)
        --workers N        synthesis worker threads (default: 1)
        --no-demo          do not load the demo deposit
      """;

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    static LaunchOptions parse(String[] args) {
        Path dataDir = Path.of("data");
        Path runtime = defaultRuntime();
        int port = 8080;
        int pg = 5433;
        int es = 9201;
        int s3 = 0;
        boolean demo = true;
        int workers = 1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, a));
                case "--runtime" -> runtime = Path.of(value(args, ++i, a));
                case "--port" -> port = Integer.parseInt(value(args, ++i, a));
                case "--pg-port" -> pg = Integer.parseInt(value(args, ++i, a));
                case "--es-port" -> es = Integer.parseInt(value(args, ++i, a));
                case "--s3" -> s3 = s3 == 0 ? 9202 : s3;
                case "--s3-port" -> s3 = Integer.parseInt(value(args, ++i, a));
                case "--workers" -> workers = Integer.parseInt(value(args, ++i, a));
                case "--no-demo" -> demo = false;
                case "--help", "-h" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new LaunchOptions(
                dataDir.toAbsolutePath().normalize(), runtime, port, pg, es, s3, demo, workers, 60, Map.of());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** runtime/ beside the launcher jar (launcher/target/runtime), or -Dfacsimile.runtime. */
    public static Path defaultRuntime() {
        String property = System.getProperty("facsimile.runtime");
        if (property != null) {
            return Path.of(property).toAbsolutePath();
        }
        try {
            Path jar = Path.of(LaunchOptions.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return jar.getParent().resolve("runtime");
        } catch (Exception e) {
            return Path.of("launcher/target/runtime").toAbsolutePath();
        }
    }
}
