package org.facsimile.synth.argn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.facsimile.synth.Generator;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.Step;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.Synthesizer;
import org.facsimile.synth.baseline.GaussianCopulaSynthesizer;
import org.facsimile.synth.model.ModelArtefact;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArgnSynthesizerTest {

    static final TableSpec SPEC = new TableSpec(
            "visits",
            List.of(
                    new ColumnSpec("id", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("ward", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("treatment", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("stay", ColumnKind.DECIMAL, null),
                    new ColumnSpec("smoker", ColumnKind.BOOLEAN, null)),
            List.of("id"));

    static final String[] WARDS = {"cardio", "neuro", "ortho", "onco"};
    static final String[] TREATMENTS = {"stent", "scan", "cast", "chemo"};

    /**
     * A table whose columns depend on each other in ways no pairwise linear model captures: the
     * treatment follows the ward (90%), the length of stay depends on the treatment, the smoker
     * flag is missing for a fifth of rows, and only in the cardio ward are most patients smokers.
     */
    static Table visits(int n, long seed) {
        Random random = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int ward = random.nextInt(WARDS.length);
            int treatment = random.nextDouble() < 0.9 ? ward : random.nextInt(TREATMENTS.length);
            double stay = (treatment + 1) * 3 + random.nextGaussian();
            String smoker =
                    random.nextDouble() < 0.2 ? null : Boolean.toString(random.nextDouble() < (ward == 0 ? 0.8 : 0.1));
            rows.add(new String[] {
                Integer.toString(i + 1),
                WARDS[ward],
                TREATMENTS[treatment],
                String.format(java.util.Locale.ROOT, "%.2f", stay),
                smoker
            });
        }
        return new Table("visits", SPEC.columnNames(), rows);
    }

    /** Short training: the tests check behaviour, the benchmark checks quality at full length. */
    static final ArgnOptions QUICK = new ArgnOptions(8, 64, 32, 30, 60, 5e-3f, 1e-4f, 3);

    static Table real;
    static Generator trained;
    static List<String> messages = new ArrayList<>();
    static List<Double> trainingDone = new ArrayList<>();

    @BeforeAll
    static void train() {
        real = visits(4000, 3);
        trained = new ArgnSynthesizer(QUICK).fit(real, SPEC, SynthesisSettings.defaults(), new ProgressListener() {
            @Override
            public void stepStarted(Step step, String message) {
                messages.add(step + " " + message);
            }

            @Override
            public void stepAdvanced(Step step, double done, String message) {
                stepStarted(step, message);
                if (step == Step.TRAINING) {
                    trainingDone.add(done);
                }
            }
        });
    }

    @Test
    void trainingSaysHowFarItHasComeAfterEachEpoch() {
        assertTrue(trainingDone.size() >= 2, "a fraction per epoch: " + trainingDone);
        for (int i = 0; i < trainingDone.size(); i++) {
            double done = trainingDone.get(i);
            assertTrue(done > 0 && done <= 1, trainingDone.toString());
            assertTrue(i == 0 || done >= trainingDone.get(i - 1), "it only grows: " + trainingDone);
        }
    }

    static List<String[]> generate(Generator generator, long rows, long seed) {
        List<String[]> out = new ArrayList<>();
        generator.generate(rows, seed, out::add);
        return out;
    }

    /** Of the rows whose ward is {@code ward}, the share with the ward's own treatment. */
    static double treatmentFollowsWard(List<String[]> rows) {
        int matching = 0;
        for (String[] row : rows) {
            matching += Arrays.asList(WARDS).indexOf(row[1])
                            == Arrays.asList(TREATMENTS).indexOf(row[2])
                    ? 1
                    : 0;
        }
        return matching / (double) rows.size();
    }

    static double meanStay(List<String[]> rows, String treatment) {
        return rows.stream()
                .filter(r -> treatment.equals(r[2]))
                .mapToDouble(r -> Double.parseDouble(r[3]))
                .average()
                .orElse(Double.NaN);
    }

    static double smokerShare(List<String[]> rows, String ward) {
        return rows.stream()
                        .filter(r -> ward.equals(r[1]) && "true".equals(r[4]))
                        .count()
                / (double) rows.stream()
                        .filter(r -> ward.equals(r[1]) && r[4] != null)
                        .count();
    }

    @Test
    void keepsTheDependenciesBetweenColumns() {
        List<String[]> synthetic = generate(trained, 4000, 11);
        // real: 0.9 + 0.1 * 0.25 = 0.925; independent columns would give about 0.25
        assertTrue(
                treatmentFollowsWard(synthetic) > 0.85, "treatment follows ward: " + treatmentFollowsWard(synthetic));
        for (int t = 0; t < TREATMENTS.length; t++) {
            double expected = meanStay(real.rows(), TREATMENTS[t]);
            double actual = meanStay(synthetic, TREATMENTS[t]);
            assertEquals(expected, actual, 0.8, "mean stay after " + TREATMENTS[t]);
        }
        assertEquals(0.8, smokerShare(synthetic, "cardio"), 0.08);
        assertEquals(0.1, smokerShare(synthetic, "neuro"), 0.06);
    }

    @Test
    void theBaselineDoesNotKeepThemSoTheTestCanFail() {
        Generator baseline =
                new GaussianCopulaSynthesizer().fit(real, SPEC, SynthesisSettings.defaults(), ProgressListener.NONE);
        List<String[]> synthetic = generate(baseline, 4000, 11);
        assertTrue(
                Math.abs(smokerShare(synthetic, "cardio") - 0.8) > 0.08 || treatmentFollowsWard(synthetic) <= 0.85,
                "the baseline's copula is not expected to capture these categorical dependencies");
    }

    @Test
    void missingValuesComeBackAtTheirRateAndIdentifiersAreFresh() {
        List<String[]> synthetic = generate(trained, 4000, 12);
        long missing = synthetic.stream().filter(r -> r[4] == null).count();
        assertEquals(0.2, missing / 4000.0, 0.03);
        Set<String> ids = new HashSet<>();
        synthetic.forEach(r -> ids.add(r[0]));
        assertEquals(4000, ids.size());
        Set<String> wards = new HashSet<>();
        synthetic.forEach(r -> wards.add(r[1]));
        assertEquals(Set.of(WARDS), wards, "no invented categories, none lost");
    }

    @Test
    void reportsEpochsAndWhyTrainingStopped() {
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(Step.PROFILING.name())));
        assertTrue(messages.stream().anyMatch(m -> m.matches("TRAINING epoch 1 of \\d+: training loss .*")));
        assertTrue(
                messages.stream().anyMatch(m -> m.matches("TRAINING trained \\d+ epochs \\(.+\\).*")),
                messages.toString());
    }

    @Test
    void generationIsReproducibleAndDependsOnTheSeed() {
        assertEquals(
                generate(trained, 300, 5).stream().map(Arrays::toString).toList(),
                generate(trained, 300, 5).stream().map(Arrays::toString).toList());
        assertFalse(generate(trained, 300, 5).stream()
                .map(Arrays::toString)
                .toList()
                .equals(generate(trained, 300, 6).stream().map(Arrays::toString).toList()));
    }

    @Test
    void trainingIsReproducibleWithTheSameSeed() {
        Table small = visits(300, 4);
        ArgnOptions twoBatches = new ArgnOptions(4, 16, 8, 1, 60, 1e-2f, 1e-4f, 1);
        Generator a =
                new ArgnSynthesizer(twoBatches).fit(small, SPEC, SynthesisSettings.defaults(), ProgressListener.NONE);
        Generator b =
                new ArgnSynthesizer(twoBatches).fit(small, SPEC, SynthesisSettings.defaults(), ProgressListener.NONE);
        assertEquals(
                generate(a, 200, 1).stream().map(Arrays::toString).toList(),
                generate(b, 200, 1).stream().map(Arrays::toString).toList());
    }

    @Test
    void aSavedModelGeneratesTheSameRowsWithoutTheTrainingData() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ModelArtefact.write(file, ArgnSynthesizer.NAME, SPEC, trained);
        String bytes = file.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("4000"), "the last real id is not in the model");

        ModelArtefact.Loaded loaded = ModelArtefact.read(new ByteArrayInputStream(file.toByteArray()));
        assertEquals(ArgnSynthesizer.NAME, loaded.synthesizer());
        assertEquals(
                generate(trained, 500, 3).stream().map(Arrays::toString).toList(),
                generate(loaded.generator(), 500, 3).stream()
                        .map(Arrays::toString)
                        .toList());
    }

    @Test
    void aDamagedModelIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        trained.write(out);
        byte[] bytes = out.toByteArray();
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
        Synthesizer synthesizer = new ArgnSynthesizer();
        assertThrows(IOException.class, () -> synthesizer.read(new ByteArrayInputStream(truncated)));
        byte[] wrongFormat = bytes.clone();
        wrongFormat[3] = 99;
        assertThrows(IOException.class, () -> synthesizer.read(new ByteArrayInputStream(wrongFormat)));
    }

    @Test
    void aLowTemperatureFavoursTheLikelierValues() {
        ArgnGenerator generator = (ArgnGenerator) trained;
        double asLearnt = treatmentFollowsWard(generate(generator, 3000, 8));
        double sharp = treatmentFollowsWard(generate(generator.withSampling(0.3, 1.0), 3000, 8));
        assertTrue(sharp > asLearnt + 0.03, "sharp " + sharp + " vs " + asLearnt);
        assertTrue(treatmentFollowsWard(generate(generator.withSampling(1.0, 0.5), 3000, 8)) > 0.97);
    }

    @Test
    void topPDrawsOnlyFromTheNucleus() {
        float[] probabilities = {0.1f, 0.6f, 0.3f};
        Random random = new Random(1);
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            counts.merge(ArgnSampler.draw(probabilities, 0, 3, 0.8, random), 1, Integer::sum);
        }
        assertEquals(Set.of(1, 2), counts.keySet());
        assertEquals(2.0, counts.get(1) / (double) counts.get(2), 0.3);
        for (int i = 0; i < 200; i++) {
            assertEquals(1, ArgnSampler.draw(probabilities, 0, 3, 0.5, random));
        }
    }

    @Test
    void datesKeepTheirCalendarPatterns() {
        TableSpec spec = new TableSpec(
                "stays",
                List.of(
                        new ColumnSpec("admitted", ColumnKind.DATETIME, null),
                        new ColumnSpec("ward", ColumnKind.CATEGORICAL, null)),
                List.of());
        // admissions in the first week of a month, 2019-2023; ward a in the morning, b at noon
        Random random = new Random(5);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            boolean a = random.nextBoolean();
            java.time.LocalDateTime at = java.time.LocalDateTime.of(
                    2019 + random.nextInt(5),
                    1 + random.nextInt(12),
                    1 + random.nextInt(7),
                    a ? 8 + random.nextInt(2) : 12,
                    random.nextInt(60),
                    random.nextInt(60));
            String value = random.nextDouble() < 0.1 ? null : at.toString().replace('T', ' ');
            rows.add(new String[] {value, a ? "a" : "b"});
        }
        Table stays = new Table("stays", spec.columnNames(), rows);
        List<String[]> synthetic = generate(
                new ArgnSynthesizer(QUICK).fit(stays, spec, SynthesisSettings.defaults(), ProgressListener.NONE),
                3000,
                4);
        List<java.time.LocalDateTime> dates = new ArrayList<>();
        long morningInA = 0;
        long inA = 0;
        for (String[] row : synthetic) {
            if (row[0] == null) {
                continue;
            }
            assertTrue(row[0].matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), row[0]);
            java.time.LocalDateTime at = java.time.LocalDateTime.parse(row[0].replace(' ', 'T'));
            dates.add(at);
            if (row[1].equals("a")) {
                inA++;
                morningInA += at.getHour() < 10 ? 1 : 0;
            }
        }
        assertEquals(0.9, dates.size() / 3000.0, 0.03, "missing values at their rate");
        assertTrue(
                dates.stream().filter(d -> d.getDayOfMonth() <= 7).count() > 0.95 * dates.size(),
                "first-week admissions stay in the first week");
        assertTrue(
                dates.stream()
                                .filter(d -> d.getHour() == 8 || d.getHour() == 9 || d.getHour() == 12)
                                .count()
                        > 0.95 * dates.size(),
                "the hours of admission are kept");
        assertTrue(morningInA > 0.85 * inA, "ward a admits in the morning: " + morningInA + " of " + inA);
        assertTrue(dates.stream().allMatch(d -> d.getYear() >= 2019 && d.getYear() <= 2023));
    }

    @Test
    void aTableOfUnlearntColumnsNeedsNoNetwork() {
        TableSpec spec = new TableSpec(
                "keys",
                List.of(
                        new ColumnSpec("id", ColumnKind.IDENTIFIER, null),
                        new ColumnSpec("note", ColumnKind.EMPTY, null)),
                List.of("id"));
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(new String[] {"k" + i, null});
        }
        Generator generator = new ArgnSynthesizer()
                .fit(
                        new Table("keys", spec.columnNames(), rows),
                        spec,
                        SynthesisSettings.defaults(),
                        ProgressListener.NONE);
        List<String[]> out = generate(generator, 5, 1);
        assertEquals(5, out.size());
        assertNotNull(out.get(4)[0]);
    }
}
