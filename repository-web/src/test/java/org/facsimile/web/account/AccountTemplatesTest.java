package org.facsimile.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.Templates;
import org.junit.jupiter.api.Test;

/** The sign-in and account templates: fields tied to their errors, nothing typed becomes markup. */
class AccountTemplatesTest {

    private static final Page.Frame SIGNED_OUT =
            new Page.Frame("Facsimile", "Sign in", Page.Section.NONE, null, List.of());

    @Test
    void aRefusedSignInMarksTheFieldKeepsTheUsernameAndEscapesIt() {
        SignInForm form = new SignInForm(
                "\"><script>x()</script>",
                "/deposits?a=1&restore=1",
                null,
                "The username or password is wrong.",
                null,
                true,
                "/api/auth/oidc/start?returnTo=%2Fdeposits",
                "Uni <SSO>");
        String html = Templates.render("signIn.jte", Map.of("frame", SIGNED_OUT, "form", form));
        assertFalse(html.contains("<script>x()"), html);
        assertTrue(html.contains("value=\"&#34;>&lt;script>x()&lt;/script>\""), html);
        assertTrue(
                html.contains("<p class=\"field-error\" id=\"password-error\">The username or password is wrong.</p>"),
                html);
        assertTrue(html.contains("aria-invalid=\"true\" aria-describedby=\"password-error\""), html);
        assertEquals(1, html.split("aria-invalid", -1).length - 1, "only the password is marked");
        assertTrue(html.contains("<label for=\"password\">Password</label>"), html);
        assertTrue(html.contains("comes back in the form"), "a cut-off form is announced");
        assertTrue(html.contains("name=\"returnTo\" value=\"/deposits?a=1&amp;restore=1\""), html);
        assertTrue(html.contains("Sign in with Uni &lt;SSO&gt;"), html);
    }

    @Test
    void theAccountShowsANewTokenOnceAndOffersRevokingOnlyWorkingTokens() {
        AccountView view = new AccountView(
                "ann",
                "depositor",
                false,
                new AccountView.Created("ci <bot>", "fcs_secret"),
                List.of(
                        new AccountView.Token("t1", "laptop", "read", "1 Mar", "never", "never", null),
                        new AccountView.Token("t2", "old", "read", "1 Jan", "1 Feb", "never", "expired")),
                "",
                List.of(new AccountView.Choice("read", true), new AccountView.Choice("deposit", false)),
                List.of(new AccountView.Choice("30", false), new AccountView.Choice("90", true)),
                null,
                "tok\"en");
        Page.Frame frame = new Page.Frame("Facsimile", "Account", Page.Section.ACCOUNT, "Ann", List.of());
        String html = Templates.render("account.jte", Map.of("frame", frame, "account", view));
        assertTrue(html.contains("<code class=\"secret\" id=\"new-token\">fcs_secret</code>"), html);
        assertTrue(html.contains("Your new token <b>ci &lt;bot&gt;</b>"), html);
        assertTrue(html.contains("action=\"/account/tokens/t1/revoke\""), html);
        assertFalse(html.contains("/account/tokens/t2/revoke"), "an expired token cannot be revoked");
        assertTrue(
                html.contains(
                        "<td>old</td><td>read</td><td>1 Jan</td><td>1 Feb</td><td>never</td><td>\nexpired\n</td>"),
                html);
        assertTrue(html.contains("value=\"read\" checked>"), html);
        assertTrue(html.contains("value=\"deposit\">"), html);
        assertTrue(html.contains("<option value=\"90\" selected>90 days</option>"), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"csrf\" value=\"tok&#34;en\">"), html);
        assertFalse(html.contains("/review"), "no review link for a depositor");
    }
}
