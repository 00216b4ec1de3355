package org.facsimile.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * Brings the node up in order: migrate the database (Flyway), check that the JPA model matches
 * it (Hibernate validates, never generates), tell the parts the schema is ready ({@link
 * NodeLifecycle.SchemaReady}: the bootstrap admin is created); then, once the deployment has
 * ended, tell them to begin their duties ({@link NodeLifecycle.DutiesBegin}: the worker threads,
 * the search index check, which rebuilds a missing or outdated index) and start the outbox relay.
 * A failure before that fails the deployment: a node never serves on a schema it does not
 * understand. The parts are told by CDI events, so platform names none of them.
 */
@jakarta.ejb.Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@DataSourceDefinition(
        name = Startup.DATA_SOURCE,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=facsimile.db.url}",
        user = "${MPCONFIG=facsimile.db.user}",
        password = "${MPCONFIG=facsimile.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32)
public class Startup {

    public static final String DATA_SOURCE = "java:app/jdbc/facsimile";

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @PersistenceUnit(unitName = "facsimile")
    EntityManagerFactory entityManagerFactory;

    @Inject
    OutboxRelay outbox;

    @Inject
    Event<NodeLifecycle.SchemaReady> schemaReady;

    @Inject
    Event<NodeLifecycle.DutiesBegin> dutiesBegin;

    @Inject
    Event<NodeLifecycle.DutiesEnd> dutiesEnd;

    @Inject
    BackgroundDuties background;

    @Inject
    NodeState state;

    private ScheduledFuture<?> duties;

    @PostConstruct
    void start() {
        Migrations.Outcome migrated = Migrations.migrate(dataSource);
        LOG.info("database schema: " + migrated.applied() + " migration(s) applied, now at V" + migrated.version());
        entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        LOG.info("database schema matches the JPA model");
        state.schemaReady(migrated.version());
        schemaReady.fire(new NodeLifecycle.SchemaReady(dataSource));
        // the worker threads, the index check and the outbox begin once the deployment has ended
        // (see BackgroundDuties: a class loaded while it ends can stay broken for the node's life)
        duties = background.afterDeployment(() -> {
            dutiesBegin.fire(new NodeLifecycle.DutiesBegin(dataSource));
            outbox.start();
            state.dutiesBegun();
            LOG.info("the node's duties have begun");
        });
    }

    @PreDestroy
    void stop() {
        if (duties != null) {
            duties.cancel(false);
        }
        outbox.stop();
        dutiesEnd.fire(new NodeLifecycle.DutiesEnd());
    }
}
