package org.facsimile.web.platform;

import java.util.Set;
import java.util.UUID;

/**
 * Carries out the outbox events of some topics (the search index, DataCite). The relay finds the
 * handler of each event's topic; a handler that throws has its event tried again later.
 */
public interface OutboxHandler {

    /** The topics this handler carries out. */
    Set<String> topics();

    /** Carries out one event; it may run again after a crash, so it must be safe to repeat. */
    void apply(String topic, UUID aggregate) throws Exception;
}
