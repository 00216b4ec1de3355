package org.facsimile.web.review;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.synthesis.SynthesisJob;

/**
 * Publishing waits on the privacy verdict of the synthesis report: a synthesis that copied rows
 * or came too close to real records is refused, with the report's reasons (figures, never values),
 * unless an admin recorded an override for it.
 */
public final class PrivacyGate {

    private PrivacyGate() {}

    /** Refuses (409 privacy-gate) when the verdict failed and no admin overrode it. */
    static void check(SynthesisJob job) {
        check(job.report(), job.privacyOverridden());
    }

    static void check(String report, boolean overridden) {
        if (passed(report) || overridden) {
            return;
        }
        throw new ProblemException(
                409,
                "privacy-gate",
                "Privacy check failed",
                "the synthetic data failed its privacy check (" + String.join("; ", reasons(report))
                        + "); re-run the synthesis with other settings, or ask an admin to review and override");
    }

    static boolean passed(SynthesisJob job) {
        return passed(job.report());
    }

    /** Whether a synthesis report's privacy verdict passed. */
    public static boolean passed(String report) {
        return "PASSED".equals(privacy(report).getString("verdict", "FAILED"));
    }

    static List<String> reasons(String report) {
        JsonValue reasons = privacy(report).get("reasons");
        if (reasons == null || reasons.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of("the report gives no reasons");
        }
        return reasons.asJsonArray().stream()
                .filter(JsonString.class::isInstance)
                .map(v -> ((JsonString) v).getString())
                .toList();
    }

    private static JsonObject privacy(String report) {
        if (report == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(report))) {
            JsonValue privacy = reader.readObject().get("privacy");
            return privacy != null && privacy.getValueType() == JsonValue.ValueType.OBJECT
                    ? privacy.asJsonObject()
                    : JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
