package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The node is killed while it synthesizes; after restart the job finishes, once, and publishes. */
class WebNodeRestartIT {

    /** The Adult census three times over: long enough a job to kill the node in the middle of it. */
    static byte[] bigCensus() throws Exception {
        byte[] census;
        try (InputStream in = WebNodeRestartIT.class.getResourceAsStream("/demo/census.csv")) {
            census = in.readAllBytes();
        }
        int bodyStart = 0;
        while (census[bodyStart] != '\n') {
            bodyStart++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(census);
        for (int i = 0; i < 2; i++) {
            out.write(census, bodyStart + 1, census.length - bodyStart - 1);
        }
        return out.toByteArray();
    }

    @Test
    void aJobInterruptedByACrashFinishesOnceAfterRestart() throws Exception {
        Stack stack = RunningRepository.get();
        ApiClient erin = RunningRepository.newDepositor("erin");
        String deposit = DepositToPublishIT.createDeposit(erin, "Restart probe");
        assertEquals(
                201,
                erin.put("/api/deposits/" + deposit + "/files/census.csv", "text/csv", bigCensus())
                        .status());
        assertEquals(
                202,
                erin.post("/api/deposits/" + deposit + "/submit", "{\"trainingSeconds\": 20}")
                        .status());

        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode job = null;
        while (System.currentTimeMillis() < deadline) {
            job = erin.get("/api/deposits/" + deposit + "/job").json();
            if ("RUNNING".equals(job.path("state").asText())) {
                break;
            }
            Thread.sleep(25);
        }
        assertEquals("RUNNING", job.path("state").asText(), "the job started: " + job);
        stack.killWeb();
        stack.startWeb();

        JsonNode done = DepositToPublishIT.awaitJob(erin, deposit);
        assertEquals("DONE", done.path("step").asText(), done.toString());
        assertEquals(2, done.path("attempts").asInt(), "taken over after the crash: " + done);
        long doneEvents = 0;
        for (JsonNode step : done.path("steps")) {
            if ("DONE".equals(step.path("step").asText())) {
                doneEvents++;
            }
        }
        assertEquals(1, doneEvents, "finished once");
        ApiClient.Reply published = erin.post("/api/deposits/" + deposit + "/publish", null);
        assertEquals(201, published.status(), published.body());
        String datasetId = published.json().path("datasetId").asText();
        JsonNode dataset = erin.as(null).get("/api/datasets/" + datasetId).json();
        assertEquals(3L * 48842, dataset.path("files").get(0).path("rows").asLong());
    }
}
