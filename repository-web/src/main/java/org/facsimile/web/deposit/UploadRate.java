package org.facsimile.web.deposit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.RateLimits;
import org.facsimile.web.platform.Setting;
import org.facsimile.web.platform.SharedWindow;

/**
 * Uploads per account and hour ({@code facsimile.upload.max-per-hour}), counted in the database
 * before a byte is read, so the limit holds across web nodes: past it, 429 with Retry-After. With
 * the size limit it bounds what one account can make the repository read and store.
 */
@ApplicationScoped
public class UploadRate {

    @Inject
    Clock clock;

    @Inject
    RateLimits limits;

    private volatile SharedWindow window;

    /** Counts an upload of the account, or refuses it when the account is over its hourly limit. */
    public void acquire(UUID account) {
        Instant now = clock.now();
        Instant blocked = limits.tryRecord(window(), account.toString(), now);
        if (blocked != null) {
            throw ProblemException.tooMany(
                    "too-many-uploads",
                    "at most " + Setting.UPLOAD_MAX_PER_HOUR.getInt() + " uploads an hour",
                    now,
                    blocked);
        }
    }

    private SharedWindow window() {
        if (window == null) {
            synchronized (this) {
                if (window == null) {
                    window = new SharedWindow("uploads", Setting.UPLOAD_MAX_PER_HOUR.getInt(), Duration.ofHours(1));
                }
            }
        }
        return window;
    }
}
