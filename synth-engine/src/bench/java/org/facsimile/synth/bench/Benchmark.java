package org.facsimile.synth.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
import org.facsimile.synth.table.CsvTables;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * Fits and samples each synthesizer on one CSV file in the same run and prints wall time, peak
 * heap, generation speed, accuracy against the holdout reference, privacy and category coverage,
 * with each figure of the network as a ratio to the independent-columns floor and to the
 * baseline measured in the same run.
 *
 * <pre>mvn -B -q -pl synth-engine -am -Pbench package [-Dbench.args="FILE --scale 1000000"]</pre>
 *
 * With {@code --dp} it instead compares the network without a privacy budget and under
 * differential privacy at epsilon 10, 4 and 1 (delta 1e-6) on the same split; {@code --dp 4,1}
 * runs only those budgets ({@code none} for the run without one, which the ratios need).
 */
public final class Benchmark {

    /** Figures of one synthesizer on one table. */
    record Figures(
            String name,
            double fitSeconds,
            double generateSeconds,
            double rowsPerSecond,
            long peakHeapBytes,
            long peakResidentBytes,
            QualityReport quality,
            PrivacyReport privacy,
            double categoriesKept,
            long categoriesInvented,
            double worstMissingShareGap) {}

    /** The training budget of the scaled run: long enough for several epochs over a million rows. */
    static final double SCALE_TRAINING_SECONDS = 300;

    /** Rows generated to measure generation speed. */
    static final long SPEED_ROWS = 500_000;

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../launcher/src/main/resources/demo/census.csv");
        int scale = 0;
        double[] dp = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--scale")) {
                scale = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--dp")) {
                dp = i + 1 < args.length && !args[i + 1].startsWith("--")
                        ? budgets(args[++i])
                        : new double[] {Double.NaN, 10, 4, 1};
            }
        }
        System.out.printf(
                Locale.ROOT,
                "benchmark on %s, %d cores, max heap %d MB%n",
                file,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        long start = System.nanoTime();
        TableSpec spec;
        try (InputStream in = Files.newInputStream(file)) {
            spec = CsvTables.inspect(in, file.getFileName().toString(), StandardCharsets.UTF_8)
                    .spec();
        }
        Table table;
        try (InputStream in = Files.newInputStream(file)) {
            table = CsvTables.read(in, file.getFileName().toString(), spec);
        }
        System.out.printf(
                Locale.ROOT,
                "read and profiled %,d rows x %d columns in %.1f s%n%n",
                table.rowCount(),
                table.columnCount(),
                seconds(start));
        SynthesisSettings settings = SynthesisSettings.defaults();
        Table[] parts = table.split(settings.holdoutShare(), settings.seed());

        if (dp != null) {
            differentialPrivacy(spec, parts[0], parts[1], settings, dp);
            return;
        }
        warmUp(
                List.of(
                        GaussianCopulaSynthesizer.independentColumns(),
                        new GaussianCopulaSynthesizer(),
                        new ArgnSynthesizer(ArgnOptions.defaults().withMaxEpochs(2))),
                spec,
                parts[0],
                settings);
        List<Figures> results = new ArrayList<>();
        for (Synthesizer synthesizer : List.of(
                GaussianCopulaSynthesizer.independentColumns(),
                new GaussianCopulaSynthesizer(),
                new ArgnSynthesizer())) {
            results.add(measure(synthesizer, spec, parts[0], parts[1], table.rowCount(), settings));
        }
        print(results);
        if (scale > 0) {
            scaled(spec, table, scale, settings);
        }
    }

    /**
     * The network at each budget (NaN: none): accuracy against the holdout reference, each as a
     * ratio to the run without a budget when there is one, with what the budget bought.
     */
    private static void differentialPrivacy(
            TableSpec spec, Table training, Table holdout, SynthesisSettings settings, double[] epsilons) {
        System.out.printf(
                Locale.ROOT,
                "%-12s %9s %9s %9s %9s %9s %7s %8s %6s %8s%n",
                "budget",
                "overall",
                "uni",
                "bi",
                "/no-DP",
                "holdout",
                "eps",
                "steps",
                "noise",
                "fit (s)");
        double plain = Double.NaN;
        for (double epsilon : epsilons) {
            SynthesisSettings run = Double.isNaN(epsilon)
                    ? settings
                    : settings.withPrivacy(org.facsimile.synth.dp.DifferentialPrivacy.of(epsilon, 1e-6));
            long t0 = System.nanoTime();
            Generator generator = new ArgnSynthesizer().fit(training, spec, run, ProgressListener.NONE);
            double fit = seconds(t0);
            List<String[]> out = new ArrayList<>();
            generator.generate(training.rowCount() + holdout.rowCount(), settings.seed() + 1, out::add);
            QualityReport q = new QualityEvaluator()
                    .evaluate(spec, training, holdout, new Table(training.name(), training.columns(), out));
            if (Double.isNaN(epsilon)) {
                plain = q.overallAccuracy();
            }
            org.facsimile.synth.dp.PrivacySpent spent = generator.privacySpent();
            System.out.printf(
                    Locale.ROOT,
                    "%-12s %9.4f %9.4f %9.4f %9s %9.4f %7s %8s %6s %8.1f%n",
                    Double.isNaN(epsilon) ? "none" : "epsilon " + epsilon,
                    q.overallAccuracy(),
                    q.univariateAccuracy(),
                    q.bivariateAccuracy(),
                    Double.isNaN(plain) ? "-" : String.format(Locale.ROOT, "%.3fx", q.overallAccuracy() / plain),
                    q.holdoutOverallAccuracy(),
                    spent == null ? "-" : String.format(Locale.ROOT, "%.2f", spent.epsilon()),
                    spent == null ? "-" : Long.toString(spent.steps()),
                    spent == null ? "-" : String.format(Locale.ROOT, "%.2f", spent.noiseMultiplier()),
                    fit);
            System.out.println("             weakest columns: " + weakest(q, 5));
        }
        System.out.println("(delta 1e-6; value protection's noisy counts take a tenth of each budget's room, composed with"
                + " DP-SGD in one RDP accountant; the overall accuracy is the mean of"
                + " uni-, bi- and trivariate accuracy against the training rows, as in the main benchmark)");
    }

    /** The {@code count} columns of lowest univariate accuracy, as "name .xxx". */
    static String weakest(QualityReport quality, int count) {
        return quality.columns().stream()
                .filter(c -> !Double.isNaN(c.accuracy()))
                .sorted(java.util.Comparator.comparingDouble(QualityReport.ColumnQuality::accuracy))
                .limit(count)
                .map(c -> String.format(Locale.ROOT, "%s %.3f", c.name(), c.accuracy()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Budgets written "none,10,4,1": NaN for the run without one. */
    static double[] budgets(String list) {
        return java.util.Arrays.stream(list.split(","))
                .mapToDouble(b -> b.equals("none") ? Double.NaN : Double.parseDouble(b))
                .toArray();
    }

    /** One small pass of each synthesizer first, so no timing includes another's JIT warm-up. */
    private static void warmUp(
            List<Synthesizer> synthesizers, TableSpec spec, Table training, SynthesisSettings settings) {
        Table small = new Table(
                training.name(), training.columns(), training.rows().subList(0, Math.min(5_000, training.rowCount())));
        for (int round = 0; round < 2; round++) {
            for (Synthesizer synthesizer : synthesizers) {
                synthesizer.fit(small, spec, settings, ProgressListener.NONE).generate(5_000, 1, row -> {});
            }
        }
    }

    private static Figures measure(
            Synthesizer synthesizer,
            TableSpec spec,
            Table training,
            Table holdout,
            long rows,
            SynthesisSettings settings) {
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        Generator generator = synthesizer.fit(training, spec, settings, ProgressListener.NONE);
        double fit = seconds(t0);
        List<String[]> out = new ArrayList<>();
        long t1 = System.nanoTime();
        // as a run does: rows copying a training row seen only once are drawn again
        TableSynthesis.generateWithoutCopies(generator, training, spec, rows, settings.seed(), out::add);
        double generate = seconds(t1);
        long peak = peakHeap();
        long resident = peakResident();
        // speed on enough rows to time well, streamed to a counter (memory flat in rows)
        long[] counted = {0};
        long t2 = System.nanoTime();
        generator.generate(SPEED_ROWS, settings.seed() + 2, row -> counted[0]++);
        double speed = counted[0] / seconds(t2);
        Table synthetic = new Table(training.name(), training.columns(), out);
        QualityReport quality = new QualityEvaluator().evaluate(spec, training, holdout, synthetic);
        PrivacyReport privacy = new PrivacyEvaluator().evaluate(spec, training, holdout, synthetic, settings.seed());
        Coverage coverage = coverage(spec, training, synthetic);
        return new Figures(
                synthesizer.name(),
                fit,
                generate,
                speed,
                peak,
                resident,
                quality,
                privacy,
                coverage.kept,
                coverage.invented,
                worstMissingGap(training, synthetic));
    }

    record Coverage(double kept, long invented) {}

    /**
     * Of the real categories with at least 5 training rows, the share that appears; and categories
     * no real row has (the rare-category token aside).
     */
    static Coverage coverage(TableSpec spec, Table training, Table synthetic) {
        long frequent = 0;
        long kept = 0;
        long invented = 0;
        for (int c = 0; c < spec.columns().size(); c++) {
            ColumnKind kind = spec.column(c).kind();
            if (kind != ColumnKind.CATEGORICAL && kind != ColumnKind.BOOLEAN) {
                continue;
            }
            Map<String, Integer> counts = new HashMap<>();
            for (String v : training.column(c)) {
                if (v != null) {
                    counts.merge(v, 1, Integer::sum);
                }
            }
            Set<String> seen = new HashSet<>();
            for (String v : synthetic.column(c)) {
                if (v != null) {
                    seen.add(v);
                }
            }
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (e.getValue() >= 5) {
                    frequent++;
                    kept += seen.contains(e.getKey()) ? 1 : 0;
                }
            }
            for (String v : seen) {
                // the rare-category token is protection, not an invented value
                invented += counts.containsKey(v) || v.equals(Synthesizer.RARE_CATEGORY) ? 0 : 1;
            }
        }
        return new Coverage(frequent == 0 ? 1 : kept / (double) frequent, invented);
    }

    private static double worstMissingGap(Table training, Table synthetic) {
        double worst = 0;
        for (int c = 0; c < training.columnCount(); c++) {
            worst = Math.max(worst, Math.abs(missingShare(training, c) - missingShare(synthetic, c)));
        }
        return worst;
    }

    private static double missingShare(Table table, int column) {
        long missing = 0;
        for (String[] row : table.rows()) {
            missing += row[column] == null ? 1 : 0;
        }
        return table.rowCount() == 0 ? 0 : missing / (double) table.rowCount();
    }

    /** One printed line: a figure of each synthesizer, and the holdout's where there is one. */
    private record Line(String label, java.util.function.ToDoubleFunction<Figures> figure, Double holdout) {}

    private static void print(List<Figures> results) {
        Figures floor = results.get(0);
        Figures baseline = results.get(1);
        Figures model = results.get(results.size() - 1);
        QualityReport ref = model.quality();
        List<Line> lines = List.of(
                new Line("fit (s)", Figures::fitSeconds, null),
                new Line("generate (s)", Figures::generateSeconds, null),
                new Line("fit + generate (s)", f -> f.fitSeconds() + f.generateSeconds(), null),
                new Line("generation (rows/s)", Figures::rowsPerSecond, null),
                new Line("peak heap (MB)", f -> f.peakHeapBytes() / 1e6, null),
                new Line("peak resident memory (MB)", f -> f.peakResidentBytes() / 1e6, null),
                new Line("overall accuracy", f -> f.quality().overallAccuracy(), ref.holdoutOverallAccuracy()),
                new Line("univariate accuracy", f -> f.quality().univariateAccuracy(), ref.holdoutUnivariateAccuracy()),
                new Line("bivariate accuracy", f -> f.quality().bivariateAccuracy(), ref.holdoutBivariateAccuracy()),
                new Line("trivariate accuracy", f -> f.quality().trivariateAccuracy(), ref.holdoutTrivariateAccuracy()),
                new Line(
                        "association similarity (Cramér's V)",
                        f -> f.quality().associationSimilarity(),
                        ref.holdoutAssociationSimilarity()),
                new Line(
                        "discriminator AUC (0.5 ideal)",
                        f -> f.quality().discriminatorAuc(),
                        ref.holdoutDiscriminatorAuc()),
                new Line("DCR share (0.5 ideal)", f -> f.privacy().dcrShare(), 0.5),
                new Line(
                        "identical-match share",
                        f -> f.privacy().identicalMatchShare(),
                        model.privacy().holdoutIdenticalMatchShare()),
                new Line("categories kept (>=5 rows)", Figures::categoriesKept, null),
                new Line("categories invented", f -> f.categoriesInvented(), 0.0),
                new Line("worst missing-share gap (points)", f -> f.worstMissingShareGap() * 100, null));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-34s", ""));
        for (Figures f : results) {
            header.append(String.format(Locale.ROOT, " %20s", f.name()));
        }
        header.append(String.format(
                Locale.ROOT,
                " %12s %14s %14s",
                "holdout",
                model.name() + "/" + floor.name().substring(0, 5),
                model.name() + "/" + baseline.name()));
        System.out.println(header);
        for (Line line : lines) {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-34s", line.label()));
            for (Figures f : results) {
                out.append(String.format(Locale.ROOT, " %20s", fmt(line.figure().applyAsDouble(f))));
            }
            out.append(String.format(Locale.ROOT, " %12s", line.holdout() == null ? "" : fmt(line.holdout())));
            out.append(String.format(Locale.ROOT, " %14s", ratio(line.figure(), model, floor)));
            out.append(String.format(Locale.ROOT, " %14s", ratio(line.figure(), model, baseline)));
            System.out.println(out);
        }
        for (Figures f : results.subList(1, results.size())) {
            System.out.printf(
                    Locale.ROOT,
                    "%nprivacy verdict (%s): %s %s",
                    f.name(),
                    f.privacy().passed() ? "PASSED" : "FAILED",
                    f.privacy().reasons());
        }
        System.out.println();
    }

    private static String ratio(java.util.function.ToDoubleFunction<Figures> figure, Figures a, Figures b) {
        double x = figure.applyAsDouble(a);
        double y = figure.applyAsDouble(b);
        return y == 0 || Double.isNaN(x) || Double.isNaN(y) ? "" : String.format(Locale.ROOT, "%.3fx", x / y);
    }

    /** Fit and generate on the table resampled to {@code rows} rows: time and peak heap at scale. */
    private static void scaled(TableSpec spec, Table table, int rows, SynthesisSettings settings) {
        Random random = new Random(1);
        List<String[]> big = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            big.add(table.row(random.nextInt(table.rowCount())));
        }
        Table scaled = new Table(table.name(), table.columns(), big);
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        String[] epochs = {""};
        Generator generator = new ArgnSynthesizer()
                .fit(scaled, spec, settings.withTrainingSeconds(SCALE_TRAINING_SECONDS), (step, message) -> {
                    if (message.startsWith("trained")) {
                        epochs[0] = message;
                    }
                });
        double fit = seconds(t0);
        long[] count = {0};
        long t1 = System.nanoTime();
        generator.generate(rows, 2, row -> count[0]++);
        double generate = seconds(t1);
        System.out.printf(
                Locale.ROOT,
                "%nat %,d rows (argn, training budget %.0f s): fit %.1f s, generate %.1f s (%,.0f rows/s),"
                        + " peak heap %,.0f MB, peak resident %,.0f MB%n  %s%n",
                rows,
                SCALE_TRAINING_SECONDS,
                fit,
                generate,
                count[0] / generate,
                peakHeap() / 1e6,
                peakResident() / 1e6,
                epochs[0]);
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        try {
            // Linux: "5" resets the process's peak resident set size (VmHWM)
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (java.io.IOException | UnsupportedOperationException e) {
            // not Linux: the peak then covers the whole run
        }
    }

    /** Peak resident memory of the process (heap, native PyTorch buffers, everything); 0 off Linux. */
    static long peakResident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // not Linux
        }
        return 0;
    }

    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
