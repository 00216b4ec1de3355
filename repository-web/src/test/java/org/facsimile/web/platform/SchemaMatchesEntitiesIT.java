package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.facsimile.web.EmbeddedDatabase;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.Test;

/** The JPA model must match the schema the migrations create: Hibernate validates, never generates. */
class SchemaMatchesEntitiesIT {

    static List<Class<?>> entities() {
        return new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.facsimile.web")
                        .stream()
                        .filter(c -> c.isAnnotatedWith(Entity.class))
                        .map(JavaClass::reflect)
                        .<Class<?>>map(c -> c)
                        .toList();
    }

    static void validate(DataSource dataSource, List<Class<?>> entities) {
        Configuration configuration = new Configuration();
        entities.forEach(configuration::addAnnotatedClass);
        configuration.getProperties().put("hibernate.connection.datasource", dataSource);
        configuration.setProperty("hibernate.hbm2ddl.auto", "validate");
        try (SessionFactory factory = configuration.buildSessionFactory()) {
            assertTrue(factory.isOpen());
        }
    }

    @Test
    void everyEntityMatchesTheMigratedSchema() {
        List<Class<?>> entities = entities();
        assertFalse(entities.isEmpty());
        assertTrue(entities.size() >= 12, "all entities found: " + entities);
        validate(EmbeddedDatabase.migrated(), entities);
    }

    @Test
    void aDriftingEntityIsCaught() {
        assertThrows(
                SchemaManagementException.class,
                () -> validate(EmbeddedDatabase.migrated(), List.of(DriftedAccount.class)));
    }

    /** An entity with a column the schema lacks: validation must refuse it. */
    @Entity
    @Table(name = "account")
    static class DriftedAccount {
        @Id
        UUID id;

        @Column(name = "nickname")
        String nickname;
    }
}
