package org.facsimile.synth.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.TableSynthesis;
import org.facsimile.synth.baseline.GaussianCopulaSynthesizer;
import org.facsimile.synth.table.CsvTables;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.Test;

class QualityEvaluatorTest {

    private static final String HEADER = "a,b,c,d\n";

    private static Table correlated(int n, long seed) {
        Random random = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int a = random.nextInt(100);
            String d = String.format(java.util.Locale.ROOT, "%.4f", random.nextDouble());
            rows.add(new String[] {
                Integer.toString(a), Integer.toString(a + random.nextInt(5)), a < 50 ? "low" : "high", d
            });
        }
        return new Table("t", List.of("a", "b", "c", "d"), rows);
    }

    private static TableSpec spec(Table table) throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (String[] row : table.rows()) {
            csv.append(String.join(",", row)).append('\n');
        }
        return CsvTables.inspect(
                        new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                        "t.csv",
                        StandardCharsets.UTF_8)
                .spec();
    }

    @Test
    void copiedRowsScorePerfectAndFailThePrivacyCheck() throws Exception {
        Table real = correlated(2000, 1);
        Table[] parts = real.split(0.2, 1);
        QualityReport report = new QualityEvaluator().evaluate(spec(real), parts[0], parts[1], parts[0]);
        assertEquals(1.0, report.univariateAccuracy(), 1e-9);
        assertEquals(1.0, report.bivariateAccuracy(), 1e-9);
        assertEquals(1.0, report.identicalMatchShare(), 1e-9);
        assertFalse(report.passesIdenticalMatchCheck());
    }

    @Test
    void shuffledColumnsLoseBivariateButNotUnivariateAccuracy() throws Exception {
        Table real = correlated(4000, 2);
        Table[] parts = real.split(0.2, 2);
        List<String> b = new ArrayList<>();
        for (String[] row : parts[0].rows()) {
            b.add(row[1]);
        }
        Collections.shuffle(b, new Random(3));
        List<String[]> shuffled = new ArrayList<>();
        for (int i = 0; i < parts[0].rowCount(); i++) {
            String[] row = parts[0].row(i);
            shuffled.add(new String[] {row[0], b.get(i), row[2], row[3]});
        }
        QualityReport report = new QualityEvaluator()
                .evaluate(spec(real), parts[0], parts[1], new Table("t", real.columns(), shuffled));
        assertEquals(1.0, report.univariateAccuracy(), 1e-9);
        assertTrue(
                report.bivariateAccuracy() < 0.8,
                "independent columns lose the pair structure: " + report.bivariateAccuracy());
        assertTrue(
                report.holdoutBivariateAccuracy() > 0.9,
                "real unseen rows keep it: " + report.holdoutBivariateAccuracy());
    }

    @Test
    void baselineRunKeepsMarginalsAndBeatsIndependentColumns() throws Exception {
        Table real = correlated(5000, 4);
        List<String[]> out = new ArrayList<>();
        QualityReport report = new TableSynthesis(new GaussianCopulaSynthesizer())
                .run(real, spec(real), SynthesisSettings.defaults(), ProgressListener.NONE, out::add);
        assertEquals(5000, out.size());
        assertEquals(4000, report.trainingRows());
        assertEquals(1000, report.holdoutRows());
        assertTrue(report.univariateAccuracy() > 0.9, "univariate " + report.univariateAccuracy());
        assertTrue(report.passesIdenticalMatchCheck(), "no memorised rows: " + report.identicalMatchShare());

        // The same marginals with every column drawn independently: what a copula must beat.
        Random random = new Random(5);
        List<String[]> independent = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            String[] row = new String[4];
            for (int c = 0; c < 4; c++) {
                row[c] = out.get(random.nextInt(out.size()))[c];
            }
            independent.add(row);
        }
        Table[] parts = real.split(0.2, SynthesisSettings.defaults().seed());
        QualityReport baseline = new QualityEvaluator()
                .evaluate(spec(real), parts[0], parts[1], new Table("t", real.columns(), independent));
        assertTrue(
                report.bivariateAccuracy() > baseline.bivariateAccuracy() + 0.05,
                "copula " + report.bivariateAccuracy() + " vs independent " + baseline.bivariateAccuracy());
    }
}
