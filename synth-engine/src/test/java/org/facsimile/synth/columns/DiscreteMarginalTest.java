package org.facsimile.synth.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How a numeric column's rare values are published: folded onto a neighbour, or in groups. */
class DiscreteMarginalTest {

    private static final int THRESHOLD = 4;

    /** Counts of each value. */
    private static Map<String, Integer> counts(List<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts;
    }

    /** The whole numbers from {@code from} up to {@code to} (excluded), each {@code times} times. */
    private static List<String> wholeNumbers(int from, int to, int times) {
        List<String> values = new ArrayList<>();
        for (int v = from; v < to; v++) {
            for (int i = 0; i < times; i++) {
                values.add(Integer.toString(v));
            }
        }
        return values;
    }

    /**
     * Whole miles per gallon 10-29, seen eight times each (160 rows), then 40 unique decimals from
     * 30.1 up: a fifth of the rows, none seen twice (the shape of cars' column).
     */
    private static List<String> milesPerGallon() {
        List<String> values = wholeNumbers(10, 30, 8);
        for (int i = 0; i < 40; i++) {
            values.add(String.format(java.util.Locale.ROOT, "%.1f", 30.1 + 0.4 * i));
        }
        return values;
    }

    @Test
    void aTailOfUniqueValuesIsPublishedInGroupsNotFoldedOntoTheLastCommonValue() {
        List<String> values = milesPerGallon();
        List<Map.Entry<String, Integer>> published = DiscreteMarginal.foldRareNumbers(counts(values), THRESHOLD);

        int above30 = published.stream()
                .filter(e -> Double.parseDouble(e.getKey()) > 30)
                .mapToInt(Map.Entry::getValue)
                .sum();
        assertEquals(40, above30, "the tail keeps its rows above 30");
        assertEquals(
                10,
                published.stream()
                        .filter(e -> Double.parseDouble(e.getKey()) > 30)
                        .count());
        for (Map.Entry<String, Integer> e : published) {
            assertTrue(e.getValue() >= THRESHOLD, e + " stands for fewer rows than the threshold");
        }
        assertEquals(
                values.size(), published.stream().mapToInt(Map.Entry::getValue).sum());
        // each group of four unique values is published as its mean, to the values' one decimal:
        // 30.1, 30.5, 30.9 and 31.3 make 30.7, a value no one has
        assertEquals("30.7", published.get(20).getKey());
        assertEquals("45.1", published.get(29).getKey());
    }

    @Test
    void aFewOddValuesBesideCommonOnesFoldOntoTheNearest() {
        List<String> values = wholeNumbers(0, 40, 10);
        values.add("12.4");
        values.add("20.2");
        values.add("39.9");
        List<Map.Entry<String, Integer>> published = DiscreteMarginal.foldRareNumbers(counts(values), THRESHOLD);

        assertEquals(40, published.size(), "no value but the common ones is published");
        Map<String, Integer> byValue = new HashMap<>();
        published.forEach(e -> byValue.put(e.getKey(), e.getValue()));
        assertEquals(11, byValue.get("12"));
        assertEquals(11, byValue.get("20"));
        assertEquals(11, byValue.get("39"));
        assertEquals(
                values.size(), published.stream().mapToInt(Map.Entry::getValue).sum());
    }

    @Test
    void aRunTooSmallForAGroupOfTheThresholdFolds() {
        // 200 common rows and a tail of three unique values: fewer rows than one group holds
        List<String> values = wholeNumbers(0, 20, 10);
        values.add("100");
        values.add("101");
        values.add("102");
        List<Map.Entry<String, Integer>> published = DiscreteMarginal.foldRareNumbers(counts(values), THRESHOLD);

        assertEquals("19", published.get(published.size() - 1).getKey(), "no one's extreme value is published");
        assertEquals(13, published.get(published.size() - 1).getValue());
    }

    @Test
    void aColumnOfUniqueValuesBecomesTheMeansOfGroupsOfNeighbours() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            values.add(Integer.toString(1000 + 37 * ((i * 53) % 101)));
        }
        List<Map.Entry<String, Integer>> published = DiscreteMarginal.foldRareNumbers(counts(values), THRESHOLD);

        // 101 rows in groups of four, the last taking the odd one: 25 values
        assertEquals(25, published.size());
        assertEquals(5, published.get(24).getValue());
        // 1000, 1037, 1074 and 1111 make 1055.5, to the even whole number
        assertEquals("1056", published.get(0).getKey());
        for (int i = 1; i < published.size(); i++) {
            assertTrue(Double.parseDouble(published.get(i - 1).getKey())
                    < Double.parseDouble(published.get(i).getKey()));
        }
    }

    @Test
    void theMarginalDrawsTheGroupedTailInItsRealShare() {
        List<String> values = milesPerGallon();
        DiscreteMarginal marginal = DiscreteMarginal.fit(values.toArray(String[]::new), true, THRESHOLD);
        Random random = new Random(5);
        int above = 0;
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            if (Double.parseDouble(marginal.fromUniform(random.nextDouble(), random)) > 30) {
                above++;
            }
        }
        assertEquals(0.2, above / (double) draws, 0.01);
    }

    @Test
    void aGroupOfDatesIsPublishedAsItsMiddleDateAndOfNumbersAsTheirMean() {
        List<Map.Entry<String, Integer>> group =
                List.of(Map.entry("2001-03-01", 1), Map.entry("2001-03-05", 2), Map.entry("2001-04-20", 1));
        assertEquals("2001-03-05", DiscreteMarginal.representative(group, 4));
        // numbers: 7.25 written to the most precise value's one decimal, half to even
        assertEquals("7.2", DiscreteMarginal.representative(List.of(Map.entry("7", 3), Map.entry("8.0", 1)), 4));
    }
}
