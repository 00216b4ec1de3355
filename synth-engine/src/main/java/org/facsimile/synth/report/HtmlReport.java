package org.facsimile.synth.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.facsimile.synth.RunReport;
import org.facsimile.synth.constraints.Constraints;
import org.facsimile.synth.personal.PersonalColumns;
import org.facsimile.synth.privacy.PrivacyReport;
import org.facsimile.synth.quality.QualityReport;
import org.facsimile.synth.relations.RelationReport;

/**
 * Renders the reports of a synthesis run as one HTML page: the verdict first, then per table the
 * scores against the holdout reference, the worst columns and pairs by name, a heat map of pair
 * accuracy and, per column, the real and synthetic distributions side by side.
 *
 * <p>The page shows binned distributions of the real data (decile ranges, the ten commonest
 * categories): it belongs to the depositor's private report, not to the public landing page.
 */
public final class HtmlReport {

    private HtmlReport() {}

    public static String render(String title, String synthesizer, List<RunReport> tables) {
        return render(title, synthesizer, tables, List.of());
    }

    /** The page of a run over related tables, with a section per reference after the tables. */
    public static String render(
            String title, String synthesizer, List<RunReport> tables, List<RelationReport> relations) {
        boolean passed = tables.stream().allMatch(RunReport::passed);
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Synthesis report: ")
                .append(Html.esc(title))
                .append("</title><style>")
                .append(
                        "body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}")
                .append(
                        "table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left}")
                .append(".pass{background:#1a7f37;color:#fff;padding:.2rem .6rem;border-radius:.3rem}")
                .append(".fail{background:#b42318;color:#fff;padding:.2rem .6rem;border-radius:.3rem}")
                .append(".charts{display:flex;flex-wrap:wrap;gap:1.5rem}.chart h4{margin:.2rem 0}")
                .append(
                        ".key span{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 1rem;vertical-align:middle}")
                .append("</style></head><body>\n");
        html.append("<h1>Synthesis report: ")
                .append(Html.esc(title))
                .append("</h1>\n")
                .append("<p>Synthesizer: <b>")
                .append(Html.esc(synthesizer))
                .append("</b>. Privacy verdict: <span class=\"")
                .append(passed ? "pass\">PASSED" : "fail\">FAILED")
                .append("</span></p>\n");
        for (RunReport t : tables) {
            for (String reason : t.reasons()) {
                html.append("<p>")
                        .append(Html.esc(t.quality().table() + ": " + reason))
                        .append("</p>\n");
            }
        }
        for (RunReport t : tables) {
            if (t.publishedAsDeposited()) {
                html.append("<h2>Table ")
                        .append(Html.esc(t.quality().table()))
                        .append("</h2>\n")
                        .append(String.format(
                                Locale.ROOT,
                                "<p>Published as deposited: the depositor declared it public reference data, so its"
                                        + " %,d rows are the deposited rows, not synthetic ones, and its quality and"
                                        + " privacy are not measured. The tables referring to it keep its keys.</p>%n",
                                t.quality().syntheticRows()));
                continue;
            }
            table(html, t.quality(), t.privacy());
            if (t.uniqueReplicasRedrawn() > 0) {
                html.append(String.format(
                        Locale.ROOT,
                        "<p>%,d generated rows copied a training row seen only once and were drawn again"
                                + " (replicated uniques, as statistical disclosure control removes them).</p>%n",
                        t.uniqueReplicasRedrawn()));
            }
            personal(html, t.personal());
            constraints(html, t.constraints());
            conditioned(html, t.conditioned());
            differentialPrivacy(html, t.differentialPrivacy());
        }
        if (!relations.isEmpty()) {
            html.append("<h2>Relations between tables</h2>\n");
            for (RelationReport r : relations) {
                relation(html, r);
            }
        }
        return html.append("</body></html>\n").toString();
    }

    /**
     * One reference: how it was generated, the real data's broken references, the synthetic
     * data's integrity, children per parent as a chart, and the parent-child column pairs.
     */
    private static void relation(StringBuilder html, RelationReport r) {
        String parent = r.relation().parent();
        html.append("<h3>")
                .append(Html.esc(r.relation().label()))
                .append("</h3><p>")
                .append(Html.esc(r.method()))
                .append(".</p><table><tbody>")
                .append(String.format(
                        Locale.ROOT,
                        "<tr><td>Real rows with an empty reference</td><td>%,d</td></tr>"
                                + "<tr><td>Real rows referring to no %s row (left out of training)</td><td>%,d (%s)</td></tr>"
                                + "<tr><td>Synthetic references that resolve (referential integrity)</td><td>%,d of %,d (%s)</td></tr>"
                                + "<tr><td>Mean rows per %s row, real / synthetic</td><td>%s / %s</td></tr>",
                        r.missing(),
                        Html.esc(parent),
                        r.dangling(),
                        percent(r.danglingShare()),
                        r.resolved(),
                        r.syntheticReferences(),
                        percent(r.integrity()),
                        Html.esc(parent),
                        number(r.realMeanChildren()),
                        number(r.syntheticMeanChildren())));
        html.append(
                "</tbody></table><table><thead><tr><th></th><th>Synthetic</th><th>Holdout</th></tr></thead><tbody>");
        row(html, "Rows per parent: distribution accuracy", r.childrenAccuracy(), r.holdoutChildrenAccuracy());
        if (!Double.isNaN(r.parentChildAccuracy())) {
            row(
                    html,
                    "Parent columns against child columns (pairs)",
                    r.parentChildAccuracy(),
                    r.holdoutParentChildAccuracy());
        }
        RelationReport.Sequence sequence = r.sequence();
        if (sequence != null) {
            row(
                    html,
                    "Coherence: each column against the next sibling's",
                    sequence.accuracy(),
                    sequence.holdoutAccuracy());
            if (sequence.orderColumn() != null) {
                row(
                        html,
                        "Parents whose rows are in order of " + Html.esc(sequence.orderColumn()) + " (real "
                                + percent(sequence.realOrdered()) + ")",
                        sequence.syntheticOrdered(),
                        sequence.holdoutOrdered());
            }
            for (RelationReport.Rule rule : sequence.rules()) {
                row(
                        html,
                        "Consecutive rows keeping " + Html.esc(rule.rule()) + " (real " + percent(rule.realShare())
                                + ")",
                        rule.syntheticShare(),
                        rule.holdoutShare());
            }
        }
        html.append("</tbody></table>\n<div class=\"charts\"><div class=\"chart\"><h4>")
                .append(Html.esc(r.relation().child()))
                .append(" rows per ")
                .append(Html.esc(parent))
                .append(" row</h4>")
                .append(Svg.bars(r.children(), r.relation().child() + " rows per " + parent + " row"))
                .append("</div></div>\n");
        if (!r.pairs().isEmpty()) {
            List<QualityReport.PairQuality> pairs = new ArrayList<>(r.pairs());
            pairs.sort(Comparator.comparingDouble(QualityReport.PairQuality::accuracy));
            html.append("<h4>Weakest parent-child pairs</h4><table><tbody>");
            weakestPairs(html, pairs);
            html.append("</tbody></table>\n");
        }
        if (!r.weakestChildColumns().isEmpty()) {
            html.append("<h4>Weakest columns of ")
                    .append(Html.esc(r.relation().child()))
                    .append("</h4><table><tbody>");
            for (RelationReport.ColumnAccuracy c : r.weakestChildColumns()) {
                html.append("<tr><td>")
                        .append(Html.esc(c.column()))
                        .append("</td><td>")
                        .append(percent(c.accuracy()))
                        .append("</td></tr>");
            }
            html.append("</tbody></table>\n");
        }
        if (sequence != null && !sequence.pairs().isEmpty()) {
            List<QualityReport.PairQuality> steps = new ArrayList<>(sequence.pairs());
            steps.sort(Comparator.comparingDouble(QualityReport.PairQuality::accuracy));
            html.append("<h4>Columns least coherent from one sibling to the next</h4><table><tbody>");
            weakestPairs(html, steps);
            html.append("</tbody></table>\n");
        }
    }

    /** The guarantee in words and figures: what was spent on training and on value protection. */
    private static void differentialPrivacy(StringBuilder html, org.facsimile.synth.dp.PrivacySpent dp) {
        if (dp == null) {
            return;
        }
        html.append("<h3>Differential privacy</h3><p>")
                .append(String.format(
                        Locale.ROOT,
                        "The model is (&epsilon; = %.3f, &delta; = %.1e)-differentially private with respect to"
                                + " adding or removing one row (budget &epsilon; = %.3f), training and value"
                                + " protection composed by the RDP accountant. Training with DP-SGD took %,d steps"
                                + " (%.1f epochs), each row sampled with probability %.4f, gradients clipped to"
                                + " %.2f, noise %.2f times that (alone &epsilon; = %.3f); stopped: %s. Value"
                                + " protection (which categories exist, numeric ranges, missing shares) read counts"
                                + " with Gaussian noise of standard deviation %.1f (alone &epsilon; = %.3f).",
                        dp.epsilon(),
                        dp.delta(),
                        dp.budget().epsilon(),
                        dp.steps(),
                        dp.epochs(),
                        dp.samplingRate(),
                        dp.budget().clipNorm(),
                        dp.noiseMultiplier(),
                        dp.trainingEpsilon(),
                        Html.esc(dp.stopReason()),
                        dp.valueNoise(),
                        dp.valueEpsilon()))
                .append("</p>\n");
    }

    /** What conditional generation did, so that lower accuracy reads as intended. */
    private static void conditioned(StringBuilder html, RunReport.Conditioned c) {
        if (c == null) {
            return;
        }
        html.append("<h3>Conditional generation</h3><p>");
        if (c.rebalancedColumn() == null) {
            html.append(String.format(Locale.ROOT, "%,d rows were generated from seed rows", c.seededRows()));
        } else {
            html.append("Column <code>")
                    .append(Html.esc(c.rebalancedColumn()))
                    .append("</code> was rebalanced to a target share of ")
                    .append(percent(c.targetShare()))
                    .append(" (reached: ")
                    .append(percent(c.achievedShare()))
                    .append(")");
        }
        html.append("; the accuracy measures compare a deliberately different table with the real one.</p>\n");
    }

    /** How each constraint was enforced, and the share of synthetic rows that obey it. */
    private static void constraints(StringBuilder html, List<Constraints.Enforcement> enforced) {
        if (enforced.isEmpty()) {
            return;
        }
        html.append("<h3>Constraints</h3><table><thead><tr><th>Rule</th><th>Enforced</th>")
                .append("<th>Real rows breaking it</th><th>Rows redrawn</th><th>Values repaired</th>")
                .append("<th>Synthetic rows obeying it</th></tr></thead><tbody>");
        for (Constraints.Enforcement e : enforced) {
            html.append("<tr><td><code>")
                    .append(Html.esc(e.constraint()))
                    .append("</code></td><td>")
                    .append(Html.esc(e.method()))
                    .append("</td><td>")
                    .append(percent(e.realViolationShare()))
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%,d", e.redrawn()))
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%,d", e.repaired()))
                    .append("</td><td>")
                    .append(percent(e.syntheticSatisfiedShare()))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>\n");
    }

    /** How the table's direct identifiers were replaced, and the check that no real one got out. */
    private static void personal(StringBuilder html, List<PersonalColumns.Treated> treated) {
        if (treated.isEmpty()) {
            return;
        }
        html.append("<h3>Direct identifiers</h3><p>Never learnt: replaced by realistic fakes of the same kind.</p>")
                .append("<table><thead><tr><th>Column</th><th>Holds</th><th>Replaced by</th>")
                .append("<th>Synthetic values</th><th>Real values among them</th></tr></thead><tbody>");
        for (PersonalColumns.Treated t : treated) {
            html.append("<tr><td>")
                    .append(Html.esc(t.column()))
                    .append("</td><td>")
                    .append(Html.esc(t.kind().description()))
                    .append("</td><td>")
                    .append(Html.esc(t.method()))
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%,d", t.values()))
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%,d", t.realValuesFound()))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>\n");
    }

    private static void table(StringBuilder html, QualityReport q, PrivacyReport p) {
        html.append("<h2>Table ")
                .append(Html.esc(q.table()))
                .append("</h2>\n")
                .append(String.format(
                        Locale.ROOT,
                        "<p>%,d training rows, %,d holdout rows (the reference, never seen by the model), %,d synthetic rows.</p>%n",
                        q.trainingRows(),
                        q.holdoutRows(),
                        q.syntheticRows()));
        html.append("<h3>Accuracy</h3><p>1 &minus; total variation distance to the training rows over binned columns; ")
                .append("the holdout is what real rows of the same kind reach.</p>")
                .append("<table><thead><tr><th></th><th>Synthetic</th><th>Holdout</th></tr></thead><tbody>");
        row(html, "Overall", q.overallAccuracy(), q.holdoutOverallAccuracy());
        row(html, "Univariate (columns)", q.univariateAccuracy(), q.holdoutUnivariateAccuracy());
        row(html, "Bivariate (pairs)", q.bivariateAccuracy(), q.holdoutBivariateAccuracy());
        row(html, "Trivariate (triples)", q.trivariateAccuracy(), q.holdoutTrivariateAccuracy());
        row(
                html,
                "Association strength kept (Cram&eacute;r's V)",
                q.associationSimilarity(),
                q.holdoutAssociationSimilarity());
        html.append("<tr><td>Discriminator AUC (50% = cannot tell real from synthetic)</td><td>")
                .append(percent(q.discriminatorAuc()))
                .append("</td><td>")
                .append(percent(q.holdoutDiscriminatorAuc()))
                .append("</td></tr>");
        html.append("</tbody></table>\n");
        validity(html, q);

        html.append(
                        "<h3>Privacy</h3><table><thead><tr><th></th><th>Synthetic</th><th>Holdout</th><th>Limit</th></tr></thead><tbody>")
                .append(
                        "<tr><td>Share closer to a training row than to a holdout row (DCR share; 50% is ideal)</td><td>")
                .append(percent(p.dcrShare()))
                .append("</td><td>50.0%</td><td>")
                .append(percent(p.dcrShareLimit()))
                .append("</td></tr><tr><td>Rows identical to a training row</td><td>")
                .append(percent(p.identicalMatchShare()))
                .append("</td><td>")
                .append(percent(p.holdoutIdenticalMatchShare()))
                .append("</td><td>")
                .append(percent(p.identicalMatchLimit()))
                .append("</td></tr><tr><td>Median distance to the closest training row</td><td>")
                .append(number(p.medianDcrTraining()))
                .append("</td><td>")
                .append(number(p.medianDcrHoldout()))
                .append(" (to the closest holdout row)</td><td></td></tr>")
                .append("<tr><td>Median nearest/second-nearest distance ratio</td><td>")
                .append(number(p.nndrMedian()))
                .append("</td><td>")
                .append(number(p.holdoutNndrMedian()))
                .append("</td><td></td></tr></tbody></table>\n")
                .append(String.format(
                        Locale.ROOT,
                        "<p>Measured on %,d synthetic rows against %,d training and %,d holdout rows.</p>%n",
                        p.sampledRows(),
                        p.referenceRows(),
                        p.referenceRows()));

        List<QualityReport.ColumnQuality> measured = new ArrayList<>(
                q.columns().stream().filter(c -> !c.bins().isEmpty()).toList());
        measured.sort(Comparator.comparingDouble(QualityReport.ColumnQuality::accuracy));
        List<QualityReport.PairQuality> pairs = new ArrayList<>(q.pairs());
        pairs.sort(Comparator.comparingDouble(QualityReport.PairQuality::accuracy));
        html.append("<h3>Weakest columns and pairs</h3><table><tbody>");
        for (QualityReport.ColumnQuality c : measured.subList(0, Math.min(5, measured.size()))) {
            html.append("<tr><td>")
                    .append(Html.esc(c.name()))
                    .append("</td><td>")
                    .append(percent(c.accuracy()))
                    .append("</td></tr>");
        }
        weakestPairs(html, pairs);
        html.append("</tbody></table>\n");

        if (!pairs.isEmpty()) {
            List<String> names = q.columns().stream()
                    .filter(c -> !c.bins().isEmpty())
                    .map(QualityReport.ColumnQuality::name)
                    .toList();
            double[][] matrix = new double[names.size()][names.size()];
            for (double[] line : matrix) {
                java.util.Arrays.fill(line, Double.NaN);
            }
            for (QualityReport.PairQuality pair : q.pairs()) {
                int i = names.indexOf(pair.first());
                int j = names.indexOf(pair.second());
                matrix[i][j] = pair.accuracy();
                matrix[j][i] = pair.accuracy();
            }
            html.append("<h3>Pair accuracy</h3>")
                    .append(Svg.heatmap(names, matrix))
                    .append('\n');
        }

        html.append("<h3>Columns, real and synthetic</h3><p class=\"key\">")
                .append("<span style=\"background:")
                .append(Svg.REAL)
                .append("\"></span>real (training)")
                .append("<span style=\"background:")
                .append(Svg.SYNTHETIC)
                .append("\"></span>synthetic</p><div class=\"charts\">");
        for (QualityReport.ColumnQuality c : q.columns()) {
            if (c.bins().isEmpty()) {
                continue;
            }
            html.append("<div class=\"chart\"><h4>")
                    .append(Html.esc(c.name()))
                    .append(" <small>(")
                    .append(c.kind().toLowerCase(Locale.ROOT))
                    .append(", accuracy ")
                    .append(percent(c.accuracy()))
                    .append(")</small></h4>")
                    .append(Svg.bars(c.bins(), c.name()))
                    .append("</div>");
        }
        html.append("</div>\n");
    }

    /**
     * Whether every synthetic value reads as its column's kind, column by column, and the picture
     * real and synthetic values are both written in.
     */
    private static void validity(StringBuilder html, QualityReport q) {
        html.append(String.format(
                        Locale.ROOT,
                        "<h3>Validity</h3><p>%,d synthetic value(s) do not read as their column's type.</p>",
                        q.invalidValues()))
                .append("<table><thead><tr><th>Column</th><th>Type</th><th>Written as (real and synthetic)</th>")
                .append("<th>Invalid values</th></tr></thead><tbody>");
        for (QualityReport.ColumnQuality c : q.columns()) {
            html.append("<tr><td>")
                    .append(Html.esc(c.name()))
                    .append("</td><td>")
                    .append(c.kind().toLowerCase(Locale.ROOT))
                    .append("</td><td>")
                    .append(
                            c.format() != null
                                    ? "<code>" + Html.esc(c.format()) + "</code>"
                                    : org.facsimile.synth.table.ColumnKind.valueOf(c.kind())
                                                    .isTemporal()
                                            ? "ISO 8601"
                                            : "as is")
                    .append("</td><td>")
                    .append(c.invalid())
                    .append("</td></tr>");
        }
        html.append("</tbody></table>\n");
    }

    /** The five weakest of pairs sorted by accuracy, a table row each. */
    private static void weakestPairs(StringBuilder html, List<QualityReport.PairQuality> sorted) {
        for (QualityReport.PairQuality pair : sorted.subList(0, Math.min(5, sorted.size()))) {
            html.append("<tr><td>")
                    .append(Html.esc(pair.first() + " \u00d7 " + pair.second()))
                    .append("</td><td>")
                    .append(percent(pair.accuracy()))
                    .append("</td></tr>");
        }
    }

    private static void row(StringBuilder html, String label, double synthetic, double holdout) {
        html.append("<tr><td>")
                .append(label)
                .append("</td><td>")
                .append(percent(synthetic))
                .append("</td><td>")
                .append(percent(holdout))
                .append("</td></tr>");
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "&ndash;" : Svg.percent(share);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "&ndash;" : String.format(Locale.ROOT, "%.3f", value);
    }
}
