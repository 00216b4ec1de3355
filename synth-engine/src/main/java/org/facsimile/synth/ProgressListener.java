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

    /**
     * Told how far the current step has come, {@code done} from 0 to 1 (training: the share of its
     * planned epochs, or of its time or privacy budget, whichever ends it first). By default it is
     * told as {@link #stepStarted} with the message, for listeners that do not follow fractions.
     */
    default void stepAdvanced(Step step, double done, String message) {
        stepStarted(step, message);
    }
}
