package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A synthesis job's progress as server-sent events: every step with a growing percentage, an end
 * event, and a reconnect with Last-Event-ID that continues after the step it names.
 */
class ProgressEventsIT {

    /** One server-sent event: its name, id and data. */
    record Event(String name, String id, String data) {}

    @Test
    void stepsStreamInOrderAndAReconnectContinues() throws Exception {
        ApiClient tove = RunningRepository.newDepositor("tove-progress");
        String deposit = DepositToPublishIT.createDeposit(tove, "Drumlin field boulder sizes");
        String d = "/api/deposits/" + deposit;
        assertEquals(404, status(tove, d + "/job/events", null), "nothing to follow before a job");
        assertEquals(
                201,
                tove.put(d + "/files/boulders.csv", "text/csv", DepositToPublishIT.patients(400, 3))
                        .status());
        assertEquals(
                404,
                status(RunningRepository.newDepositor("ulla-progress"), d + "/job/events", null),
                "another depositor's job is not there");
        assertEquals(
                202, tove.post(d + "/submit", "{\"synthesizer\":\"baseline\"}").status());

        List<Event> events = follow(tove, d + "/job/events", null);
        Event end = events.get(events.size() - 1);
        assertEquals("end", end.name(), events.toString());
        assertTrue(end.data().contains("\"DONE\""), end.data());
        List<Event> steps = events.stream().filter(e -> e.name().equals("step")).toList();
        List<Event> queue =
                events.stream().filter(e -> e.name().equals("queue")).toList();
        assertEquals(events.size(), steps.size() + queue.size() + 1, "steps, the queue's place, the end: " + events);
        for (Event q : queue) {
            String stage = ApiClient.MAPPER.readTree(q.data()).path("stage").asText();
            assertTrue(stage.startsWith("queued: "), stage);
        }
        assertTrue(steps.size() >= 4, "queued, profiling, generating, evaluating...: " + steps);
        int percent = -1;
        for (Event e : steps) {
            JsonNode step = ApiClient.MAPPER.readTree(e.data());
            assertTrue(step.path("percent").asInt() >= percent, "the percentage never goes back: " + events);
            percent = step.path("percent").asInt();
            assertTrue(
                    step.path("when").asText().matches("\\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} UTC"),
                    "when, in the page's words: " + step);
            assertTrue(!step.path("stage").asText().isBlank(), step.toString());
        }
        assertEquals(100, percent);

        // a reconnect (a reloaded page, a dropped line) gets what came after the step it saw
        Event middle = steps.get(steps.size() / 2);
        List<Event> rest = follow(tove, d + "/job/events", middle.id());
        assertEquals(steps.size() - steps.size() / 2 - 1 + 1, rest.size(), rest.toString());
        assertEquals(steps.get(steps.size() / 2 + 1).id(), rest.get(0).id());
    }

    @Test
    void aJobWaitingBehindAnotherSaysWhereItStands() throws Exception {
        ApiClient vera = RunningRepository.newDepositor("vera-queue");
        String first = DepositToPublishIT.createDeposit(vera, "Esker gravel counts");
        String second = DepositToPublishIT.createDeposit(vera, "Esker gravel counts, again");
        for (String deposit : List.of(first, second)) {
            assertEquals(
                    201,
                    vera.put(
                                    "/api/deposits/" + deposit + "/files/gravel.csv",
                                    "text/csv",
                                    DepositToPublishIT.patients(400, 4))
                            .status());
        }
        // the node has one worker: a network trained for 10 s holds it while the second waits
        assertEquals(
                202,
                vera.post("/api/deposits/" + first + "/submit", "{\"synthesizer\":\"argn\",\"trainingSeconds\":10}")
                        .status());
        assertEquals(
                202,
                vera.post("/api/deposits/" + second + "/submit", "{\"synthesizer\":\"baseline\"}")
                        .status());
        List<Event> events = follow(vera, "/api/deposits/" + second + "/job/events", null);
        List<String> places = new ArrayList<>();
        for (Event e : events) {
            if (e.name().equals("queue")) {
                places.add(ApiClient.MAPPER.readTree(e.data()).path("stage").asText());
            }
        }
        assertTrue(
                places.stream().anyMatch(p -> p.contains(" ahead") || p.contains(" running now")),
                "the waiting job says what is ahead of it: " + places);
        assertEquals("end", events.get(events.size() - 1).name());

        // the network's epochs move the bar within training (from 15% towards generating's 80%)
        List<Integer> training = new ArrayList<>();
        for (Event e : follow(vera, "/api/deposits/" + first + "/job/events", null)) {
            JsonNode step = e.name().equals("step") ? ApiClient.MAPPER.readTree(e.data()) : null;
            if (step != null && step.path("step").asText().equals("TRAINING")) {
                training.add(step.path("percent").asInt());
            }
        }
        assertTrue(training.stream().anyMatch(p -> p > 15), "the bar moves while training: " + training);
        assertTrue(training.stream().allMatch(p -> p >= 15 && p <= 80), training.toString());
    }

    private static int status(ApiClient api, String path, String lastEventId) throws Exception {
        HttpResponse<Void> r = HttpClient.newHttpClient()
                .send(request(api, path, lastEventId), HttpResponse.BodyHandlers.discarding());
        return r.statusCode();
    }

    private static HttpRequest request(ApiClient api, String path, String lastEventId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create(RunningRepository.get().baseUrl() + path))
                .header("Authorization", "Bearer " + api.token())
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        return b.build();
    }

    /** Reads the stream until the server ends it (a hang guard: the job is a quick baseline). */
    private static List<Event> follow(ApiClient api, String path, String lastEventId) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> r =
                HttpClient.newHttpClient().send(request(api, path, lastEventId), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<Event> events = new ArrayList<>();
        String name = "message";
        String id = null;
        StringBuilder data = new StringBuilder();
        Iterator<String> lines = r.body().iterator();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    events.add(new Event(name, id, data.toString()));
                }
                name = "message";
                id = null;
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
        if (data.length() > 0) {
            events.add(new Event(name, id, data.toString()));
        }
        return events;
    }
}
