package org.facsimile.web.platform;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the database to the schema of record (the SQL migrations in db-migrations). */
public final class Migrations {

    private Migrations() {}

    /** The schema's version in the database: the latest migration applied with success. */
    static final String CURRENT_VERSION = "SELECT version FROM flyway_schema_history"
            + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1";

    /** What a migration did: how many migrations ran, and the version the schema is now at. */
    public record Outcome(int applied, String version) {}

    /** Applies pending migrations. */
    public static Outcome migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        MigrateResult result = flyway.migrate();
        return new Outcome(
                result.migrationsExecuted, flyway.info().current().getVersion().getVersion());
    }
}
