package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Metrics on the running stack: a deposit uploaded, synthesized and published, a
 * search and an OAI-PMH request made, and the Prometheus text at {@code /metrics} shows the
 * counters, gauges and timers moved. The scrapes are kept in target/ for a reader.
 */
class MetricsIT {

    /**
     * The value of the metric {@code name} whose labels include {@code label} (empty: any) in a
     * Prometheus text scrape; NaN when there is no such line.
     */
    static double value(String scrape, String name, String label) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int end = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
            String metric = line.substring(0, end);
            if ((metric.equals(name) || metric.equals("application_" + name)) && line.contains(label)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }

    private static String scrape(ApiClient anonymous, String file) throws Exception {
        ApiClient.Reply metrics = anonymous.get("/metrics", "text/plain");
        assertEquals(200, metrics.status(), metrics.body());
        Files.writeString(Path.of("target", file), metrics.body(), StandardCharsets.UTF_8);
        return metrics.body();
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    @Test
    void aDepositSearchAndHarvestMoveTheirMetrics() throws Exception {
        RunningRepository.get();
        ApiClient mira = RunningRepository.newDepositor("mira-metrics");
        ApiClient anonymous = mira.as(null);
        String before = scrape(anonymous, "metrics-before.txt");

        String deposit = DepositToPublishIT.createDeposit(mira, "Metrics probe lichen survey");
        String d = "/api/deposits/" + deposit;
        byte[] table = DepositToPublishIT.patients(600, 5);
        assertEquals(201, mira.put(d + "/files/lichen.csv", "text/csv", table).status());
        assertEquals(202, mira.post(d + "/submit", "{\"trainingSeconds\": 10}").status());
        assertEquals(
                "DONE", DepositToPublishIT.awaitJob(mira, deposit).path("step").asText());
        ApiClient.Reply published = mira.post(d + "/publish", null);
        assertEquals(201, published.status(), published.body());
        assertEquals(200, anonymous.get("/api/search?q=lichen").status());
        assertEquals(200, anonymous.get("/api/oai?verb=Identify").status());

        String after = scrape(anonymous, "metrics-after.txt");
        String[] moved = {
            "facsimile_publications_total", "",
            "facsimile_upload_bytes_total", "",
            "facsimile_synthesis_per_thousand_rows_seconds_count", "synthesizer=\"argn\"",
            "facsimile_requests_seconds_count", "route=\"search\"",
            "facsimile_requests_seconds_count", "route=\"oai\"",
        };
        for (int i = 0; i < moved.length; i += 2) {
            double was = orZero(value(before, moved[i], moved[i + 1]));
            double is = value(after, moved[i], moved[i + 1]);
            if (Double.isNaN(is)) {
                fail(moved[i] + " " + moved[i + 1] + " is not in the scrape (see target/metrics-after.txt)");
            }
            assertTrue(is > was, moved[i] + " " + moved[i + 1] + " moved: " + was + " -> " + is);
        }
        assertTrue(
                value(after, "facsimile_upload_bytes_total", "")
                                - orZero(value(before, "facsimile_upload_bytes_total", ""))
                        >= table.length,
                "the upload's bytes counted");
        // gauges read from the database: at least this test's published deposit
        assertTrue(value(after, "facsimile_deposits", "state=\"published\"") >= 1, "deposits by state");
        assertTrue(value(after, "facsimile_jobs", "state=\"succeeded\"") >= 1, "jobs by state");
        assertTrue(value(after, "facsimile_jobs_oldest_queued_seconds", "") >= 0, "oldest queued job's age");
        assertTrue(value(after, "facsimile_outbox_lag_seconds", "topic=") >= 0, "outbox lag per topic");
        assertTrue(value(after, "facsimile_outbox_pending", "topic=") >= 0, "outbox events pending per topic");
        // the timer's sum is in seconds (its quantiles, as Payara writes them, are not: see README)
        double perThousand = value(after, "facsimile_synthesis_per_thousand_rows_seconds_sum", "synthesizer=\"argn\"")
                - orZero(value(before, "facsimile_synthesis_per_thousand_rows_seconds_sum", "synthesizer=\"argn\""));
        assertTrue(perThousand > 0 && perThousand < 600, "seconds per 1,000 rows of one job: " + perThousand);
    }
}
