package org.facsimile.web.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.facsimile.web.synthesis.JobStep;
import org.junit.jupiter.api.Test;

/** A run's stage in words, the one source of the deposit's badge and its progress line. */
class ProgressWordsTest {

    @Test
    void aQueuedJobSaysWhereItStands() {
        assertEquals("queued: next in line", new DepositService.QueuePlace(0, 0).words());
        assertEquals("queued: 1 job ahead", new DepositService.QueuePlace(1, 0).words());
        assertEquals("queued: 2 jobs ahead, 1 running now", new DepositService.QueuePlace(2, 1).words());
    }

    @Test
    void theBarOnlyMovesForwardThroughTheSteps() {
        int[] percents = Arrays.stream(JobStep.values())
                .filter(s -> s != JobStep.FAILED)
                .mapToInt(JobStep::percent)
                .toArray();
        for (int i = 1; i < percents.length; i++) {
            assertTrue(percents[i] > percents[i - 1], Arrays.toString(percents));
        }
        assertEquals(100, JobStep.DONE.percent());
        assertEquals(15, JobStep.TRAINING.percent(null), "a step's start");
        assertEquals(47, JobStep.TRAINING.percent(0.5), "half of training: halfway to generating");
        assertEquals(80, JobStep.TRAINING.percent(1.0));
        assertEquals(80, JobStep.TRAINING.percent(7.0), "never past the next step");
        assertEquals(100, JobStep.DONE.percent(0.5));
        assertEquals("training the model", JobStep.TRAINING.words());
    }
}
