package org.facsimile.web.search;

import static org.facsimile.synth.report.Html.esc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.facsimile.vocab.terms.DataTheme;

/**
 * What the search page shows ({@code search.jte}): the query as asked, the sorts, what went wrong,
 * and the results with their facets and paging links, each link already carrying the request's
 * other parameters. The home page lists hits the same way ({@code hit.jte}).
 *
 * @param q the query as typed
 * @param sorts the sort options, the one in use selected
 * @param problem what is wrong with the query or the search, or null
 * @param results what was found, or null when the search could not run
 */
public record SearchPage(String q, List<Sort> sorts, String problem, Found results) {

    /** The facets in the order the index answers them, with their titles. */
    private static final Map<String, String> FACET_TITLES = Map.of(
            "keyword", "Keyword",
            "subject", "Subject",
            "creator", "Creator",
            "licence", "Licence",
            "year", "Year published",
            "format", "File format",
            "source", "Source data");

    /** A sort option: its value ("" for the default) and its name. */
    public record Sort(String value, String label, boolean selected) {}

    /**
     * The results.
     *
     * @param total how many datasets match
     * @param facets the facets that have values
     * @param hits this page's hits
     * @param next the link to the next page, or null
     * @param first the link to the first page when this is not it, or null
     */
    public record Found(long total, List<Facet> facets, List<HitView> hits, String next, String first) {}

    /** A facet and its values. */
    public record Facet(String title, List<FacetValue> values) {}

    /**
     * A facet value: a link that adds its filter, or removes it when it is on.
     *
     * @param value the value, as the index holds it and the link sends it (ENVI, cc0-1.0)
     * @param label the value in words (Environment, CC0 1.0)
     * @param count how many matching datasets have it
     * @param on whether the search filters on it now
     * @param link the search with the filter toggled (and back on the first page)
     */
    public record FacetValue(String value, String label, long count, boolean on, String link) {}

    /**
     * A hit as listed.
     *
     * @param url the landing page
     * @param title the title, with the query's words marked when the index highlighted them
     * @param creators the creators, joined
     * @param published the day it was published (yyyy-MM-dd), or empty
     * @param licence the licence
     * @param doi the DOI
     * @param snippets the highlighted passages, or the start of the description
     */
    public record HitView(
            String url,
            Marked title,
            String creators,
            String published,
            String licence,
            String doi,
            List<Marked> snippets) {}

    /**
     * Text as the index's highlighter gives it: HTML-escaped, with the matches in {@code <mark>}
     * and nothing else. Plain text becomes one by escaping it.
     */
    public record Marked(String html) {
        static Marked plain(String text) {
            return new Marked(esc(text));
        }
    }

    /** The page for a request's parameters and what the search found (null: it could not run). */
    static SearchPage of(String q, Map<String, List<String>> params, SearchIndex.Results results, String problem) {
        // what the person chose; none: the default, so words typed later are sorted by relevance
        String chosen = first(params, "sort") == null ? "" : first(params, "sort");
        List<Sort> sorts = List.of(
                        new String[] {"", "Best match (newest without words)"},
                        new String[] {"relevance", "Best match"},
                        new String[] {"newest", "Newest"},
                        new String[] {"title", "Title"})
                .stream()
                .map(o -> new Sort(o[0], o[1], o[0].equals(chosen)))
                .toList();
        return new SearchPage(q, sorts, problem, results == null ? null : found(params, results));
    }

    private static Found found(Map<String, List<String>> params, SearchIndex.Results results) {
        List<Facet> facets = new ArrayList<>();
        Map<String, List<SearchIndex.Bucket>> byFacet = new LinkedHashMap<>(results.facets());
        // a chosen filter stays on the page (to be removed) even when nothing matches it
        for (String facet : FACET_TITLES.keySet()) {
            if (params.containsKey(facet)) {
                byFacet.putIfAbsent(facet, List.of());
            }
        }
        byFacet.forEach((facet, buckets) -> {
            if (!buckets.isEmpty() || params.containsKey(facet)) {
                facets.add(facet(params, facet, buckets));
            }
        });
        String next = null;
        if (results.next() != null) {
            Map<String, List<String>> nextPage = new LinkedHashMap<>(params);
            nextPage.remove("from");
            nextPage.put("after", List.of(results.next()));
            next = link(nextPage);
        }
        String first = null;
        if (params.containsKey("after") || params.containsKey("from")) {
            Map<String, List<String>> firstPage = new LinkedHashMap<>(params);
            firstPage.remove("after");
            firstPage.remove("from");
            first = link(firstPage);
        }
        return new Found(
                results.total(),
                facets,
                results.hits().stream().map(SearchPage::hit).toList(),
                next,
                first);
    }

    private static Facet facet(Map<String, List<String>> params, String facet, List<SearchIndex.Bucket> buckets) {
        List<String> chosen = params.getOrDefault(facet, List.of());
        List<SearchIndex.Bucket> shown = new ArrayList<>(buckets);
        for (String value : chosen) {
            if (buckets.stream().noneMatch(b -> b.value().equals(value))) {
                shown.add(new SearchIndex.Bucket(value, 0));
            }
        }
        List<FacetValue> values = new ArrayList<>();
        for (SearchIndex.Bucket b : shown) {
            boolean on = chosen.contains(b.value());
            List<String> toggled = new ArrayList<>(chosen);
            if (on) {
                toggled.remove(b.value());
            } else {
                toggled.add(b.value());
            }
            Map<String, List<String>> next = new LinkedHashMap<>(params);
            next.remove("after");
            next.remove("from");
            if (toggled.isEmpty()) {
                next.remove(facet);
            } else {
                next.put(facet, toggled);
            }
            values.add(new FacetValue(b.value(), label(facet, b.value()), b.count(), on, link(next)));
        }
        return new Facet(FACET_TITLES.getOrDefault(facet, facet), values);
    }

    /** Facet values in words: subjects, licences, formats and sources by name. */
    static String label(String facet, String value) {
        return switch (facet) {
            case "subject" -> DataTheme.ofCode(value).map(DataTheme::label).orElse(value);
            case "licence" ->
                switch (value) {
                    case "cc-by-4.0" -> "CC BY 4.0";
                    case "cc0-1.0" -> "CC0 1.0";
                    default -> value;
                };
            case "format" ->
                switch (value) {
                    case "text/csv" -> "CSV";
                    case "text/turtle" -> "RDF (Turtle)";
                    case "application/csvm+json" -> "CSVW metadata";
                    case "application/json" -> "JSON";
                    default -> value;
                };
            case "source" ->
                switch (value) {
                    case "private" -> "A private dataset";
                    case "public" -> "A public dataset";
                    default -> value;
                };
            default -> value;
        };
    }

    /** A hit as the search page and the home page list it. */
    static HitView hit(SearchIndex.Hit hit) {
        Map<String, List<String>> hl = hit.highlights() == null ? Map.of() : hit.highlights();
        Marked title = hl.containsKey("title") ? new Marked(hl.get("title").get(0)) : Marked.plain(hit.title());
        List<Marked> snippets = new ArrayList<>();
        for (String passage : hl.getOrDefault("description", List.of())) {
            snippets.add(new Marked(passage));
        }
        for (String column : hl.getOrDefault("columns", List.of())) {
            snippets.add(new Marked("Columns: " + column));
        }
        if (snippets.isEmpty() && hit.description() != null) {
            String d = hit.description();
            snippets.add(Marked.plain(d.length() > 240 ? d.substring(0, 240) + "…" : d));
        }
        return new HitView(
                hit.url(),
                title,
                hit.creators() == null ? "" : String.join("; ", hit.creators()),
                hit.published() == null ? "" : hit.published().substring(0, 10),
                hit.licence(),
                hit.doi(),
                snippets);
    }

    /** The search page's own title. */
    public String title() {
        return q.isBlank() ? "Search" : q + " - search";
    }

    private static String link(Map<String, List<String>> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, values) -> {
            for (String v : values) {
                query.append(query.isEmpty() ? '?' : '&')
                        .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return "/search" + query;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
