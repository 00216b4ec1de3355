package org.facsimile.web.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.facsimile.web.platform.SlidingWindow;

/**
 * Failed sign-ins per remote address: past 20 in 10 minutes an address is refused before any
 * password is checked, whatever usernames it tries (the per-account lock covers one username
 * tried from many addresses). Kept per web node, in memory.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final SlidingWindow failures = new SlidingWindow(LIMIT, WINDOW);

    /** When the address may try again, or null when it may now. */
    public Instant blockedUntil(String address, Instant now) {
        return failures.blockedUntil(address, now);
    }

    public void failed(String address, Instant now) {
        failures.record(address, now);
    }
}
