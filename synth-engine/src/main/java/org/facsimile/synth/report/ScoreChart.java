package org.facsimile.synth.report;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart of scores between 0 and 1 — accuracies, not data — as inline SVG: one bar
 * per label, coloured from red (poor) to green (good), with a black mark where a reference score
 * lies (what real rows the model never saw reach). Scores only, so it may be shown publicly.
 */
public final class ScoreChart {

    private static final int ROW = 22;
    private static final int LABEL = 170;
    private static final int BAR = 300;
    private static final int VALUE = 70;

    private ScoreChart() {}

    /**
     * @param title what the chart shows, read out by screen readers
     * @param labels one per bar
     * @param scores each bar's score, or null where it was not measured
     * @param references each bar's reference score, or null for none (the list may be empty)
     */
    public static String render(String title, List<String> labels, List<Double> scores, List<Double> references) {
        if (labels.size() != scores.size() || (!references.isEmpty() && references.size() != labels.size())) {
            throw new IllegalArgumentException("one score (and reference, if any) per label");
        }
        int width = LABEL + BAR + VALUE;
        int height = labels.size() * ROW + 20;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " role=\"img\" aria-label=\"%s\"><title>%s</title>",
                width,
                height,
                width,
                height,
                Html.esc(title),
                Html.esc(title)));
        for (int i = 0; i < labels.size(); i++) {
            int y = i * ROW;
            String label = labels.get(i).length() > 26 ? labels.get(i).substring(0, 25) + "\u2026" : labels.get(i);
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%s</text>",
                    LABEL - 8,
                    y + 15,
                    Html.esc(label)));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f0f0f0\"/>",
                    LABEL,
                    y + 3,
                    BAR,
                    ROW - 6));
            Double score = scores.get(i);
            Double reference = references.isEmpty() ? null : references.get(i);
            String tip = labels.get(i) + ": " + (score == null ? "not measured" : Svg.percent(score))
                    + (reference == null ? "" : " (holdout " + Svg.percent(reference) + ")");
            if (score != null) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
                        LABEL,
                        y + 3,
                        Math.round(clamp(score) * BAR),
                        ROW - 6,
                        Svg.colour(score),
                        Html.esc(tip)));
            }
            if (reference != null) {
                int x = LABEL + (int) Math.round(clamp(reference) * BAR);
                svg.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\" stroke-width=\"2\"/>",
                        x,
                        y + 1,
                        x,
                        y + ROW - 1));
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>",
                    LABEL + BAR + 6,
                    y + 15,
                    score == null ? "n/a" : Svg.percent(score)));
        }
        int axis = labels.size() * ROW + 14;
        for (int pct = 0; pct <= 100; pct += 25) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">%d%%</text>",
                    LABEL + pct * BAR / 100,
                    axis,
                    pct));
        }
        return svg.append("</svg>").toString();
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(1, score));
    }
}
