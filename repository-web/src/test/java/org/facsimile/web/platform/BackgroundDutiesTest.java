package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundDutiesTest {

    /** Throws a checked exception undeclared, as an interceptor chain can. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneaky(Throwable e) throws T {
        throw (T) e;
    }

    @Test
    void aDutyThatThrowsAnythingRunsAgainAsPlanned() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch fourth = new CountDownLatch(4);
        Runnable failing = () -> {
            fourth.countDown();
            switch (runs.incrementAndGet()) {
                case 1 -> throw new NoClassDefFoundError("a class not yet loadable at deployment");
                case 2 -> sneaky(new IOException("a checked exception no signature declares"));
                case 3 -> throw new IllegalStateException("an ordinary failure");
                default -> {
                    // succeeds
                }
            }
        };
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            executor.scheduleWithFixedDelay(
                    BackgroundDuties.guarded("test duty", failing), 0, 10, TimeUnit.MILLISECONDS);
            assertTrue(fourth.await(10, TimeUnit.SECONDS), "ran " + runs.get() + " times, then never again");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void threadsAreNamedAfterTheirDuty() {
        Thread t = BackgroundDuties.named(Thread::new, "outbox").newThread(() -> {});
        assertEquals("facsimile-outbox-1", t.getName());
        assertTrue(t.isDaemon());
    }
}
