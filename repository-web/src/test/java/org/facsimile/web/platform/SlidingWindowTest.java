package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {

    @Test
    void tryRecordCountsUpToTheLimitThenSaysWhenTheOldestLeavesTheWindow() {
        SlidingWindow window = new SlidingWindow(3, Duration.ofHours(1));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            assertNull(window.tryRecord("alice", start.plusSeconds(60L * i)));
        }
        assertEquals(start.plus(Duration.ofHours(1)), window.tryRecord("alice", start.plusSeconds(600)));
        assertEquals(
                start.plus(Duration.ofHours(1)),
                window.tryRecord("alice", start.plusSeconds(900)),
                "refusals do not count");
        assertNull(window.tryRecord("bob", start.plusSeconds(600)), "keys are separate");
        assertNull(window.tryRecord("alice", start.plus(Duration.ofHours(1)).plusSeconds(1)), "the window slides");
    }
}
