package org.facsimile.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.facsimile.synth.baseline.GaussianCopulaSynthesizer;
import org.facsimile.synth.table.CsvTables;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.Test;

/** Awkward tables run through the whole engine without failing, and say what they could not measure. */
class EdgeCasesTest {

    private static TableSynthesis.Report run(String csv, List<String[]> out) throws Exception {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        TableSpec spec = CsvTables.inspect(new ByteArrayInputStream(bytes), "t.csv", StandardCharsets.UTF_8)
                .spec();
        Table table = CsvTables.read(new ByteArrayInputStream(bytes), "t.csv", spec);
        return new TableSynthesis(new GaussianCopulaSynthesizer())
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
    void oneRow() throws Exception {
        List<String[]> out = new ArrayList<>();
        TableSynthesis.Report report = run("a,b\n1,x\n", out);
        assertEquals(1, out.size());
        assertFalse(report.privacy().passed(), "too small to measure: not passed");
        assertTrue(report.privacy().reasons().get(0).contains("too small"));
    }

    @Test
    void oneColumnAllEmptyAndConstantColumns() throws Exception {
        List<String[]> out = new ArrayList<>();
        run(rows("only", 200, i -> Integer.toString(i % 17)), out);
        assertEquals(200, out.size());

        out.clear();
        run(rows("empty,constant,x", 200, i -> ",NL," + (i % 5)), out);
        assertTrue(
                out.stream().allMatch(r -> r[0] == null && "NL".equals(r[1])),
                "empty stays empty, constant stays constant");
    }

    @Test
    void aHundredThousandDistinctValuesAreNotReproduced() throws Exception {
        List<String[]> out = new ArrayList<>();
        run(rows("token,group", 100_000, i -> "tok" + i + "x," + (i % 3)), out);
        java.util.Set<String> real = new java.util.HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            real.add("tok" + i + "x");
        }
        long copied =
                out.stream().filter(r -> r[0] != null && real.contains(r[0])).count();
        assertEquals(0, copied, "no unique value of a real row is published");
    }

    @Test
    void mixedTypesAndVeryLongStrings() throws Exception {
        List<String[]> out = new ArrayList<>();
        String longText = "w".repeat(100_000);
        run(
                rows(
                        "mixed,long",
                        300,
                        i -> (i % 2 == 0 ? Integer.toString(i) : "text" + (i % 7)) + ","
                                + (i % 10 == 0 ? longText : "short")),
                out);
        assertEquals(300, out.size());
    }
}
