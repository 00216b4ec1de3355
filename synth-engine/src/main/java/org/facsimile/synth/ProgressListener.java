package org.facsimile.synth;

/**
 * Told when a synthesis run enters a new step. Implementations may throw to abort the run (for
 * example when the job's lease was lost); the exception propagates out of the synthesizer.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (step, message) -> {};

    void stepStarted(Step step, String message);
}
