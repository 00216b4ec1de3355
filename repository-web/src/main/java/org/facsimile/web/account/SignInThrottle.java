package org.facsimile.web.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.facsimile.web.platform.RateLimits;
import org.facsimile.web.platform.SharedWindow;

/**
 * Failed sign-ins per remote address: past 20 in 10 minutes an address is refused before any
 * password is checked, whatever usernames it tries (the per-account lock covers one username
 * tried from many addresses). Counted in the database, so the limit holds across web nodes.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private static final SharedWindow FAILURES = new SharedWindow("sign-in-failures", LIMIT, WINDOW);

    @Inject
    RateLimits limits;

    /** When the address may try again, or null when it may now. */
    public Instant blockedUntil(String address, Instant now) {
        return limits.blockedUntil(FAILURES, address, now);
    }

    public void failed(String address, Instant now) {
        limits.record(FAILURES, address, now);
    }
}
