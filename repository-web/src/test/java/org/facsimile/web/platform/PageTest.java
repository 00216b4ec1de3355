package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertTrue(html.contains(".own{color:red}</style>"), "the page's styles");
        assertTrue(html.contains("<script src=\"/static/x.js\" defer></script></head>"), "in the head");
        assertTrue(html.contains("<title>Counts &lt;&amp;&gt; more | "), html);
        assertTrue(html.contains("aria-current=\"page\">Search</a>"), "the current section");
        assertTrue(html.contains("Account (Ann)"));
        assertFalse(html.contains("/sign-in"), "signed in: no sign-in link");
        assertTrue(html.contains("<main id=\"main\">\n<p>body</p></main>"));
    }
}
