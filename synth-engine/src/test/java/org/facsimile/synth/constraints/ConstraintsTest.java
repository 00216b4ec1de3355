package org.facsimile.synth.constraints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.RunReport;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.Synthesizer;
import org.facsimile.synth.TableSynthesis;
import org.facsimile.synth.argn.ArgnOptions;
import org.facsimile.synth.argn.ArgnSynthesizer;
import org.facsimile.synth.baseline.GaussianCopulaSynthesizer;
import org.facsimile.synth.report.JsonReport;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of constraint holds on every synthetic row, each checked here on its own terms. */
class ConstraintsTest {

    static List<Synthesizer> synthesizers() {
        return List.of(
                new GaussianCopulaSynthesizer(),
                new ArgnSynthesizer(ArgnOptions.defaults().withMaxEpochs(3)));
    }

    private static final String[][] PLACES = {
        {"Utrecht", "Utrecht"},
        {"Amersfoort", "Utrecht"},
        {"Leiden", "Zuid-Holland"},
        {"Delft", "Zuid-Holland"},
        {"Gouda", "Zuid-Holland"},
        {"Zwolle", "Overijssel"},
        {"Deventer", "Overijssel"}
    };

    static final TableSpec SPEC = new TableSpec(
            "residents",
            List.of(
                    new ColumnSpec("id", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("born", ColumnKind.DATE, null),
                    new ColumnSpec("moved_in", ColumnKind.DATE, null),
                    new ColumnSpec("age", ColumnKind.INTEGER, null),
                    new ColumnSpec("city", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("province", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("rent", ColumnKind.DECIMAL, null),
                    new ColumnSpec("charges", ColumnKind.DECIMAL, null),
                    new ColumnSpec("total", ColumnKind.DECIMAL, null),
                    new ColumnSpec("benefit", ColumnKind.CATEGORICAL, null)),
            List.of("id"));

    static final List<String> RULES = List.of(
            "born < moved_in",
            "0 <= age <= 100",
            "fixed(city, province)",
            "total = rent + charges",
            "if age < 18 then benefit = 'child'");

    /** Rows that obey every rule, with a few missing values. */
    static Table residents(int n) {
        Random random = new Random(5);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate born = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(30_000));
            int age = 2025 - born.getYear();
            String[] place = PLACES[random.nextInt(PLACES.length)];
            BigDecimal rent =
                    BigDecimal.valueOf(400 + random.nextInt(1600)).add(BigDecimal.valueOf(random.nextInt(100), 2));
            BigDecimal charges =
                    BigDecimal.valueOf(20 + random.nextInt(200)).add(BigDecimal.valueOf(random.nextInt(100), 2));
            rows.add(new String[] {
                Integer.toString(i + 1),
                born.toString(),
                random.nextInt(20) == 0
                        ? null
                        : born.plusDays(1 + random.nextInt(20_000)).toString(),
                Integer.toString(age),
                place[0],
                place[1],
                rent.toPlainString(),
                charges.toPlainString(),
                rent.add(charges).toPlainString(),
                age < 18 ? "child" : random.nextBoolean() ? "none" : "housing"
            });
        }
        return new Table("residents", SPEC.columnNames(), rows);
    }

    @ParameterizedTest
    @MethodSource("synthesizers")
    void everyConstraintHoldsOnEverySyntheticRow(Synthesizer synthesizer) {
        Table real = residents(2_000);
        List<String[]> out = new ArrayList<>();
        RunReport report = new TableSynthesis(synthesizer)
                .run(real, SPEC, RULES, SynthesisSettings.defaults(), ProgressListener.NONE, out::add);
        assertEquals(2_000, out.size());
        Set<String> pairs = new HashSet<>();
        for (String[] p : PLACES) {
            pairs.add(p[0] + "/" + p[1]);
        }
        Set<String> ids = new HashSet<>();
        int movedIn = 0;
        for (String[] row : out) {
            assertTrue(ids.add(row[0]), "keys unique: " + row[0]);
            if (row[2] != null) {
                movedIn++;
                assertTrue(LocalDate.parse(row[1]).isBefore(LocalDate.parse(row[2])), row[1] + " < " + row[2]);
            }
            int age = Integer.parseInt(row[3]);
            assertTrue(age >= 0 && age <= 100, "age " + age);
            assertTrue(pairs.contains(row[4] + "/" + row[5]), "a seen pair: " + row[4] + "/" + row[5]);
            assertEquals(
                    0,
                    new BigDecimal(row[6]).add(new BigDecimal(row[7])).compareTo(new BigDecimal(row[8])),
                    row[6] + " + " + row[7] + " = " + row[8]);
            if (age < 18) {
                assertEquals("child", row[9]);
            }
        }
        assertTrue(movedIn > 1_500, "the inequality's column is not emptied: " + movedIn);

        Map<String, String> methods = new HashMap<>();
        for (Constraints.Enforcement e : report.constraints()) {
            methods.put(e.constraint(), e.method());
            assertEquals(1.0, e.syntheticSatisfiedShare(), e.constraint());
            assertEquals(0.0, e.realViolationShare(), e.constraint());
        }
        assertEquals(Constraints.Enforcement.DIFFERENCE, methods.get("born < moved_in"));
        assertEquals(Constraints.Enforcement.COMBINED, methods.get("fixed(city, province)"));
        assertEquals(Constraints.Enforcement.COMPUTED, methods.get("total = rent + charges"));
        assertEquals(Constraints.Enforcement.REDRAWN, methods.get("if age < 18 then benefit = 'child'"));
        String json = JsonReport.render(synthesizer.name(), List.of(report));
        assertTrue(json.contains("\"syntheticRowsObeyingIt\""), json);
    }

    @Test
    void aRuleTheDataBreaksOftenIsStillObeyedByRedrawing() {
        Table real = residents(1_000);
        List<String[]> out = new ArrayList<>();
        RunReport report = new TableSynthesis(new GaussianCopulaSynthesizer())
                .run(
                        real,
                        SPEC,
                        List.of("if city = 'Leiden' then age >= 60"),
                        SynthesisSettings.defaults(),
                        ProgressListener.NONE,
                        out::add);
        assertEquals(1_000, out.size());
        for (String[] row : out) {
            assertTrue(!row[4].equals("Leiden") || Integer.parseInt(row[3]) >= 60, String.join(",", row));
        }
        Constraints.Enforcement e = report.constraints().get(0);
        assertTrue(e.realViolationShare() > 0.05, "the real rows break it: " + e);
        assertTrue(e.redrawn() > 0, "so rows were redrawn: " + e);
        assertEquals(1.0, e.syntheticSatisfiedShare());
    }

    @Test
    void rulesNoRowCanMeetAreReportedNotLoopedOn() {
        Table real = residents(300);
        ConstraintProblem p = assertThrows(
                ConstraintProblem.class,
                () -> new TableSynthesis(new GaussianCopulaSynthesizer())
                        .run(
                                real,
                                SPEC,
                                List.of("if age >= 0 then rent < 1"),
                                SynthesisSettings.defaults(),
                                ProgressListener.NONE,
                                row -> {}));
        assertTrue(p.getMessage().contains("refuse nearly every generated row"), p.getMessage());
        assertTrue(p.getMessage().contains("rent < 1"), p.getMessage());
    }
}
