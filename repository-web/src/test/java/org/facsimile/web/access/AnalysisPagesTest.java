package org.facsimile.web.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.facsimile.synth.analysis.Analysis;
import org.facsimile.synth.analysis.AnalysisResult;
import org.facsimile.synth.analysis.AnalysisResult.Cell;
import org.facsimile.synth.analysis.AnalysisResult.Figure;
import org.facsimile.synth.analysis.AnalysisResult.Term;
import org.facsimile.synth.analysis.Outcome;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Templates;
import org.junit.jupiter.api.Test;

/** The analysis form's reading, the side-by-side comparison, and the analysis page (analysis.jte). */
class AnalysisPagesTest {

    private static AnalysePages.Form form(String kind, String filterOp, String filterValue, String probabilities) {
        return new AnalysePages.Form(
                "t.csv", kind, "income", "region", "", "region", filterOp, filterValue, probabilities, "y ~ x", "yes");
    }

    @Test
    void theFormReadsAsTheDeclarationTheApiTakes() {
        Analysis mean = AnalysePages.analysis(form("MEAN", "in", "north, south", ""));
        assertEquals(Analysis.Kind.MEAN, mean.kind());
        assertEquals("income", mean.column());
        assertEquals(List.of("region"), mean.groupBy());
        assertEquals(List.of("north", "south"), mean.filters().get(0).values());
        assertNull(mean.formula(), "a field of another kind is not sent");
        Analysis quantiles = AnalysePages.analysis(form("QUANTILES", "", "", "0.1, 0.9"));
        assertEquals(List.of(0.1, 0.9), quantiles.probabilities());
        assertTrue(quantiles.filters().isEmpty(), "no filter chosen");
        Analysis logistic = AnalysePages.analysis(form("LOGISTIC_REGRESSION", "=", "north", ""));
        assertEquals("y ~ x", logistic.formula());
        assertEquals("yes", logistic.positive());
        assertTrue(logistic.groupBy().isEmpty());
        ProblemException odd =
                assertThrows(ProblemException.class, () -> AnalysePages.analysis(form("QUANTILES", "", "", "half")));
        assertEquals(422, odd.status());
        assertEquals("$.analysis.probabilities", odd.toProblem().errors().get(0).pointer());
        assertEquals(
                "$.analysis.kind",
                assertThrows(ProblemException.class, () -> AnalysePages.analysis(form("SUM", "", "", "")))
                        .toProblem()
                        .errors()
                        .get(0)
                        .pointer());
    }

    private static AnalysisResult counts(List<Cell> cells) {
        return new AnalysisResult(Analysis.Kind.MEAN, 30, List.of("region"), cells, List.of(), List.of(), List.of());
    }

    @Test
    void cellsStandSideBySideAndACellOnlyOneSideHasShowsADash() {
        Outcome original = new Outcome(
                counts(List.of(new Cell(List.of("east"), 15, List.of(new Figure("mean", 41.2, "41.2"))))), null, null);
        Outcome twin = new Outcome(
                counts(List.of(
                        new Cell(List.of("east"), 14, List.of(new Figure("mean", 40.0, "40"))),
                        new Cell(List.of("west"), 3, List.of(new Figure("mean", 12.5, "12.5"))))),
                null,
                null);
        AnalysisComparison c = AnalysisComparison.of(original, twin);
        assertEquals(List.of("region", "rows, original", "rows, twin", "mean, original", "mean, twin"), c.headers());
        assertEquals(List.of("east", "15", "14", "41.2", "40"), c.rows().get(0));
        assertEquals(List.of("west", "–", "3", "–", "12.5"), c.rows().get(1));
    }

    @Test
    void aRegressionComparesItsTermsAndFit() {
        AnalysisResult o = new AnalysisResult(
                Analysis.Kind.LINEAR_REGRESSION,
                30,
                List.of(),
                List.of(),
                List.of(new Term("(intercept)", 37.29, 1.878, 19.86), new Term("wt", -5.344, 0.5591, -9.559)),
                List.of(new Figure("r-squared", 0.7528, "0.7528")),
                List.of());
        AnalysisResult t = new AnalysisResult(
                Analysis.Kind.LINEAR_REGRESSION,
                32,
                List.of(),
                List.of(),
                List.of(new Term("(intercept)", 35.123456789, 2.0, 17.5)),
                List.of(new Figure("r-squared", 0.70, "0.7")),
                List.of());
        AnalysisComparison c = AnalysisComparison.of(new Outcome(o, null, null), new Outcome(t, null, null));
        assertEquals(
                List.of("(intercept)", "37.29", "1.878", "35.1235", "2"),
                c.rows().get(0));
        assertEquals(List.of("wt", "-5.344", "0.5591", "–", "–"), c.rows().get(1));
        assertEquals(List.of("r-squared: 0.7528 original, 0.7 twin"), c.fit());
    }

    @Test
    void aRefusalNamesItsRuleAndTheTwinsAnswerStillShows() {
        Outcome refused = new Outcome(null, "minimum-cell", "1 of 4 cells rest on fewer than 10 rows");
        Outcome twin = new Outcome(counts(List.of(new Cell(List.of("<b>east</b>"), 14, List.of()))), null, null);
        VerifiedAnalyses.View a = new VerifiedAnalyses.View(
                "a1",
                "d1",
                1,
                "/datasets/d1/versions/1",
                "t.csv",
                new Analysis(Analysis.Kind.COUNT, null, List.of("region"), null, null, null, null),
                "REFUSED",
                Instant.parse("2026-12-08T10:00:00Z"),
                Instant.parse("2026-12-08T10:00:01Z"),
                refused,
                twin,
                null);
        AnalysisPages.OneView view = new AnalysisPages.OneView(
                a, AnalysisPages.words(a.analysis()), false, AnalysisComparison.of(refused, twin), List.of());
        Page.Frame frame = new Page.Frame("Facsimile", "Verified analysis", Page.Section.NONE, "Ada", List.of());
        String html = Templates.render("analysis.jte", Map.of("frame", frame, "view", view));
        assertTrue(html.contains("<b>count by region</b>"), html);
        assertTrue(html.contains("held back by the <b>minimum-cell</b> rule"), html);
        assertTrue(html.contains("&lt;b&gt;east"), "cells are escaped: " + html);
        assertFalse(html.contains("<b>east"), html);
    }
}
