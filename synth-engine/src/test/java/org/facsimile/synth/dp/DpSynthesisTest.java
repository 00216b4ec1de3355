package org.facsimile.synth.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.facsimile.synth.Generator;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.RunReport;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.argn.ArgnOptions;
import org.facsimile.synth.argn.ArgnSynthesizer;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.Test;

/** DP-SGD and private value protection: the budget holds, and the model still learns. */
class DpSynthesisTest {

    static final TableSpec SPEC = new TableSpec(
            "people",
            List.of(
                    new ColumnSpec("id", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("sector", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("grade", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("salary", ColumnKind.INTEGER, null)),
            List.of("id"));

    /** Public sector staff are mostly grade A with lower pay; private sector mostly B with higher. */
    static Table people(int rows, Random random) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            boolean publicSector = random.nextDouble() < 0.5;
            String grade = random.nextDouble() < 0.9 ? (publicSector ? "A" : "B") : (publicSector ? "B" : "A");
            int salary = publicSector ? 30_000 + random.nextInt(10_000) : 60_000 + random.nextInt(20_000);
            out.add(new String[] {
                Integer.toString(i + 1), publicSector ? "public" : "private", grade, Integer.toString(salary)
            });
        }
        // one person with a category nobody else has: value protection must not publish it
        out.add(new String[] {Integer.toString(rows + 1), "monastery", "A", "12000"});
        return new Table("people", SPEC.columnNames(), out);
    }

    @Test
    void trainingStopsWithinTheBudgetAndStillLearnsTheRelation() {
        DifferentialPrivacy budget = DifferentialPrivacy.of(4, 1e-5);
        SynthesisSettings settings = SynthesisSettings.defaults().withPrivacy(budget);
        Generator generator = new ArgnSynthesizer(ArgnOptions.defaults())
                .fit(people(6_000, new Random(1)), SPEC, settings, ProgressListener.NONE);
        PrivacySpent spent = generator.privacySpent();
        assertNotNull(spent, "a private fit says what it spent");
        assertTrue(spent.epsilon() <= 4 + 1e-9, "within the budget: " + spent);
        assertTrue(spent.epsilon() > 3, "and most of it used: " + spent);
        assertTrue(spent.steps() > 100, "steps taken: " + spent);
        assertTrue(spent.stopReason().contains("privacy budget"), spent.stopReason());
        assertEquals(1e-5, spent.delta());

        List<String[]> rows = new ArrayList<>();
        generator.generate(4_000, 7, rows::add);
        Set<String> sectors = new HashSet<>();
        int agreeing = 0;
        int paidAsSector = 0;
        for (String[] r : rows) {
            sectors.add(r[1]);
            boolean publicSector = "public".equals(r[1]);
            agreeing += publicSector == "A".equals(r[2]) ? 1 : 0;
            paidAsSector += r[3] != null && publicSector == Integer.parseInt(r[3]) < 50_000 ? 1 : 0;
        }
        assertTrue(!sectors.contains("monastery"), "a category of one person is not published: " + sectors);
        // independent columns would agree half the time; the real rows do 90% and 100%
        assertTrue(agreeing > 0.7 * rows.size(), "grade follows sector: " + agreeing);
        assertTrue(paidAsSector > 0.7 * rows.size(), "salary follows sector: " + paidAsSector);
    }

    @Test
    void withTheNoiseSetASmallerBudgetStopsSooner() {
        Table table = people(3_000, new Random(2));
        PrivacySpent small = new ArgnSynthesizer()
                .fit(
                        table,
                        SPEC,
                        SynthesisSettings.defaults().withPrivacy(new DifferentialPrivacy(1, 1e-5, 1.5, 1, 0.1)),
                        ProgressListener.NONE)
                .privacySpent();
        PrivacySpent large = new ArgnSynthesizer()
                .fit(
                        table,
                        SPEC,
                        SynthesisSettings.defaults().withPrivacy(new DifferentialPrivacy(3, 1e-5, 1.5, 1, 0.1)),
                        ProgressListener.NONE)
                .privacySpent();
        assertTrue(small.steps() < large.steps(), small + " vs " + large);
        assertTrue(small.epsilon() <= 1 + 1e-9 && large.epsilon() <= 3 + 1e-9);
        assertEquals(1.5, small.noiseMultiplier());
    }

    @Test
    void theChosenNoiseIsTheLeastThatFitsThePlannedEpochs() {
        DifferentialPrivacy budget = DifferentialPrivacy.of(2, 1e-6);
        double q = 0.01;
        long steps = 1_000;
        double sigma = budget.noiseFor(q, steps);
        assertTrue(sigma > DifferentialPrivacy.LEAST_CHOSEN_NOISE, "a tight budget needs more noise: " + sigma);
        assertTrue(budget.epsilonAfter(q, sigma, steps) <= 2);
        assertTrue(budget.epsilonAfter(q, sigma / 1.02, steps) > 2, "sigma " + sigma);
        // a budget with room for more at unit noise keeps unit noise and trains longer
        assertEquals(
                DifferentialPrivacy.LEAST_CHOSEN_NOISE,
                DifferentialPrivacy.of(20, 1e-6).noiseFor(q, steps));
        assertEquals(0.7, new DifferentialPrivacy(2, 1e-6, 0.7, 1, 0.1).noiseFor(q, steps), "a set noise is kept");
    }

    @Test
    void freeTextIsRefusedUnderDifferentialPrivacy() {
        TableSpec spec = new TableSpec(
                "notes",
                List.of(
                        new ColumnSpec("id", ColumnKind.IDENTIFIER, null),
                        new ColumnSpec("note", ColumnKind.TEXT, null)),
                List.of("id"));
        Table table = new Table("notes", spec.columnNames(), List.<String[]>of(new String[] {"1", "hello there"}));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new ArgnSynthesizer()
                        .fit(
                                table,
                                spec,
                                SynthesisSettings.defaults().withPrivacy(DifferentialPrivacy.of(1, 1e-5)),
                                ProgressListener.NONE));
        assertTrue(e.getMessage().contains("column note holds free text"), e.getMessage());
    }

    @Test
    void theReportStatesTheGuaranteeAndUncoveredRulesAreRefused() {
        Table table = people(3_000, new Random(3));
        SynthesisSettings settings = SynthesisSettings.defaults().withPrivacy(DifferentialPrivacy.of(2, 1e-6));
        org.facsimile.synth.TableSynthesis synthesis = new org.facsimile.synth.TableSynthesis(new ArgnSynthesizer());
        RunReport report = synthesis.run(table, SPEC, settings, ProgressListener.NONE, row -> {});
        PrivacySpent spent = report.differentialPrivacy();
        assertNotNull(spent);
        assertTrue(spent.epsilon() <= 2 + 1e-9);
        assertEquals(spent.budget().valuesAlone(), spent.valueEpsilon(), 1e-12);
        assertTrue(spent.valueNoise() > 1, "counts read with noise: " + spent.valueNoise());
        String json = org.facsimile.synth.report.JsonReport.render("argn", List.of(report));
        assertTrue(json.contains("\"differentialPrivacy\""), json);
        String html = org.facsimile.synth.report.HtmlReport.render("people", "argn", List.of(report));
        assertTrue(html.contains("-differentially private with respect to adding or removing one row"));

        org.facsimile.synth.constraints.ConstraintProblem fixed = assertThrows(
                org.facsimile.synth.constraints.ConstraintProblem.class,
                () -> synthesis.run(
                        table, SPEC, List.of("fixed(sector, grade)"), settings, ProgressListener.NONE, row -> {}));
        assertTrue(fixed.getMessage().contains("differential privacy"), fixed.getMessage());
    }
}
