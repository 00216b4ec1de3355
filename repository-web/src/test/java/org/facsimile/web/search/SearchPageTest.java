package org.facsimile.web.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.Templates;
import org.junit.jupiter.api.Test;

class SearchPageTest {

    private static SearchIndex.Hit hit(String title, String description, Map<String, List<String>> highlights) {
        return new SearchIndex.Hit(
                "d1",
                "v1",
                1,
                "10.5072/x",
                title,
                description,
                List.of("Gull, Ada", "Tern, Bo"),
                List.of(),
                "cc0-1.0",
                "2026-03-05T10:00:00Z",
                "http://localhost/datasets/d1",
                1.0,
                highlights);
    }

    private static SearchIndex.Results results(List<SearchIndex.Hit> hits, String next) {
        Map<String, List<SearchIndex.Bucket>> facets = new LinkedHashMap<>();
        facets.put("licence", List.of(new SearchIndex.Bucket("cc0-1.0", 3), new SearchIndex.Bucket("cc-by-4.0", 1)));
        facets.put("year", List.of());
        return new SearchIndex.Results(hits.size(), "relevance", hits, facets, next, null);
    }

    private static String render(SearchPage page) {
        return Templates.render(
                "search.jte",
                Map.of(
                        "frame",
                        new Page.Frame("Facsimile", page.title(), Page.Section.SEARCH, null, List.of("search")),
                        "page",
                        page));
    }

    @Test
    void aFacetValueIsALinkThatTogglesItsFilterAndStartsAgainAtTheFirstPage() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("q", List.of("gulls"));
        params.put("licence", List.of("cc0-1.0"));
        params.put("after", List.of("c2"));
        SearchPage page = SearchPage.of("gulls", params, results(List.of(), null), null);
        SearchPage.Facet licence = page.results().facets().get(0);
        assertEquals(1, page.results().facets().size(), "a facet without values is left out");
        assertEquals("Licence", licence.title());
        SearchPage.FacetValue on = licence.values().get(0);
        assertTrue(on.on());
        assertEquals("/search?q=gulls", on.link(), "the filter removed, the cursor dropped");
        assertEquals(
                "/search?q=gulls&licence=cc0-1.0&licence=cc-by-4.0",
                licence.values().get(1).link());
        assertEquals("/search?q=gulls&licence=cc0-1.0", page.results().first());
        String html = render(page);
        assertTrue(html.contains("class=\"on\" aria-current=\"true\">&#10003; CC0 1.0</a>"), "the value in words");
        assertTrue(
                html.contains("href=\"/search?q=gulls&amp;licence=cc0-1.0&amp;licence=cc-by-4.0\""),
                "its code in the link");
        assertTrue(
                html.contains("<option value=\"\" selected>Best match (newest without words)</option>"),
                "no sort chosen: the default stays chosen, so words typed next are sorted by relevance");
    }

    @Test
    void highlightsKeepTheirMarksAndEverythingElseIsEscaped() {
        SearchIndex.Hit marked = hit(
                "Gulls <b>bold</b>",
                "x",
                Map.of("title", List.of("<mark>Gulls</mark> &lt;b&gt;"), "columns", List.of("<mark>wing</mark>_mm")));
        SearchIndex.Hit plain = hit("Terns & <i>co</i>", "A long <script>alert(1)</script> description", null);
        String q = "\"><script>alert(1)</script>";
        Map<String, List<String>> params = Map.of("q", List.of(q));
        String html = render(SearchPage.of(q, params, results(List.of(marked, plain), "c9"), null));
        assertTrue(html.contains("<mark>Gulls</mark> &lt;b&gt;</a>"), html);
        assertTrue(html.contains("<p>Columns: <mark>wing</mark>_mm</p>"), html);
        assertTrue(html.contains("Terns &amp; &lt;i&gt;co&lt;/i&gt;"), html);
        assertFalse(html.contains("<script>alert"), "neither the query nor a description becomes markup");
        assertTrue(
                html.contains("Gull, Ada; Tern, Bo &middot; 2026-03-05 &middot; cc0-1.0 &middot; doi:10.5072/x"), html);
        assertTrue(
                html.contains(
                        "<a rel=\"next\" href=\"/search?q=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&amp;after=c9\">"),
                html);
        assertTrue(html.contains("<p>2 datasets</p>"), html);
    }

    @Test
    void aSearchThatCouldNotRunShowsWhyAndNoResults() {
        SearchPage page = SearchPage.of("a:", Map.of("q", List.of("a:")), null, "the query has an unknown field");
        assertNull(page.results());
        String html = render(page);
        assertTrue(html.contains("<p class=\"error\" role=\"alert\">the query has an unknown field</p>"), html);
        assertFalse(html.contains("aria-label=\"Results\""), html);
        assertTrue(html.contains("<title>a: - search | "), html);
    }

    @Test
    void aChosenFilterStaysOnThePageToBeRemovedEvenWhenNothingMatches() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("q", List.of("zyzzyva"));
        params.put("subject", List.of("ENVI"));
        params.put("sort", List.of("newest"));
        SearchIndex.Results none = new SearchIndex.Results(0, "newest", List.of(), Map.of(), null, null);
        SearchPage page = SearchPage.of("zyzzyva", params, none, null);
        assertEquals(1, page.results().facets().size());
        SearchPage.FacetValue env = page.results().facets().get(0).values().get(0);
        assertEquals("Environment", env.label());
        assertTrue(env.on());
        assertEquals(0, env.count());
        assertEquals("/search?q=zyzzyva&sort=newest", env.link(), "removing it keeps the rest of the search");
        String html = render(page);
        assertTrue(html.contains("<option value=\"newest\" selected>Newest</option>"), "a chosen sort stays chosen");
        assertTrue(html.contains("<p>0 datasets</p>"), html);
    }
}
