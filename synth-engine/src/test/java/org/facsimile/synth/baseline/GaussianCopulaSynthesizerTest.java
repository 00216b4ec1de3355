package org.facsimile.synth.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.facsimile.synth.Generator;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.Step;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.Test;

public class GaussianCopulaSynthesizerTest {

    /** id, height (correlated with weight), weight, colour (with missing and a rare value), joined (date). */
    public static Table sample(int n, long seed) {
        Random random = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double height = 170 + 10 * random.nextGaussian();
            double weight = 0.9 * (height - 170) + 70 + 4 * random.nextGaussian();
            String colour = random.nextDouble() < 0.15 ? null : random.nextDouble() < 0.6 ? "red" : "blue";
            if (i == 7) {
                colour = "ultraviolet"; // one person's rare category
            }
            if (i == 11) {
                height = 250; // one person's extreme value
            }
            String joined = java.time.LocalDate.of(2020, 1, 1)
                    .plusDays(random.nextInt(365))
                    .toString();
            rows.add(new String[] {
                Integer.toString(1000 + i),
                String.format(java.util.Locale.ROOT, "%.1f", height),
                Long.toString(Math.round(weight)),
                colour,
                joined
            });
        }
        return new Table("people", List.of("id", "height", "weight", "colour", "joined"), rows);
    }

    static TableSpec spec() {
        return new TableSpec(
                "people",
                List.of(
                        new ColumnSpec("id", ColumnKind.IDENTIFIER, null),
                        new ColumnSpec("height", ColumnKind.DECIMAL, null),
                        new ColumnSpec("weight", ColumnKind.INTEGER, null),
                        new ColumnSpec("colour", ColumnKind.CATEGORICAL, null),
                        new ColumnSpec("joined", ColumnKind.DATE, null)),
                List.of("id"));
    }

    private static List<String[]> generate(Generator generator, long rows, long seed) {
        List<String[]> out = new ArrayList<>();
        generator.generate(rows, seed, out::add);
        return out;
    }

    @Test
    void keepsMarginalsMissingRateAndCorrelation() {
        Table real = sample(4000, 1);
        List<Step> steps = new ArrayList<>();
        Generator generator = new GaussianCopulaSynthesizer()
                .fit(real, spec(), SynthesisSettings.defaults(), (step, m) -> steps.add(step));
        assertEquals(List.of(Step.PROFILING, Step.TRAINING), steps);
        List<String[]> synthetic = generate(generator, 4000, 7);
        assertEquals(4000, synthetic.size());

        double realMissing = real.rows().stream().filter(r -> r[3] == null).count() / 4000.0;
        double synthMissing = synthetic.stream().filter(r -> r[3] == null).count() / 4000.0;
        assertEquals(realMissing, synthMissing, 0.03, "missing share of colour");

        double realRed = real.rows().stream().filter(r -> "red".equals(r[3])).count() / 4000.0;
        double synthRed = synthetic.stream().filter(r -> "red".equals(r[3])).count() / 4000.0;
        assertEquals(realRed, synthRed, 0.03, "share of red");

        double realCorr = correlation(real.rows(), 1, 2);
        double synthCorr = correlation(synthetic, 1, 2);
        assertTrue(realCorr > 0.8, "the sample is correlated: " + realCorr);
        assertEquals(realCorr, synthCorr, 0.08, "height/weight correlation");

        for (String[] row : synthetic) {
            assertTrue(row[1].matches("[0-9]+\\.[0-9]"), "decimal keeps one digit: " + row[1]);
            assertTrue(row[2].matches("[0-9]+"), "integer stays integer: " + row[2]);
            assertTrue(row[4].matches("2020-[0-9]{2}-[0-9]{2}"), "date keeps its format and range: " + row[4]);
        }
    }

    @Test
    void protectsRareCategoriesAndExtremes() {
        Table real = sample(2000, 2);
        List<String[]> synthetic = generate(
                new GaussianCopulaSynthesizer().fit(real, spec(), SynthesisSettings.defaults(), ProgressListener.NONE),
                20000,
                3);
        assertFalse(
                synthetic.stream().anyMatch(r -> "ultraviolet".equals(r[3])),
                "a category seen once is never published");
        double maxHeight = synthetic.stream()
                .filter(r -> r[1] != null)
                .mapToDouble(r -> Double.parseDouble(r[1]))
                .max()
                .orElseThrow();
        assertTrue(maxHeight < 240, "the single extreme height is clipped, max was " + maxHeight);
    }

    @Test
    void identifiersAreFreshAndUnique() {
        Table real = sample(500, 3);
        List<String[]> synthetic = generate(
                new GaussianCopulaSynthesizer().fit(real, spec(), SynthesisSettings.defaults(), ProgressListener.NONE),
                800,
                1);
        Set<String> ids = new HashSet<>();
        for (String[] row : synthetic) {
            assertTrue(ids.add(row[0]), "unique id");
        }
        assertEquals(800, ids.size());
    }

    @Test
    void seededRunsAreReproducible() {
        Table real = sample(500, 4);
        GaussianCopulaSynthesizer synthesizer = new GaussianCopulaSynthesizer();
        List<String[]> a =
                generate(synthesizer.fit(real, spec(), SynthesisSettings.defaults(), ProgressListener.NONE), 100, 9);
        List<String[]> b =
                generate(synthesizer.fit(real, spec(), SynthesisSettings.defaults(), ProgressListener.NONE), 100, 9);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(java.util.Arrays.asList(a.get(i)), java.util.Arrays.asList(b.get(i)));
        }
    }

    private static double correlation(List<String[]> rows, int a, int b) {
        double[] x = rows.stream()
                .filter(r -> r[a] != null && r[b] != null)
                .mapToDouble(r -> Double.parseDouble(r[a]))
                .toArray();
        double[] y = rows.stream()
                .filter(r -> r[a] != null && r[b] != null)
                .mapToDouble(r -> Double.parseDouble(r[b]))
                .toArray();
        double mx = java.util.Arrays.stream(x).average().orElse(0);
        double my = java.util.Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
