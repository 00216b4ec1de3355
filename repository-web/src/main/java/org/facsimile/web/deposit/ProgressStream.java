package org.facsimile.web.deposit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.facsimile.web.account.Credential;
import org.facsimile.web.platform.BackgroundDuties;
import org.facsimile.web.platform.Page;
import org.facsimile.web.synthesis.JobStep;
import org.facsimile.web.synthesis.SynthesisJob;
import org.facsimile.web.synthesis.SynthesisJobEvent;

/**
 * A synthesis job's progress as server-sent events: every step recorded so far (from the one
 * after {@code Last-Event-ID}, so a reloaded page or a dropped connection picks up where it was),
 * then each new one as the worker records it, and an {@code end} event when the job is done or
 * failed. Each event carries the step, its words (the deposit's badge shows them), its message,
 * when (ISO and in the page's words) and a percentage; while the job waits, a {@code queue} event
 * says where it stands each time that changes. The database is polled once a second, from the
 * container's scheduler, so any web node can serve any job.
 */
@ApplicationScoped
public class ProgressStream {

    private static final Logger LOG = Logger.getLogger(ProgressStream.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    /** The longest a stream stays open; the page's EventSource reconnects after it. */
    static final Duration LONGEST = Duration.ofMinutes(30);

    @Inject
    DepositService deposits;

    @Inject
    BackgroundDuties duties;

    /** The streams' ticks, apart from the node's other duties: a slow client delays streams only. */
    private ScheduledExecutorService scheduler;

    @PostConstruct
    void init() {
        scheduler = duties.scheduler("progress", 2);
    }

    /** Streams the job's events to the sink until it ends, the client leaves, or {@link #LONGEST}. */
    public void follow(Credential caller, UUID depositId, long after, SseEventSink sink, Sse sse) {
        Instant until = Instant.now().plus(LONGEST);
        long[] last = {after};
        String[] place = {null};
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable tick = () -> {
            try {
                if (sink.isClosed()) {
                    cancel(task);
                    return;
                }
                SynthesisJob job = deposits.latestJob(caller, depositId);
                List<SynthesisJobEvent> events = deposits.events(job);
                for (SynthesisJobEvent e : events) {
                    if (e.id() > last[0]) {
                        sink.send(sse.newEventBuilder()
                                .name("step")
                                .id(Long.toString(e.id()))
                                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(String.class, JSON.toJson(view(e)))
                                .build());
                        last[0] = e.id();
                    }
                }
                if (job.step() == JobStep.QUEUED) {
                    // the queue moves without events of this job: say where it stands when that changes
                    String words = deposits.queuePlace(job).words();
                    if (!words.equals(place[0])) {
                        sink.send(sse.newEventBuilder()
                                .name("queue")
                                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(String.class, JSON.toJson(Map.of("stage", words)))
                                .build());
                        place[0] = words;
                    }
                }
                boolean ended = job.step() == JobStep.DONE || job.step() == JobStep.FAILED;
                if (ended || Instant.now().isAfter(until)) {
                    if (ended) {
                        Map<String, Object> end = new LinkedHashMap<>();
                        end.put("step", job.step().name());
                        end.put("percent", 100);
                        end.put("failureReason", job.failureReason());
                        sink.send(sse.newEventBuilder()
                                .name("end")
                                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(String.class, JSON.toJson(end))
                                .build());
                    }
                    sink.close();
                    cancel(task);
                }
            } catch (RuntimeException e) {
                // the client went away, or the deposit is gone: stop following
                LOG.log(Level.FINE, "progress stream stopped", e);
                try {
                    sink.close();
                } catch (RuntimeException ignored) {
                    // already closed
                }
                cancel(task);
            }
        };
        task.set(scheduler.scheduleWithFixedDelay(tick, 0, 1, TimeUnit.SECONDS));
    }

    private static void cancel(AtomicReference<ScheduledFuture<?>> task) {
        ScheduledFuture<?> f = task.get();
        if (f != null) {
            f.cancel(false);
        }
    }

    private static Map<String, Object> view(SynthesisJobEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", e.step().name());
        m.put("message", e.message());
        m.put("stage", e.step().words());
        m.put("at", e.at().toString());
        m.put("when", Page.MOMENT.format(e.at()));
        m.put("percent", e.percent());
        return m;
    }
}
