package org.facsimile.web;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.facsimile.web.platform.Migrations;

/**
 * A real PostgreSQL for the integration tests of this module, started once per test JVM: its
 * default database migrated for the tests that use it directly, and a fresh database for each
 * in-container node, which migrates its own.
 */
public final class EmbeddedDatabase {

    /** The server's user (it trusts local connections; the password is not checked). */
    static final String USER = "postgres";

    private static EmbeddedPostgres postgres;
    private static boolean migrated;

    private EmbeddedDatabase() {}

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }

    /** The server's default database, migrated. */
    public static synchronized DataSource migrated() {
        DataSource db = server().getPostgresDatabase();
        if (!migrated) {
            Migrations.migrate(db);
            migrated = true;
        }
        return db;
    }

    /** A new, empty database on the same server (for a node that migrates it itself): its JDBC URL. */
    static synchronized String fresh(String name) {
        EmbeddedPostgres server = server();
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("creating the database " + name, e);
        }
        return server.getJdbcUrl(USER, name);
    }
}
