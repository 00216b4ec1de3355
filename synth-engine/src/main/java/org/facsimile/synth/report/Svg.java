package org.facsimile.synth.report;

import java.util.List;
import java.util.Locale;
import org.facsimile.synth.quality.QualityReport;

/** Small SVG charts, written directly: a grouped bar chart and a heat map. */
final class Svg {

    static final String REAL = "#4c72b0";
    static final String SYNTHETIC = "#dd8452";

    private Svg() {}

    /** Real and synthetic share per bin, side by side, with the bin labels below. */
    static String bars(List<QualityReport.Bin> bins, String title) {
        int barWidth = 14;
        int gap = 10;
        int height = 120;
        int top = 10;
        int labelSpace = 90;
        int left = 36;
        int width = left + bins.size() * (2 * barWidth + gap) + 10;
        double max = 0.0001;
        for (QualityReport.Bin b : bins) {
            max = Math.max(max, Math.max(b.real(), b.synthetic()));
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
                width,
                top + height + labelSpace,
                Html.esc(title)));
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>",
                left,
                top + height,
                width - 5,
                top + height));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%.0f%%</text>",
                left - 4,
                top + 8,
                max * 100));
        for (int i = 0; i < bins.size(); i++) {
            QualityReport.Bin b = bins.get(i);
            int x = left + 4 + i * (2 * barWidth + gap);
            bar(svg, x, top, height, b.real() / max, barWidth, REAL, b.label() + ": real " + percent(b.real()));
            bar(
                    svg,
                    x + barWidth,
                    top,
                    height,
                    b.synthetic() / max,
                    barWidth,
                    SYNTHETIC,
                    b.label() + ": synthetic " + percent(b.synthetic()));
            String label = b.label().length() > 16 ? b.label().substring(0, 15) + "\u2026" : b.label();
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-50 %d %d)\">%s</text>",
                    x + barWidth,
                    top + height + 12,
                    x + barWidth,
                    top + height + 12,
                    Html.esc(label)));
        }
        return svg.append("</svg>").toString();
    }

    private static void bar(
            StringBuilder svg, int x, int top, int height, double fraction, int width, String colour, String tip) {
        int h = (int) Math.round(fraction * height);
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
                x,
                top + height - h,
                width - 1,
                h,
                colour,
                Html.esc(tip)));
    }

    /** A column-by-column matrix of pair accuracies, from red (poor) to green (good). */
    static String heatmap(List<String> names, double[][] accuracy) {
        int cell = 22;
        int labelSpace = 130;
        int n = names.size();
        int size = labelSpace + n * cell + 10;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"pair accuracy\">",
                size,
                size));
        for (int i = 0; i < n; i++) {
            String name = names.get(i).length() > 20 ? names.get(i).substring(0, 19) + "\u2026" : names.get(i);
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>",
                    labelSpace - 6,
                    labelSpace + i * cell + 15,
                    Html.esc(name)));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"11\" transform=\"rotate(-60 %d %d)\">%s</text>",
                    labelSpace + i * cell + 14,
                    labelSpace - 6,
                    labelSpace + i * cell + 14,
                    labelSpace - 6,
                    Html.esc(name)));
            for (int j = 0; j < n; j++) {
                double a = accuracy[i][j];
                String fill = Double.isNaN(a) ? "#eee" : colour(a);
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
                        labelSpace + j * cell,
                        labelSpace + i * cell,
                        cell - 1,
                        cell - 1,
                        fill,
                        Html.esc(names.get(i) + " \u00d7 " + names.get(j)
                                + (Double.isNaN(a) ? "" : ": " + percent(a)))));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Accuracy 0.8 or less is red, 1.0 green, yellow between. */
    static String colour(double accuracy) {
        double t = Math.max(0, Math.min(1, (accuracy - 0.8) / 0.2));
        int red = (int) Math.round(t < 0.5 ? 215 : 215 - (t - 0.5) * 2 * (215 - 26));
        int green = (int) Math.round(t < 0.5 ? 48 + t * 2 * (190 - 48) : 190 - (t - 0.5) * 2 * (190 - 150));
        int blue = (int) Math.round(t < 0.5 ? 39 : 39 + (t - 0.5) * 2 * (80 - 39));
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
