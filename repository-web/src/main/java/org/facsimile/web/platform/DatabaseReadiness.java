package org.facsimile.web.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}, "database": PostgreSQL answers within two seconds and its schema is the
 * version this node migrated to. A database restored from an older backup, or migrated further by
 * a newer node during a rolling upgrade, takes this node out of service instead of letting it
 * write rows it does not understand.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = Startup.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    NodeState node;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("database");
        String expected = node.schemaVersion();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.setQueryTimeout(TIMEOUT_SECONDS);
            String actual;
            try (ResultSet rs = s.executeQuery(Migrations.CURRENT_VERSION)) {
                actual = rs.next() ? rs.getString(1) : null;
            }
            answer.withData("schema", actual == null ? "none" : "V" + actual);
            if (expected == null || !expected.equals(actual)) {
                return answer.down()
                        .withData("expected", expected == null ? "not migrated yet" : "V" + expected)
                        .build();
            }
            return answer.up().build();
        } catch (SQLException e) {
            return answer.down()
                    .withData("reason", DatabaseOutage.isCause(e) ? "unreachable" : "refused the check")
                    .build();
        }
    }
}
