package org.facsimile.synth;

/** The steps of one synthesis run, in the order a run goes through them. */
public enum Step {
    PROFILING,
    TRAINING,
    GENERATING,
    EVALUATING
}
