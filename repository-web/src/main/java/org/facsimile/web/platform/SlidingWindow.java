package org.facsimile.web.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts events per key over a sliding window, in memory and per node: at most 10,000 keys are
 * tracked, the least recently seen dropped first. Thread-safe. For what a node may forget (a
 * double-click filter); limits that must hold across nodes are {@link SharedWindow}s.
 */
public final class SlidingWindow {

    private static final int TRACKED = 10_000;

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> events = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > TRACKED;
        }
    };

    public SlidingWindow(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** When the key may act again, or null when it may now (fewer than the limit in the window). */
    public synchronized Instant blockedUntil(String key, Instant now) {
        Deque<Instant> recent = events.get(key == null ? "" : key);
        if (recent == null) {
            return null;
        }
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
            recent.removeFirst();
        }
        return recent.size() >= limit ? recent.peekFirst().plus(window) : null;
    }

    public synchronized void record(String key, Instant now) {
        events.computeIfAbsent(key == null ? "" : key, k -> new ArrayDeque<>()).addLast(now);
    }

    /** Records the event when the key is under the limit; otherwise says until when it is not. */
    public synchronized Instant tryRecord(String key, Instant now) {
        Instant blocked = blockedUntil(key, now);
        if (blocked == null) {
            record(key, now);
        }
        return blocked;
    }
}
