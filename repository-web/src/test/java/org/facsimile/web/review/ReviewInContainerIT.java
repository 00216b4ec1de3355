package org.facsimile.web.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.facsimile.web.InContainer;
import org.facsimile.web.account.AccountService;
import org.facsimile.web.account.Credential;
import org.facsimile.web.account.Role;
import org.facsimile.web.deposit.Deposit;
import org.facsimile.web.deposit.DepositAccess;
import org.facsimile.web.deposit.DepositJobStates;
import org.facsimile.web.deposit.DepositMetadata;
import org.facsimile.web.deposit.DepositService;
import org.facsimile.web.deposit.DepositState;
import org.facsimile.web.deposit.SyntheticTables;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Setting;
import org.facsimile.web.platform.Startup;
import org.facsimile.web.synthesis.JobQueue;
import org.facsimile.web.synthesis.SynthesisJob;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who reaches a private deposit, and the way from a finished synthesis to a curator's decision,
 * through the node's own services and transactions (its configuration requires a curator's review).
 */
@ExtendWith(ArquillianExtension.class)
class ReviewInContainerIT {

    private static final String FROM = "192.0.2.7";

    @Deployment
    static WebArchive node() {
        return InContainer.war();
    }

    @Inject
    AccountService accounts;

    @Inject
    DepositService deposits;

    @Inject
    ReviewService review;

    @Inject
    DepositJobStates transitions;

    @Inject
    SyntheticTables synthetic;

    @Resource(lookup = Startup.DATA_SOURCE)
    DataSource dataSource;

    @PersistenceUnit(unitName = "facsimile")
    EntityManagerFactory persistence;

    private Credential admin() {
        return accounts.authenticate(Setting.BOOTSTRAP_ADMIN_TOKEN.get()).orElseThrow();
    }

    private Credential account(Role role) {
        String name =
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        AccountService.NewAccount made = accounts.create(admin().account(), name, null, null, role, null, FROM);
        return accounts.authenticate(made.token()).orElseThrow();
    }

    /** A deposit of {@code owner} whose synthesis finished with the given privacy verdict. */
    private UUID synthesized(Credential owner, String verdict) throws Exception {
        Deposit deposit = deposits.create(
                owner,
                new DepositMetadata(
                        "Tern census " + UUID.randomUUID(),
                        null,
                        List.of("Olive Warbler"),
                        null,
                        null,
                        "https://creativecommons.org/licenses/by/4.0/",
                        null,
                        null,
                        null,
                        null),
                FROM);
        deposits.attachFile(
                owner,
                deposit.id(),
                "terns.csv",
                "terns",
                20,
                "0".repeat(64),
                "private/" + UUID.randomUUID(),
                3,
                "{\"url\":\"terns.csv\",\"tableSchema\":{\"columns\":[{\"name\":\"count\",\"datatype\":\"integer\"}]}}",
                FROM);
        SynthesisJob submitted = deposits.submit(owner, deposit.id(), "{}", FROM);
        JobQueue queue = new JobQueue(dataSource, Duration.ofSeconds(30), transitions);
        JobQueue.Claim claim = queue.claim("test-worker").orElseThrow();
        assertEquals(submitted.id(), claim.jobId());
        assertTrue(queue.succeed(
                claim,
                "jobs/" + claim.jobId() + "/attempt-1",
                "{\"privacy\":{\"verdict\":\"" + verdict + "\",\"reasons\":[\"DCR share 0.61 above 0.54\"]}}"));
        return deposit.id();
    }

    private long refusals(UUID deposit, Credential by) {
        try (EntityManager em = persistence.createEntityManager()) {
            return em.createQuery(
                            "SELECT count(e) FROM AuditEvent e WHERE e.action = :a AND e.targetId = :t AND e.actorId = :by",
                            Long.class)
                    .setParameter("a", DepositAccess.REFUSED)
                    .setParameter("t", deposit.toString())
                    .setParameter("by", by.account().id())
                    .getSingleResult();
        }
    }

    private static void assertNotFound(Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        assertEquals(404, e.status(), e.getMessage());
    }

    @Test
    void onlyTheOwnerReachesADepositAndEveryRefusalIsAuditedThoughItsTransactionRollsBack() throws Exception {
        Credential owner = account(Role.DEPOSITOR);
        Credential other = account(Role.DEPOSITOR);
        Credential curator = account(Role.CURATOR);
        Credential admin = admin();
        UUID deposit = synthesized(owner, "PASSED");

        assertEquals(
                DepositState.READY_FOR_REVIEW,
                deposits.get(owner, deposit, FROM).state());
        for (Credential outsider : List.of(other, curator, admin)) {
            assertNotFound(() -> deposits.get(outsider, deposit, FROM));
            assertNotFound(() -> deposits.files(outsider, deposit));
            assertNotFound(() -> deposits.withdraw(outsider, deposit, "not mine", FROM));
            assertNotFound(() -> synthetic.download(outsider, deposit, "terns.csv", FROM));
            assertEquals(4, refusals(deposit, outsider), "each refusal stays in the audit log");
        }
        String folder = deposits.latestJob(owner, deposit).resultKey();
        assertEquals(folder + "/terns.csv", synthetic.download(owner, deposit, "terns.csv", FROM));
        assertNotFound(() -> synthetic.download(owner, deposit, "report.json", FROM));
        assertNotFound(() -> synthetic.download(owner, deposit, "../terns.csv", FROM));
        UUID none = UUID.randomUUID();
        assertNotFound(() -> deposits.get(owner, none, FROM));
        assertEquals(1, refusals(none, owner), "an unknown id is refused the same way, and audited");
        assertEquals(
                DepositState.READY_FOR_REVIEW,
                deposits.get(owner, deposit, FROM).state(),
                "nothing changed");
    }

    @Test
    void aFailedPrivacyVerdictHoldsPublicationUntilAnAdminOverridesItThenACuratorDecides() throws Exception {
        Credential owner = account(Role.DEPOSITOR);
        Credential curator = account(Role.CURATOR);
        UUID deposit = synthesized(owner, "FAILED");

        ProblemException held =
                assertThrows(ProblemException.class, () -> review.requestPublication(owner, deposit, FROM));
        assertEquals(409, held.status());
        assertEquals("privacy-gate", held.kind());
        assertTrue(held.getMessage().contains("DCR share 0.61 above 0.54"), held.getMessage());
        assertEquals(
                DepositState.READY_FOR_REVIEW,
                deposits.get(owner, deposit, FROM).state());

        ProblemException tooShort = assertThrows(
                ProblemException.class, () -> review.overridePrivacy(admin().account(), deposit, "fine", FROM));
        assertEquals(422, tooShort.status());
        ProblemException notAdmin = assertThrows(
                ProblemException.class,
                () -> review.overridePrivacy(curator.account(), deposit, "a curator may not do this alone", FROM));
        assertEquals(403, notAdmin.status());
        review.overridePrivacy(
                admin().account(), deposit, "the columns close to real rows are public reference data", FROM);

        ReviewService.Outcome asked = review.requestPublication(owner, deposit, FROM);
        assertEquals(DepositState.IN_REVIEW.name(), asked.state());
        assertEquals(null, asked.published(), "this node requires a curator's decision first");
        assertFalse(deposits.inReview(curator).isEmpty());
        assertEquals(
                DepositState.IN_REVIEW, deposits.get(curator, deposit, FROM).state(), "a curator reads it now");
        assertTrue(
                synthetic.download(curator, deposit, "terns.csv", FROM).endsWith("/terns.csv"),
                "and the synthetic tables it would publish");
        assertNotFound(() -> review.reject(owner, deposit, "rejecting my own deposit", FROM));

        review.reject(curator, deposit, "describe where the terns were counted", FROM);
        assertEquals(DepositState.REJECTED, deposits.get(owner, deposit, FROM).state());
        try (EntityManager em = persistence.createEntityManager()) {
            List<String> actions = em.createQuery(
                            "SELECT e.action FROM AuditEvent e WHERE e.targetId = :t ORDER BY e.at", String.class)
                    .setParameter("t", deposit.toString())
                    .getResultList();
            assertTrue(
                    actions.containsAll(
                            List.of("deposit.privacy-override", "deposit.review.request", "deposit.review.reject")),
                    actions.toString());
        }
    }
}
