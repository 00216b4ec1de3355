package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A depositor withdraws a deposit before publishing it, by the API and on the deposit page: it is
 * closed for good, the reason is in its history, its input can then be erased, and nobody else can
 * withdraw it.
 */
class DepositWithdrawalIT {

    private static final byte[] TABLE = "site,count\nnorth,3\nsouth,5\neast,2\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void aWithdrawnDepositIsClosedAndItsInputCanBeErased() throws Exception {
        ApiClient wren = RunningRepository.newDepositor("wren-withdraws");
        ApiClient other = RunningRepository.newDepositor("otto-other");
        String deposit = DepositToPublishIT.createDeposit(wren, "Hedge survey drafts");
        String d = "/api/deposits/" + deposit;
        assertEquals(201, wren.put(d + "/files/hedges.csv", "text/csv", TABLE).status());

        assertEquals(404, other.post(d + "/withdraw", null).status(), "someone else's deposit does not exist");
        ApiClient.Reply tooLong = wren.post(d + "/withdraw", "{\"reason\":\"" + "x".repeat(1001) + "\"}");
        assertEquals(422, tooLong.status(), tooLong.body());
        assertEquals(
                "$.reason", tooLong.json().path("errors").get(0).path("pointer").asText());

        ApiClient.Reply withdrawn = wren.post(d + "/withdraw", "{\"reason\":\"uploaded the wrong year\"}");
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertEquals("WITHDRAWN", withdrawn.json().path("state").asText(), withdrawn.body());

        assertEquals(409, wren.put(d + "/files/more.csv", "text/csv", TABLE).status(), "no more uploads");
        assertEquals(409, wren.post(d + "/submit", "{}").status(), "no synthesis");
        assertEquals(409, wren.post(d + "/publish", null).status(), "no publication");
        ApiClient.Reply again = wren.post(d + "/withdraw", null);
        assertEquals(409, again.status());
        assertTrue(again.body().contains("already withdrawn"), again.body());

        JsonNode history = wren.get(d + "/history").json();
        JsonNode last = history.get(history.size() - 1);
        assertEquals("DRAFT", last.path("from").asText(), history.toString());
        assertEquals("WITHDRAWN", last.path("to").asText(), history.toString());
        assertEquals("uploaded the wrong year", last.path("note").asText(), history.toString());

        ApiClient.Reply erased = wren.delete(d + "/input");
        assertEquals(200, erased.status(), erased.body());
        assertFalse(erased.json().path("files").get(0).path("erasedAt").isNull(), erased.body());
    }

    @Test
    void theDepositPageWithdrawsWithAReason() throws Exception {
        RunningRepository.newAccount("wanda-page", "DEPOSITOR", "willow-and-wren-77");
        FormBrowser page = new FormBrowser(RunningRepository.get().baseUrl());
        assertEquals(303, page.signIn("wanda-page", "willow-and-wren-77").statusCode());
        HttpResponse<String> form = page.get("/deposits/new");
        HttpResponse<String> created = page.post(
                "/deposits/new",
                Map.of("csrf", FormBrowser.field(form.body(), "csrf"), "title", "Moth trap nights", "creators", "W"));
        assertEquals(303, created.statusCode(), created.body());
        String path = FormBrowser.location(created);
        HttpResponse<String> draft = page.get(path);
        assertTrue(draft.body().contains("Withdraw this deposit"), "a draft can be withdrawn");
        String csrf = FormBrowser.field(draft.body(), "csrf");

        assertEquals(
                403,
                page.post(path + "/withdraw", Map.of("reason", "no token")).statusCode(),
                "a form without the session's CSRF token is refused");
        HttpResponse<String> withdrawn = page.post(path + "/withdraw", Map.of("csrf", csrf, "reason", "duplicate"));
        assertEquals(303, withdrawn.statusCode(), withdrawn.body());
        HttpResponse<String> closed = page.get(path);
        assertTrue(closed.body().contains("Withdrawn: nothing of this deposit was published"), closed.body());
        assertFalse(closed.body().contains("Withdraw this deposit"), "no second withdrawal offered");
        assertFalse(closed.body().contains("name=\"files\""), "no upload form");

        HttpResponse<String> twice = page.post(path + "/withdraw", Map.of("csrf", csrf, "reason", "again"));
        assertEquals(409, twice.statusCode());
        assertTrue(twice.body().contains("already withdrawn"), twice.body());
    }

    /** The withdrawn deposit's page erases its private input, once the depositor ticks that it is for good. */
    @Test
    void theDepositPageErasesTheInputOnceTickedForGood() throws Exception {
        ApiClient owner = RunningRepository.newAccount("esme-erases", "DEPOSITOR", "ember-and-ash-77");
        String deposit = DepositToPublishIT.createDeposit(owner, "Lichen plot drafts");
        String d = "/api/deposits/" + deposit;
        assertEquals(201, owner.put(d + "/files/plots.csv", "text/csv", TABLE).status());
        assertEquals(200, owner.post(d + "/withdraw", "{}").status());

        FormBrowser page = new FormBrowser(RunningRepository.get().baseUrl());
        assertEquals(303, page.signIn("esme-erases", "ember-and-ash-77").statusCode());
        String path = "/deposits/" + deposit;
        HttpResponse<String> closed = page.get(path);
        assertTrue(closed.body().contains(">Erase my private input</button>"), closed.body());
        String csrf = FormBrowser.field(closed.body(), "csrf");

        HttpResponse<String> unticked = page.post(path + "/erase", Map.of("csrf", csrf));
        assertEquals(422, unticked.statusCode());
        assertTrue(unticked.body().contains("cannot be undone"), unticked.body());
        JsonNode before = owner.get(d).json().path("files").get(0).path("erasedAt");
        assertTrue(before.isMissingNode() || before.isNull(), "nothing erased yet: " + before);

        HttpResponse<String> erased = page.post(path + "/erase", Map.of("csrf", csrf, "understood", "yes"));
        assertEquals(303, erased.statusCode(), erased.body());
        HttpResponse<String> after = page.get(path);
        assertTrue(after.body().contains("Your private input was erased"), after.body());
        assertFalse(after.body().contains(">Erase my private input</button>"), "nothing left to erase");
        assertTrue(owner.get(d).json().path("files").get(0).path("erasedAt").isTextual(), "erased");
    }
}
