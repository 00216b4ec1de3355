package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gg.jte.Content;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The layout around every page (layout.jte). */
class PageTest {

    private static String layout(Page.Frame frame, Content head, boolean forms) {
        Map<String, Object> model = new HashMap<>();
        model.put("frame", frame);
        model.put("content", (Content) out -> out.writeContent("<p>body</p>"));
        model.put("head", head);
        model.put("forms", forms);
        return Templates.render("layout.jte", model);
    }

    @Test
    void aPageCarriesItsOwnStylesheetsAndHeadAndEscapesItsTitle() {
        Page.Frame frame =
                new Page.Frame("Facsimile", "Counts <&> more", Page.Section.SEARCH, "Ann", List.of("search"));
        String html = layout(frame, out -> out.writeContent("<script src=\"/static/x.js\" defer></script>"), true);
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/static/site.css\">"), "the site's stylesheet");
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/static/search.css\">"), "the page's own");
        int script = html.indexOf("<script src=\"/static/x.js\" defer></script>");
        assertTrue(script > 0 && script < html.indexOf("</head>"), "in the head");
        assertTrue(html.contains("/static/keep.js"), "a page with forms keeps what they hold");
        assertTrue(html.contains("<title>Counts &lt;&amp;&gt; more | "), html);
        assertTrue(html.contains("aria-current=\"page\">Search</a>"), "the current section");
        assertEquals(1, html.split("aria-current", -1).length - 1, "only the current section is marked");
        assertTrue(html.contains("Account (Ann)"));
        assertFalse(html.contains("/sign-in"), "signed in: no sign-in link");
        assertTrue(html.contains("<main id=\"main\">\n<p>body</p></main>"));
    }

    @Test
    void someoneSignedOutIsOfferedSignInAndNoAccount() {
        String html = layout(new Page.Frame("Facsimile", "Search", Page.Section.NONE, null, List.of()), null, false);
        assertTrue(html.contains("<a href=\"/sign-in\">Sign in</a>"), html);
        assertFalse(html.contains("/account"), html);
        assertFalse(html.contains("<script"), "a page without forms carries no script");
        assertFalse(html.contains("aria-current"), "no section is current");
    }

    @Test
    void aNameAndTitleCannotBreakOutOfTheirElements() {
        Page.Frame frame = new Page.Frame(
                "Repo</title><script>x()</script>", "\"><img src=x>", Page.Section.SEARCH, "<b>Eve</b>", List.of());
        String html = layout(frame, null, true);
        assertFalse(html.contains("<script>x()"), html);
        assertFalse(html.contains("<img src=x>"), html);
        assertFalse(html.contains("<b>Eve</b>"), html);
        assertTrue(html.contains("Account (&lt;b&gt;Eve&lt;/b&gt;)"), html);
    }
}
