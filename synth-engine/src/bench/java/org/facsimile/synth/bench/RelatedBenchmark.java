package org.facsimile.synth.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.facsimile.synth.Generator;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.RunReport;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.Synthesizer;
import org.facsimile.synth.argn.ArgnSynthesizer;
import org.facsimile.synth.cli.Main;
import org.facsimile.synth.constraints.Constraints;
import org.facsimile.synth.quality.QualityReport;
import org.facsimile.synth.relations.DatasetSynthesis;
import org.facsimile.synth.relations.DatasetTable;
import org.facsimile.synth.relations.ForeignKey;
import org.facsimile.synth.relations.RelationReport;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * The related-tables benchmark. On a CSVW table group (by default Berka's: 7 tables with the keys
 * of its DDL and two loan rules, in bench-data/berka/csv-metadata.json), read as the engine's
 * {@code dataset} command reads one, it fits and generates the whole
 * dataset and prints wall time, memory, per-table accuracy against the holdout reference,
 * children-per-parent accuracy, parent-child accuracy, referential integrity and constraint
 * satisfaction; each relation figure is also given as a ratio to a baseline run in the same
 * process: the same engine with the parent context withheld from the child models (children
 * drawn without seeing their parent). With {@code --scale VALUES} it instead times a generated
 * three-table dataset of about that many values (customers, accounts, transactions); with
 * {@code --panels} it runs two real sequences of the development suite taken apart into parents
 * and children ({@link Panels}: gapminder's countries and years, football's teams and matches).
 *
 * <pre>
 * mvn -B -q -pl synth-engine -am -Pbench-related package
 * mvn -B -q -pl synth-engine -am -Pbench-related package -Dbench.related.args="--scale 3500000"
 * mvn -B -q -pl synth-engine -am -Pbench-related package -Dbench.related.args="--panels"
 * </pre>
 */
public final class RelatedBenchmark {

    /** Training budget of the whole dataset, shared out among its tables. */
    static final double TRAINING_SECONDS = 180;

    private RelatedBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of("bench-data/berka");
        long scale = 0;
        boolean panels = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--scale")) {
                scale = Long.parseLong(args[++i]);
            } else if (args[i].equals("--panels")) {
                panels = true;
            } else {
                folder = Path.of(args[i]);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "related-tables benchmark, %d cores, max heap %,d MB%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        SynthesisSettings settings = SynthesisSettings.defaults().withTrainingSeconds(TRAINING_SECONDS);
        if (scale > 0) {
            scaleUp(scale, settings);
            return;
        }
        if (panels) {
            for (Map.Entry<String, List<DatasetTable>> set : Panels.all(Path.of("bench-data/tables")).entrySet()) {
                System.out.printf(Locale.ROOT, "%n=== %s, taken apart into parents and their sequences%n", set.getKey());
                Run engine = run("argn", new ArgnSynthesizer(), set.getValue(), settings);
                Run blind = run("argn, context withheld", new ContextWithheld(new ArgnSynthesizer()), set.getValue(), settings);
                print(engine, blind);
            }
            return;
        }
        // read as the engine's dataset command reads a CSVW table group: keys, references and rules from it
        Path metadata = Files.isDirectory(folder) ? folder.resolve("csv-metadata.json") : folder;
        List<DatasetTable> berka = Main.dataset(metadata);
        long values = berka.stream()
                .mapToLong(t -> (long) t.table().rowCount() * t.table().columnCount())
                .sum();
        System.out.printf(Locale.ROOT, "%s: %d tables, %,d values%n%n", metadata, berka.size(), values);
        Run engine = run("argn", new ArgnSynthesizer(), berka, settings);
        Run blind = run("argn, context withheld", new ContextWithheld(new ArgnSynthesizer()), berka, settings);
        print(engine, blind);
    }

    /** One run of the dataset synthesis, timed. */
    record Run(String name, DatasetSynthesis.Result result, double seconds, long peakHeap, long peakResident) {}

    private static Run run(
            String name, Synthesizer synthesizer, List<DatasetTable> tables, SynthesisSettings settings) {
        System.gc();
        Benchmark.resetPeaks();
        long start = System.nanoTime();
        DatasetSynthesis.Result result = new DatasetSynthesis(synthesizer).run(tables, settings, ProgressListener.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: fit + generate + evaluate %.1f s%n", name, seconds);
        return new Run(name, result, seconds, Benchmark.peakHeap(), Benchmark.peakResident());
    }

    private static void print(Run engine, Run baseline) {
        System.out.printf(
                Locale.ROOT,
                "%nwall time %.1f s (baseline %.1f s, %.2fx); peak heap %,.0f MB, peak resident %,.0f MB%n%n",
                engine.seconds(),
                baseline.seconds(),
                engine.seconds() / baseline.seconds(),
                engine.peakHeap() / 1e6,
                engine.peakResident() / 1e6);
        System.out.printf(
                Locale.ROOT,
                "%-10s %8s %8s %10s %10s %10s %12s%n",
                "table",
                "real",
                "synth",
                "accuracy",
                "holdout",
                "/holdout",
                "constraints");
        for (DatasetSynthesis.Output t : engine.result().tables()) {
            QualityReport q = t.report().quality();
            if (t.report().publishedAsDeposited()) {
                System.out.printf(Locale.ROOT, "%-10s %,8d %,8d   published as deposited%n", t.name(), q.trainingRows(), q.syntheticRows());
                continue;
            }
            double obeyed = t.report().constraints().stream()
                    .mapToDouble(Constraints.Enforcement::syntheticSatisfiedShare)
                    .min()
                    .orElse(Double.NaN);
            System.out.printf(
                    Locale.ROOT,
                    "%-10s %,8d %,8d %10.4f %10.4f %9.3fx %12s%n",
                    t.name(),
                    q.trainingRows() + q.holdoutRows(),
                    q.syntheticRows(),
                    q.overallAccuracy(),
                    q.holdoutOverallAccuracy(),
                    q.overallAccuracy() / q.holdoutOverallAccuracy(),
                    Double.isNaN(obeyed) ? "-" : String.format(Locale.ROOT, "%.1f%%", obeyed * 100));
        }
        System.out.printf(
                Locale.ROOT,
                "%n%-32s %9s %8s %9s %8s %9s %9s %9s %8s%n",
                "relation",
                "integrity",
                "children",
                "holdout",
                "/blind",
                "parent-",
                "holdout",
                "blind",
                "/blind");
        System.out.printf(Locale.ROOT, "%-32s %9s %8s %9s %8s %9s%n", "", "", "accuracy", "", "", "child acc");
        for (int i = 0; i < engine.result().relations().size(); i++) {
            RelationReport r = engine.result().relations().get(i);
            RelationReport b = baseline.result().relations().get(i);
            System.out.printf(
                    Locale.ROOT,
                    "%-32s %8.1f%% %8.4f %9.4f %7.3fx %9s %9s %9s %8s%n",
                    r.relation().label() + (r.relation().context() ? "" : r.method().equals(RelationReport.PUBLISHED) ? " (p)" : " (m)"),
                    r.integrity() * 100,
                    r.childrenAccuracy(),
                    r.holdoutChildrenAccuracy(),
                    r.childrenAccuracy() / b.childrenAccuracy(),
                    fmt(r.parentChildAccuracy()),
                    fmt(r.holdoutParentChildAccuracy()),
                    fmt(b.parentChildAccuracy()),
                    Double.isNaN(r.parentChildAccuracy())
                            ? ""
                            : String.format(Locale.ROOT, "%.3fx", r.parentChildAccuracy() / b.parentChildAccuracy()));
        }
        System.out.println("\n(m) = matched reference, not a context; (p) = reference to a table published as"
                + " deposited, learnt as a column; blind = the same run with the parent context withheld from the child"
                + " models");
        sequences(engine, baseline);
        System.out.println();
        for (RelationReport r : engine.result().relations()) {
            if (!r.weakestChildColumns().isEmpty()) {
                System.out.printf(
                        Locale.ROOT,
                        "weakest columns of %s (%s): %s%n",
                        r.relation().child(),
                        r.relation().label(),
                        String.join(
                                ", ",
                                r.weakestChildColumns().stream()
                                        .map(c -> String.format(Locale.ROOT, "%s %.3f", c.column(), c.accuracy()))
                                        .toList()));
            }
        }
        for (Run run : List.of(engine, baseline)) {
            boolean passed = run.result().reports().stream().allMatch(RunReport::passed);
            System.out.println("privacy verdict (" + run.name() + "): " + (passed ? "PASSED" : "FAILED"));
            for (RunReport t : run.result().reports()) {
                t.reasons()
                        .forEach(reason -> System.out.println("  " + t.quality().table() + ": " + reason));
            }
        }
    }

    /** Per context: coherence (consecutive siblings) and order, each beside the holdout and the blind run. */
    private static void sequences(Run engine, Run baseline) {
        System.out.printf(
                Locale.ROOT,
                "%n%-32s %9s %9s %8s %-14s %8s %8s %8s %8s%n",
                "context",
                "coherence",
                "holdout",
                "/blind",
                "order",
                "real",
                "holdout",
                "synth",
                "blind");
        for (int i = 0; i < engine.result().relations().size(); i++) {
            RelationReport.Sequence s = engine.result().relations().get(i).sequence();
            RelationReport.Sequence b = baseline.result().relations().get(i).sequence();
            if (s == null) {
                continue;
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-32s %9s %9s %8s %-14s %8s %8s %8s %8s%n",
                    engine.result().relations().get(i).relation().label(),
                    fmt(s.accuracy()),
                    fmt(s.holdoutAccuracy()),
                    Double.isNaN(s.accuracy())
                            ? ""
                            : String.format(Locale.ROOT, "%.3fx", s.accuracy() / b.accuracy()),
                    s.orderColumn() == null ? "-" : s.orderColumn(),
                    fmt(s.realOrdered()),
                    fmt(s.holdoutOrdered()),
                    fmt(s.syntheticOrdered()),
                    fmt(b.syntheticOrdered()));
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    /**
     * A made-up bank of about {@code values} values in three related tables: customers, their
     * accounts (0-4, more for business customers) and the accounts' transactions (about 8 per
     * account, more for current accounts, in date order).
     */
    private static void scaleUp(long values, SynthesisSettings settings) {
        Random random = new Random(5);
        List<String[]> customers = new ArrayList<>();
        List<String[]> accounts = new ArrayList<>();
        List<String[]> transactions = new ArrayList<>();
        String[] regions = {"north", "south", "east", "west", "centre"};
        long made = 0;
        while (made < values) {
            String id = Integer.toString(customers.size() + 1);
            boolean business = random.nextDouble() < 0.2;
            int age = 18 + random.nextInt(70);
            customers.add(new String[] {
                id,
                regions[random.nextInt(regions.length)],
                business ? "business" : "private",
                Integer.toString(age),
                Integer.toString(1990 + random.nextInt(34))
            });
            made += 5;
            int accountCount = business ? 1 + random.nextInt(4) : random.nextInt(3);
            for (int a = 0; a < accountCount; a++) {
                String account = Integer.toString(accounts.size() + 1);
                boolean current = a == 0 || random.nextBoolean();
                accounts.add(new String[] {
                    account,
                    id,
                    current ? "current" : "savings",
                    java.time.LocalDate.of(2015, 1, 1)
                            .plusDays(random.nextInt(3000))
                            .toString(),
                    Integer.toString((business ? 5000 : 500) * (1 + random.nextInt(10)))
                });
                made += 5;
                int count = current ? 4 + random.nextInt(12) : random.nextInt(4);
                java.time.LocalDate day = java.time.LocalDate.of(2023, 1, 1);
                double balance = 1000 + random.nextInt(5000);
                for (int t = 0; t < count; t++) {
                    day = day.plusDays(1 + random.nextInt(20));
                    boolean credit = random.nextDouble() < 0.4;
                    double amount = Math.round((credit ? 800 : 60) * (0.2 + random.nextDouble()) * 100) / 100.0;
                    balance += credit ? amount : -amount;
                    transactions.add(new String[] {
                        Integer.toString(transactions.size() + 1),
                        account,
                        day.toString(),
                        credit ? "credit" : "debit",
                        current ? (random.nextBoolean() ? "card" : "transfer") : "transfer",
                        String.format(Locale.ROOT, "%.2f", amount),
                        String.format(Locale.ROOT, "%.2f", balance)
                    });
                    made += 7;
                }
            }
        }
        TableSpec customerSpec = spec(
                "customers",
                "customer",
                new String[] {"customer", "region", "segment", "age", "since"},
                ColumnKind.IDENTIFIER,
                ColumnKind.CATEGORICAL,
                ColumnKind.CATEGORICAL,
                ColumnKind.INTEGER,
                ColumnKind.INTEGER);
        TableSpec accountSpec = spec(
                "accounts",
                "account",
                new String[] {"account", "customer", "type", "opened", "limit"},
                ColumnKind.IDENTIFIER,
                ColumnKind.INTEGER,
                ColumnKind.CATEGORICAL,
                ColumnKind.DATE,
                ColumnKind.INTEGER);
        TableSpec transactionSpec = spec(
                "transactions",
                "transaction",
                new String[] {"transaction", "account", "day", "direction", "channel", "amount", "balance"},
                ColumnKind.IDENTIFIER,
                ColumnKind.INTEGER,
                ColumnKind.DATE,
                ColumnKind.CATEGORICAL,
                ColumnKind.CATEGORICAL,
                ColumnKind.DECIMAL,
                ColumnKind.DECIMAL);
        List<DatasetTable> tables = List.of(
                new DatasetTable(
                        "customers",
                        new Table("customers", customerSpec.columnNames(), customers),
                        customerSpec,
                        List.of(),
                        List.of()),
                new DatasetTable(
                        "accounts",
                        new Table("accounts", accountSpec.columnNames(), accounts),
                        accountSpec,
                        List.of(),
                        List.of(ForeignKey.of("customer", "customers", "customer"))),
                new DatasetTable(
                        "transactions",
                        new Table("transactions", transactionSpec.columnNames(), transactions),
                        transactionSpec,
                        List.of(),
                        List.of(ForeignKey.of("account", "accounts", "account"))));
        System.out.printf(
                Locale.ROOT,
                "scale-up: %,d values in 3 tables (customers %,d, accounts %,d, transactions %,d)%n",
                made,
                customers.size(),
                accounts.size(),
                transactions.size());
        long[] last = {System.nanoTime()};
        long start = System.nanoTime();
        ProgressListener progress = (step, message) -> {
            if (System.nanoTime() - last[0] > 30e9 || !message.contains("epoch")) {
                last[0] = System.nanoTime();
                System.out.printf(Locale.ROOT, "  %6.0f s %s%n", (System.nanoTime() - start) / 1e9, message);
            }
        };
        Benchmark.resetPeaks();
        DatasetSynthesis.Result result = new DatasetSynthesis(new ArgnSynthesizer()).run(tables, settings, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        long synthetic = 0;
        for (DatasetSynthesis.Output t : result.tables()) {
            synthetic +=
                    (long) t.rows().size() * (t.rows().isEmpty() ? 0 : t.rows().get(0).length);
        }
        System.out.printf(
                Locale.ROOT,
                "%nscale-up: fit + generate + evaluate %.1f s (%.1f min; target 5 min on 2 cores, %.2fx of it),"
                        + " %,d synthetic values, peak heap %,.0f MB, peak resident %,.0f MB%n",
                seconds,
                seconds / 60,
                seconds / 300,
                synthetic,
                Benchmark.peakHeap() / 1e6,
                Benchmark.peakResident() / 1e6);
        for (RelationReport r : result.relations()) {
            System.out.printf(
                    Locale.ROOT,
                    "  %s: integrity %.1f%%, children per parent %.4f (holdout %.4f), parent-child %.4f (holdout %.4f)%n",
                    r.relation().label(),
                    r.integrity() * 100,
                    r.childrenAccuracy(),
                    r.holdoutChildrenAccuracy(),
                    r.parentChildAccuracy(),
                    r.holdoutParentChildAccuracy());
            if (r.sequence() != null) {
                System.out.printf(
                        Locale.ROOT,
                        "    coherence %.4f (holdout %.4f); in order of %s: real %s, holdout %s, synthetic %s%n",
                        r.sequence().accuracy(),
                        r.sequence().holdoutAccuracy(),
                        r.sequence().orderColumn(),
                        fmt(r.sequence().realOrdered()),
                        fmt(r.sequence().holdoutOrdered()),
                        fmt(r.sequence().syntheticOrdered()));
                for (RelationReport.Rule rule : r.sequence().rules()) {
                    System.out.printf(
                            Locale.ROOT,
                            "    %s: real %s, holdout %s, synthetic %s%n",
                            rule.rule(),
                            fmt(rule.realShare()),
                            fmt(rule.holdoutShare()),
                            fmt(rule.syntheticShare()));
                }
            }
        }
        for (DatasetSynthesis.Output t : result.tables()) {
            QualityReport q = t.report().quality();
            System.out.printf(
                    Locale.ROOT,
                    "  %s: accuracy %.4f (holdout %.4f)%n",
                    t.name(),
                    q.overallAccuracy(),
                    q.holdoutOverallAccuracy());
        }
    }

    private static TableSpec spec(String name, String key, String[] names, ColumnKind... kinds) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (int c = 0; c < names.length; c++) {
            columns.add(new ColumnSpec(names[c], kinds[c], List.of("")));
        }
        return new TableSpec(name, columns, List.of(key));
    }

    /**
     * The baseline: the same synthesizer, but a child model never sees its context (parent row,
     * sibling before, place): the given columns are blanked in training and in generation, so
     * children are drawn from the child table's own distribution.
     */
    static final class ContextWithheld implements Synthesizer {
        private final Synthesizer inner;

        ContextWithheld(Synthesizer inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name() + "-blind";
        }

        @Override
        public Generator fit(Table table, TableSpec spec, SynthesisSettings settings, ProgressListener progress) {
            return inner.fit(table, spec, settings, progress);
        }

        @Override
        public Generator fitGiven(
                Table table,
                TableSpec spec,
                int given,
                int[] groups,
                SynthesisSettings settings,
                ProgressListener progress) {
            List<String[]> blank = new ArrayList<>(table.rowCount());
            for (String[] row : table.rows()) {
                String[] copy = row.clone();
                Arrays.fill(copy, 0, given, null);
                blank.add(copy);
            }
            Generator generator = inner.fitGiven(
                    new Table(table.name(), table.columns(), blank), spec, given, groups, settings, progress);
            return new Generator() {
                @Override
                public void write(java.io.OutputStream out) throws IOException {
                    generator.write(out);
                }

                @Override
                public void generate(long rows, long seed, Consumer<String[]> sink) {
                    generator.generate(rows, seed, sink);
                }

                @Override
                public void generateGiven(List<String[]> contexts, int count, long seed, Consumer<String[]> sink) {
                    List<String[]> blanked = new ArrayList<>(contexts.size());
                    for (String[] context : contexts) {
                        String[] copy = context.clone();
                        Arrays.fill(copy, 0, count, null);
                        blanked.add(copy);
                    }
                    generator.generateGiven(blanked, count, seed, sink);
                }
            };
        }

        @Override
        public Generator read(InputStream in) throws IOException {
            return inner.read(in);
        }
    }
}
