package org.facsimile.web.synthesis;

import org.facsimile.synth.Step;

/** The progress a depositor sees: queued, the engine's steps, then done or failed. */
public enum JobStep {
    QUEUED,
    PROFILING,
    TRAINING,
    GENERATING,
    EVALUATING,
    DONE,
    FAILED;

    static JobStep of(Step step) {
        return valueOf(step.name());
    }
}
