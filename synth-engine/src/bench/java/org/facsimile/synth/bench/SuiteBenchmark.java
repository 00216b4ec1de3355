package org.facsimile.synth.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.facsimile.synth.Generator;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.TableSynthesis;
import org.facsimile.synth.Synthesizer;
import org.facsimile.synth.argn.ArgnOptions;
import org.facsimile.synth.argn.ArgnSynthesizer;
import org.facsimile.synth.baseline.GaussianCopulaSynthesizer;
import org.facsimile.synth.privacy.PrivacyEvaluator;
import org.facsimile.synth.privacy.PrivacyReport;
import org.facsimile.synth.quality.QualityEvaluator;
import org.facsimile.synth.quality.QualityReport;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.CsvInspection;
import org.facsimile.synth.table.CsvTables;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * The development suite: every table of a folder (everyday shapes, see bench-data/tables), each
 * split 50/50 into training and holdout, synthesized in one run by the network, the copula
 * baseline and a sequential CART peer (synthpop's default, leaves of at least 200 rows), and judged
 * as an outside evaluator judges: every column measured (codes, names and keys as categories),
 * accuracy as 1 - TVD over uni-, bi- and trivariate marginals against the holdout's, DCR share,
 * identical matches beside the holdout's, discriminator AUC, invalid values, categories kept and
 * invented, numbers outside a small real value set, time and peak memory, and the privacy gate's
 * verdict (which the repository applies before publishing). Rows are generated as a run makes
 * them: one copying a training row seen only once is drawn again. Ends with one summary table,
 * each figure of the network as a ratio to CART's and to the reference.
 *
 * <pre>mvn -B -q -pl synth-engine -am -Pbench-suite package [-Dbench.suite.args="DIR [TABLE...]"]</pre>
 *
 * <p>Through {@code -Dbench.suite.jvm}: {@code -Dbench.seed=N} another split and run (figures on
 * small tables move by several points from seed to seed: compare means over seeds), {@code
 * -Dbench.progress=true} the training progress lines, {@code -Dbench.holdout=0.2} the
 * repository's split instead of 50/50 (the gate's limits depend on the holdout's size), {@code
 * -Dbench.bins=true} every column below 0.9 univariate accuracy with its bins, real against
 * synthetic shares (where a marginal loses its shape).
 */
public final class SuiteBenchmark {

    /** One synthesizer's figures on one table. */
    record Figures(
            String table,
            String synthesizer,
            double accuracy,
            double reference,
            double dcrShare,
            double identical,
            double holdoutIdentical,
            double auc,
            long invalid,
            double categoriesKept,
            long categoriesInvented,
            double outsideValueSet,
            double seconds,
            long peakResidentBytes,
            boolean gatePassed) {}

    /** A numeric column with at most this many distinct real values must keep to them. */
    static final int SMALL_VALUE_SET = 500;

    private SuiteBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "bench-data/tables");
        Set<String> only = new HashSet<>(List.of(args).subList(Math.min(1, args.length), args.length));
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".csv.gz"))
                    .filter(p -> only.isEmpty() || only.contains(name(p)))
                    .sorted()
                    .toList();
        }
        System.out.printf(
                Locale.ROOT,
                "suite benchmark on %d tables of %s, %d cores, max heap %d MB%n%n",
                files.size(),
                folder,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        List<Figures> all = new ArrayList<>();
        for (Path file : files) {
            all.addAll(table(file));
        }
        summary(all);
    }

    private static String name(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.indexOf('.'));
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
    }

    private static List<Figures> table(Path file) throws Exception {
        String name = name(file);
        CsvInspection inspection;
        try (InputStream in = open(file)) {
            inspection = CsvTables.inspect(in, name + ".csv", StandardCharsets.UTF_8);
        }
        TableSpec spec = inspection.spec();
        Table table;
        try (InputStream in = open(file)) {
            table = CsvTables.read(in, name + ".csv", spec);
        }
        System.out.printf(Locale.ROOT, "== %s: %,d rows x %d columns%n", name, table.rowCount(), table.columnCount());
        for (ColumnSpec c : spec.columns()) {
            String note = inspection.notes().get(c.name());
            System.out.printf(
                    Locale.ROOT,
                    "   %-22s %-11s%s%s%s%n",
                    c.name(),
                    c.kind(),
                    c.format() == null ? "" : " " + c.format(),
                    c.personal() == null ? "" : " personal:" + c.personal().token(),
                    note == null ? "" : "  (" + note + ")");
        }
        // -Dbench.seed=N: another split and training run, to see how much a figure moves by chance
        // -Dbench.holdout=0.2: the repository's split, for its privacy gate's verdict at that size
        double holdoutShare = Double.parseDouble(System.getProperty("bench.holdout", "0.5"));
        // -Dbench.temperature=T: draw at another sampling temperature (logits divided by T)
        SynthesisSettings settings = new SynthesisSettings(
                        Long.getLong("bench.seed", SynthesisSettings.defaults().seed()), 0, holdoutShare)
                .withSampling(Double.parseDouble(System.getProperty("bench.temperature", "1")), 1);
        Table[] parts = table.split(holdoutShare, settings.seed());
        Table training = parts[0];
        Table holdout = parts[1];
        TableSpec judged = judged(spec);
        List<Figures> out = new ArrayList<>();
        for (String synthesizer : System.getProperty("bench.synthesizers", "argn,baseline,cart").split(",")) {
            System.gc();
            Benchmark.resetPeaks();
            long t0 = System.nanoTime();
            List<String[]> rows = new ArrayList<>();
            if (synthesizer.equals("cart")) {
                rows.addAll(SequentialCart.synthesize(training, spec, training.rowCount(), settings.seed() + 1));
            } else {
                // -Dbench.argn.sized=false: the network at its fixed default size, for an A/B of the sizing
                ArgnOptions options = Boolean.parseBoolean(System.getProperty("bench.argn.sized", "true"))
                        ? ArgnOptions.defaults()
                        : new ArgnOptions(12, 128, 16, 100, 600, 4e-3f, 1e-4f, 6);
                // -Dbench.argn.epochs=N: at most N epochs, to see what longer or shorter training buys
                options = options.withMaxEpochs(Integer.getInteger("bench.argn.epochs", options.maxEpochs()));
                Synthesizer s = synthesizer.equals("argn")
                        ? new ArgnSynthesizer(options)
                        : new GaussianCopulaSynthesizer();
                // -Dbench.progress=true: the training's progress lines, as a depositor sees them
                ProgressListener progress = Boolean.getBoolean("bench.progress")
                        ? (step, message) -> System.out.println("  " + name + " " + synthesizer + ": " + message)
                        : ProgressListener.NONE;
                Generator g = s.fit(training, spec, settings, progress);
                // as a run does: rows copying a training row seen only once are drawn again
                TableSynthesis.generateWithoutCopies(g, training, spec, training.rowCount(), settings.seed(), rows::add);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long resident = Benchmark.peakResident();
            Table synthetic = new Table(training.name(), training.columns(), rows);
            QualityReport q = new QualityEvaluator().evaluate(judged, training, holdout, synthetic);
            PrivacyReport p = new PrivacyEvaluator().evaluate(spec, training, holdout, synthetic, settings.seed());
            Benchmark.Coverage coverage = Benchmark.coverage(spec, training, synthetic);
            long invalid = java.util.Arrays.stream(CsvTables.invalidValues(synthetic, spec)).sum();
            Figures f = new Figures(
                    name,
                    synthesizer,
                    overall(q.univariateAccuracy(), q.bivariateAccuracy(), q.trivariateAccuracy()),
                    overall(q.holdoutUnivariateAccuracy(), q.holdoutBivariateAccuracy(), q.holdoutTrivariateAccuracy()),
                    p.dcrShare(),
                    p.identicalMatchShare(),
                    p.holdoutIdenticalMatchShare(),
                    q.discriminatorAuc(),
                    invalid,
                    coverage.kept(),
                    coverage.invented(),
                    outsideValueSet(spec, training, synthetic),
                    seconds,
                    resident,
                    p.passed());
            print(f);
            System.out.println("      weakest columns: " + Benchmark.weakest(q, 4) + "; pairs: " + weakestPairs(q, 4));
            if (Boolean.getBoolean("bench.bins")) {
                q.columns().stream().filter(c -> c.accuracy() < 0.9).forEach(c -> {
                    System.out.println("        " + c.name() + " " + c.accuracy());
                    c.bins().forEach(b -> System.out.printf(Locale.ROOT, "          %-16s %.3f %.3f%n", b.label(), b.real(), b.synthetic()));
                });
            }
            out.add(f);
        }
        System.out.println();
        return out;
    }

    /** The {@code count} column pairs of lowest bivariate accuracy, as "a~b .xxx". */
    static String weakestPairs(QualityReport quality, int count) {
        return quality.pairs().stream()
                .filter(p -> !Double.isNaN(p.accuracy()))
                .sorted(java.util.Comparator.comparingDouble(QualityReport.PairQuality::accuracy))
                .limit(count)
                .map(p -> String.format(Locale.ROOT, "%s~%s %.3f", p.first(), p.second(), p.accuracy()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The table as an outside evaluator sees it: every column compared, keys and codes as categories. */
    static TableSpec judged(TableSpec spec) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (ColumnSpec c : spec.columns()) {
            boolean category = c.kind() == ColumnKind.IDENTIFIER
                    || c.kind() == ColumnKind.TEXT
                    || c.kind() == ColumnKind.CODE
                    || c.personal() != null;
            columns.add(new ColumnSpec(c.name(), category ? ColumnKind.CATEGORICAL : c.kind(), c.nullMarkers()));
        }
        return new TableSpec(spec.name(), columns, List.of());
    }

    private static double overall(double uni, double bi, double tri) {
        double sum = 0;
        int n = 0;
        for (double v : new double[] {uni, bi, tri}) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Of the synthetic values of numeric columns with at most {@link #SMALL_VALUE_SET} distinct real
     * values, the share outside the protected real value set (the training values seen at least
     * the rare-category threshold's lowest count).
     */
    static double outsideValueSet(TableSpec spec, Table training, Table synthetic) {
        long outside = 0;
        long total = 0;
        for (int c = 0; c < spec.columns().size(); c++) {
            ColumnKind kind = spec.column(c).kind();
            if (kind != ColumnKind.INTEGER && kind != ColumnKind.DECIMAL) {
                continue;
            }
            java.util.Map<Double, Integer> counts = new java.util.HashMap<>();
            for (String v : training.column(c)) {
                if (v != null) {
                    counts.merge(kind.toNumber(v), 1, Integer::sum);
                }
            }
            if (counts.size() > SMALL_VALUE_SET) {
                continue;
            }
            // the protected value set: the real values seen often enough to be published
            Set<Double> real = new HashSet<>();
            counts.forEach((x, n) -> {
                if (n >= org.facsimile.synth.columns.ColumnModel.RARE_THRESHOLD) {
                    real.add(x);
                }
            });
            for (String v : synthetic.column(c)) {
                if (v != null) {
                    total++;
                    outside += real.contains(kind.toNumber(v)) ? 0 : 1;
                }
            }
        }
        return total == 0 ? 0 : outside / (double) total;
    }

    private static final String HEADER = String.format(
            Locale.ROOT,
            "%-17s %-9s %8s %8s %7s %7s %7s %7s %6s %7s %5s %7s %8s %7s %s",
            "table",
            "synth",
            "accuracy",
            "ref",
            "acc-ref",
            "DCR",
            "ident",
            "hold-id",
            "AUC",
            "invalid",
            "kept",
            "invent",
            "outside",
            "s / MB",
            "gate");

    private static void print(Figures f) {
        if (f.synthesizer().equals("argn")) {
            System.out.println(HEADER);
        }
        System.out.println(line(f));
    }

    private static String line(Figures f) {
        return String.format(
                Locale.ROOT,
                "%-17s %-9s %8.4f %8.4f %+7.4f %7.3f %7.4f %7.4f %6.3f %7d %5.2f %7d %8.4f %4.0f/%.0f %s",
                f.table(),
                f.synthesizer(),
                f.accuracy(),
                f.reference(),
                f.accuracy() - f.reference(),
                f.dcrShare(),
                f.identical(),
                f.holdoutIdentical(),
                f.auc(),
                f.invalid(),
                f.categoriesKept(),
                f.categoriesInvented(),
                f.outsideValueSet(),
                f.seconds(),
                f.peakResidentBytes() / 1e6,
                f.gatePassed() ? "passed" : "refused");
    }

    /** Every table's figures, then the network's as ratios to CART's and to the reference. */
    private static void summary(List<Figures> all) {
        System.out.println("== summary");
        System.out.println(HEADER);
        all.forEach(f -> System.out.println(line(f)));
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-17s %10s %10s %10s %10s %8s%n",
                "table",
                "argn/ref",
                "argn/cart",
                "cart/ref",
                "argn DCR",
                "argn s");
        double worstRef = Double.POSITIVE_INFINITY;
        double worstCart = Double.POSITIVE_INFINITY;
        for (Figures argn : all) {
            if (!argn.synthesizer().equals("argn")) {
                continue;
            }
            Figures cart = all.stream()
                    .filter(f -> f.table().equals(argn.table()) && f.synthesizer().equals("cart"))
                    .findFirst()
                    .orElse(argn);
            worstRef = Math.min(worstRef, argn.accuracy() / argn.reference());
            worstCart = Math.min(worstCart, argn.accuracy() / cart.accuracy());
            System.out.printf(
                    Locale.ROOT,
                    "%-17s %9.4fx %9.4fx %9.4fx %10.3f %8.1f%n",
                    argn.table(),
                    argn.accuracy() / argn.reference(),
                    argn.accuracy() / cart.accuracy(),
                    cart.accuracy() / cart.reference(),
                    argn.dcrShare(),
                    argn.seconds());
        }
        System.out.printf(
                Locale.ROOT,
                "worst table: argn/ref %.4fx, argn/cart %.4fx (targets: within 1 point of the reference, at least"
                        + " CART; DCR <= 0.52; 0 invalid; nothing outside a small value set)%n",
                worstRef,
                worstCart);
    }
}
