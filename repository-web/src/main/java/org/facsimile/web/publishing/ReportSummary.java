package org.facsimile.web.publishing;

import static org.facsimile.synth.report.Html.esc;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.facsimile.synth.report.ScoreChart;

/**
 * The quality and privacy report in a page, as charts: accuracy against the holdout reference,
 * per column and for the weakest column pairs, and the privacy verdict with its reasons. Shared
 * by the landing page (the public summary) and the deposit page (the depositor's whole report).
 * Scores and column names only, never a value.
 */
public final class ReportSummary {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private ReportSummary() {}

    /**
     * The privacy verdict of a whole report: passed, or failed with each reason.
     */
    @SuppressWarnings("unchecked")
    public static void verdict(StringBuilder html, String reportJson) {
        Map<String, Object> report = JSONB.fromJson(reportJson, Map.class);
        Map<String, Object> privacy = (Map<String, Object>) report.getOrDefault("privacy", Map.of());
        List<Object> reasons = (List<Object>) privacy.getOrDefault("reasons", List.of());
        boolean passed = "PASSED".equals(privacy.get("verdict"));
        html.append("<p class=\"")
                .append(passed ? "notice" : "error")
                .append("\">Privacy check: <b>")
                .append(passed ? "passed" : "failed")
                .append("</b>")
                .append(
                        passed
                                ? ": no table's synthetic rows are closer to the training rows than to real rows the model never saw."
                                : ":")
                .append("</p>\n");
        if (!reasons.isEmpty()) {
            html.append("<ul class=\"reasons\">");
            reasons.forEach(
                    r -> html.append("<li>").append(esc(String.valueOf(r))).append("</li>"));
            html.append("</ul>\n");
        }
    }

    @SuppressWarnings("unchecked")
    public static void quality(StringBuilder html, String reportJson) {
        if (reportJson == null) {
            return;
        }
        Map<String, Object> report = JSONB.fromJson(reportJson, Map.class);
        html.append("<h2>Quality and privacy</h2><p>Accuracy is 1 &minus; total variation distance between the real ")
                .append(
                        "training rows and the synthetic rows, over binned columns (univariate) and column pairs (bivariate); ")
                .append(
                        "the holdout columns show what real rows the model never saw reach. DCR share is the share of synthetic ")
                .append(
                        "rows closer to a training row than to any holdout row: 50% means no closer to the people the model ")
                .append("learnt from than to strangers. Rows identical to a training row are compared with the share ")
                .append("identical to a holdout row: in coarse data many rows are common to everyone.</p>")
                .append(
                        "<table><thead><tr><th>Table</th><th>Univariate</th><th>Holdout</th><th>Bivariate</th><th>Holdout</th>")
                .append(
                        "<th>DCR share</th><th>Rows identical to a training row</th><th>Holdout</th></tr></thead><tbody>");
        for (Object t : (List<Object>) report.getOrDefault("tables", List.of())) {
            Map<String, Object> table = (Map<String, Object>) t;
            Map<String, Object> quality = (Map<String, Object>) table.getOrDefault("quality", Map.of());
            Map<String, Object> privacy = (Map<String, Object>) table.getOrDefault("privacy", Map.of());
            html.append("<tr><td>")
                    .append(esc(String.valueOf(table.get("table"))))
                    .append("</td>")
                    .append(cell(quality.get("univariateAccuracy")))
                    .append(cell(quality.get("holdoutUnivariateAccuracy")))
                    .append(cell(quality.get("bivariateAccuracy")))
                    .append(cell(quality.get("holdoutBivariateAccuracy")))
                    .append(cell(privacy.get("dcrShare")))
                    .append(cell(privacy.get("identicalMatchShare")))
                    .append(cell(privacy.get("holdoutIdenticalMatchShare")))
                    .append("</tr>");
        }
        html.append("</tbody></table>\n");
        for (Object t : (List<Object>) report.getOrDefault("tables", List.of())) {
            Map<String, Object> table = (Map<String, Object>) t;
            Map<String, Object> quality = (Map<String, Object>) table.getOrDefault("quality", Map.of());
            String name = String.valueOf(table.get("table"));
            List<String> measures = List.of("Univariate", "Bivariate", "Trivariate", "Overall");
            List<Double> scores = new java.util.ArrayList<>();
            List<Double> holdout = new java.util.ArrayList<>();
            for (String m : List.of("univariate", "bivariate", "trivariate", "overall")) {
                scores.add(score(quality.get(m + "Accuracy")));
                holdout.add(score(
                        quality.get("holdout" + Character.toUpperCase(m.charAt(0)) + m.substring(1) + "Accuracy")));
            }
            html.append("<figure><figcaption>")
                    .append(esc(name))
                    .append(
                            ": accuracy of the synthetic rows (bars) and of the holdout's real rows (black marks)</figcaption>")
                    .append(ScoreChart.render(
                            "Accuracy of " + name + " against its holdout", measures, scores, holdout))
                    .append("</figure>\n");
            List<Map<String, Object>> columns = (List<Map<String, Object>>) quality.getOrDefault("columns", List.of());
            if (!columns.isEmpty()) {
                html.append("<figure><figcaption>")
                        .append(esc(name))
                        .append(": accuracy per column</figcaption>")
                        .append(ScoreChart.render(
                                "Accuracy per column of " + name,
                                columns.stream()
                                        .map(c -> String.valueOf(c.get("name")))
                                        .toList(),
                                columns.stream()
                                        .map(c -> score(c.get("accuracy")))
                                        .toList(),
                                List.of()))
                        .append("</figure>\n");
            }
            List<Map<String, Object>> pairs = (List<Map<String, Object>>) quality.getOrDefault("worstPairs", List.of());
            if (!pairs.isEmpty()) {
                html.append("<figure><figcaption>")
                        .append(esc(name))
                        .append(
                                ": the column pairs whose joint distribution the synthetic rows keep least well</figcaption>")
                        .append(ScoreChart.render(
                                "Accuracy of the weakest column pairs of " + name,
                                pairs.stream()
                                        .map(p -> String.join(" × ", (List<String>) p.get("columns")))
                                        .toList(),
                                pairs.stream()
                                        .map(p -> score(p.get("accuracy")))
                                        .toList(),
                                List.of()))
                        .append("</figure>\n");
            }
        }
    }

    private static Double score(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static String cell(Object value) {
        return "<td>"
                + (value instanceof Number n ? String.format(Locale.ROOT, "%.1f%%", n.doubleValue() * 100) : "&ndash;")
                + "</td>";
    }
}
