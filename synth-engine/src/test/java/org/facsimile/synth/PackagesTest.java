package org.facsimile.synth;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages form layers without cycles: {@code table} (what a table and its columns
 * are) at the bottom; {@code columns}, {@code personal}, {@code constraints}, {@code quality},
 * {@code privacy} above it; the synthesizers ({@code argn}, {@code baseline}) and the run of one
 * table (this package, with the interfaces they implement and the run's report) above those;
 * datasets of related tables ({@code relations}, {@code nested}) on the run, and the report's
 * rendering ({@code report}) and the command line ({@code cli}) at the top. A cycle means two
 * packages can only be understood, tested and changed together.
 */
class PackagesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.facsimile.synth");
    }

    @Test
    void theEnginesPackagesHaveNoCycles() {
        slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass c) {
                        String p = c.getPackageName();
                        if (p.equals("org.facsimile.synth")) {
                            return SliceIdentifier.of("(the run)");
                        }
                        if (p.startsWith("org.facsimile.synth.")) {
                            String rest = p.substring("org.facsimile.synth.".length());
                            int dot = rest.indexOf('.');
                            return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
                        }
                        return SliceIdentifier.ignore();
                    }

                    @Override
                    public String getDescription() {
                        return "the engine's packages";
                    }
                })
                .should()
                .beFreeOfCycles()
                .check(classes);
    }
}
