package org.facsimile.web.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.Templates;
import org.junit.jupiter.api.Test;

/** The confirmation before publishing (publish.jte) says what becomes public, and to whom it goes. */
class PublishTemplateTest {

    private static String render(boolean review) {
        PublishView view = new PublishView(
                "d1",
                "Gulls <i>2024</i>",
                List.of("nests.csv", "sites.csv"),
                "10.5072/x",
                "CC BY 4.0",
                review,
                review ? "The data files open on 2027-03-01 (embargo: the paper is <i>in review</i>)" : null,
                "t");
        Page.Frame frame = new Page.Frame("Facsimile", "Publish", Page.Section.DEPOSITS, "Ada", List.of());
        return Templates.render("publish.jte", Map.of("frame", frame, "p", view));
    }

    @Test
    void itNamesWhatBecomesPublicAndPermanent() {
        String html = render(false);
        assertTrue(html.contains("<h1>Publish Gulls &lt;i&gt;2024&lt;/i&gt;?</h1>"), html);
        assertTrue(html.contains("nests.csv, sites.csv"), "the tables");
        assertTrue(html.contains("<code>10.5072/x</code>"), "the DOI");
        assertTrue(html.contains("CC BY 4.0"), "the licence");
        assertTrue(html.contains("action=\"/deposits/d1/publish\""), html);
        assertTrue(html.contains(">Publish now</button>"), html);
        assertTrue(html.contains("href=\"/deposits/d1\""), "a way back");
        assertFalse(html.contains("Embargo:"), html);
    }

    @Test
    void underReviewItAsksTheCurators() {
        String html = render(true);
        assertTrue(html.contains(">Ask the curators to publish</button>"), html);
        assertTrue(
                html.contains("Embargo: The data files open on 2027-03-01 (embargo: the paper is &lt;i&gt;in review"),
                html);
        assertFalse(html.contains(">Publish now</button>"), html);
    }
}
