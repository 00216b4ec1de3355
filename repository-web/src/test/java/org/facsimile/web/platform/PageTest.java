package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void aPageCarriesItsOwnStylesAndHeadAndEscapesItsTitle() {
        String html = Page.layout(
                "Facsimile",
                "Counts <&> more",
                Page.Section.SEARCH,
                "Ann",
                ".own{color:red}",
                "<script src=\"/static/x.js\" defer></script>",
                "<p>body</p>");
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/static/site.css\">"), "the site's stylesheet");
        assertTrue(html.contains("<style>.own{color:red}</style>"), "the page's styles");
        int script = html.indexOf("<script src=\"/static/x.js\" defer></script>");
        assertTrue(script > 0 && script < html.indexOf("</head>"), "in the head");
        assertTrue(html.contains("<title>Counts &lt;&amp;&gt; more | "), html);
        assertTrue(html.contains("aria-current=\"page\">Search</a>"), "the current section");
        assertEquals(1, html.split("aria-current", -1).length - 1, "only the current section is marked");
        assertTrue(html.contains("Account (Ann)"));
        assertFalse(html.contains("/sign-in"), "signed in: no sign-in link");
        assertTrue(html.contains("<main id=\"main\">\n<p>body</p></main>"));
    }

    @Test
    void someoneSignedOutIsOfferedSignInAndNoAccount() {
        String html = Page.layout("Facsimile", "Search", Page.Section.NONE, null, "", "", "<p>x</p>");
        assertTrue(html.contains("<a href=\"/sign-in\">Sign in</a>"), html);
        assertFalse(html.contains("/account"), html);
        assertFalse(html.contains("<style>"), "no empty style element");
        assertFalse(html.contains("aria-current"), "no section is current");
    }

    @Test
    void aNameAndTitleCannotBreakOutOfTheirElements() {
        Page.Frame frame = new Page.Frame(
                "Repo</title><script>x()</script>", "\"><img src=x>", Page.Section.SEARCH, "<b>Eve</b>", List.of());
        String html = Templates.render(
                "layout.jte", java.util.Map.of("frame", frame, "content", Templates.trusted("<p>ok</p>")));
        assertFalse(html.contains("<script>x()"), html);
        assertFalse(html.contains("<img src=x>"), html);
        assertFalse(html.contains("<b>Eve</b>"), html);
        assertTrue(html.contains("Account (&lt;b&gt;Eve&lt;/b&gt;)"), html);
    }
}
