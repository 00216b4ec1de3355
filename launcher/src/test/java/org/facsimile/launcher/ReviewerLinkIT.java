package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reviewer links over the running stack: a depositor shares an unpublished deposit through the
 * API and through their page; whoever holds a link reads the would-be landing page and downloads
 * the synthetic table without an account, in answers that are not stored, indexed or passed on in
 * a Referer; nobody else manages the links; a revoked link says so; once published the link leads
 * to the landing page.
 */
class ReviewerLinkIT {

    @Test
    void aDepositorSharesAnUnpublishedDepositWithReviewersUntilTheyRevokeTheLinkOrPublish() throws Exception {
        ApiClient rhoda = RunningRepository.newAccount("rhoda-reviewed", "DEPOSITOR", "razorbill-and-ruff-44");
        ApiClient other = RunningRepository.newDepositor("otto-outsider");
        ApiClient anonymous = rhoda.as(null);
        String deposit = DepositToPublishIT.createDeposit(rhoda, "Razorbill colonies <b>2025</b>");
        String d = "/api/deposits/" + deposit;
        StringBuilder csv = new StringBuilder("colony,pairs,cliff\n");
        for (int i = 0; i < 240; i++) {
            csv.append(i % 4 == 0 ? "north" : "south")
                    .append(',')
                    .append(20 + i % 37)
                    .append(',')
                    .append(i % 2 == 0)
                    .append('\n');
        }
        assertEquals(
                201,
                rhoda.put(d + "/files/colonies.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                        .status());

        // before any synthesis the link opens, and says there is nothing to show yet
        ApiClient.Reply early = rhoda.post(d + "/reviewer-links", "{\"label\":\"Seabird Journal\"}");
        assertEquals(201, early.status(), early.body());
        String earlyPath = path(early.json().path("url").asText());
        String waiting = anonymous.get(earlyPath, "text/html").body();
        assertTrue(waiting.contains("has not generated the synthetic data yet"), waiting);

        assertEquals(
                202, rhoda.post(d + "/submit", "{\"synthesizer\":\"baseline\"}").status());
        assertEquals(
                "DONE", DepositToPublishIT.awaitJob(rhoda, deposit).path("step").asText());

        // nobody but the owner makes, lists or revokes links; no one without a credential either
        String linkId = early.json().path("id").asText();
        assertEquals(404, other.post(d + "/reviewer-links", "{}").status());
        assertEquals(
                404,
                other.post(d + "/reviewer-links", "{\"expiresInDays\":\"soon\"}")
                        .status(),
                "access first");
        assertEquals(404, other.get(d + "/reviewer-links").status());
        assertEquals(404, other.delete(d + "/reviewer-links/" + linkId).status());
        assertEquals(401, anonymous.post(d + "/reviewer-links", "{}").status());
        ApiClient.Reply badDays = rhoda.post(d + "/reviewer-links", "{\"expiresInDays\":400}");
        assertEquals(422, badDays.status(), badDays.body());
        assertEquals(
                "$.expiresInDays",
                badDays.json().path("errors").get(0).path("pointer").asText(),
                badDays.body());

        ApiClient.Reply made = rhoda.post(d + "/reviewer-links", "{\"label\":\"Referee 2\",\"expiresInDays\":14}");
        assertEquals(201, made.status(), made.body());
        String preview = path(made.json().path("url").asText());
        assertTrue(preview.startsWith("/preview/fcsmrl_"), preview);

        ApiClient.Reply page = anonymous.get(preview, "text/html");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("Private preview for review"), page.body());
        assertTrue(page.body().contains("<h1>Razorbill colonies &lt;b&gt;2025&lt;/b&gt;</h1>"), page.body());
        assertTrue(page.body().contains("Quality and privacy"), "the report's summary");
        assertTrue(page.body().contains("The first 10 rows"), "the synthetic table's first rows");
        assertEquals("no-store", page.header("Cache-Control"));
        assertEquals("no-referrer", page.header("Referrer-Policy"));
        assertEquals("noindex, nofollow", page.header("X-Robots-Tag"));
        ApiClient.Reply table = anonymous.get(preview + "/tables/colonies.csv");
        assertEquals(200, table.status(), table.body());
        assertTrue(table.body().startsWith("colony,pairs,cliff"), table.body().substring(0, 30));
        assertTrue(table.body().lines().count() > 100, "the whole synthetic table");
        assertEquals(404, anonymous.get(preview + "/tables/report.html").status());
        assertEquals(404, anonymous.get(preview + "x", "text/html").status());

        JsonNode listed = rhoda.get(d + "/reviewer-links").json();
        assertEquals(2, listed.size(), listed.toString());
        assertEquals("Referee 2", listed.get(0).path("label").asText());
        assertEquals(3, listed.get(0).path("opened").asInt(), "the page, the table, and a table it does not have");
        assertTrue(listed.get(0).path("url").isMissingNode(), "the address is shown once only");
        String audit = rhoda.get(d + "/audit").body();
        assertTrue(audit.contains("deposit.reviewer-link.open"), audit);

        // the depositor's page: the links, a new one shown once, revoking one
        FormBrowser browser = new FormBrowser(RunningRepository.get().baseUrl());
        assertEquals(
                303, browser.signIn("rhoda-reviewed", "razorbill-and-ruff-44").statusCode());
        HttpResponse<String> links = browser.get("/deposits/" + deposit + "/reviewer-links");
        assertEquals(200, links.statusCode(), links.body());
        assertTrue(links.body().contains("Referee 2") && links.body().contains("Seabird Journal"), links.body());
        HttpResponse<String> tooLong = browser.post(
                "/deposits/" + deposit + "/reviewer-links",
                Map.of("csrf", FormBrowser.field(links.body(), "csrf"), "label", "Editor", "days", "a week"));
        assertEquals(422, tooLong.statusCode(), tooLong.body());
        assertTrue(tooLong.body().contains("a whole number from 1 to 365"), tooLong.body());
        HttpResponse<String> created = browser.post(
                "/deposits/" + deposit + "/reviewer-links",
                Map.of("csrf", FormBrowser.field(links.body(), "csrf"), "label", "Editor", "days", "3"));
        assertEquals(200, created.statusCode(), created.body());
        Matcher shown = Pattern.compile("id=\"new-link\">([^<]+)<").matcher(created.body());
        assertTrue(shown.find(), created.body());
        String editor = path(shown.group(1));
        assertEquals(200, anonymous.get(editor, "text/html").status());
        HttpResponse<String> revoked = browser.post(
                "/deposits/" + deposit + "/reviewer-links/" + linkId + "/revoke",
                Map.of("csrf", FormBrowser.field(created.body(), "csrf")));
        assertEquals(303, revoked.statusCode(), revoked.body());
        ApiClient.Reply gone = anonymous.get(earlyPath, "text/html");
        assertEquals(410, gone.status(), gone.body());
        assertTrue(gone.body().contains("revoked by the depositor"), gone.body());
        ApiClient.Reply goneApi = anonymous.get(earlyPath + "/tables/colonies.csv");
        assertEquals(410, goneApi.status());
        assertEquals("link-gone", goneApi.json().path("type").asText().replaceFirst(".*[/#:]", ""), goneApi.body());
        assertEquals(404, other.delete(d + "/reviewer-links/" + linkId).status());
        assertTrue(
                rhoda.delete(d + "/reviewer-links/" + linkId)
                        .json()
                        .path("revokedAt")
                        .isTextual(),
                "revoking again changes nothing");

        // published, the link leads to the landing page, and the deposit takes no new link
        ApiClient.Reply published = rhoda.post(d + "/publish", null);
        assertEquals(201, published.status(), published.body());
        ApiClient.Reply moved = anonymous.get(preview, "text/html");
        assertEquals(303, moved.status(), moved.body());
        assertTrue(
                moved.header("Location")
                        .endsWith("/datasets/"
                                + published.json().path("datasetId").asText() + "/versions/1"),
                moved.header("Location"));
        assertEquals(409, rhoda.post(d + "/reviewer-links", "{}").status());
        assertFalse(browser.get("/deposits/" + deposit).body().contains("/reviewer-links\">"), "no longer offered");
    }

    /** A path of this site from a full address. */
    private static String path(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }
}
