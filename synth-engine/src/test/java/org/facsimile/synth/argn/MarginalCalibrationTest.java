package org.facsimile.synth.argn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.facsimile.synth.columns.ColumnModel;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.Test;

/** Calibration: the drawn rows' token shares brought to the marginals', and nothing else moved. */
class MarginalCalibrationTest {

    private static final int[] VOCAB = {3, 5, 2, 4};

    @Test
    void calibrationMovesTheDrawnSharesToTheTarget() {
        double[][] target = {{0.9, 0.05, 0.05}, {0.05, 0.05, 0.1, 0.1, 0.7}, {0.2, 0.8}, {0.1, 0.2, 0.3, 0.4}};
        ArgnNetwork network = ArgnNetwork.initial(VOCAB, 4, 8, new Random(6));
        assertTrue(worstGap(network, target) > 0.2, "a random network is far off: " + worstGap(network, target));
        ArgnNetwork calibrated = MarginalCalibration.calibrated(network, target, null, new Random(7));
        assertTrue(worstGap(calibrated, target) < 0.02, "calibrated: " + worstGap(calibrated, target));
        // the other weights are untouched: only the output biases move
        for (int p = 0; p < ArgnNetwork.B3; p++) {
            assertTrue(java.util.Arrays.equals(network.parameters[p], calibrated.parameters[p]), ArgnNetwork.NAMES[p]);
        }
    }

    /** The largest difference between a token's share in 20,000 drawn rows and its target share. */
    private static double worstGap(ArgnNetwork network, double[][] target) {
        int[][] rows;
        try (ArgnSampler sampler = new ArgnSampler(network)) {
            rows = sampler.sample(20_000, new Random(8), 1, 1);
        }
        double worst = 0;
        for (int c = 0; c < VOCAB.length; c++) {
            double[] shares = new double[VOCAB[c]];
            for (int[] row : rows) {
                shares[row[c]] += 1.0 / rows.length;
            }
            for (int t = 0; t < VOCAB[c]; t++) {
                worst = Math.max(worst, Math.abs(shares[t] - target[c][t]));
            }
        }
        return worst;
    }

    @Test
    void tokenSharesComeFromTheMarginalsNotTheRows() {
        TableSpec spec = new TableSpec(
                "t", java.util.List.of(new ColumnSpec("colour", ColumnKind.CATEGORICAL, null)), java.util.List.of());
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            rows.add(new String[] {i % 4 == 0 ? "red" : "blue"});
        }
        ColumnModel[] columns = ColumnModel.fitAll(new Table("t", spec.columnNames(), rows), spec, 1);
        int[] learnt = ColumnModel.jointlyLearnt(columns);
        ColumnCodec[] codecs = ArgnGenerator.codecs(columns, learnt, 16);
        double[][] shares = MarginalCalibration.tokenShares(columns, learnt, codecs, new Random(2));
        int[] red = new int[1];
        codecs[0].encode("red", new Random(3), red, 0);
        assertEquals(0.25, shares[0][red[0]], 0.015, "red's share");
        assertEquals(1, java.util.Arrays.stream(shares[0]).sum(), 1e-9);
    }

    @Test
    void calendarPartsHaveNoTargetFromAMarginalAndRowsGiveTheirOwnShares() {
        TableSpec spec = new TableSpec(
                "t", java.util.List.of(new ColumnSpec("day", ColumnKind.DATE, null)), java.util.List.of());
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            rows.add(new String[] {"2024-0" + (1 + i % 9) + "-0" + (1 + i % 7)});
        }
        ColumnModel[] columns = ColumnModel.fitAll(new Table("t", spec.columnNames(), rows), spec, 1);
        int[] learnt = ColumnModel.jointlyLearnt(columns);
        ColumnCodec[] codecs = ArgnGenerator.codecs(columns, learnt, 16);
        assertTrue(codecs[0] instanceof CalendarCodec, "a date is its calendar parts");
        // a marginal over the time line spreads the first week of each month over the whole month
        for (double[] position : MarginalCalibration.tokenShares(columns, learnt, codecs, new Random(2))) {
            assertEquals(null, position);
        }
        int[][] tokens = {{0, 1}, {0, 2}, {1, 2}};
        double[][] shares = MarginalCalibration.tokenShares(tokens, new int[] {2, 3});
        assertEquals(3 / 5.0, shares[0][0], 1e-12, "two of three rows, plus one each");
        assertEquals(3 / 6.0, shares[1][2], 1e-12);
    }
}
