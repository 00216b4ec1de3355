package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in through an OpenID Connect provider, a browser's way: to the provider and back, with
 * the state cookie, the code, PKCE and the ID token checked; a forged or replayed return is
 * refused; an identity is its issuer and subject, never a username that happens to match.
 */
class OpenIdSignInIT {

    private static TestOpenIdProvider provider;
    private static Stack stack;

    /** A browser: follows no redirects by itself, keeps cookies per name. */
    private static final class Browser {
        final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // as a browser speaks plain http
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        final Map<String, String> cookies = new HashMap<>();

        HttpResponse<String> get(String url) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        String.join(
                                "; ",
                                cookies.entrySet().stream()
                                        .map(e -> e.getKey() + "=" + e.getValue())
                                        .toList()));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String value = pair.substring(eq + 1);
                if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                    cookies.remove(pair.substring(0, eq));
                } else {
                    cookies.put(pair.substring(0, eq), value);
                }
            }
            return response;
        }

        String location(HttpResponse<String> response) {
            return response.headers().firstValue("Location").orElseThrow();
        }
    }

    @BeforeAll
    static void provider() throws Exception {
        stack = RunningRepository.get();
        provider = new TestOpenIdProvider(
                RunningRepository.OPENID_PORT,
                RunningRepository.OPENID_CLIENT,
                RunningRepository.OPENID_SECRET,
                stack.baseUrl() + "/api/auth/oidc/callback");
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    /** To the provider and back; the answer of the callback. */
    private HttpResponse<String> signIn(Browser browser, String returnTo) throws Exception {
        HttpResponse<String> start = browser.get(stack.baseUrl() + "/api/auth/oidc/start?returnTo=" + returnTo);
        assertEquals(303, start.statusCode(), start.body());
        String authorize = browser.location(start);
        assertTrue(authorize.startsWith(provider.issuer() + "/authorize?"), authorize);
        assertNotNull(browser.cookies.get("fcsm_oidc"), "the sign-in is bound to this browser");
        HttpResponse<String> atProvider = browser.get(authorize);
        assertEquals(302, atProvider.statusCode(), "the provider accepted the request: " + provider.refusals());
        return browser.get(browser.location(atProvider));
    }

    /** Signs in a new browser as the user; who the repository then says it is. */
    private JsonNode signedInAs(TestOpenIdProvider.User user) throws Exception {
        provider.signInNext(user, TestOpenIdProvider.Fault.NONE);
        Browser browser = new Browser();
        HttpResponse<String> back = signIn(browser, "/");
        assertEquals(303, back.statusCode(), back.body());
        return ApiClient.MAPPER.readTree(
                browser.get(stack.baseUrl() + "/api/auth/session").body());
    }

    @Test
    void aFirstSignInCreatesADepositorAndALaterOneFindsTheSameAccount() throws Exception {
        assertEquals(
                true,
                RunningRepository.admin()
                        .as(null)
                        .get("/api/auth/oidc")
                        .json()
                        .path("enabled")
                        .asBoolean());
        provider.signInNext(
                new TestOpenIdProvider.User("f3a1-ada", "Ada.Lovelace", "Ada Lovelace", "ada@example.org"),
                TestOpenIdProvider.Fault.NONE);
        Browser browser = new Browser();
        HttpResponse<String> back = signIn(browser, "/deposits/new");
        assertEquals(303, back.statusCode(), back.body());
        assertEquals(stack.baseUrl() + "/deposits/new", browser.location(back), "on to where the user was going");
        assertNotNull(browser.cookies.get("fcsm_session"));
        assertTrue(!browser.cookies.containsKey("fcsm_oidc"), "the sign-in's state cookie is cleared");
        assertEquals(List.of(), provider.refusals(), "the repository asked the provider correctly");

        HttpResponse<String> me = browser.get(stack.baseUrl() + "/api/auth/session");
        assertEquals(200, me.statusCode(), me.body());
        JsonNode account = ApiClient.MAPPER.readTree(me.body());
        assertEquals("ada.lovelace", account.path("username").asText());
        assertEquals("Ada Lovelace", account.path("displayName").asText());
        assertEquals("DEPOSITOR", account.path("role").asText());

        // the session works like a password one: changes need the CSRF token, which the page reads
        String create = ApiClient.json(Map.of("title", "Signed in elsewhere", "creators", List.of("Lovelace, Ada")));
        HttpResponse<String> withoutToken =
                browser.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/api/deposits"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(create)));
        assertEquals(403, withoutToken.statusCode(), withoutToken.body());
        HttpResponse<String> withToken =
                browser.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/api/deposits"))
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-Token", browser.cookies.get("fcsm_csrf"))
                        .POST(HttpRequest.BodyPublishers.ofString(create)));
        assertEquals(201, withToken.statusCode(), withToken.body());

        // signing in again, the same subject finds the same account
        JsonNode again =
                signedInAs(new TestOpenIdProvider.User("f3a1-ada", "ada.renamed", "Ada King", "ada@example.org"));
        assertEquals(account.path("id").asText(), again.path("id").asText());
    }

    @Test
    void aMatchingUsernameAtTheProviderNeverOpensAnExistingAccount() throws Exception {
        ApiClient grace = RunningRepository.newDepositor("grace");
        String graceId = grace.get("/api/auth/session").json().path("id").asText();
        JsonNode me = signedInAs(new TestOpenIdProvider.User("other-grace", "grace", "Not Grace", "grace@example.org"));
        assertNotEquals(graceId, me.path("id").asText(), "a new account, not grace's");
        assertEquals("grace-2", me.path("username").asText());
    }

    @Test
    void anAdminLinksAnExistingAccountToAnIdentity() throws Exception {
        ApiClient heidi = RunningRepository.newDepositor("heidi");
        String heidiId = heidi.get("/api/auth/session").json().path("id").asText();
        String link = ApiClient.json(Map.of("issuer", provider.issuer(), "subject", "staff-0042"));
        assertEquals(
                403,
                heidi.post("/api/admin/accounts/" + heidiId + "/identities", link)
                        .status(),
                "not by oneself");
        assertEquals(
                204,
                RunningRepository.admin()
                        .post("/api/admin/accounts/" + heidiId + "/identities", link)
                        .status());
        assertEquals(
                409,
                RunningRepository.admin()
                        .post("/api/admin/accounts/" + heidiId + "/identities", link)
                        .status(),
                "an identity opens one account");
        JsonNode me = signedInAs(new TestOpenIdProvider.User("staff-0042", "h.staff", "Heidi", "heidi@example.org"));
        assertEquals(heidiId, me.path("id").asText(), "the linked account, not a new one");
    }

    @Test
    void forgedReplayedOrTamperedReturnsAreRefused() throws Exception {
        TestOpenIdProvider.User eve = new TestOpenIdProvider.User("eve-1", "eve", "Eve", "eve@example.org");

        // a callback link made in the attacker's browser, opened in the victim's (login CSRF)
        provider.signInNext(eve, TestOpenIdProvider.Fault.NONE);
        Browser attacker = new Browser();
        HttpResponse<String> start = attacker.get(stack.baseUrl() + "/api/auth/oidc/start");
        String callback = attacker.location(attacker.get(attacker.location(start)));
        Browser victim = new Browser();
        assertProblem(victim.get(callback), 400, "a callback this browser did not start");
        assertTrue(!victim.cookies.containsKey("fcsm_session"));

        // it signs in only the browser that started it: the attacker's own
        assertEquals(303, attacker.get(callback).statusCode());

        // a replayed callback after a good sign-in
        provider.signInNext(eve, TestOpenIdProvider.Fault.NONE);
        Browser browser = new Browser();
        HttpResponse<String> begun = browser.get(stack.baseUrl() + "/api/auth/oidc/start");
        String state = browser.cookies.get("fcsm_oidc");
        String back = browser.location(browser.get(browser.location(begun)));
        assertEquals(303, browser.get(back).statusCode());
        browser.cookies.put("fcsm_oidc", state);
        assertProblem(browser.get(back), 400, "the same return twice");

        // ID tokens that do not check out
        for (TestOpenIdProvider.Fault fault : List.of(
                TestOpenIdProvider.Fault.UNPUBLISHED_KEY,
                TestOpenIdProvider.Fault.OTHER_AUDIENCE,
                TestOpenIdProvider.Fault.OTHER_NONCE,
                TestOpenIdProvider.Fault.EXPIRED)) {
            provider.signInNext(eve, fault);
            Browser b = new Browser();
            HttpResponse<String> refused = signIn(b, "/");
            assertProblem(refused, 401, "an ID token with " + fault);
            assertTrue(!b.cookies.containsKey("fcsm_session"), fault.toString());
        }

        // the provider says no
        Browser declined = new Browser();
        declined.get(stack.baseUrl() + "/api/auth/oidc/start");
        assertProblem(
                declined.get(stack.baseUrl() + "/api/auth/oidc/callback?error=access_denied&state="
                        + declined.cookies.get("fcsm_oidc")),
                401,
                "a sign-in the provider declined");

        // a return address elsewhere is not followed
        provider.signInNext(eve, TestOpenIdProvider.Fault.NONE);
        Browser redirected = new Browser();
        HttpResponse<String> home = signIn(redirected, "//evil.example/steal");
        assertEquals(stack.baseUrl() + "/", redirected.location(home), "only paths on this site");

        // every sign-in, good or refused, is in the audit log
        JsonNode audit =
                RunningRepository.admin().get("/api/admin/audit?limit=300").json();
        assertTrue(audit.findValuesAsText("detail").contains("OpenID"), "OpenID sign-ins are audited");
        assertTrue(
                audit.findValuesAsText("detail").stream()
                        .anyMatch(d -> d.startsWith("OpenID: the provider's ID token did not check out")),
                "refused ones too");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String what) throws Exception {
        assertEquals(status, response.statusCode(), what + ": " + response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0],
                what);
        JsonNode problem = ApiClient.MAPPER.readTree(response.body());
        assertTrue(problem.path("detail").asText().length() > 5, what + ": " + problem);
    }
}
