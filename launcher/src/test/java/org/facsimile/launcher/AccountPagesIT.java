package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sign-in, account and my-deposits pages as a browser without JavaScript uses them: plain
 * form posts with the session cookie, each form checked for the session's CSRF token.
 */
class AccountPagesIT {

    private static final String PASSWORD = "heather-moor-7-lantern";

    private FormBrowser browser;

    @Test
    void signInManageTokensSeeDepositsSignOut() throws Exception {
        browser = new FormBrowser(RunningRepository.get().baseUrl());
        ApiClient api = RunningRepository.newAccount("piet-pages", "DEPOSITOR", PASSWORD);
        DepositToPublishIT.createDeposit(api, "Peat bog borehole logs");

        HttpResponse<String> account = get("/account");
        assertEquals(303, account.statusCode());
        assertEquals("/sign-in?returnTo=%2Faccount", location(account));
        HttpResponse<String> form = get("/sign-in?returnTo=/account");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("<label for=\"password\">Password</label>"), "labelled fields");
        assertEquals("no-store", form.headers().firstValue("Cache-Control").orElse(""));

        HttpResponse<String> wrong =
                post("/sign-in", Map.of("username", "piet-pages", "password", "tundra-wrong", "returnTo", "/account"));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("The username or password is wrong."), wrong.body());
        assertTrue(wrong.body().contains("value=\"piet-pages\""), "the username is kept");
        assertFalse(wrong.body().contains("tundra-wrong"), "the password is never shown back");
        HttpResponse<String> empty = post("/sign-in", Map.of("username", "piet-pages", "password", ""));
        assertEquals(422, empty.statusCode());
        assertTrue(empty.body().contains("Enter your password."), empty.body());
        assertTrue(empty.body().contains("aria-invalid=\"true\""), "the field is marked");

        HttpResponse<String> signedIn = post(
                "/sign-in",
                Map.of("username", "piet-pages", "password", PASSWORD, "returnTo", "//elsewhere.example/x"));
        assertEquals(303, signedIn.statusCode());
        assertEquals("/deposits", location(signedIn), "never back to another site");

        HttpResponse<String> page = get("/account");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Signed in as <b>piet-pages</b>"), page.body());
        String csrf = field(page.body(), "csrf");

        HttpResponse<String> forged =
                post("/account/tokens", Map.of("label", "forged", "scope", "read", "expiresInDays", "30"));
        assertEquals(403, forged.statusCode(), "no CSRF token, no token");
        HttpResponse<String> unnamed =
                post("/account/tokens", Map.of("csrf", csrf, "label", " ", "scope", "read", "expiresInDays", "30"));
        assertEquals(422, unnamed.statusCode());
        assertTrue(unnamed.body().contains("Give the token a name"), unnamed.body());

        HttpResponse<String> created = post(
                "/account/tokens",
                Map.of("csrf", csrf, "label", "borehole script", "scope", "read", "expiresInDays", "30"));
        assertEquals(201, created.statusCode(), created.body());
        Matcher secret = Pattern.compile("<code class=\"secret\" id=\"new-token\">([^<]+)</code>")
                .matcher(created.body());
        assertTrue(secret.find(), created.body());
        String token = secret.group(1);
        ApiClient script = api.as(token);
        assertEquals(200, script.get("/api/deposits").status(), "the new token works");
        HttpResponse<String> again = get("/account");
        assertFalse(again.body().contains(token), "shown only once");
        assertTrue(again.body().contains("borehole script"));

        Matcher revoke = Pattern.compile(
                        "action=\"(/account/tokens/[0-9a-f-]+/revoke)\"[^>]*>.{0,200}?Revoke borehole script",
                        Pattern.DOTALL)
                .matcher(again.body());
        assertTrue(revoke.find(), again.body());
        HttpResponse<String> revoked = post(revoke.group(1), Map.of("csrf", csrf));
        assertEquals(303, revoked.statusCode(), revoked.body());
        assertEquals(401, script.get("/api/deposits").status(), "a revoked token stops working");

        HttpResponse<String> deposits = get("/deposits");
        assertEquals(200, deposits.statusCode());
        assertTrue(deposits.body().contains("Peat bog borehole logs"), deposits.body());
        assertTrue(deposits.body().contains(">draft<"), deposits.body());
        assertTrue(deposits.body().contains("aria-current=\"page\">My deposits"), "the section is marked");

        // a page that is not there is a page, for a browser; the API keeps answering problem+json
        HttpResponse<String> missing = get("/deposits/00000000-0000-4000-8000-000000000000");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(missing.body().contains("<h1>Not found</h1>"), missing.body());
        assertTrue(missing.body().contains("piet-pages"), "still signed in, as the header says");
        HttpResponse<String> unknown = get("/no/such/page");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("<h1>Not found</h1>"), unknown.body());
        HttpResponse<String> fromApi = get("/api/deposits/00000000-0000-4000-8000-000000000000");
        assertEquals(404, fromApi.statusCode());
        assertEquals(
                "application/problem+json",
                fromApi.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<String> out = post("/sign-out", Map.of("csrf", csrf));
        assertEquals(303, out.statusCode());
        assertEquals(303, get("/account").statusCode(), "signed out");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.get(path);
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return browser.post(path, form);
    }

    private static String location(HttpResponse<String> response) {
        return FormBrowser.location(response);
    }

    private static String field(String html, String name) {
        return FormBrowser.field(html, name);
    }
}
