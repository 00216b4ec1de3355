package org.facsimile.web.review;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.facsimile.web.platform.ProblemException;
import org.junit.jupiter.api.Test;

class PrivacyGateTest {

    private static final String PASSED = "{\"privacy\":{\"verdict\":\"PASSED\",\"reasons\":[]}}";
    private static final String FAILED = "{\"privacy\":{\"verdict\":\"FAILED\",\"reasons\":"
            + "[\"patients: 12 synthetic rows copy real ones (limit 3)\"]}}";

    @Test
    void aPassedVerdictPublishes() {
        assertDoesNotThrow(() -> PrivacyGate.check(PASSED, false));
    }

    @Test
    void aFailedVerdictIsRefusedWithTheReportsReasons() {
        ProblemException refused = assertThrows(ProblemException.class, () -> PrivacyGate.check(FAILED, false));
        assertEquals(409, refused.status());
        assertEquals("privacy-gate", refused.kind());
        assertTrue(refused.getMessage().contains("12 synthetic rows copy real ones"), refused.getMessage());
    }

    @Test
    void anAdminsOverrideLetsAFailedVerdictThrough() {
        assertDoesNotThrow(() -> PrivacyGate.check(FAILED, true));
    }

    @Test
    void noVerdictCountsAsFailed() {
        for (String report : new String[] {null, "{}", "{\"privacy\":[]}", "{\"privacy\":{\"verdict\":\"MAYBE\"}}"}) {
            assertThrows(ProblemException.class, () -> PrivacyGate.check(report, false), String.valueOf(report));
        }
    }
}
