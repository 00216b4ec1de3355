package org.facsimile.synth.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.facsimile.synth.analysis.Analysis.Filter;
import org.facsimile.synth.analysis.Analysis.Kind;
import org.facsimile.synth.analysis.AnalysisResult.Cell;
import org.facsimile.synth.analysis.AnalysisResult.Term;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.PersonalData;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.Test;

class AnalysesTest {

    /** Motor Trend's 1974 road tests (R's mtcars): weight (1,000 lb), miles per gallon, manual gearbox, cylinders. */
    private static final double[] WT = {
        2.620, 2.875, 2.320, 3.215, 3.440, 3.460, 3.570, 3.190, 3.150, 3.440, 3.440, 4.070, 3.730, 3.780, 5.250, 5.424,
        5.345, 2.200, 1.615, 1.835, 2.465, 3.520, 3.435, 3.840, 3.845, 1.935, 2.140, 1.513, 3.170, 2.770, 3.570, 2.780
    };

    private static final double[] MPG = {
        21.0, 21.0, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4, 14.7, 32.4,
        30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26.0, 30.4, 15.8, 19.7, 15.0, 21.4
    };

    private static final int[] AM = {
        1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1
    };

    private static final int[] CYL = {
        6, 6, 4, 6, 8, 6, 8, 4, 4, 6, 6, 8, 8, 8, 8, 8, 8, 4, 4, 4, 4, 8, 8, 8, 8, 4, 4, 4, 8, 6, 8, 4
    };

    private static final TableSpec CARS = new TableSpec(
            "cars",
            List.of(
                    new ColumnSpec("model", ColumnKind.IDENTIFIER, List.of()),
                    new ColumnSpec("mpg", ColumnKind.DECIMAL, List.of()),
                    new ColumnSpec("wt", ColumnKind.DECIMAL, List.of()),
                    new ColumnSpec("am", ColumnKind.INTEGER, List.of()),
                    new ColumnSpec("cyl", ColumnKind.CATEGORICAL, List.of()),
                    new ColumnSpec("owner", ColumnKind.CATEGORICAL, List.of(), PersonalData.PERSON_NAME)),
            List.of("model"));

    private static Table cars() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < WT.length; i++) {
            rows.add(new String[] {
                "car-" + i,
                Double.toString(MPG[i]),
                Double.toString(WT[i]),
                Integer.toString(AM[i]),
                Integer.toString(CYL[i]),
                "someone"
            });
        }
        return new Table("cars", CARS.columnNames(), rows);
    }

    private static final Disclosure TEN = Disclosure.withMinimumCell(10, null);

    private static Analysis count(List<String> groupBy, Filter... filters) {
        return new Analysis(Kind.COUNT, null, groupBy, List.of(filters), null, null, null);
    }

    private static Analysis regression(Kind kind, String formula, String positive) {
        return new Analysis(kind, null, null, null, null, formula, positive);
    }

    private static Outcome original(Analysis analysis, Table table, Disclosure rules) throws AnalysisProblem {
        return Analyses.bind(analysis, CARS).onOriginal(table, rules, table, new Random(7));
    }

    @Test
    void linearRegressionEqualsTheClosedFormAndR() throws AnalysisProblem {
        Outcome twin = Analyses.bind(regression(Kind.LINEAR_REGRESSION, "mpg ~ wt", null), CARS)
                .onTwin(cars());
        // the closed form of one term: slope = cov(x, y) / var(x), intercept = mean(y) - slope mean(x)
        int n = WT.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += WT[i] / n;
            my += MPG[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double rss = 0;
        for (int i = 0; i < n; i++) {
            sxy += (WT[i] - mx) * (MPG[i] - my);
            sxx += (WT[i] - mx) * (WT[i] - mx);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        for (int i = 0; i < n; i++) {
            double r = MPG[i] - intercept - slope * WT[i];
            rss += r * r;
        }
        double slopeSe = Math.sqrt(rss / (n - 2) / sxx);
        List<Term> terms = twin.result().terms();
        assertEquals("(intercept)", terms.get(0).name());
        assertEquals(intercept, terms.get(0).estimate(), 1e-9);
        assertEquals(slope, terms.get(1).estimate(), 1e-9);
        assertEquals(slopeSe, terms.get(1).standardError(), 1e-9);
        // R: lm(mpg ~ wt, mtcars): 37.2851 (1.8776), -5.3445 (0.5591), R^2 0.7528
        assertEquals(37.2851, terms.get(0).estimate(), 1e-4);
        assertEquals(1.8776, terms.get(0).standardError(), 1e-4);
        assertEquals(-5.3445, terms.get(1).estimate(), 1e-4);
        assertEquals(0.5591, terms.get(1).standardError(), 1e-4);
        assertEquals(
                0.7528,
                twin.result().fit().stream()
                        .filter(f -> f.name().equals("r-squared"))
                        .findFirst()
                        .orElseThrow()
                        .value(),
                1e-4);

        Outcome checked = original(regression(Kind.LINEAR_REGRESSION, "mpg ~ wt", null), cars(), TEN);
        assertTrue(checked.isReleased(), checked::reason);
        assertEquals(37.29, checked.result().terms().get(0).estimate(), 0);
        assertEquals(-5.344, checked.result().terms().get(1).estimate(), 0);
        assertEquals(30, checked.result().rows(), "32 rows, rounded to a multiple of 5");
    }

    @Test
    void logisticRegressionEqualsRsGlm() throws AnalysisProblem {
        // R: glm(am ~ wt, binomial, mtcars): 12.040 (4.510), -4.024 (1.436)
        Outcome twin = Analyses.bind(regression(Kind.LOGISTIC_REGRESSION, "am ~ wt", "1"), CARS)
                .onTwin(cars());
        assertTrue(twin.isReleased(), twin::reason);
        List<Term> terms = twin.result().terms();
        assertEquals(12.040, terms.get(0).estimate(), 1e-3);
        assertEquals(4.510, terms.get(0).standardError(), 1e-3);
        assertEquals(-4.024, terms.get(1).estimate(), 1e-3);
        assertEquals(1.436, terms.get(1).standardError(), 1e-3);
    }

    @Test
    void aCategoricalTermIsCodedAgainstItsMostFrequentLevelAndEachLevelNeedsTheMinimum() throws AnalysisProblem {
        Analysis model = regression(Kind.LINEAR_REGRESSION, "mpg ~ wt + cyl", null);
        Outcome twin = Analyses.bind(model, CARS).onTwin(cars());
        assertEquals(
                List.of("(intercept)", "wt", "cyl=4", "cyl=6"),
                twin.result().terms().stream().map(Term::name).toList(),
                "8 cylinders (14 cars) is the baseline");
        // 7 cars have 6 cylinders: below a minimum cell of 10
        Outcome checked = original(model, cars(), TEN);
        assertEquals("minimum-cell", checked.rule());
        assertFalse(checked.reason().contains("6"), "the refusal names no level: " + checked.reason());
        assertTrue(original(model, cars(), Disclosure.withMinimumCell(5, null)).isReleased());
    }

    @Test
    void aCellBelowTheMinimumRefusesTheWholeTableNamingTheRule() throws AnalysisProblem {
        Outcome byCylinders = original(count(List.of("cyl")), cars(), TEN);
        assertEquals("minimum-cell", byCylinders.rule());
        assertEquals(
                "1 of 3 cells rest on fewer than 10 rows: filter less, or group by coarser columns",
                byCylinders.reason());
        Outcome byGearbox = original(count(List.of("am")), cars(), TEN);
        assertTrue(byGearbox.isReleased());
        List<Cell> cells = byGearbox.result().cells();
        assertEquals(List.of("0"), cells.get(0).group());
        assertEquals(20, cells.get(0).count(), "19 automatic cars, rounded to 5");
        assertEquals(15, cells.get(1).count(), "13 manual cars, rounded to 5");
        // the twin's answer is exact
        List<Cell> exact = Analyses.bind(count(List.of("am")), CARS)
                .onTwin(cars())
                .result()
                .cells();
        assertEquals(19, exact.get(0).count());
        assertEquals(13, exact.get(1).count());
    }

    @Test
    void theThresholdReadsTheTrueCountNotTheRoundedOne() throws AnalysisProblem {
        // 8 cars weigh 3.7 or more: rounded to 5 that is 10, still below a minimum of 10
        long heavy = java.util.Arrays.stream(WT).filter(w -> w >= 3.7).count();
        assertEquals(8, heavy);
        assertEquals(
                "minimum-cell",
                original(count(List.of(), new Filter("wt", ">=", "3.7", null)), cars(), TEN)
                        .rule());
    }

    @Test
    void underDifferentialPrivacyASmallNoisyCellIsLeftOutNotTheWholeTable() throws AnalysisProblem {
        Outcome o = Analyses.bind(count(List.of("cyl")), CARS)
                .onOriginal(cars(), Disclosure.withMinimumCell(10, 5.0), cars(), new Random(2));
        assertTrue(o.isReleased(), o::reason);
        assertEquals(
                List.of(List.of("4"), List.of("8")),
                o.result().cells().stream().map(Cell::group).toList(),
                "7 six-cylinder cars stay under 10 with noise of scale 0.2");
        assertTrue(
                o.result().notes().stream().anyMatch(n -> n.contains("1 cell(s) with fewer than 10")),
                o.result().notes()::toString);
    }

    @Test
    void noMatchingRowIsRefusedLikeASmallCell() throws AnalysisProblem {
        Outcome none = original(count(List.of("am"), new Filter("wt", ">", "9", null)), cars(), TEN);
        assertEquals("minimum-cell", none.rule());
    }

    @Test
    void anEqualityFilterOnANearlyUniqueColumnIsRefusedOnTheOriginal() throws AnalysisProblem {
        // 32 weights, 29 of them distinct: "weight = 3.44" picks out single cars; a range does not
        Analysis one = count(List.of(), new Filter("wt", "=", "3.44", null));
        assertEquals(
                "identifying-column",
                original(one, cars(), Disclosure.withMinimumCell(3, null)).rule());
        assertEquals(
                3,
                Analyses.bind(one, CARS).onTwin(cars()).result().cells().get(0).count(),
                "the twin answers");
        assertTrue(original(count(List.of(), new Filter("wt", ">", "3", null)), cars(), TEN)
                .isReleased());
    }

    @Test
    void filtersReadTheColumnsValuesAndOrders() throws AnalysisProblem {
        Outcome heavy = Analyses.bind(count(List.of(), new Filter("wt", ">=", "3.5", null)), CARS)
                .onTwin(cars());
        long expected = java.util.Arrays.stream(WT).filter(w -> w >= 3.5).count();
        assertEquals(expected, heavy.result().cells().get(0).count());
        Outcome sixOrEight = Analyses.bind(count(List.of(), new Filter("cyl", "in", null, List.of("6", "8"))), CARS)
                .onTwin(cars());
        assertEquals(21, sixOrEight.result().cells().get(0).count());
    }

    @Test
    void aMeanDominatedByTwoRowsIsRefused() throws AnalysisProblem {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(new String[] {"r" + i, i < 2 ? "1000000" : "10", "1", "1", "4", "x"});
        }
        Table incomes = new Table("cars", CARS.columnNames(), rows);
        Analysis mean = new Analysis(Kind.MEAN, "mpg", null, null, null, null, null);
        Outcome dominated = original(mean, incomes, TEN);
        assertEquals("dominance", dominated.rule());
        assertFalse(dominated.reason().contains("1000000"));
        Outcome plain = original(mean, cars(), TEN);
        assertTrue(plain.isReleased());
        assertEquals(20.09, plain.result().cells().get(0).figures().get(0).value(), 0, "642.9 / 32 to 4 digits");
    }

    @Test
    void quantilesNearAnEndAreRefusedAndOthersAreLocalMeans() throws AnalysisProblem {
        Analysis extreme = new Analysis(Kind.QUANTILES, "mpg", null, null, List.of(0.5, 0.9), null, null);
        assertEquals("extreme-quantile", original(extreme, cars(), TEN).rule(), "0.1 x 32 rows < 10");
        Analysis median = new Analysis(Kind.QUANTILES, "mpg", null, null, List.of(0.5), null, null);
        double released = original(median, cars(), TEN)
                .result()
                .cells()
                .get(0)
                .figures()
                .get(0)
                .value();
        double[] sorted = MPG.clone();
        java.util.Arrays.sort(sorted);
        // the median sits at position 15.5 of 0-31: the five values from 14 to 18 averaged, to 4 digits
        double local = (sorted[14] + sorted[15] + sorted[16] + sorted[17] + sorted[18]) / 5;
        assertEquals(
                new java.math.BigDecimal(local)
                        .round(new java.math.MathContext(4))
                        .doubleValue(),
                released,
                0);
        double exact = Analyses.bind(median, CARS)
                .onTwin(cars())
                .result()
                .cells()
                .get(0)
                .figures()
                .get(0)
                .value();
        assertEquals(19.2, exact, 1e-9, "R: median(mtcars$mpg)");
    }

    @Test
    void underDifferentialPrivacyCountsAreNoisyMeansClampedAndTheRestRefused() throws AnalysisProblem {
        Disclosure dp = Disclosure.withMinimumCell(5, 1.0);
        Table table = cars();
        long off = 0;
        int runs = 200;
        for (int seed = 0; seed < runs; seed++) {
            Outcome o = Analyses.bind(count(List.of("am")), CARS).onOriginal(table, dp, table, new Random(seed));
            off += Math.abs(o.result().cells().get(0).count() - 19);
        }
        assertTrue(off / (double) runs < 4, "Laplace(1) noise and rounding to 5 stay near 19: " + off);
        assertTrue(off > 0, "noise was added");
        assertEquals(
                "not-covered-by-noise",
                Analyses.bind(regression(Kind.LINEAR_REGRESSION, "mpg ~ wt", null), CARS)
                        .onOriginal(table, dp, table, new Random(1))
                        .rule());
        Analysis mean = new Analysis(Kind.MEAN, "mpg", null, null, null, null, null);
        double m = Analyses.bind(mean, CARS)
                .onOriginal(table, dp, table, new Random(3))
                .result()
                .cells()
                .get(0)
                .figures()
                .get(0)
                .value();
        assertTrue(m >= 10.4 && m <= 33.9, "clamped to the twin's range: " + m);
    }

    @Test
    void underDifferentialPrivacyTheCellsAreTheTwinsGroups() throws AnalysisProblem {
        List<String[]> twinRows = new ArrayList<>();
        for (String[] row : cars().rows()) {
            if (!row[4].equals("6")) {
                twinRows.add(row);
            }
        }
        Table twin = new Table("cars", CARS.columnNames(), twinRows);
        Outcome o = Analyses.bind(count(List.of("cyl")), CARS)
                .onOriginal(cars(), Disclosure.withMinimumCell(3, 5.0), twin, new Random(1));
        assertEquals(
                List.of(List.of("4"), List.of("8")),
                o.result().cells().stream().map(Cell::group).toList(),
                "a group only the original holds is never shown");
    }

    @Test
    void problemsAreNamedByTheirJsonPath() {
        assertProblem("$.kind", new Analysis(null, null, null, null, null, null, null));
        assertProblem("$.groupBy[0]", count(List.of("colour")));
        assertProblem("$.groupBy[0]", count(List.of("model")));
        assertProblem("$.groupBy[0]", count(List.of("owner")));
        assertProblem("$.groupBy", count(List.of("am", "cyl", "mpg")));
        assertProblem("$.filters[0].op", count(List.of(), new Filter("cyl", "<", "6", null)));
        assertProblem("$.filters[0].op", count(List.of(), new Filter("cyl", "like", "6", null)));
        assertProblem("$.filters[0].value", count(List.of(), new Filter("wt", ">", "heavy", null)));
        assertProblem("$.column", new Analysis(Kind.MEAN, "cyl", null, null, null, null, null));
        assertProblem("$.probabilities[0]", new Analysis(Kind.QUANTILES, "mpg", null, null, List.of(1.0), null, null));
        assertProblem("$.formula", regression(Kind.LINEAR_REGRESSION, "mpg", null));
        assertProblem("$.formula", regression(Kind.LINEAR_REGRESSION, "cyl ~ wt", null));
        assertProblem("$.formula", regression(Kind.LINEAR_REGRESSION, "mpg ~ wt + wt", null));
        assertProblem("$.positive", regression(Kind.LOGISTIC_REGRESSION, "am ~ wt", null));
    }

    @Test
    void collinearTermsAndSeparatedOutcomesAreSaidNotComputed() throws AnalysisProblem {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double wt = 2 + i / 10.0;
            rows.add(
                    new String[] {"r" + i, Double.toString(wt * 2), Double.toString(wt), i < 20 ? "0" : "1", "4", "x"});
        }
        Table table = new Table("cars", CARS.columnNames(), rows);
        Outcome separated = Analyses.bind(regression(Kind.LOGISTIC_REGRESSION, "am ~ wt", "1"), CARS)
                .onTwin(table);
        assertEquals("separation", separated.rule());
        assertNull(separated.result());
        Outcome collinear = Analyses.bind(regression(Kind.LINEAR_REGRESSION, "am ~ wt + mpg", null), CARS)
                .onTwin(table);
        assertEquals("not-estimable", collinear.rule());
    }

    private static void assertProblem(String path, Analysis analysis) {
        AnalysisProblem problem = assertThrows(AnalysisProblem.class, () -> Analyses.bind(analysis, CARS));
        assertEquals(path, problem.path(), problem.getMessage());
    }
}
