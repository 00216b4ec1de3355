package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped under a running synthesis and requests, then started again: meanwhile every
 * answer that needs the database is a 503 problem with Retry-After (never a 500), the node needs
 * no restart to serve again, the job finishes once, and what is published afterwards reaches the
 * search index through the outbox. {@code -Dfacsimile.outage.seconds} sets the outage (30 s).
 */
class DatabaseOutageIT {

    private static final int OUTAGE_SECONDS = Integer.getInteger("facsimile.outage.seconds", 30);

    /**
     * A table of its own (columns no other test searches for: what this test publishes stays in
     * the shared index).
     */
    private static byte[] marshCounts(int rows) {
        java.util.Random random = new java.util.Random(11);
        StringBuilder csv = new StringBuilder("marsh_site,marsh_species,marsh_count,marsh_depth_cm\n");
        String[] species = {"harrier", "bittern", "coot", "water rail"};
        for (int i = 0; i < rows; i++) {
            int site = random.nextInt(12);
            csv.append("site-")
                    .append(site)
                    .append(',')
                    .append(species[random.nextInt(species.length)])
                    .append(',')
                    .append(random.nextInt(40))
                    .append(',')
                    .append(10 + site * 3 + random.nextInt(20))
                    .append('\n');
        }
        return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Incidents the web node logged so far (each unexpected failure logs one). */
    private static long incidents(Stack stack) throws java.io.IOException {
        try (java.util.stream.Stream<String> lines =
                java.nio.file.Files.lines(stack.dataDir().resolve("logs").resolve("payara.log"))) {
            return lines.filter(l -> l.contains("incident ")).count();
        }
    }

    @Test
    void theNodeOutlivesItsDatabase() throws Exception {
        Stack stack = RunningRepository.get();
        ApiClient olga = RunningRepository.newDepositor("olga-outage");
        ApiClient anonymous = olga.as(null);
        String title = "Outage probe marsh harrier";
        String deposit = DepositToPublishIT.createDeposit(olga, title);
        String d = "/api/deposits/" + deposit;
        assertEquals(
                201,
                olga.put(d + "/files/marsh.csv", "text/csv", marshCounts(3000)).status());
        assertEquals(202, olga.post(d + "/submit", "{\"trainingSeconds\": 15}").status());
        long deadline = System.currentTimeMillis() + 60_000;
        while (!"RUNNING".equals(olga.get(d + "/job").json().path("state").asText())) {
            if (System.currentTimeMillis() > deadline) {
                fail("the job did not start");
            }
            Thread.sleep(50);
        }

        long incidentsBefore = incidents(stack);
        stack.stopDatabase();
        int refused = 0;
        boolean jobsGaugeUnknown = false;
        try {
            long end = System.currentTimeMillis() + OUTAGE_SECONDS * 1000L;
            while (System.currentTimeMillis() < end) {
                for (ApiClient.Reply r :
                        new ApiClient.Reply[] {olga.get(d), olga.get("/api/deposits"), anonymous.get("/api/datasets")
                        }) {
                    assertEquals(503, r.status(), "while the database is away: " + r.body());
                    assertTrue(
                            r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
                    assertNotNull(r.header("Retry-After"), "says when to try again");
                    refused++;
                }
                assertEquals(503, anonymous.get("/api/health").status(), "health says the node cannot serve");
                ApiClient.Reply ready = anonymous.get("/health/ready");
                assertEquals(503, ready.status(), "out of service while the database is away: " + ready.body());
                assertEquals(
                        "DOWN",
                        HealthIT.check(ready.json(), "database").path("status").asText(),
                        ready.body());
                assertEquals(
                        "UP",
                        HealthIT.check(ready.json(), "store").path("status").asText(),
                        ready.body());
                ApiClient.Reply live = anonymous.get("/health/live");
                assertEquals(200, live.status(), "alive: a restart would not bring the database back: " + live.body());
                ApiClient.Reply metrics = anonymous.get("/metrics", "text/plain");
                assertEquals(200, metrics.status(), "metrics are served without the database");
                // the database's gauges keep an answer 5 s, then say they do not know
                jobsGaugeUnknown |= Double.isNaN(MetricsIT.value(metrics.body(), "facsimile_jobs", "state=\"queued\""));
                Thread.sleep(500);
            }
        } finally {
            stack.startDatabase();
        }
        assertTrue(refused >= 3, "requests were made during the outage");
        assertTrue(jobsGaugeUnknown, "a gauge read from the database is NaN while it is away, not a stale figure");

        long back = System.currentTimeMillis() + 60_000;
        ApiClient.Reply again;
        do {
            Thread.sleep(250);
            again = olga.get(d);
        } while (again.status() != 200 && System.currentTimeMillis() < back);
        assertEquals(200, again.status(), "the node serves again without a restart: " + again.body());
        assertEquals(200, anonymous.get("/api/health").status());
        ApiClient.Reply ready = anonymous.get("/health/ready");
        assertEquals(200, ready.status(), "back in service without a restart: " + ready.body());
        // no connection of the pool is left over from before: many requests at once all succeed
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 80; i++) {
                answers.add(pool.submit(() -> olga.get(d).status()));
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertEquals(200, answer.get(), "every pooled connection works again");
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode done = DepositToPublishIT.awaitJob(olga, deposit);
        assertEquals("DONE", done.path("step").asText(), "the job was not lost: " + done);
        long doneEvents = 0;
        for (JsonNode step : done.path("steps")) {
            if ("DONE".equals(step.path("step").asText())) {
                doneEvents++;
            }
        }
        assertEquals(1, doneEvents, "it finished once: " + done);
        assertTrue(done.path("attempts").asInt() <= 2, "stopped by the outage, then taken over once: " + done);
        assertEquals(incidentsBefore, incidents(stack), "an outage is no incident, for requests or the worker");

        ApiClient.Reply published = olga.post(d + "/publish", null);
        assertEquals(201, published.status(), published.body());
        long indexed = System.currentTimeMillis() + 60_000;
        while (!anonymous.get("/api/search?q=harrier").body().contains(title)) {
            if (System.currentTimeMillis() > indexed) {
                fail("the outbox did not reach the search index after the outage");
            }
            Thread.sleep(250);
        }
    }
}
