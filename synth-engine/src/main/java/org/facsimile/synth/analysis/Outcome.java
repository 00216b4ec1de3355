package org.facsimile.synth.analysis;

import java.util.Objects;

/**
 * An analysis run: its result, or the disclosure rule it broke and why in words that name no value
 * of the data (only the rule, columns and how many cells).
 */
public record Outcome(AnalysisResult result, String rule, String reason) {

    public Outcome {
        if ((result == null) == (rule == null)) {
            throw new IllegalArgumentException("an outcome is a result or a refusal");
        }
    }

    static Outcome released(AnalysisResult result) {
        return new Outcome(Objects.requireNonNull(result), null, null);
    }

    static Outcome refused(String rule, String reason) {
        return new Outcome(null, Objects.requireNonNull(rule), Objects.requireNonNull(reason));
    }

    public boolean isReleased() {
        return result != null;
    }
}
