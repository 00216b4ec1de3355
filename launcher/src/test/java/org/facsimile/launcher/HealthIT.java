package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Health on the running stack: liveness (threads, workers), readiness (database at
 * this node's schema version, store writable, search reachable) and startup (schema migrated,
 * duties begun, index checked), each check named with what it found, and nothing in them a
 * load balancer should not see. The outage tests check the same endpoints with the database
 * (DatabaseOutageIT) and search (SearchIT) away.
 */
class HealthIT {

    /** The named check of a health answer; fails when it is not there. */
    static JsonNode check(JsonNode health, String name) {
        for (JsonNode c : health.path("checks")) {
            if (name.equals(c.path("name").asText())) {
                return c;
            }
        }
        return fail("no check named " + name + " in " + health);
    }

    /** The latest migration in db-migrations: the schema version a node of this build migrates to. */
    private static String latestMigration() throws Exception {
        Pattern version = Pattern.compile("V(\\d+)__.*\\.sql");
        int latest = 0;
        try (Stream<Path> files =
                Files.list(Path.of("..", "db-migrations", "src", "main", "resources", "db", "migration"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = version.matcher(f.getFileName().toString());
                if (m.matches()) {
                    latest = Math.max(latest, Integer.parseInt(m.group(1)));
                }
            }
        }
        assertTrue(latest > 0, "migrations found");
        return "V" + latest;
    }

    @Test
    void liveReadyAndStartedSayWhatEachCheckFound() throws Exception {
        Stack stack = RunningRepository.get();
        ApiClient anonymous = RunningRepository.admin().as(null);

        ApiClient.Reply live = anonymous.get("/health/live");
        assertEquals(200, live.status(), live.body());
        assertEquals("UP", live.json().path("status").asText());
        JsonNode threads = check(live.json(), "threads");
        assertEquals("UP", threads.path("status").asText());
        assertEquals(0, threads.path("data").path("deadlocked").asInt());
        JsonNode workers = check(live.json(), "workers");
        assertEquals("UP", workers.path("status").asText(), workers.toString());
        assertTrue(workers.path("data").path("threads").asInt() >= 1, "the stack's node runs workers: " + workers);

        ApiClient.Reply ready = anonymous.get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        JsonNode database = check(ready.json(), "database");
        assertEquals("UP", database.path("status").asText(), database.toString());
        assertEquals(
                latestMigration(), database.path("data").path("schema").asText(), "migrated to this build's schema");
        assertEquals("UP", check(ready.json(), "store").path("status").asText());
        JsonNode search = check(ready.json(), "search");
        assertEquals("UP", search.path("status").asText());
        assertTrue(search.path("data").path("reachable").asBoolean(), search.toString());

        // the index check may still be running on a freshly started stack: wait for it, once
        long deadline = System.currentTimeMillis() + 60_000; // a hang guard, not a timing
        ApiClient.Reply started = anonymous.get("/health/started");
        while (started.status() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            started = anonymous.get("/health/started");
        }
        assertEquals(200, started.status(), started.body());
        JsonNode node = check(started.json(), "node");
        assertEquals("UP", node.path("status").asText());
        assertEquals(latestMigration(), node.path("data").path("schema").asText());
        assertEquals("begun", node.path("data").path("duties").asText());
        assertEquals(
                "current",
                check(started.json(), "search index").path("data").path("index").asText());

        ApiClient.Reply all = anonymous.get("/health");
        assertEquals(200, all.status(), all.body());
        Set<String> names = new HashSet<>();
        all.json().path("checks").forEach(c -> names.add(c.path("name").asText()));
        assertEquals(Set.of("threads", "workers", "database", "store", "search", "node", "search index"), names);
        for (ApiClient.Reply r : new ApiClient.Reply[] {live, ready, started, all}) {
            assertFalse(r.body().contains(stack.dataDir().toString()), "no path of the node in " + r.body());
            assertFalse(r.body().toLowerCase(java.util.Locale.ROOT).contains("password"), r.body());
        }
    }
}
