package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The crash test: the web node (which also runs the worker) is killed with SIGKILL at a random
 * moment during an upload, a synthesis or a publication, 20 times. After each restart nothing a
 * depositor was told is stored is lost, every stored file still passes its fixity check, every
 * deposit is either published whole (every file served and matching its checksum) or not at all,
 * and at the end every submitted synthesis has finished exactly once and what the crashes left
 * behind can be swept away.
 *
 * <p>Each deposit goes through the three phases in turn (upload, synthesis, publication), one
 * crash each, so a synthesis is interrupted at most once by this test and never runs out of the
 * queue's attempts. The moment of each crash is drawn from a seeded random (the seed is printed;
 * {@code -Dfacsimile.crash.seed=N} replays a run).
 */
class CrashIT {

    private static final int CRASHES = 20;
    /** The upload trickles in at this rate, so a crash can land in the middle of it. */
    private static final int UPLOAD_BYTES_PER_SECOND = 1024 * 1024;

    private static final int UPLOAD_WINDOW_MS = 3_000;
    private static final int SYNTHESIS_WINDOW_MS = 9_000;
    private static final int PUBLISH_WINDOW_MS = 2_500;

    /** A deposit the test follows, and what the repository told the depositor about it. */
    private static final class Probe {
        final String id;
        final String word;
        final byte[] table;
        final String sha256;
        String doi;
        boolean uploadAcknowledged;
        boolean publishAcknowledged;

        Probe(String id, String word, byte[] table) {
            this.id = id;
            this.word = word;
            this.table = table;
            this.sha256 = sha256(table);
        }

        String path() {
            return "/api/deposits/" + id;
        }
    }

    /** What a request cut by the crash came to: an answer, or none. */
    private record Outcome(int status, String failure) {
        static Outcome of(Future<ApiClient.Reply> request) throws InterruptedException {
            try {
                return new Outcome(request.get(5, TimeUnit.MINUTES).status(), null);
            } catch (ExecutionException e) {
                return new Outcome(0, e.getCause().getClass().getSimpleName());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("a request hung after the crash", e);
            }
        }

        @Override
        public String toString() {
            return failure == null ? Integer.toString(status) : "no answer (" + failure + ")";
        }
    }

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final List<String> journal = new ArrayList<>();
    private Stack stack;
    private ApiClient dora;
    private ApiClient admin;

    @Test
    void killedAtRandomMomentsTheRepositoryLosesNothingAndPublishesNothingByHalves() throws Exception {
        long seed = Long.getLong("facsimile.crash.seed", System.nanoTime());
        System.out.println("CrashIT seed " + seed + " (-Dfacsimile.crash.seed=" + seed + " replays it)");
        Random random = new Random(seed);
        stack = RunningRepository.get();
        dora = RunningRepository.newDepositor("dora-crash");
        admin = RunningRepository.admin();
        List<Probe> probes = new ArrayList<>();
        try {
            for (int crash = 1; crash <= CRASHES; crash++) {
                switch (crash % 3) {
                    case 1 -> probes.add(crashDuringUpload(crash, random));
                    case 2 -> crashDuringSynthesis(crash, probes.get(probes.size() - 1), random);
                    default -> crashDuringPublication(crash, probes.get(probes.size() - 1), random);
                }
                checkNothingLostNothingHalfDone(probes, "after crash " + crash);
            }

            // every deposit goes the rest of its way: each synthesis finished once, each publication whole
            for (Probe probe : probes) {
                ensureUploaded(probe);
                ensureSubmitted(probe);
                JsonNode job = DepositToPublishIT.awaitJob(dora, probe.id);
                assertEquals("DONE", job.path("step").asText(), "the synthesis finished: " + job);
                long done = 0;
                for (JsonNode step : job.path("steps")) {
                    assertNotEquals("FAILED", step.path("step").asText(), "no attempt failed: " + job);
                    done += "DONE".equals(step.path("step").asText()) ? 1 : 0;
                }
                assertEquals(1, done, "finished exactly once: " + job);
                journal.add(probe.word + ": synthesis finished after "
                        + job.path("attempts").asInt() + " attempt(s)");
                ensurePublished(probe);
            }
            checkNothingLostNothingHalfDone(probes, "at the end");
            for (Probe probe : probes) {
                awaitIndexedOnce(probe);
            }

            // what the crashes left (uploads never attached, taken-over attempts, uncommitted publications)
            JsonNode before = fixityAudit();
            JsonNode swept =
                    admin.post("/api/admin/storage/sweep?graceMinutes=0", null).json();
            JsonNode after = fixityAudit();
            journal.add("unreferenced before the sweep " + before.path("unreferenced") + ", swept " + swept);
            assertEquals(0, after.path("unreferenced").path("private").asInt(), after.toString());
            assertEquals(0, after.path("unreferenced").path("public").asInt(), after.toString());
            checkNothingLostNothingHalfDone(probes, "after the sweep");
        } finally {
            background.shutdownNow();
            journal.forEach(line -> System.out.println("CrashIT " + line));
        }
    }

    private Probe crashDuringUpload(int crash, Random random) throws Exception {
        String word = String.format("crashprobe%02d", crash);
        String id = DepositToPublishIT.createDeposit(dora, "Crash probe " + word);
        Probe probe = new Probe(id, word, DepositToPublishIT.patients(40_000, crash));
        Future<ApiClient.Reply> upload = background.submit(
                () -> dora.put(probe.path() + "/files/admissions.csv", "text/csv", () -> trickle(probe.table)));
        int delay = random.nextInt(UPLOAD_WINDOW_MS);
        crash(delay);
        Outcome outcome = Outcome.of(upload);
        probe.uploadAcknowledged = outcome.status() == 201;
        journal.add(String.format(
                "crash %2d: upload of %s (%d bytes), killed after %d ms: %s",
                crash, word, probe.table.length, delay, outcome));
        return probe;
    }

    private void crashDuringSynthesis(int crash, Probe probe, Random random) throws Exception {
        ensureUploaded(probe);
        Future<ApiClient.Reply> submit = background.submit(() ->
                dora.post(probe.path() + "/submit", "{\"trainingSeconds\": 4, \"sampleRows\": 20000, \"seed\": 7}"));
        int delay = random.nextInt(SYNTHESIS_WINDOW_MS);
        Thread.sleep(delay);
        // where the job stood a moment before the kill, for the journal
        String step = dora.get(probe.path() + "/job").json().path("step").asText("not yet queued");
        crash(0);
        journal.add(String.format(
                "crash %2d: synthesis of %s, killed after %d ms at step %s (submit: %s)",
                crash, probe.word, delay, step, Outcome.of(submit)));
    }

    private void crashDuringPublication(int crash, Probe probe, Random random) throws Exception {
        ensureUploaded(probe);
        ensureSubmitted(probe);
        JsonNode job = DepositToPublishIT.awaitJob(dora, probe.id);
        assertEquals("DONE", job.path("step").asText(), job.toString());
        Future<ApiClient.Reply> publish = background.submit(() -> dora.post(probe.path() + "/publish", null));
        int delay = random.nextInt(PUBLISH_WINDOW_MS);
        crash(delay);
        Outcome outcome = Outcome.of(publish);
        probe.publishAcknowledged = outcome.status() == 201;
        journal.add(String.format(
                "crash %2d: publication of %s, killed after %d ms: %s", crash, probe.word, delay, outcome));
    }

    private void crash(int afterMillis) throws IOException, InterruptedException {
        Thread.sleep(afterMillis);
        stack.killWeb();
        stack.startWeb();
    }

    /**
     * What must hold after every crash: each deposit is there, its upload is either recorded with
     * exactly the bytes sent or not at all (and recorded whenever the depositor was told so), the
     * store passes its fixity audit, and each deposit is published whole or not at all.
     */
    private void checkNothingLostNothingHalfDone(List<Probe> probes, String when) throws Exception {
        Map<String, JsonNode> published = publishedByDoi();
        for (Probe probe : probes) {
            ApiClient.Reply reply = dora.get(probe.path());
            assertEquals(200, reply.status(), when + ": deposit " + probe.word + " is there");
            JsonNode deposit = reply.json();
            probe.doi = deposit.path("doi").asText();
            JsonNode files = deposit.path("files");
            if (probe.uploadAcknowledged) {
                assertEquals(1, files.size(), when + ": the acknowledged upload of " + probe.word + " is kept");
            }
            for (JsonNode file : files) {
                assertEquals(
                        probe.sha256,
                        file.path("sha256").asText(),
                        when + ": " + probe.word + " holds exactly the bytes sent, or nothing");
            }
            String state = deposit.path("state").asText();
            assertTrue(
                    Set.of("DRAFT", "SUBMITTED", "SYNTHESIZING", "READY_FOR_REVIEW", "PUBLISHED")
                            .contains(state),
                    when + ": " + probe.word + " is " + state);
            if (probe.publishAcknowledged) {
                assertEquals("PUBLISHED", state, when + ": the acknowledged publication of " + probe.word + " holds");
            }
            JsonNode dataset = published.get(probe.doi);
            assertEquals(
                    "PUBLISHED".equals(state),
                    dataset != null,
                    when + ": " + probe.word + " is " + state + ", and public: " + (dataset != null));
            if (dataset != null) {
                checkWhole(dataset, when);
            }
        }
        JsonNode audit = fixityAudit();
        assertTrue(audit.path("intact").asBoolean(), when + ": the store passes its fixity audit: " + audit);
    }

    /** Every file of a published dataset is served, with the size and checksum its record gives. */
    private void checkWhole(JsonNode dataset, String when) throws Exception {
        assertTrue(dataset.path("files").size() >= 4, when + ": " + dataset);
        for (JsonNode file : dataset.path("files")) {
            HttpResponse<byte[]> download =
                    dora.as(null).download(file.path("url").asText());
            assertEquals(200, download.statusCode(), when + ": " + file);
            assertEquals(file.path("size").asLong(), download.body().length, when + ": " + file);
            assertEquals(file.path("sha256").asText(), sha256(download.body()), when + ": " + file);
        }
    }

    private Map<String, JsonNode> publishedByDoi() throws Exception {
        Map<String, JsonNode> byDoi = new HashMap<>();
        ApiClient anonymous = dora.as(null);
        for (int offset = 0; ; offset += 500) {
            JsonNode page =
                    anonymous.get("/api/datasets?limit=500&offset=" + offset).json();
            page.forEach(d -> byDoi.put(d.path("doi").asText(), d));
            if (page.size() < 500) {
                return byDoi;
            }
        }
    }

    private void awaitIndexedOnce(Probe probe) throws Exception {
        // a hang guard, not a timing: the outbox relay indexes within a second or two
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode hits;
        do {
            hits = dora.as(null).get("/api/search?q=" + probe.word).json();
            if (hits.path("total").asLong() > 0) {
                break;
            }
            Thread.sleep(300);
        } while (System.currentTimeMillis() < deadline);
        assertEquals(1, hits.path("total").asLong(), probe.word + " is found once: " + hits);
    }

    private JsonNode fixityAudit() throws Exception {
        ApiClient.Reply reply = admin.post("/api/admin/storage/fixity-audit", null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private void ensureUploaded(Probe probe) throws Exception {
        if (dora.get(probe.path()).json().path("files").isEmpty()) {
            ApiClient.Reply reply = dora.put(probe.path() + "/files/admissions.csv", "text/csv", probe.table);
            assertEquals(201, reply.status(), reply.body());
            probe.uploadAcknowledged = true;
        }
    }

    private void ensureSubmitted(Probe probe) throws Exception {
        if ("DRAFT".equals(dora.get(probe.path()).json().path("state").asText())) {
            ApiClient.Reply reply =
                    dora.post(probe.path() + "/submit", "{\"trainingSeconds\": 4, \"sampleRows\": 20000, \"seed\": 7}");
            assertEquals(202, reply.status(), reply.body());
        }
    }

    private void ensurePublished(Probe probe) throws Exception {
        if (!"PUBLISHED".equals(dora.get(probe.path()).json().path("state").asText())) {
            ApiClient.Reply reply = dora.post(probe.path() + "/publish", null);
            assertEquals(201, reply.status(), reply.body());
            probe.publishAcknowledged = true;
        }
    }

    /** The table, sent at {@link #UPLOAD_BYTES_PER_SECOND} in 64 KiB pieces. */
    private static InputStream trickle(byte[] table) {
        return new InputStream() {
            private int position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (position >= table.length) {
                    return -1;
                }
                int n = Math.min(Math.min(length, 64 * 1024), table.length - position);
                try {
                    Thread.sleep(1000L * n / UPLOAD_BYTES_PER_SECOND);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException();
                }
                System.arraycopy(table, position, buffer, offset, n);
                position += n;
                return n;
            }
        };
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
