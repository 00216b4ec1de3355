package org.facsimile.synth.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.facsimile.synth.RunReport;
import org.facsimile.synth.constraints.Constraints;
import org.facsimile.synth.personal.PersonalColumns;
import org.facsimile.synth.privacy.PrivacyReport;
import org.facsimile.synth.quality.QualityReport;
import org.facsimile.synth.relations.RelationReport;

/**
 * The quality and privacy report as JSON-ready maps: measures that were not taken are null, not
 * NaN. It holds scores and column names only, never a value from the data.
 */
public final class JsonReport {

    private JsonReport() {}

    /** The report of a run as JSON: scores and column names only, never a value of the data. */
    public static String render(String synthesizer, List<RunReport> tables) {
        return render(synthesizer, tables, List.of());
    }

    /** The report of a run over related tables, with a section per reference between them. */
    public static String render(String synthesizer, List<RunReport> tables, List<RelationReport> relations) {
        Map<String, Object> report = of(synthesizer, tables);
        if (!relations.isEmpty()) {
            report.put("relations", relations(relations));
        }
        return Json.write(report);
    }

    /** How a parent's children follow one another: their order and each column's step to the next. */
    private static Map<String, Object> coherence(RelationReport.Sequence sequence) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderColumn", sequence.orderColumn());
        m.put("realOrderedShare", number(sequence.realOrdered()));
        m.put("holdoutOrderedShare", number(sequence.holdoutOrdered()));
        m.put("syntheticOrderedShare", number(sequence.syntheticOrdered()));
        m.put("consecutiveAccuracy", number(sequence.accuracy()));
        m.put("holdoutConsecutiveAccuracy", number(sequence.holdoutAccuracy()));
        List<Map<String, Object>> columns = new ArrayList<>();
        for (QualityReport.PairQuality pair : sequence.pairs()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("column", pair.first());
            c.put("accuracy", number(pair.accuracy()));
            columns.add(c);
        }
        m.put("columns", columns);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (RelationReport.Rule rule : sequence.rules()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("rule", rule.rule());
            r.put("realShare", number(rule.realShare()));
            r.put("holdoutShare", number(rule.holdoutShare()));
            r.put("syntheticShare", number(rule.syntheticShare()));
            rules.add(r);
        }
        m.put("rules", rules);
        return m;
    }

    /** Per reference: integrity, broken real references, children per parent, parent-child accuracy. */
    private static List<Map<String, Object>> relations(List<RelationReport> relations) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RelationReport r : relations) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", r.relation().child());
            m.put("column", r.relation().column());
            m.put("references", r.relation().parent());
            m.put("referencedColumn", r.relation().parentColumn());
            m.put("context", r.relation().context());
            m.put("method", r.method());
            m.put("realRows", r.realReferences());
            m.put("realEmpty", r.missing());
            m.put("realDangling", r.dangling());
            m.put("realDanglingShare", number(r.danglingShare()));
            m.put("syntheticReferences", r.syntheticReferences());
            m.put("resolved", r.resolved());
            m.put("referentialIntegrity", number(r.integrity()));
            m.put("childrenPerParentAccuracy", number(r.childrenAccuracy()));
            m.put("holdoutChildrenPerParentAccuracy", number(r.holdoutChildrenAccuracy()));
            m.put("realMeanChildren", number(r.realMeanChildren()));
            m.put("syntheticMeanChildren", number(r.syntheticMeanChildren()));
            List<Map<String, Object>> bins = new ArrayList<>();
            for (QualityReport.Bin b : r.children()) {
                Map<String, Object> bin = new LinkedHashMap<>();
                bin.put("children", b.label());
                bin.put("real", number(b.real()));
                bin.put("synthetic", number(b.synthetic()));
                bins.add(bin);
            }
            m.put("childrenPerParent", bins);
            m.put("parentChildAccuracy", number(r.parentChildAccuracy()));
            m.put("holdoutParentChildAccuracy", number(r.holdoutParentChildAccuracy()));
            List<Map<String, Object>> pairs = new ArrayList<>();
            for (QualityReport.PairQuality pair : r.pairs()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("parentColumn", pair.first());
                pm.put("childColumn", pair.second());
                pm.put("accuracy", number(pair.accuracy()));
                pairs.add(pm);
            }
            m.put("parentChildPairs", pairs);
            if (r.sequence() != null) {
                m.put("coherence", coherence(r.sequence()));
            }
            List<Map<String, Object>> weakest = new ArrayList<>();
            for (RelationReport.ColumnAccuracy c : r.weakestChildColumns()) {
                Map<String, Object> column = new LinkedHashMap<>();
                column.put("column", c.column());
                column.put("accuracy", number(c.accuracy()));
                weakest.add(column);
            }
            m.put("weakestChildColumns", weakest);
            list.add(m);
        }
        return list;
    }

    static Map<String, Object> of(String synthesizer, List<RunReport> tables) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("synthesizer", synthesizer);
        List<String> reasons = new ArrayList<>();
        for (RunReport t : tables) {
            t.reasons().forEach(r -> reasons.add(t.quality().table() + ": " + r));
        }
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("verdict", reasons.isEmpty() ? "PASSED" : "FAILED");
        verdict.put("reasons", reasons);
        report.put("privacy", verdict);
        List<Map<String, Object>> list = new ArrayList<>();
        for (RunReport t : tables) {
            QualityReport q = t.quality();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", q.table());
            if (t.publishedAsDeposited()) {
                // declared public reference data: its rows are the deposited ones, nothing is measured
                m.put("publishedAsDeposited", true);
            }
            m.put("trainingRows", q.trainingRows());
            m.put("holdoutRows", q.holdoutRows());
            m.put("syntheticRows", q.syntheticRows());
            m.put("quality", quality(q));
            m.put("privacy", privacy(t.privacy()));
            m.put("uniqueReplicasRedrawn", t.uniqueReplicasRedrawn());
            m.put("directIdentifiers", personal(t.personal()));
            m.put("constraints", constraints(t.constraints()));
            if (t.conditioned() != null) {
                m.put("conditionalGeneration", conditioned(t.conditioned()));
            }
            if (t.differentialPrivacy() != null) {
                m.put("differentialPrivacy", differentialPrivacy(t.differentialPrivacy()));
            }
            list.add(m);
        }
        report.put("tables", list);
        return report;
    }

    /** How each direct-identifier column was replaced: names, kinds and counts, never a value. */
    private static List<Map<String, Object>> personal(List<PersonalColumns.Treated> treated) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (PersonalColumns.Treated t : treated) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("column", t.column());
            m.put("kind", t.kind().token());
            m.put("method", t.method());
            m.put("syntheticValues", t.values());
            m.put("realValuesFound", t.realValuesFound());
            list.add(m);
        }
        return list;
    }

    /** The epsilon and delta spent, and how: DP-SGD and value protection's noisy counts in one RDP accountant. */
    private static Map<String, Object> differentialPrivacy(org.facsimile.synth.dp.PrivacySpent dp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epsilon", number(dp.epsilon()));
        // a number too small for four decimals, written in full
        m.put("delta", new java.math.BigDecimal(Double.toString(dp.delta())));
        m.put("budgetEpsilon", number(dp.budget().epsilon()));
        m.put("trainingEpsilon", number(dp.trainingEpsilon()));
        m.put("valueProtectionEpsilon", number(dp.valueEpsilon()));
        m.put("valueProtectionNoise", number(dp.valueNoise()));
        m.put("noiseMultiplier", number(dp.noiseMultiplier()));
        m.put("clipNorm", number(dp.budget().clipNorm()));
        m.put("samplingRate", number(dp.samplingRate()));
        m.put("steps", dp.steps());
        m.put("epochs", number(dp.epochs()));
        m.put("stopReason", dp.stopReason());
        m.put(
                "accountant",
                "RDP of the sampled Gaussian mechanism, composed with value protection's Gaussian counts;"
                        + " trainingEpsilon and valueProtectionEpsilon are each alone");
        return m;
    }

    /** What conditional generation did; the quality measures then compare a deliberately different table. */
    private static Map<String, Object> conditioned(RunReport.Conditioned c) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (c.rebalancedColumn() == null) {
            m.put("seededRows", c.seededRows());
        } else {
            m.put("rebalancedColumn", c.rebalancedColumn());
            m.put("targetShare", number(c.targetShare()));
            m.put("achievedShare", number(c.achievedShare()));
        }
        m.put("note", "rows were generated given chosen values: accuracy against the real table is expected to drop");
        return m;
    }

    /** How each declared constraint was enforced, and the share of synthetic rows obeying it. */
    private static List<Map<String, Object>> constraints(List<Constraints.Enforcement> enforced) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Constraints.Enforcement e : enforced) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("constraint", e.constraint());
            m.put("enforcement", e.method());
            m.put("realRowsBreakingIt", number(e.realViolationShare()));
            m.put("rowsRedrawn", e.redrawn());
            m.put("valuesRepaired", e.repaired());
            m.put("syntheticRowsObeyingIt", number(e.syntheticSatisfiedShare()));
            list.add(m);
        }
        return list;
    }

    /** Pairs named in the JSON report, worst first. */
    static final int WORST_PAIRS = 10;

    private static Map<String, Object> quality(QualityReport q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("univariateAccuracy", number(q.univariateAccuracy()));
        m.put("bivariateAccuracy", number(q.bivariateAccuracy()));
        m.put("holdoutUnivariateAccuracy", number(q.holdoutUnivariateAccuracy()));
        m.put("holdoutBivariateAccuracy", number(q.holdoutBivariateAccuracy()));
        m.put("trivariateAccuracy", number(q.trivariateAccuracy()));
        m.put("holdoutTrivariateAccuracy", number(q.holdoutTrivariateAccuracy()));
        m.put("overallAccuracy", number(q.overallAccuracy()));
        m.put("holdoutOverallAccuracy", number(q.holdoutOverallAccuracy()));
        m.put("associationSimilarity", number(q.associationSimilarity()));
        m.put("holdoutAssociationSimilarity", number(q.holdoutAssociationSimilarity()));
        m.put("discriminatorAuc", number(q.discriminatorAuc()));
        m.put("holdoutDiscriminatorAuc", number(q.holdoutDiscriminatorAuc()));
        List<Map<String, Object>> columns = new ArrayList<>();
        for (QualityReport.ColumnQuality c : q.columns()) {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("name", c.name());
            column.put("kind", c.kind());
            column.put("accuracy", number(c.accuracy()));
            column.put("invalidValues", c.invalid());
            if (c.format() != null) {
                column.put("format", c.format());
            }
            columns.add(column);
        }
        m.put("columns", columns);
        m.put("invalidValues", q.invalidValues());
        List<Map<String, Object>> worstPairs = new ArrayList<>();
        q.pairs().stream()
                .sorted(java.util.Comparator.comparingDouble(QualityReport.PairQuality::accuracy))
                .limit(WORST_PAIRS)
                .forEach(pair -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("columns", List.of(pair.first(), pair.second()));
                    entry.put("accuracy", number(pair.accuracy()));
                    entry.put("realAssociation", number(pair.realAssociation()));
                    entry.put("syntheticAssociation", number(pair.syntheticAssociation()));
                    worstPairs.add(entry);
                });
        m.put("worstPairs", worstPairs);
        return m;
    }

    private static Map<String, Object> privacy(PrivacyReport p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", p.passed());
        m.put("reasons", p.reasons());
        m.put("sampledRows", p.sampledRows());
        m.put("referenceRows", p.referenceRows());
        m.put("dcrShare", number(p.dcrShare()));
        m.put("dcrShareLimit", number(p.dcrShareLimit()));
        m.put("medianDcrTraining", number(p.medianDcrTraining()));
        m.put("medianDcrHoldout", number(p.medianDcrHoldout()));
        m.put("nndrMedian", number(p.nndrMedian()));
        m.put("holdoutNndrMedian", number(p.holdoutNndrMedian()));
        m.put("identicalMatchShare", number(p.identicalMatchShare()));
        m.put("holdoutIdenticalMatchShare", number(p.holdoutIdenticalMatchShare()));
        m.put("identicalMatchLimit", number(p.identicalMatchLimit()));
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("maxDcrShare", p.thresholds().maxDcrShare());
        thresholds.put("identicalMatchFactor", p.thresholds().identicalMatchFactor());
        thresholds.put("identicalMatchSlack", p.thresholds().identicalMatchSlack());
        m.put("thresholds", thresholds);
        return m;
    }

    private static Double number(double value) {
        return Double.isFinite(value) ? Math.round(value * 10000) / 10000.0 : null;
    }
}
