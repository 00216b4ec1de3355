package org.facsimile.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.facsimile.synth.argn.ArgnOptions;
import org.facsimile.synth.argn.ArgnSynthesizer;
import org.facsimile.synth.baseline.GaussianCopulaSynthesizer;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.CsvProblem;
import org.facsimile.synth.table.CsvTables;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Awkward tables run through the whole engine without failing, and say what they could not measure. */
class EdgeCasesTest {

    /** Every synthesizer the engine offers; the network with a short training budget. */
    static List<Synthesizer> synthesizers() {
        return List.of(
                new GaussianCopulaSynthesizer(),
                new ArgnSynthesizer(ArgnOptions.defaults().withMaxEpochs(3)));
    }

    private static RunReport run(Synthesizer synthesizer, String csv, List<String[]> out) throws Exception {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        TableSpec spec = CsvTables.inspect(new ByteArrayInputStream(bytes), "t.csv", StandardCharsets.UTF_8)
                .spec();
        Table table = CsvTables.read(new ByteArrayInputStream(bytes), "t.csv", spec);
        return new TableSynthesis(synthesizer)
                .run(table, spec, SynthesisSettings.defaults(), ProgressListener.NONE, out::add);
    }

    private static String rows(String header, int n, java.util.function.IntFunction<String> row) {
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (int i = 0; i < n; i++) {
            csv.append(row.apply(i)).append('\n');
        }
        return csv.toString();
    }

    @Test
    void zeroRowsAreRefusedWithAClearMessage() {
        CsvProblem problem =
                assertThrows(CsvProblem.class, () -> run(new GaussianCopulaSynthesizer(), "a,b\n", new ArrayList<>()));
        assertTrue(problem.getMessage().contains("no data rows"), problem.getMessage());
    }

    @ParameterizedTest
    @MethodSource("synthesizers")
    void anEmptyTableIsRefusedByEverySynthesizer(Synthesizer synthesizer) {
        TableSpec spec = new TableSpec(
                "t", List.of(new ColumnSpec("a", org.facsimile.synth.table.ColumnKind.CATEGORICAL, null)), List.of());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> synthesizer.fit(
                        new Table("t", List.of("a"), new ArrayList<>()),
                        spec,
                        SynthesisSettings.defaults(),
                        ProgressListener.NONE));
        assertTrue(e.getMessage().contains("no rows"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("synthesizers")
    void oneRow(Synthesizer synthesizer) throws Exception {
        List<String[]> out = new ArrayList<>();
        RunReport report = run(synthesizer, "a,b\n1,x\n", out);
        assertEquals(1, out.size());
        assertFalse(report.privacy().passed(), "too small to measure: not passed");
        assertTrue(report.privacy().reasons().get(0).contains("too small"));
    }

    @ParameterizedTest
    @MethodSource("synthesizers")
    void oneColumnAllEmptyAndConstantColumns(Synthesizer synthesizer) throws Exception {
        List<String[]> out = new ArrayList<>();
        run(synthesizer, rows("only", 200, i -> Integer.toString(i % 17)), out);
        assertEquals(200, out.size());

        out.clear();
        run(synthesizer, rows("empty,constant,x", 200, i -> ",NL," + (i % 5)), out);
        assertTrue(
                out.stream().allMatch(r -> r[0] == null && "NL".equals(r[1])),
                "empty stays empty, constant stays constant");
    }

    @ParameterizedTest
    @MethodSource("synthesizers")
    void aHundredThousandDistinctValuesAreNotReproduced(Synthesizer synthesizer) throws Exception {
        List<String[]> out = new ArrayList<>();
        run(synthesizer, rows("token,group", 100_000, i -> "tok" + i + "x," + (i % 3)), out);
        java.util.Set<String> real = new java.util.HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            real.add("tok" + i + "x");
        }
        long copied =
                out.stream().filter(r -> r[0] != null && real.contains(r[0])).count();
        assertEquals(0, copied, "no unique value of a real row is published");
    }

    @ParameterizedTest
    @MethodSource("synthesizers")
    void mixedTypesAndVeryLongStrings(Synthesizer synthesizer) throws Exception {
        List<String[]> out = new ArrayList<>();
        String longText = "w".repeat(100_000);
        run(
                synthesizer,
                rows(
                        "mixed,long",
                        300,
                        i -> (i % 2 == 0 ? Integer.toString(i) : "text" + (i % 7)) + ","
                                + (i % 10 == 0 ? longText : "short")),
                out);
        assertEquals(300, out.size());
    }

    @ParameterizedTest
    @MethodSource("synthesizers")
    void numbersBooleansAndDatesComeBackWrittenAsTheRealOnesAre(Synthesizer synthesizer) throws Exception {
        java.util.Random random = new java.util.Random(5);
        String csv = rows("price,share,smoker,seen", 400, i -> {
            long cents = (long) Math.exp(3 + 9 * random.nextDouble());
            String price = String.format(java.util.Locale.ROOT, "%,d.%02d", cents / 100, cents % 100);
            price = random.nextInt(10) == 0 ? "(\"$" + price + "\")" : "\"$" + price + "\"";
            String share = String.format(java.util.Locale.ROOT, "%.1f%%", random.nextDouble() * 100);
            String smoker = random.nextInt(3) == 0 ? "Y" : "N";
            String seen = String.format(
                    java.util.Locale.ROOT,
                    "%02d/%02d/%d",
                    1 + random.nextInt(28),
                    1 + random.nextInt(12),
                    1990 + random.nextInt(30));
            return price.replace("(\"$", "\"($").replace("\")", ")\"") + "," + share + "," + smoker + "," + seen;
        });
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        TableSpec spec = CsvTables.inspect(new ByteArrayInputStream(bytes), "t.csv", StandardCharsets.UTF_8)
                .spec();
        assertEquals("'$'#,##0.00;'($'#,##0.00')'", spec.column(0).format());
        assertEquals("0.0%", spec.column(1).format());
        assertEquals("Y|N", spec.column(2).format());
        assertEquals("dd/MM/yyyy", spec.column(3).format());
        List<String[]> out = new ArrayList<>();
        run(synthesizer, csv, out);
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        try (CsvTables.RowWriter writer = CsvTables.writer(written, spec)) {
            out.forEach(writer);
        }
        // every synthetic cell reads back through its column's format: none is left in the engine's form
        CsvTables.checkValues(new ByteArrayInputStream(written.toByteArray()), "synthetic.csv", spec);
        Table back = CsvTables.read(new ByteArrayInputStream(written.toByteArray()), "synthetic.csv", spec);
        assertEquals(out.size(), back.rowCount());
        assertTrue(back.rows().stream().anyMatch(r -> r[0].startsWith("-")), "negatives survive as negatives");
        assertTrue(back.rows().stream().allMatch(r -> Double.parseDouble(r[1]) <= 1.0), "a share is a fraction inside");
    }
}
