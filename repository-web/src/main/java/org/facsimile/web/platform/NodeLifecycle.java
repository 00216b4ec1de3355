package org.facsimile.web.platform;

import javax.sql.DataSource;

/**
 * What {@link Startup} tells the parts of the repository as the node comes up and goes down, as
 * CDI events: platform knows no part by name, each part observes what concerns it.
 */
public final class NodeLifecycle {

    private NodeLifecycle() {}

    /**
     * The schema is migrated and matches the JPA model, during the deployment: a part sets up what
     * it needs in the database before the node serves (the bootstrap admin account). A failure
     * fails the deployment.
     */
    public record SchemaReady(DataSource dataSource) {}

    /**
     * The deployment has ended: a part begins its background duties (worker threads, the index
     * check). Not earlier: a class loaded while the deployment ends can stay broken for the
     * node's life (see {@link BackgroundDuties}).
     */
    public record DutiesBegin(DataSource dataSource) {}

    /** The node is stopping: a part ends its duties. */
    public record DutiesEnd() {}
}
