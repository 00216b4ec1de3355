package org.facsimile.synth.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.RunReport;
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
    void accuracyIsOneMinusTotalVariationDistance() {
        TableSpec spec = new TableSpec(
                "t",
                List.of(new org.facsimile.synth.table.ColumnSpec(
                        "c", org.facsimile.synth.table.ColumnKind.CATEGORICAL, null)),
                List.of());
        List<String[]> real = new ArrayList<>();
        List<String[]> synthetic = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            real.add(new String[] {i < 50 ? "a" : "b"});
            synthetic.add(new String[] {i < 75 ? "a" : i < 95 ? "b" : null});
        }
        Table training = new Table("t", List.of("c"), real);
        QualityReport report =
                new QualityEvaluator().evaluate(spec, training, training, new Table("t", List.of("c"), synthetic));
        // |0.50-0.75| + |0.50-0.20| + |0-0.05| = 0.6, halved: TVD 0.3
        assertEquals(0.7, report.univariateAccuracy(), 1e-9);
        QualityReport.ColumnQuality column = report.columns().get(0);
        assertEquals(
                List.of("a", "b", "(other)", "(missing)"),
                column.bins().stream().map(QualityReport.Bin::label).toList());
        assertEquals(
                1.0, column.bins().stream().mapToDouble(QualityReport.Bin::real).sum(), 1e-9);
        assertEquals(0.05, column.bins().get(3).synthetic(), 1e-9);
        assertTrue(Double.isNaN(report.bivariateAccuracy()), "one column has no pairs");
    }

    @Test
    void invalidSyntheticValuesAreCountedPerColumnWithTheColumnsFormat() {
        TableSpec spec = new TableSpec(
                "t",
                List.of(
                        new org.facsimile.synth.table.ColumnSpec("day", org.facsimile.synth.table.ColumnKind.DATE, null)
                                .withFormat("dd/MM/yyyy"),
                        new org.facsimile.synth.table.ColumnSpec(
                                "n", org.facsimile.synth.table.ColumnKind.INTEGER, null)),
                List.of());
        List<String> columns = List.of("day", "n");
        List<String[]> real = new ArrayList<>();
        List<String[]> synthetic = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            real.add(new String[] {"2020-01-" + (10 + i % 20), Integer.toString(i)});
            // inside the engine values are ISO: an impossible date, a fraction in an integer column,
            // and a missing value (never invalid)
            String day = i == 3 ? "2020-02-31" : i == 4 ? null : "2020-01-" + (10 + i % 20);
            synthetic.add(new String[] {day, i < 2 ? i + ".5" : Integer.toString(i)});
        }
        Table training = new Table("t", columns, real);
        QualityReport report =
                new QualityEvaluator().evaluate(spec, training, training, new Table("t", columns, synthetic));
        assertEquals(1, report.columns().get(0).invalid());
        assertEquals("dd/MM/yyyy", report.columns().get(0).format());
        assertEquals(2, report.columns().get(1).invalid());
        assertEquals(null, report.columns().get(1).format());
        assertEquals(3, report.invalidValues());
    }

    @Test
    void copiedRowsScorePerfect() throws Exception {
        Table real = correlated(2000, 1);
        Table[] parts = real.split(0.2, 1);
        QualityReport report = new QualityEvaluator().evaluate(spec(real), parts[0], parts[1], parts[0]);
        assertEquals(1.0, report.univariateAccuracy(), 1e-9);
        assertEquals(1.0, report.bivariateAccuracy(), 1e-9);
        assertEquals(1.0, report.trivariateAccuracy(), 1e-9);
        assertEquals(6, report.pairs().size(), "four columns, six pairs");
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
        QualityReport.PairQuality broken = report.pairs().stream()
                .filter(p -> p.first().equals(real.columns().get(0))
                        && p.second().equals(real.columns().get(1)))
                .findFirst()
                .orElseThrow();
        assertTrue(broken.realAssociation() > 0.3, "the real pair is related: " + broken.realAssociation());
        assertTrue(broken.syntheticAssociation() < 0.1, "the shuffled pair is not: " + broken.syntheticAssociation());
        assertTrue(report.associationSimilarity() < report.holdoutAssociationSimilarity());
    }

    @Test
    void cramersVIsZeroForIndependentAndOneForDeterminedColumns() {
        // 2 x 3 table, independent: the product of its margins
        double[] rows = {0.3, 0.7};
        double[] columns = {0.2, 0.5, 0.3};
        double[] independent = new double[6];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                independent[i * 3 + j] = rows[i] * columns[j];
            }
        }
        assertEquals(0.0, QualityEvaluator.cramersV(independent, 2, 3), 1e-9);
        // the diagonal of a 3 x 3 table: each value of one column fixes the other
        assertEquals(1.0, QualityEvaluator.cramersV(new double[] {0.2, 0, 0, 0, 0.5, 0, 0, 0, 0.3}, 3, 3), 1e-9);
        // a hand-computed case: [[0.4, 0.1], [0.1, 0.4]] has phi = 0.6
        assertEquals(0.6, QualityEvaluator.cramersV(new double[] {0.4, 0.1, 0.1, 0.4}, 2, 2), 1e-9);
        assertEquals(0.0, QualityEvaluator.cramersV(new double[] {0.5, 0.5, 0, 0}, 2, 2), 1e-9, "one row: no relation");
    }

    @Test
    void baselineRunKeepsMarginalsAndBeatsIndependentColumns() throws Exception {
        Table real = correlated(5000, 4);
        List<String[]> out = new ArrayList<>();
        RunReport run = new TableSynthesis(new GaussianCopulaSynthesizer())
                .run(real, spec(real), SynthesisSettings.defaults(), ProgressListener.NONE, out::add);
        QualityReport report = run.quality();
        assertEquals(5000, out.size());
        assertEquals(4000, report.trainingRows());
        assertEquals(1000, report.holdoutRows());
        assertTrue(report.univariateAccuracy() > 0.9, "univariate " + report.univariateAccuracy());
        assertTrue(run.privacy().passed(), "no memorised rows: " + run.privacy());

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
