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
import java.sql.Connection;
import java.sql.PreparedStatement;
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

    @Inject
    ReviewerLinks links;

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

    private static String secret(ReviewerLinks.Created created) {
        return created.url().substring(created.url().indexOf("/preview/") + "/preview/".length());
    }

    private static void assertGone(Runnable call, String why) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        assertEquals(410, e.status(), e.getMessage());
        assertEquals("link-gone", e.kind());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    private void sql(String statement, Object... parameters) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    @Test
    void aReviewerLinkOpensTheOwnersUnpublishedDepositUntilItExpiresOrIsRevokedAndOnlyTheOwnerManagesIt()
            throws Exception {
        Credential owner = account(Role.DEPOSITOR);
        Credential other = account(Role.DEPOSITOR);
        Credential curator = account(Role.CURATOR);
        Credential admin = admin();
        UUID deposit = synthesized(owner, "PASSED");

        ReviewerLinks.Created made = links.create(owner, deposit, " Journal of Terns, round 1 ", 7, FROM);
        assertTrue(made.url().startsWith(Setting.BASE_URL.get() + "/preview/" + ReviewerLink.PREFIX), made.url());
        assertEquals("Journal of Terns, round 1", made.link().label());
        assertEquals(
                Duration.ofDays(7),
                Duration.between(made.link().createdAt(), made.link().expiresAt()));
        for (Credential outsider : List.of(other, curator, admin)) {
            assertNotFound(() -> links.create(outsider, deposit, "mine now", 7, FROM));
            assertNotFound(() -> links.list(outsider, deposit));
            assertNotFound(() -> links.revoke(outsider, deposit, made.link().id(), FROM));
        }
        UUID another = synthesized(owner, "PASSED");
        assertNotFound(() -> links.revoke(owner, another, made.link().id(), FROM));

        ReviewerLinks.Opened opened = links.open(secret(made), "page", FROM);
        assertEquals(deposit, opened.deposit().id());
        assertEquals(
                List.of("terns.csv"),
                opened.files().stream().map(f -> f.fileName()).toList());
        assertTrue(ReviewerLinks.showsTables(opened.job()), "a synthesis that passed the privacy check is shown");
        assertEquals(null, opened.landingPage());
        links.open(secret(made), "table terns.csv", FROM);
        ReviewerLink listed = links.list(owner, deposit).get(0);
        assertEquals(2, listed.uses(), "each opening is counted");
        assertNotFound(() -> links.open(ReviewerLink.PREFIX + "x".repeat(43), "page", FROM));
        assertNotFound(() -> links.open("fcsm_" + secret(made).substring(ReviewerLink.PREFIX.length()), "page", FROM));

        // a link past its expiry, and a revoked one, say so to whoever holds them
        sql(
                "UPDATE reviewer_link SET created_at = now() - interval '8 days', expires_at = now() - interval '1"
                        + " second' WHERE id = ?",
                made.link().id());
        assertGone(() -> links.open(secret(made), "page", FROM), "expired on");
        ReviewerLinks.Created second = links.create(owner, deposit, null, ReviewerLinks.DEFAULT_DAYS, FROM);
        assertEquals("Reviewers", second.link().label());
        links.open(secret(second), "page", FROM);
        links.revoke(owner, deposit, second.link().id(), FROM);
        links.revoke(owner, deposit, second.link().id(), FROM);
        assertGone(() -> links.open(secret(second), "page", FROM), "revoked by the depositor on");

        for (int days : new int[] {0, -1, ReviewerLink.MAX_DAYS + 1}) {
            ProblemException bad =
                    assertThrows(ProblemException.class, () -> links.create(owner, deposit, "x", days, FROM));
            assertEquals(422, bad.status());
            assertEquals("invalid-link", bad.kind());
        }
        ProblemException nul =
                assertThrows(ProblemException.class, () -> links.create(owner, deposit, "a\u0000b", 3, FROM));
        assertEquals(422, nul.status(), "a label PostgreSQL cannot store is refused with its field");

        // twenty open links at most; ended ones do not count
        for (int i = 0; i < ReviewerLinks.MAX_OPEN; i++) {
            links.create(owner, deposit, "link " + i, 1, FROM);
        }
        ProblemException full =
                assertThrows(ProblemException.class, () -> links.create(owner, deposit, "one more", 1, FROM));
        assertEquals(409, full.status());

        deposits.withdraw(owner, deposit, null, FROM);
        assertEquals(
                409,
                assertThrows(ProblemException.class, () -> links.create(owner, deposit, "after", 1, FROM))
                        .status(),
                "a withdrawn deposit takes no link");
        try (EntityManager em = persistence.createEntityManager()) {
            List<String> actions = em.createQuery(
                            "SELECT e.action FROM AuditEvent e WHERE e.targetId = :t ORDER BY e.id", String.class)
                    .setParameter("t", deposit.toString())
                    .getResultList();
            assertEquals(
                    ReviewerLinks.MAX_OPEN + 2,
                    actions.stream()
                            .filter("deposit.reviewer-link.create"::equals)
                            .count(),
                    actions.toString());
            assertEquals(
                    3,
                    actions.stream()
                            .filter("deposit.reviewer-link.open"::equals)
                            .count(),
                    "openings are audited on the deposit");
            assertEquals(
                    1,
                    actions.stream()
                            .filter("deposit.reviewer-link.revoke"::equals)
                            .count(),
                    "revoked once");
        }
    }

    @Test
    void aReviewerLinkShowsNothingOfASynthesisThatFailedThePrivacyCheckNorOfAWithdrawnDeposit() throws Exception {
        Credential owner = account(Role.DEPOSITOR);
        UUID deposit = synthesized(owner, "FAILED");
        ReviewerLinks.Created made = links.create(owner, deposit, "Referee 2", 14, FROM);
        ReviewerLinks.Opened opened = links.open(secret(made), "page", FROM);
        assertFalse(ReviewerLinks.showsTables(opened.job()));
        ReviewerPreview view = ReviewerPreview.of(opened, List.of(), ReviewerLinks.address(secret(made)));
        assertEquals(ReviewerPreview.WITHHELD, view.status());
        assertEquals(null, view.quality(), "not even the report's figures");
        assertTrue(view.tables().isEmpty() && view.downloads().isEmpty());

        review.overridePrivacy(admin().account(), deposit, "the close rows are public reference data", FROM);
        assertTrue(
                ReviewerLinks.showsTables(links.open(secret(made), "page", FROM).job()),
                "an admin's override lets it be shown, as it lets it be published");

        deposits.withdraw(owner, deposit, null, FROM);
        assertGone(() -> links.open(secret(made), "page", FROM), "withdrew the deposit");
    }
}
