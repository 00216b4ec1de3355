package org.facsimile.web.synthesis;

import org.facsimile.synth.Step;

/**
 * The progress a depositor sees: queued, the engine's steps, then done or failed; each with the
 * words every page and the live progress use for it, and where a progress bar stands at its start.
 */
public enum JobStep {
    QUEUED("queued", 0),
    PROFILING("profiling the data", 5),
    TRAINING("training the model", 15),
    GENERATING("generating synthetic rows", 80),
    EVALUATING("measuring quality and privacy", 90),
    DONE("done", 100),
    FAILED("failed", 100);

    private final String words;
    private final int percent;

    JobStep(String words, int percent) {
        this.words = words;
        this.percent = percent;
    }

    /** The step in words, as the deposit's badge and its progress say it. */
    public String words() {
        return words;
    }

    /** Where a progress bar stands when the step begins (training takes the longest). */
    public int percent() {
        return percent;
    }

    /** Where a progress bar stands {@code done} (0 to 1, null: at its start) of the way through the step. */
    public int percent(Double done) {
        if (done == null || ordinal() + 1 >= values().length || values()[ordinal() + 1] == FAILED) {
            return percent;
        }
        int next = values()[ordinal() + 1].percent;
        return percent + (int) Math.floor(Math.max(0, Math.min(1, done)) * (next - percent));
    }

    static JobStep of(Step step) {
        return valueOf(step.name());
    }
}
