package org.facsimile.web.platform;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How far this node has come up, for its startup health check: {@link Startup} marks the schema
 * migrated and validated, then the node's duties (workers, index check, outbox) begun.
 */
@ApplicationScoped
public class NodeState {

    private volatile String schemaVersion;
    private volatile boolean dutiesBegun;

    /** The schema is migrated to this node's latest version and matches the JPA model. */
    void schemaReady(String version) {
        this.schemaVersion = version;
    }

    void dutiesBegun() {
        this.dutiesBegun = true;
    }

    /** The schema version this node migrated to and understands; null until then. */
    public String schemaVersion() {
        return schemaVersion;
    }

    public boolean hasBegunDuties() {
        return dutiesBegun;
    }
}
