package org.facsimile.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.facsimile.synth.argn.ArgnOptions;
import org.facsimile.synth.argn.ArgnSynthesizer;
import org.facsimile.synth.baseline.GaussianCopulaSynthesizer;
import org.facsimile.synth.report.JsonReport;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.Test;

/** Seeded generation and rebalancing: given values hold, and the rest is drawn given them. */
class ConditionsTest {

    static final TableSpec SPEC = new TableSpec(
            "staff",
            List.of(
                    new ColumnSpec("id", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("site", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("role", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("years", ColumnKind.INTEGER, null)),
            List.of("id"));

    /** 15% of staff work at the lab, nearly all as technicians; the clinic has mostly nurses. */
    static Table staff() {
        Random random = new Random(3);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            boolean lab = random.nextDouble() < 0.15;
            String role = lab
                    ? (random.nextDouble() < 0.9 ? "technician" : "scientist")
                    : (random.nextDouble() < 0.8 ? "nurse" : "doctor");
            int years = lab ? 10 + random.nextInt(20) : random.nextInt(10);
            rows.add(new String[] {Integer.toString(i + 1), lab ? "lab" : "clinic", role, Integer.toString(years)});
        }
        return new Table("staff", SPEC.columnNames(), rows);
    }

    private static final ArgnSynthesizer ARGN =
            new ArgnSynthesizer(ArgnOptions.defaults().withMaxEpochs(8));

    @Test
    void seedRowsKeepTheirValuesAndTheRestFollowsThem() {
        List<Map<String, String>> seeds = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            seeds.add(Map.of("site", "lab"));
        }
        List<String[]> out = new ArrayList<>();
        RunReport report = new TableSynthesis(ARGN)
                .run(
                        staff(),
                        SPEC,
                        List.of(),
                        new Conditions(seeds, null),
                        SynthesisSettings.defaults(),
                        ProgressListener.NONE,
                        out::add);
        assertEquals(400, out.size(), "one row per seed");
        long technicians = out.stream().filter(r -> r[2].equals("technician")).count();
        long senior = out.stream().filter(r -> Integer.parseInt(r[3]) >= 10).count();
        for (String[] row : out) {
            assertEquals("lab", row[1]);
        }
        // unconditionally 13% of rows are technicians and 15% senior: given "lab", most are
        assertTrue(technicians > 0.6 * out.size(), "roles drawn given the site: " + technicians);
        assertTrue(senior > 0.6 * out.size(), "years drawn given the site: " + senior);
        assertEquals(400, report.conditioned().seededRows());
    }

    @Test
    void aRebalancedCategoryReachesItsShareAndKeepsItsOwnPattern() {
        List<String[]> out = new ArrayList<>();
        RunReport report = new TableSynthesis(ARGN)
                .run(
                        staff(),
                        SPEC,
                        List.of(),
                        new Conditions(List.of(), new Conditions.Rebalance("site", "lab", 0.5)),
                        SynthesisSettings.defaults(),
                        ProgressListener.NONE,
                        out::add);
        assertEquals(3_000, out.size());
        long lab = out.stream().filter(r -> r[1].equals("lab")).count();
        assertEquals(1_500, lab, "exactly half");
        long clinicNurses = out.stream()
                .filter(r -> r[1].equals("clinic") && r[2].equals("nurse"))
                .count();
        assertTrue(clinicNurses > 0.6 * (out.size() - lab), "the other rows as learnt: " + clinicNurses);
        Set<String> ids = new HashSet<>();
        out.forEach(r -> assertTrue(ids.add(r[0]), "fresh keys: " + r[0]));
        assertEquals(0.5, report.conditioned().achievedShare(), 1e-9);
        assertTrue(JsonReport.render("argn", List.of(report)).contains("\"achievedShare\""));
    }

    @Test
    void conditionsThatCannotBeUsedAreRefusedNamingTheColumn() {
        IllegalArgumentException unknown = assertThrows(
                IllegalArgumentException.class,
                () -> new Conditions(List.of(Map.of("wing", "east")), null).check(SPEC));
        assertTrue(unknown.getMessage().contains("seed row 1")
                && unknown.getMessage().contains("'wing'"));
        IllegalArgumentException key = assertThrows(
                IllegalArgumentException.class, () -> new Conditions(List.of(Map.of("id", "7")), null).check(SPEC));
        assertTrue(key.getMessage().contains("column id is not learnt"), key.getMessage());
        IllegalArgumentException numeric = assertThrows(
                IllegalArgumentException.class,
                () -> new Conditions(List.of(), new Conditions.Rebalance("years", "3", 0.5)).check(SPEC));
        assertTrue(numeric.getMessage().contains("only a category"), numeric.getMessage());
        IllegalArgumentException share = assertThrows(
                IllegalArgumentException.class,
                () -> new Conditions(List.of(), new Conditions.Rebalance("site", "lab", 1.5)).check(SPEC));
        assertTrue(share.getMessage().contains("between 0 and 1"), share.getMessage());
        IllegalArgumentException notANumber = assertThrows(
                IllegalArgumentException.class,
                () -> new Conditions(List.of(Map.of("years", "many")), null).check(SPEC));
        assertTrue(notANumber.getMessage().contains("column years"), notANumber.getMessage());
    }

    @Test
    void theBaselineSaysItCannotCondition() {
        UnsupportedOperationException e = assertThrows(
                UnsupportedOperationException.class,
                () -> new TableSynthesis(new GaussianCopulaSynthesizer())
                        .run(
                                staff(),
                                SPEC,
                                List.of(),
                                new Conditions(List.of(Map.of("site", "lab")), null),
                                SynthesisSettings.defaults(),
                                ProgressListener.NONE,
                                row -> {}));
        assertTrue(e.getMessage().contains("argn"), e.getMessage());
    }
}
