package org.facsimile.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries out outbox events: takes due events with {@code FOR UPDATE SKIP LOCKED} (so several
 * nodes can relay side by side), applies them, and on failure backs off exponentially (up to a
 * minute) and tries again; nothing is dropped.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final int BATCH = 20;
    /**
     * The longest wait between two tries of an event: once Elasticsearch is back, the index
     * catches up within a minute, at the cost of one try a minute per pending event while it is down.
     */
    private static final long MAX_BACKOFF_SECONDS = 60;

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    BackgroundDuties duties;

    @Inject
    @Any
    Instance<OutboxHandler> handlers;

    @Inject
    OutboxRelay self;

    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> task;

    public synchronized void start() {
        long period = Setting.OUTBOX_POLL_MILLIS.getLong();
        scheduler = duties.scheduler("outbox", 1);
        task = scheduler.scheduleWithFixedDelay(
                BackgroundDuties.guarded("outbox relay pass", () -> {
                    while (self.relayBatch() == BATCH) {
                        // keep going while there is a backlog
                    }
                }),
                period,
                period,
                TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            scheduler.shutdown();
        }
    }

    /** Relays one batch of due events; returns how many were taken. */
    @Transactional
    public int relayBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery(
                        "SELECT id, topic, aggregate_id, attempts FROM outbox WHERE done_at IS NULL AND next_attempt_at <= now() "
                                + "ORDER BY id FOR UPDATE SKIP LOCKED LIMIT " + BATCH)
                .getResultList();
        for (Object[] row : due) {
            long id = ((Number) row[0]).longValue();
            String topic = (String) row[1];
            UUID aggregate = (UUID) row[2];
            int attempts = ((Number) row[3]).intValue();
            try {
                apply(topic, aggregate);
                em.createNativeQuery(
                                "UPDATE outbox SET done_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ?1")
                        .setParameter(1, id)
                        .executeUpdate();
            } catch (Exception e) {
                long backoff = Math.min(MAX_BACKOFF_SECONDS, 1L << Math.min(attempts, 10));
                em.createNativeQuery(
                                "UPDATE outbox SET attempts = attempts + 1, last_error = ?1, next_attempt_at = ?2 WHERE id = ?3")
                        .setParameter(1, e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()))
                        .setParameter(2, Instant.now().plus(Duration.ofSeconds(backoff)))
                        .setParameter(3, id)
                        .executeUpdate();
                if (attempts == 0) {
                    LOG.log(Level.WARNING, "outbox event " + id + " (" + topic + ") failed; will retry", e);
                }
            }
        }
        return due.size();
    }

    private void apply(String topic, UUID aggregate) throws Exception {
        for (OutboxHandler handler : handlers) {
            if (handler.topics().contains(topic)) {
                handler.apply(topic, aggregate);
                return;
            }
        }
        throw new IllegalStateException("no handler for outbox topic " + topic);
    }
}
