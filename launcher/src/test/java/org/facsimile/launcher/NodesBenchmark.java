package org.facsimile.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The capacity benchmark of worker nodes (a command, not a test): {@code mvn -B -pl launcher -am
 * -Pbench-nodes -DskipTests verify [-Dbench.jobs=8 -Dbench.rows=20000]}. It starts the repository
 * with its files in an S3 store (S3Proxy), a web node that runs no synthesis and one worker-only
 * node; submits a batch of equal deposits at once and publishes each as its synthesis is done;
 * then starts a second worker-only node and does the same with a second, equal batch. The figure
 * is the ratio of the two batches' times in the same run (target: two workers in at most 0.6x the
 * time of one), with publications per minute for each. The jobs are fixed work (the baseline
 * synthesizer, its quality and privacy reports), not a training time budget, so a slower job
 * shows as a longer batch and not as a worse model. Each worker node sees {@code bench.cores} cores
 * (-XX:ActiveProcessorCount; default 1), as a machine of its own would have; 0 lets both see all
 * of this machine's, where two workers on two cores measure contention rather than scaling.
 */
public final class NodesBenchmark {

    private NodesBenchmark() {}

    public static void main(String[] args) throws Exception {
        int jobs = Integer.getInteger("bench.jobs", 8);
        int rows = Integer.getInteger("bench.rows", 20_000);
        int cores = Integer.getInteger("bench.cores", 1);
        Map<String, String> worker =
                cores > 0 ? Map.of("JAVA_TOOL_OPTIONS", "-XX:ActiveProcessorCount=" + cores) : Map.of();
        Path data = Files.createTempDirectory("facsimile-bench-nodes-");
        LaunchOptions options = new LaunchOptions(
                data,
                LaunchOptions.defaultRuntime(),
                RunningRepository.freePort(),
                RunningRepository.freePort(),
                RunningRepository.freePort(),
                RunningRepository.freePort(),
                false,
                0,
                10,
                Map.of("FACSIMILE_WORKER_POLL_MILLIS", "200", "FACSIMILE_OUTBOX_POLL_MILLIS", "300"));
        try (Stack stack = new Stack(options)) {
            stack.start();
            stack.startNode("worker-1", RunningRepository.freePort(), 1, worker).awaitUp();
            ApiClient admin = new ApiClient(stack.baseUrl(), stack.adminToken());
            ApiClient owner = RunningRepository.newAccount(admin, "bench-nodes", "DEPOSITOR", null);
            System.out.printf(
                    Locale.ROOT,
                    "nodes benchmark: %d equal jobs a batch (baseline synthesizer, %,d rows each), %d cores here,"
                            + " each worker node seeing %s%n",
                    jobs,
                    rows,
                    Runtime.getRuntime().availableProcessors(),
                    cores > 0 ? cores + " (as a machine of its own)" : "all of them");

            double one = batch(owner, jobs, rows, 1);
            stack.startNode("worker-2", RunningRepository.freePort(), 1, worker).awaitUp();
            double two = batch(owner, jobs, rows, 2);

            System.out.printf(Locale.ROOT, "%-14s %10s %18s%n", "worker nodes", "seconds", "publications/min");
            System.out.printf(Locale.ROOT, "%-14d %10.1f %18.2f%n", 1, one, jobs * 60 / one);
            System.out.printf(Locale.ROOT, "%-14d %10.1f %18.2f%n", 2, two, jobs * 60 / two);
            System.out.printf(Locale.ROOT, "two workers / one: %.2fx the time (target <= 0.6x)%n", two / one);
        } finally {
            RunningRepository.keepOnlyLogs(data);
        }
    }

    /** Submits {@code jobs} prepared deposits at once and publishes each when done; seconds taken. */
    private static double batch(ApiClient owner, int jobs, int rows, int batch) throws Exception {
        List<String> deposits = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            ApiClient.Reply created = owner.post(
                    "/api/deposits",
                    ApiClient.json(Map.of(
                            "title",
                            "Capacity batch " + batch + " deposit " + i,
                            "description",
                            "Admissions of a fictional hospital, for a capacity benchmark.",
                            "creators",
                            List.of("Bench, Nodes"),
                            "licence",
                            "https://creativecommons.org/publicdomain/zero/1.0/")));
            String id = created.json().path("id").asText();
            ApiClient.Reply upload = owner.put(
                    "/api/deposits/" + id + "/files/admissions.csv", "text/csv", DepositToPublishIT.patients(rows, i));
            if (upload.status() != 201) {
                throw new IllegalStateException("upload refused: " + upload.body());
            }
            deposits.add(id);
        }
        long start = System.nanoTime();
        for (String id : deposits) {
            ApiClient.Reply submit = owner.post(
                    "/api/deposits/" + id + "/submit", "{\"synthesizer\":\"baseline\",\"sampleRows\":" + rows + "}");
            if (submit.status() != 202) {
                throw new IllegalStateException("submit refused: " + submit.body());
            }
        }
        Set<String> waiting = new LinkedHashSet<>(deposits);
        int refused = 0;
        while (!waiting.isEmpty()) {
            for (String id : List.copyOf(waiting)) {
                JsonNode job = owner.get("/api/deposits/" + id + "/job").json();
                String step = job.path("step").asText();
                if (step.equals("FAILED")) {
                    throw new IllegalStateException("a job failed: " + job);
                }
                if (step.equals("DONE")) {
                    if (owner.post("/api/deposits/" + id + "/publish", null).status() != 201) {
                        refused++;
                    }
                    waiting.remove(id);
                }
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (refused > 0) {
            System.out.println("  batch " + batch + ": " + refused + " of " + jobs + " not published (privacy gate)");
        }
        return seconds;
    }
}
