package org.facsimile.synth.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.Test;

class PrivacyEvaluatorTest {

    static final TableSpec SPEC = new TableSpec(
            "t",
            List.of(
                    new ColumnSpec("id", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("x", ColumnKind.DECIMAL, null),
                    new ColumnSpec("y", ColumnKind.DECIMAL, null),
                    new ColumnSpec("group", ColumnKind.CATEGORICAL, null)),
            List.of("id"));

    /** Rows from one fixed distribution; different seeds give different people from it. */
    static Table people(int n, long seed) {
        Random random = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = random.nextGaussian();
            rows.add(new String[] {
                Long.toString(seed * 1_000_000 + i),
                String.format(Locale.ROOT, "%.4f", x),
                String.format(Locale.ROOT, "%.4f", x + random.nextGaussian() * 0.5),
                random.nextDouble() < 0.05 ? null : "g" + random.nextInt(5)
            });
        }
        return new Table("t", List.of("id", "x", "y", "group"), rows);
    }

    @Test
    void copiesOfTheTrainingRowsFailWithTheirReasons() {
        // training and holdout of equal size, so every training row is in the reference sample
        Table training = people(1000, 1);
        Table holdout = people(1000, 2);
        PrivacyReport report = new PrivacyEvaluator().evaluate(SPEC, training, holdout, training, 3);
        assertEquals(1.0, report.identicalMatchShare(), 1e-9);
        assertEquals(0.0, report.holdoutIdenticalMatchShare(), 1e-9);
        assertTrue(report.dcrShare() > 0.95, "copies sit on training rows: " + report.dcrShare());
        assertEquals(0.0, report.medianDcrTraining(), 1e-12);
        assertEquals(0.0, report.nndrMedian(), 1e-12);
        assertFalse(report.passed());
        assertEquals(2, report.reasons().size(), report.reasons().toString());
    }

    @Test
    void freshRowsFromTheSameDistributionPass() {
        Table training = people(3000, 1);
        Table holdout = people(1000, 2);
        Table synthetic = people(3000, 4);
        PrivacyReport report = new PrivacyEvaluator().evaluate(SPEC, training, holdout, synthetic, 3);
        assertEquals(0.5, report.dcrShare(), 0.05, "no closer to training than to strangers");
        assertEquals(0.0, report.identicalMatchShare(), 1e-9);
        assertEquals(report.holdoutNndrMedian(), report.nndrMedian(), 0.1);
        assertTrue(report.passed(), report.reasons().toString());
        assertEquals(1000, report.referenceRows(), "as many training as holdout rows are compared");
    }

    @Test
    void distanceIsTheMeanOfColumnDistancesWithoutKeys() {
        Table training = people(1000, 1);
        RowDistance distance = new RowDistance(SPEC, training);
        double[] a = distance.encode(new String[] {"1", "0.0", "0.0", "g1"});
        double[] b = distance.encode(new String[] {"2", "0.0", "0.0", "g1"});
        double[] c = distance.encode(new String[] {"1", "0.0", "0.0", "g2"});
        double[] d = distance.encode(new String[] {"1", "0.0", "0.0", null});
        double[] far = distance.encode(new String[] {"1", "1000", "0.0", "g1"});
        assertEquals(0.0, distance.distance(a, b), 1e-12, "the key is not compared");
        assertEquals(1.0 / 3, distance.distance(a, c), 1e-12);
        assertEquals(1.0 / 3, distance.distance(a, d), 1e-12, "missing differs from a value");
        assertEquals(0.0, distance.distance(d, d), 1e-12, "missing equals missing");
        assertEquals(1.0 / 3, distance.distance(a, far), 1e-12, "a numeric column contributes at most 1");
    }

    @Test
    void onSmallTablesTheDcrLimitAllowsForChance() {
        PrivacyReport.Thresholds limits = PrivacyReport.Thresholds.defaults();
        assertEquals(0.606, limits.dcrShareLimit(120), 0.001);
        assertEquals(0.52, limits.dcrShareLimit(10_000), 1e-12);
        assertEquals(0.52, limits.dcrShareLimit(0), 1e-12);
        // a 600-row holdout with no copies still allows chance copies; a large one hardly any
        assertEquals(
                0.001 + 2.326 * Math.sqrt((1.0 / 600) * (1 - 1.0 / 600) / 600),
                limits.identicalMatchLimit(0, 600),
                1e-9);
        assertTrue(limits.identicalMatchLimit(0.01, 100_000) < 0.017);
    }

    @Test
    void withoutHoldoutRowsTheVerdictIsFailNotAGuess() {
        Table training = people(10, 1);
        PrivacyReport report = new PrivacyEvaluator()
                .evaluate(SPEC, training, new Table("t", training.columns(), List.of()), people(10, 2), 1);
        assertFalse(report.passed());
        assertTrue(report.reasons().get(0).contains("too small"));
    }
}
