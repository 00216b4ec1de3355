package org.facsimile.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency direction of ARCHITECTURE.md: repository-web -> harvest-api -> vocabularies,
 * repository-web -> synth-engine; nothing imports repository-web; only repository-web and
 * harvest-api see Jakarta. Checked on the compiled classes of all modules.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    /** The repository's parts, each a package with its sub-packages. */
    private static final String[] PARTS = {
        "org.facsimile.web.account..",
        "org.facsimile.web.deposit..",
        "org.facsimile.web.publishing..",
        "org.facsimile.web.review..",
        "org.facsimile.web.schema..",
        "org.facsimile.web.search..",
        "org.facsimile.web.storage..",
        "org.facsimile.web.synthesis.."
    };

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.facsimile");
    }

    @Test
    void vocabulariesDependOnJenaOnly() {
        noClasses()
                .that()
                .resideInAPackage("org.facsimile.vocab..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta..",
                        "org.facsimile.web..",
                        "org.facsimile.harvest..",
                        "org.facsimile.synth..",
                        "java.sql..",
                        "org.hibernate..")
                .check(classes);
    }

    @Test
    void theSynthesisEngineKnowsNoRepository() {
        noClasses()
                .that()
                .resideInAPackage("org.facsimile.synth..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta..",
                        "org.facsimile.web..",
                        "org.facsimile.harvest..",
                        "org.facsimile.vocab..",
                        "java.sql..",
                        "org.hibernate..",
                        "org.apache.jena..")
                .check(classes);
    }

    @Test
    void harvestingSeesTheRepositoryOnlyThroughItsPorts() {
        noClasses()
                .that()
                .resideInAPackage("org.facsimile.harvest..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.facsimile.web..", "org.facsimile.synth..", "java.sql..", "org.hibernate..")
                .check(classes);
    }

    /**
     * Platform (configuration, startup, errors, audit, the outbox, health) is underneath every
     * part: it tells them what happens by CDI events ({@code NodeLifecycle}) and asks them through
     * its own interfaces ({@code SignedIn}, {@code OutboxHandler}); only the application class at
     * the top names them all.
     */
    @Test
    void platformKnowsNoPartOfTheRepository() {
        noClasses()
                .that()
                .resideInAPackage("org.facsimile.web.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(PARTS)
                .check(classes);
    }

    /**
     * Arrows one way between the repository's packages, sub-packages included (publishing's
     * {@code doi} and {@code landing}): platform, account, storage, schema, synthesis, deposit,
     * publishing, then review and search on top. A part that must tell a part above it something
     * does it through an interface of its own (synthesis's {@code JobInputs} and
     * {@code DepositTransitions}, deposit's {@code DoiReservation}).
     */
    @Test
    void theRepositorysPackagesAreFreeOfCycles() {
        slices().matching("org.facsimile.web.(**)").should().beFreeOfCycles().check(classes);
    }

    /** The table schema between the repository and the engine is shared by the parts and knows none of them. */
    @Test
    void theTableSchemaKnowsNoPart() {
        noClasses()
                .that()
                .resideInAPackage("org.facsimile.web.schema..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(Arrays.stream(PARTS)
                        .filter(p -> !p.contains(".schema."))
                        .toArray(String[]::new))
                .check(classes);
    }

    @Test
    void searchSeesOnlyPublishedData() {
        noClasses()
                .that()
                .resideInAPackage("org.facsimile.web.search..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.facsimile.web.deposit..", "org.facsimile.web.synthesis..", "org.facsimile.web.review..")
                .check(classes);
    }

    @Test
    void everyResourceAndProviderIsRegisteredWithTheApplication() {
        // the application lists its classes, so JAX-RS never scans: one left out answers 404
        Set<String> registered = new FacsimileApplication()
                .getClasses().stream().map(Class::getName).collect(Collectors.toSet());
        List<String> missing = classes.stream()
                .filter(c -> c.getPackageName().startsWith("org.facsimile.web"))
                .filter(c -> c.isAnnotatedWith(Path.class) || c.isAnnotatedWith(Provider.class))
                .map(JavaClass::getName)
                .filter(name -> !registered.contains(name))
                .sorted()
                .toList();
        assertEquals(List.of(), missing, "resources and providers missing from FacsimileApplication.getClasses()");
    }
}
