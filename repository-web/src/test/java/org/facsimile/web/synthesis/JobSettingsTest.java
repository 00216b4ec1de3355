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

    @Test
    void defaultsAreFilledInAndAStoredJobWithoutConditionsStillReads() throws Exception {
        JobSettings complete = JobSettings.defaults().complete();
        assertEquals("argn", complete.synthesizer());
        assertEquals(42L, complete.seed());
        try (Jsonb json = JsonbBuilder.create()) {
            JobSettings old = json.fromJson("{\"synthesizer\":\"baseline\",\"seed\":7}", JobSettings.class);
            assertEquals(null, old.conditions());
            assertEquals(7L, old.complete().seed());
        }
    }

    @Test
    void conditionsRoundTripAndNeedTheNetwork() throws Exception {
        String body = "{\"conditions\":{\"table\":\"staff.csv\",\"rebalance\":{\"column\":\"site\",\"value\":\"lab\","
                + "\"share\":0.4},\"seedRows\":[{\"site\":\"lab\"}]}}";
        try (Jsonb json = JsonbBuilder.create()) {
            JobSettings settings = json.fromJson(body, JobSettings.class).complete();
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
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, baseline::complete);
        assertTrue(e.getMessage().contains("needs the argn synthesizer"), e.getMessage());
    }

    @Test
    void aPrivacyBudgetIsCompletedCheckedAndNeedsTheNetwork() throws Exception {
        try (Jsonb json = JsonbBuilder.create()) {
            JobSettings settings = json.fromJson("{\"differentialPrivacy\":{\"epsilon\":4}}", JobSettings.class)
                    .complete();
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
                            .complete());
            assertTrue(noEpsilon.getMessage().contains("needs an epsilon"), noEpsilon.getMessage());
            IllegalArgumentException tooLarge = assertThrows(
                    IllegalArgumentException.class,
                    () -> json.fromJson("{\"differentialPrivacy\":{\"epsilon\":1000}}", JobSettings.class)
                            .complete());
            assertTrue(tooLarge.getMessage().contains("epsilon must be in"), tooLarge.getMessage());
            IllegalArgumentException baseline = assertThrows(
                    IllegalArgumentException.class,
                    () -> json.fromJson(
                                    "{\"synthesizer\":\"baseline\",\"differentialPrivacy\":{\"epsilon\":4}}",
                                    JobSettings.class)
                            .complete());
            assertTrue(baseline.getMessage().contains("needs the argn synthesizer"), baseline.getMessage());
        }
    }
}
