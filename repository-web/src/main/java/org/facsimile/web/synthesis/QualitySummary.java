package org.facsimile.web.synthesis;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.facsimile.synth.report.ScoreChart;

/**
 * The quality and privacy report in a page ({@code quality.jte}, {@code verdict.jte}): the privacy
 * verdict with its reasons, each table's figures against the holdout reference, and charts per
 * measure, per column and for the weakest column pairs. Shared by the landing page (the public
 * summary) and the deposit page (the depositor's whole report). Scores and column names only,
 * never a value.
 *
 * @param passed whether every table passed the privacy check
 * @param reasons why it failed, one reason a table
 * @param rows each table's figures: univariate and bivariate accuracy with their holdout
 *     references, DCR share, and the shares of rows identical to a training and a holdout row
 * @param figures the charts, drawn as SVG by the engine's {@link ScoreChart} (labels escaped)
 */
public record QualitySummary(boolean passed, List<String> reasons, List<Row> rows, List<Figure> figures) {

    private static final Jsonb JSONB = JsonbBuilder.create();

    /**
     * A table's figures, each written as a percentage ("–" where there is none), or instead of
     * them a note: why the table has none.
     */
    public record Row(String table, List<String> cells, String note) {}

    /** What the row of a table published as deposited says in place of figures. */
    static final String AS_DEPOSITED =
            "Public reference data, published as deposited: not synthetic, so nothing to measure";

    /** A chart and its caption. */
    public record Figure(String caption, String svg) {}

    /** The summary of a report (the engine's JSON); null for none. */
    @SuppressWarnings("unchecked")
    public static QualitySummary of(String reportJson) {
        if (reportJson == null) {
            return null;
        }
        Map<String, Object> report = JSONB.fromJson(reportJson, Map.class);
        Map<String, Object> privacy = (Map<String, Object>) report.getOrDefault("privacy", Map.of());
        List<String> reasons = ((List<Object>) privacy.getOrDefault("reasons", List.of()))
                .stream().map(String::valueOf).toList();
        List<Row> rows = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        for (Object t : (List<Object>) report.getOrDefault("tables", List.of())) {
            Map<String, Object> table = (Map<String, Object>) t;
            Map<String, Object> quality = (Map<String, Object>) table.getOrDefault("quality", Map.of());
            Map<String, Object> tablePrivacy = (Map<String, Object>) table.getOrDefault("privacy", Map.of());
            String name = String.valueOf(table.get("table"));
            if (Boolean.TRUE.equals(table.get("publishedAsDeposited"))) {
                rows.add(new Row(name, List.of(), AS_DEPOSITED));
                continue;
            }
            rows.add(new Row(
                    name,
                    List.of(
                            percent(quality.get("univariateAccuracy")),
                            percent(quality.get("holdoutUnivariateAccuracy")),
                            percent(quality.get("bivariateAccuracy")),
                            percent(quality.get("holdoutBivariateAccuracy")),
                            percent(tablePrivacy.get("dcrShare")),
                            percent(tablePrivacy.get("identicalMatchShare")),
                            percent(tablePrivacy.get("holdoutIdenticalMatchShare"))),
                    null));
            figures.addAll(charts(name, quality));
        }
        return new QualitySummary("PASSED".equals(privacy.get("verdict")), reasons, rows, figures);
    }

    @SuppressWarnings("unchecked")
    private static List<Figure> charts(String name, Map<String, Object> quality) {
        List<Figure> figures = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<Double> holdout = new ArrayList<>();
        for (String m : List.of("univariate", "bivariate", "trivariate", "overall")) {
            scores.add(score(quality.get(m + "Accuracy")));
            holdout.add(
                    score(quality.get("holdout" + Character.toUpperCase(m.charAt(0)) + m.substring(1) + "Accuracy")));
        }
        figures.add(new Figure(
                name + ": accuracy of the synthetic rows (bars) and of the holdout's real rows (black marks)",
                ScoreChart.render(
                        "Accuracy of " + name + " against its holdout",
                        List.of("Univariate", "Bivariate", "Trivariate", "Overall"),
                        scores,
                        holdout)));
        List<Map<String, Object>> columns = (List<Map<String, Object>>) quality.getOrDefault("columns", List.of());
        if (!columns.isEmpty()) {
            figures.add(new Figure(
                    name + ": accuracy per column",
                    ScoreChart.render(
                            "Accuracy per column of " + name,
                            columns.stream()
                                    .map(c -> String.valueOf(c.get("name")))
                                    .toList(),
                            columns.stream().map(c -> score(c.get("accuracy"))).toList(),
                            List.of())));
        }
        List<Map<String, Object>> pairs = (List<Map<String, Object>>) quality.getOrDefault("worstPairs", List.of());
        if (!pairs.isEmpty()) {
            figures.add(new Figure(
                    name + ": the column pairs whose joint distribution the synthetic rows keep least well",
                    ScoreChart.render(
                            "Accuracy of the weakest column pairs of " + name,
                            pairs.stream()
                                    .map(p -> String.join(" × ", (List<String>) p.get("columns")))
                                    .toList(),
                            pairs.stream().map(p -> score(p.get("accuracy"))).toList(),
                            List.of())));
        }
        return figures;
    }

    private static Double score(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static String percent(Object value) {
        return value instanceof Number n ? String.format(Locale.ROOT, "%.1f%%", n.doubleValue() * 100) : "\u2013";
    }
}
