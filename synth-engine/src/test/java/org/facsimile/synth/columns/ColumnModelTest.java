package org.facsimile.synth.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.junit.jupiter.api.Test;

class ColumnModelTest {

    /** The categories a column model publishes, drawn many times. */
    private static Set<String> published(String[] values, long seed) {
        ColumnModel model =
                ColumnModel.fit(new ColumnSpec("c", ColumnKind.CATEGORICAL, null), values, false, new Random(seed));
        Set<String> seen = new HashSet<>();
        Random random = new Random(1);
        for (int i = 0; i < 5000; i++) {
            seen.add(model.marginal().fromUniform(random.nextDouble(), random));
        }
        return seen;
    }

    @Test
    void theRareThresholdIsDrawnFromFourAndFive() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            values.add("common");
        }
        for (int i = 0; i < 3; i++) {
            values.add("three");
        }
        for (int i = 0; i < 4; i++) {
            values.add("four");
        }
        for (int i = 0; i < 5; i++) {
            values.add("five");
        }
        String[] column = values.toArray(String[]::new);
        Set<Boolean> fourKept = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            Set<String> published = published(column, seed);
            assertTrue(published.contains("common"));
            assertTrue(published.contains("five"), "seen 5 times: at or above every threshold, always kept");
            assertTrue(!published.contains("three"), "seen 3 times: below every threshold");
            assertTrue(published.contains(DiscreteMarginal.RARE_TOKEN));
            fourKept.add(published.contains("four"));
        }
        assertEquals(Set.of(true, false), fourKept, "seen 4 times: kept under some thresholds, pooled under others");
    }

    @Test
    void identifiersAreFreshAndNeverLearnt() {
        ColumnModel model = ColumnModel.fit(
                new ColumnSpec("id", ColumnKind.IDENTIFIER, null), new String[] {"17", "99"}, true, new Random(1));
        assertEquals(null, model.marginal());
        assertEquals("1", model.generate(0, 1, new Random(1)));
        assertEquals("3", model.generate(2, 1, new Random(1)));
    }

    /**
     * The temperatures' tail published in groups of four once-seen values, each as its mean
     * (100, 103, 106, 109: 104.5, to the even 104), none of them a value seen.
     */
    private static final Set<Integer> TAIL_MEANS = Set.of(104, 116, 128, 140, 152);

    /** Whole-degree temperatures: 60 values seen 5 times each, and 20 seen once (100 to 157). */
    private static String[] temperatures() {
        List<String> values = new ArrayList<>();
        for (int t = -10; t < 50; t++) {
            for (int i = 0; i < 5; i++) {
                values.add(Integer.toString(t));
            }
        }
        for (int t = 0; t < 20; t++) {
            values.add(Integer.toString(100 + 3 * t));
        }
        return values.toArray(String[]::new);
    }

    private static ColumnModel number(String[] values) {
        return ColumnModel.fit(new ColumnSpec("t", ColumnKind.INTEGER, null), values, false, new Random(3));
    }

    @Test
    void aMostlyRepeatingNumberColumnGeneratesOnlyItsPublishedValuesInBinsOfSeveral() throws Exception {
        String[] column = temperatures();
        column[7] = null;
        ColumnModel model = number(column);
        DiscreteMarginal marginal = (DiscreteMarginal) model.marginal();
        // 319 present values: a quantile grid of 63 points, so bins of at least a 62nd
        assertEquals(62, marginal.grouped(), "too few rows a value to learn value by value: grouped");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        model.write(new java.io.DataOutputStream(bytes));
        Marginal read = ColumnModel.read(
                        new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())))
                .marginal();
        double[] bins = read.bins(128);
        assertEquals(1 / 320.0, bins[0], 1e-12, "missing, a bin of its own");
        // values of five rows each, gathered until a bin holds a 62nd of the rows: two a bin; the
        // tail of 20 once-seen values (6% of the rows) published as five groups of four, whose
        // values are gathered two and two, the last alone
        assertEquals(1 + 30 + 3, bins.length, "missing, bins of two values, and the tail's groups");
        Random random = new Random(5);
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        java.util.Map<String, Set<Integer>> binsOf = new java.util.HashMap<>();
        for (int i = 0; i < 32_000; i++) {
            double u = random.nextDouble();
            String v = read.fromUniform(u, random);
            if (v == null) {
                continue;
            }
            int t = Integer.parseInt(v);
            assertTrue(
                    t >= -10 && t < 50 || TAIL_MEANS.contains(t),
                    "only values seen five times and the tail's group means, never one seen once: " + v);
            counts.merge(v, 1, Integer::sum);
            // every value lies in one bin, so a token stands for whole values
            binsOf.computeIfAbsent(v, k -> new HashSet<>()).add(binOf(bins, read.toUniform(v, random)));
        }
        assertEquals(60 + 5, counts.size(), "every published value generated");
        binsOf.forEach((v, in) -> assertEquals(1, in.size(), v + " in one bin"));
        double drawn = counts.values().stream().mapToInt(Integer::intValue).sum();
        // the tail keeps its place: 49 keeps its own 5 of 319 rows, each group its four
        assertEquals(5 / 319.0, counts.get("49") / drawn, 0.005);
        assertEquals(5 / 319.0, counts.get("0") / drawn, 0.005);
        for (int mean : TAIL_MEANS) {
            assertEquals(4 / 319.0, counts.get(Integer.toString(mean)) / drawn, 0.005);
        }
    }

    private static int binOf(double[] edges, double u) {
        int b = 0;
        while (edges[b] <= u) {
            b++;
        }
        return b;
    }

    @Test
    void aColumnOfMostlyOnceSeenNumbersKeepsNoValueSet() {
        String[] column = new String[300];
        for (int i = 0; i < column.length; i++) {
            column[i] = Integer.toString(2000 + 7 * i);
        }
        Marginal marginal = number(column).marginal();
        assertTrue(marginal instanceof ContinuousMarginal, "no value set to keep: continuous");
        Random random = new Random(5);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            seen.add(marginal.fromUniform(random.nextDouble(), random));
        }
        assertTrue(seen.stream().anyMatch(v -> (Integer.parseInt(v) - 2000) % 7 != 0), "values in between");
    }

    @Test
    void aSpikeIsOneBinAndSmallValuesShareBins() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            values.add("0");
        }
        for (int v = 1; v <= 100; v++) {
            for (int i = 0; i < 4; i++) {
                values.add(Integer.toString(v));
            }
        }
        DiscreteMarginal marginal = DiscreteMarginal.fitGrouped(values.toArray(String[]::new), 4, 50);
        double[] bins = marginal.bins(128);
        assertEquals(0.6, bins[0], 1e-12, "the spike at 0, six tenths of the rows, is one bin");
        // the other 400 rows in bins near a fiftieth of the column each: two or three values
        assertTrue(bins.length >= 1 + 15 && bins.length <= 1 + 25, "bins: " + bins.length);
        for (int b = 1; b < bins.length; b++) {
            assertTrue(bins[b] - bins[b - 1] < 0.04, "no bin holds many values");
        }
        assertEquals(1.0, bins[bins.length - 1]);
    }
}
