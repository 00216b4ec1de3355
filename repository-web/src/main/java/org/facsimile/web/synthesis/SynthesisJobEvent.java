package org.facsimile.web.synthesis;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A step a job entered, in one of its attempts: the progress history. Written by the {@link JobQueue}. */
@Entity
@Table(name = "synthesis_job_event")
public class SynthesisJobEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id", nullable = false)
    private UUID jobId;

    @Column(name = "attempt", nullable = false)
    private int attempt;

    @Enumerated(EnumType.STRING)
    @Column(name = "step", nullable = false, length = 16)
    private JobStep step;

    @Column(name = "message")
    private String message;

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(name = "done")
    private Double done;

    protected SynthesisJobEvent() {}

    public Long id() {
        return id;
    }

    public int attempt() {
        return attempt;
    }

    public JobStep step() {
        return step;
    }

    public String message() {
        return message;
    }

    public Instant at() {
        return at;
    }

    /** How far the step had come (0 to 1), or null for the step's start. */
    public Double done() {
        return done;
    }

    /** Where a progress bar stood at this event. */
    public int percent() {
        return step.percent(done);
    }
}
