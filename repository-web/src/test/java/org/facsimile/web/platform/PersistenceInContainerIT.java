package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.metamodel.EntityType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.facsimile.web.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The node's persistence unit inside Payara Micro, on the schema its own start-up migrated. */
@ExtendWith(ArquillianExtension.class)
class PersistenceInContainerIT {

    @Deployment
    static WebArchive node() {
        return InContainer.war();
    }

    @Resource(lookup = Startup.DATA_SOURCE)
    DataSource dataSource;

    @PersistenceUnit(unitName = "facsimile")
    EntityManagerFactory persistence;

    @Test
    void everyEntityIsQueriedOnTheMigratedSchema() throws Exception {
        Set<String> entities = new TreeSet<>();
        try (EntityManager em = persistence.createEntityManager()) {
            for (EntityType<?> entity : persistence.getMetamodel().getEntities()) {
                em.createQuery("SELECT count(e) FROM " + entity.getName() + " e")
                        .getSingleResult();
                entities.add(entity.getName());
            }
        }
        assertTrue(entities.size() >= 12, "the node maps every entity: " + entities);
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE NOT success")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "every migration the node ran succeeded");
        }
    }
}
