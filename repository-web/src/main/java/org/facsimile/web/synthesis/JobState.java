package org.facsimile.web.synthesis;

/** The queue state of a job. */
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED
}
