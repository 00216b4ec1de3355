package org.facsimile.web.synthesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The submit form's settings, checked without a server. */
class JobSettingsTest {

    private static final JobSettings.Limits LIMITS = new JobSettings.Limits(1_000_000, 3600);

    @Test
    void rowsAndTrainingTimeAreBounded() {
        JobSettings rows = new JobSettings(null, null, Long.MAX_VALUE, null, null, null, null, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rows.complete(LIMITS));
        assertTrue(e.getMessage().startsWith("sampleRows must be at most 1000000"), e.getMessage());
        JobSettings seconds = new JobSettings(null, null, null, null, null, null, 1e12, null, null);
        e = assertThrows(IllegalArgumentException.class, () -> seconds.complete(LIMITS));
        assertTrue(e.getMessage().startsWith("trainingSeconds must be at most 3600"), e.getMessage());
        assertEquals(
                1_000_000L,
                new JobSettings(null, null, 1_000_000L, null, null, null, 3600.0, null, null)
                        .complete(LIMITS)
                        .sampleRows());
    }

    @Test
    void defaultsAreFilledInAndAStoredJobWithoutConditionsStillReads() throws Exception {
        JobSettings complete = JobSettings.defaults().complete(LIMITS);
        assertEquals("argn", complete.synthesizer());
        assertEquals(42L, complete.seed());
        try (Jsonb json = JsonbBuilder.create()) {
            JobSettings old = json.fromJson("{\"synthesizer\":\"baseline\",\"seed\":7}", JobSettings.class);
            assertEquals(null, old.conditions());
            assertEquals(7L, old.complete(LIMITS).seed());
        }
    }

    @Test
    void conditionsRoundTripAndNeedTheNetwork() throws Exception {
        String body = "{\"conditions\":{\"table\":\"staff.csv\",\"rebalance\":{\"column\":\"site\",\"value\":\"lab\","
                + "\"share\":0.4},\"seedRows\":[{\"site\":\"lab\"}]}}";
        try (Jsonb json = JsonbBuilder.create()) {
            JobSettings settings = json.fromJson(body, JobSettings.class).complete(LIMITS);
            JobSettings stored = json.fromJson(json.toJson(settings), JobSettings.class);
            assertEquals(settings, stored);
            assertEquals(0.4, stored.conditions().engine().rebalance().share());
            assertEquals(
                    List.of(Map.of("site", "lab")), stored.conditions().engine().seedRows());
        }
        JobSettings baseline = new JobSettings(
                "baseline",
                null,
                null,
                null,
                null,
                null,
                null,
                new JobSettings.Conditional(null, List.of(), null),
                null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> baseline.complete(LIMITS));
        assertTrue(e.getMessage().contains("needs the argn synthesizer"), e.getMessage());
    }

    @Test
    void aPrivacyBudgetIsCompletedCheckedAndNeedsTheNetwork() throws Exception {
        try (Jsonb json = JsonbBuilder.create()) {
            JobSettings settings = json.fromJson("{\"differentialPrivacy\":{\"epsilon\":4}}", JobSettings.class)
                    .complete(LIMITS);
            assertEquals(4.0, settings.differentialPrivacy().epsilon());
            assertEquals(
                    JobSettings.Privacy.DEFAULT_DELTA,
                    settings.differentialPrivacy().delta());
            assertEquals(4.0, settings.engine().privacy().epsilon());
            JobSettings stored = json.fromJson(json.toJson(settings), JobSettings.class);
            assertEquals(settings, stored);
            IllegalArgumentException noEpsilon = assertThrows(
                    IllegalArgumentException.class,
                    () -> json.fromJson("{\"differentialPrivacy\":{\"delta\":1e-7}}", JobSettings.class)
                            .complete(LIMITS));
            assertTrue(noEpsilon.getMessage().contains("needs an epsilon"), noEpsilon.getMessage());
            IllegalArgumentException tooLarge = assertThrows(
                    IllegalArgumentException.class,
                    () -> json.fromJson("{\"differentialPrivacy\":{\"epsilon\":1000}}", JobSettings.class)
                            .complete(LIMITS));
            assertTrue(tooLarge.getMessage().contains("epsilon must be in"), tooLarge.getMessage());
            IllegalArgumentException baseline = assertThrows(
                    IllegalArgumentException.class,
                    () -> json.fromJson(
                                    "{\"synthesizer\":\"baseline\",\"differentialPrivacy\":{\"epsilon\":4}}",
                                    JobSettings.class)
                            .complete(LIMITS));
            assertTrue(baseline.getMessage().contains("needs the argn synthesizer"), baseline.getMessage());
        }
    }
}
