package org.facsimile.web.deposit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Setting;
import org.facsimile.web.platform.SlidingWindow;

/**
 * Uploads per account and hour ({@code facsimile.upload.max-per-hour}), counted per web node
 * before a byte is read: past the limit, 429 with Retry-After. With the size limit it bounds what
 * one account can make a node read and store.
 */
@ApplicationScoped
public class UploadRate {

    @Inject
    Clock clock;

    private volatile SlidingWindow window;

    /** Counts an upload of the account, or refuses it when the account is over its hourly limit. */
    public void acquire(UUID account) {
        Instant now = clock.now();
        Instant blocked = window().tryRecord(account.toString(), now);
        if (blocked != null) {
            throw ProblemException.tooMany(
                    "too-many-uploads",
                    "at most " + Setting.UPLOAD_MAX_PER_HOUR.getInt() + " uploads an hour",
                    now,
                    blocked);
        }
    }

    private SlidingWindow window() {
        if (window == null) {
            synchronized (this) {
                if (window == null) {
                    window = new SlidingWindow(Setting.UPLOAD_MAX_PER_HOUR.getInt(), Duration.ofHours(1));
                }
            }
        }
        return window;
    }
}
