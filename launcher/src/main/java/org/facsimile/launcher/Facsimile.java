package org.facsimile.launcher;

import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar launcher/target/facsimile.jar}: starts PostgreSQL, Elasticsearch and the
 * repository, loads the demo deposit, prints the URLs, and runs until Ctrl-C, which stops all of
 * them. A second start reuses the data directory: nothing is lost.
 */
public final class Facsimile {

    private Facsimile() {}

    public static void main(String[] args) throws Exception {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        // the embedded PostgreSQL relays every server log line at INFO; keep the console for our own lines
        java.util.logging.Logger.getLogger("io.zonky.test.db.postgres").setLevel(java.util.logging.Level.WARNING);
        long started = System.nanoTime();
        say("starting PostgreSQL and Elasticsearch, then the repository (data in " + options.dataDir() + ")");
        Stack stack = new Stack(options);
        CountDownLatch stopped = new CountDownLatch(1);
        // registered before anything starts, so Ctrl-C during start-up stops what has started
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("stopping");
            stack.close();
            stopped.countDown();
        }));
        try {
            stack.start();
        } catch (Exception e) {
            System.err.println("[facsimile] could not start: " + e.getMessage());
            System.exit(1);
        }
        say(String.format("repository up at %s after %.0f s", stack.baseUrl(), (System.nanoTime() - started) / 1e9));
        if (stack.adminTokenIsNew()) {
            say("admin API token (shown once; also kept in " + options.dataDir().resolve("admin-token") + "):");
            System.out.println("    " + stack.adminToken());
        } else {
            say("admin API token: see " + options.dataDir().resolve("admin-token"));
        }
        ApiClient api = new ApiClient(stack.baseUrl(), stack.adminToken());
        if (options.demo()) {
            String landing = DemoDeposit.load(api, Facsimile::say);
            say("demo dataset published: " + landing);
        }
        say(String.format("ready after %.0f s", (System.nanoTime() - started) / 1e9));
        say("  landing pages   " + stack.baseUrl() + "/datasets/{id}");
        say("  datasets (JSON) " + stack.baseUrl() + "/api/datasets");
        say("  search          " + stack.baseUrl() + "/api/search?q=census");
        say("  DCAT catalogue  " + stack.baseUrl() + "/api/catalog");
        say("  OAI-PMH         " + stack.baseUrl() + "/api/oai?verb=Identify");
        say("  logs            " + options.dataDir().resolve("logs"));
        say("Ctrl-C stops everything");
        stopped.await();
    }

    static void say(String line) {
        System.out.println("[facsimile] " + line);
    }
}
