package org.facsimile.web;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What an in-container test deploys: the module's WAR as built (the parts under test with
 * everything they rely on, configured as in production) plus the test's own classes, which
 * Arquillian adds with its JUnit 5 runner. Failsafe runs these tests after the WAR is packaged.
 * Each deployment starts its own Payara Micro (about 30 s here), so a test class holds every
 * in-container test of its part.
 */
public final class InContainer {

    private InContainer() {}

    /** The WAR with the given helper classes of the tests (the test class itself is added by Arquillian). */
    public static WebArchive war(Class<?>... helpers) {
        File war = new File(System.getProperty("facsimile.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("no WAR at " + war + ": in-container tests run after package");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war).addClasses(helpers);
    }
}
