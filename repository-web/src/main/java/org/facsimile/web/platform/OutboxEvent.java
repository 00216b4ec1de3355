package org.facsimile.web.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A side effect on another system, recorded in the same transaction as the change that causes it
 * and carried out later by a relay, so the other system being down delays it and loses nothing.
 */
@Entity
@Table(name = "outbox")
public class OutboxEvent {

    /** Index (or re-index) a dataset version in search; aggregate = the version id. */
    public static final String INDEX_VERSION = "search.index-version";

    /** Remove a withdrawn dataset from search; aggregate = the dataset id. */
    public static final String REMOVE_DATASET = "search.remove-dataset";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "topic", nullable = false, length = 64)
    private String topic;

    @Column(name = "aggregate_id", nullable = false)
    private UUID aggregateId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "done_at")
    private Instant doneAt;

    protected OutboxEvent() {}

    public OutboxEvent(String topic, UUID aggregateId, Instant now) {
        this.topic = topic;
        this.aggregateId = aggregateId;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }
}
