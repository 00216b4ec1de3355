package org.facsimile.web.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.facsimile.vocab.Creator;
import org.facsimile.web.deposit.DepositState;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.Templates;
import org.facsimile.web.publishing.landing.LandingPage;
import org.facsimile.web.schema.TablePreview;
import org.facsimile.web.synthesis.SynthesisJob;
import org.junit.jupiter.api.Test;

/** A reviewer link's life (open, expired, revoked) and what its page and its owner's page say. */
class ReviewerLinkTest {

    private static final Instant MADE = Instant.parse("2026-03-05T14:05:00Z");

    private static ReviewerLink link(int days) {
        return new ReviewerLink(UUID.randomUUID(), "0".repeat(64), "Referees", UUID.randomUUID(), MADE, days);
    }

    @Test
    void aLinkOpensUntilItsExpiryAndNotAfterItIsRevoked() {
        ReviewerLink link = link(7);
        assertTrue(link.opensAt(MADE));
        assertTrue(link.opensAt(MADE.plus(Duration.ofDays(7)).minusMillis(1)));
        assertEquals("it expired on 12 Mar 2026 14:05 UTC", link.endedAt(MADE.plus(Duration.ofDays(7))));
        UUID owner = UUID.randomUUID();
        link.revoke(owner, MADE.plusSeconds(60));
        link.revoke(owner, MADE.plusSeconds(120));
        assertEquals(MADE.plusSeconds(60), link.revokedAt(), "revoking again changes nothing");
        assertEquals("it was revoked by the depositor on 5 Mar 2026 14:06 UTC", link.endedAt(MADE.plusSeconds(61)));
        assertFalse(link.opensAt(MADE.plusSeconds(61)));
    }

    @Test
    void aLinkLivesOneToMaxDays() {
        assertThrows(IllegalArgumentException.class, () -> link(0));
        assertThrows(IllegalArgumentException.class, () -> link(ReviewerLink.MAX_DAYS + 1));
        assertEquals(
                MADE.plus(Duration.ofDays(ReviewerLink.MAX_DAYS)),
                link(ReviewerLink.MAX_DAYS).expiresAt());
    }

    @Test
    void openingsAreCounted() {
        ReviewerLink link = link(1);
        assertEquals("never", ReviewerLinkList.Row.of(link, MADE).opened());
        link.used(MADE.plusSeconds(5));
        link.used(MADE.plusSeconds(3600));
        ReviewerLinkList.Row row = ReviewerLinkList.Row.of(link, MADE.plusSeconds(3600));
        assertEquals("2 times, last on 5 Mar 2026 15:05 UTC", row.opened());
        assertEquals("open", row.state());
        assertTrue(row.open());
        assertEquals(
                "expired on 6 Mar 2026 14:05 UTC",
                ReviewerLinkList.Row.of(link, MADE.plus(Duration.ofDays(2))).state());
    }

    private static String preview(String status, List<LandingPage.Table> tables, List<LandingPage.Link> downloads) {
        ReviewerPreview view = new ReviewerPreview(
                "Terns <i>2024</i>",
                List.of(Creator.parse("Olive Warbler")),
                "10.5072/fcsm-x",
                "12 Mar 2026 14:05 UTC",
                "https://creativecommons.org/licenses/by/4.0/",
                "CC BY 4.0",
                null,
                List.of(),
                null,
                null,
                null,
                "Counted <b>twice</b>",
                status,
                null,
                tables,
                downloads);
        Page.Frame frame = new Page.Frame("Facsimile", "Preview", Page.Section.NONE, null, List.of("landing"));
        return Templates.render("reviewerPreview.jte", Map.of("frame", frame, "page", view));
    }

    @Test
    void thePreviewSaysItIsPrivateAndUnpublishedEscapesTheDepositorsTextAndListsOnlySyntheticDownloads() {
        TablePreview rows = TablePreview.of(List.of(new String[] {"site", "count"}, new String[] {"Skerry <9>", "4"}));
        LandingPage.Table synthetic = new LandingPage.Table(
                "terns.csv", "1,000 rows", List.of(new LandingPage.Column("site", "text", null)), rows, false);
        LandingPage.Table reference = new LandingPage.Table(
                "sites.csv", "12 rows", List.of(new LandingPage.Column("site", "text", null)), TablePreview.NONE, true);
        String html = preview(
                null,
                List.of(synthetic, reference),
                List.of(new LandingPage.Link("/preview/s/tables/terns.csv", "terns.csv (synthetic, CSV)", "text/csv")));
        assertTrue(html.contains("Private preview for review"), html);
        assertTrue(html.contains("ends on 12 Mar 2026 14:05 UTC"), html);
        assertTrue(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"), html);
        assertTrue(html.contains("<h1>Terns &lt;i&gt;2024&lt;/i&gt;</h1>"), html);
        assertTrue(html.contains("Counted &lt;b&gt;twice&lt;/b&gt;"), html);
        assertTrue(html.contains("<td>Skerry &lt;9&gt;</td>"), "the synthetic rows, escaped");
        assertTrue(html.contains("to be published as deposited: its rows are shown once it is published"), html);
        assertTrue(html.contains("href=\"/preview/s/tables/terns.csv\""), html);
        assertFalse(html.contains("tables/sites.csv"), "public reference data is not served before publication");
        assertFalse(html.contains("<form"), "a reviewer's page has nothing to send");
    }

    @Test
    void whileThereIsNothingToShowThePreviewSaysWhy() {
        String html = preview(ReviewerPreview.WITHHELD, List.of(), List.of());
        assertTrue(html.contains("privacy check, so it is not shown"), html);
        assertFalse(html.contains("<h2>Files</h2>"), html);
        assertFalse(html.contains("<h2>Tables</h2>"), html);

        SynthesisJob queued = new SynthesisJob(UUID.randomUUID(), "{}", 3, MADE);
        assertTrue(ReviewerPreview.status(DepositState.DRAFT, null).contains("not generated"));
        assertTrue(ReviewerPreview.status(DepositState.SUBMITTED, queued).contains("being generated"));
        assertTrue(ReviewerPreview.status(DepositState.SYNTHESIZING, queued).contains("being generated"));
        assertTrue(ReviewerPreview.status(DepositState.FAILED, queued).contains("did not finish"));
        assertFalse(ReviewerLinks.showsTables(queued));
        assertFalse(ReviewerLinks.showsTables(null));
    }
}
