package org.facsimile.synth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.facsimile.synth.Generator;
import org.facsimile.synth.RunReport;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.Synthesizer;
import org.facsimile.synth.argn.ArgnSynthesizer;
import org.facsimile.synth.baseline.GaussianCopulaSynthesizer;
import org.facsimile.synth.model.ModelArtefact;
import org.facsimile.synth.nested.NestedDocument;
import org.facsimile.synth.nested.NestedProblem;
import org.facsimile.synth.privacy.PrivacyEvaluator;
import org.facsimile.synth.quality.QualityEvaluator;
import org.facsimile.synth.relations.DatasetSynthesis;
import org.facsimile.synth.relations.DatasetTable;
import org.facsimile.synth.relations.RelationProblem;
import org.facsimile.synth.report.HtmlReport;
import org.facsimile.synth.report.JsonReport;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.CsvProblem;
import org.facsimile.synth.table.CsvTables;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * {@code facsimile-synth fit | sample | report | nested | dataset}: the engine without the repository.
 *
 * <pre>
 * fit    --data FILE.csv [--metadata CSVW.json] --model OUT.fcsm [--key COLUMN] [--null MARKER]... [--seed N]
 *        [--synthesizer argn|baseline] [--training-seconds S]
 * sample --model FILE.fcsm --rows N --out FILE.csv [--seed N] [--temperature T] [--top-p P]
 * report --real TRAINING.csv [--metadata CSVW.json] --holdout HOLDOUT.csv --synthetic SYNTHETIC.csv --html OUT.html [--json OUT.json]
 * nested --data FILE.json|FILE.jsonl --out OUT.json|OUT.jsonl [--html OUT.html] [--seed N] [--training-seconds S]
 * dataset --metadata CSVW.json --out DIR [--seed N] [--training-seconds S]
 * </pre>
 */
public final class Main {

    static final String USAGE = """
            usage:
              fit    --data FILE.csv [--metadata CSVW.json] --model OUT.fcsm [--key COLUMN] [--null MARKER]...
                     [--seed N] [--synthesizer argn|baseline] [--training-seconds S]
                     learns the table (all of it: hold rows out yourself to report on them), with
                     the datatypes, null markers and primary key of its W3C CSVW metadata if given;
                     argn, the autoregressive network, is the default
              sample --model FILE.fcsm --rows N --out FILE.csv [--seed N] [--temperature T] [--top-p P]
                     generates N rows, streamed to the file; temperature below 1 favours likelier
                     values, top-p below 1 drops the unlikeliest
              report --real TRAINING.csv [--metadata CSVW.json] --holdout HOLDOUT.csv --synthetic SYNTHETIC.csv --html OUT.html [--json OUT.json]
                     quality and privacy of a synthetic table against the real rows it was learnt from
              nested --data FILE.json|FILE.jsonl --out OUT [--html OUT.html] [--seed N] [--training-seconds S]
                     synthesizes a JSON array of records or JSON Lines with nested arrays: taken
                     apart into related tables, learnt and generated together, written back in
                     the same shape, with the quality and privacy report of every table
              dataset --metadata CSVW.json --out DIR [--seed N] [--training-seconds S]
                     synthesizes the related tables of a W3C CSVW table group (CSV files next to
                     it, keys and foreign keys declared): writes each synthetic table under its
                     own file name, their CSVW group marked as synthetic data, and report.html
                     and report.json with every table's and every reference's figures
            """;

    private Main() {}

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        } catch (CsvProblem e) {
            System.err.println(e.file() + (e.row() > 0 ? ", line " + e.row() : "")
                    + (e.column() != null ? ", " + e.column() : "") + ": " + e.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    static int run(String[] args) throws IOException, CsvProblem {
        if (args.length == 0) {
            throw new UsageException("a command is needed");
        }
        Options options = Options.parse(args);
        switch (args[0]) {
            case "fit" -> fit(options);
            case "sample" -> sample(options);
            case "report" -> report(options);
            case "nested" -> nested(options);
            case "dataset" -> dataset(options);
            default -> throw new UsageException("unknown command " + args[0]);
        }
        return 0;
    }

    private static void fit(Options o) throws IOException, CsvProblem {
        Path data = o.path("--data");
        Path model = o.path("--model");
        long seed = o.number("--seed", 42);
        say("profiling " + data);
        TableSpec spec = spec(data, o.all("--null"), o.one("--key"), o.one("--metadata"));
        Table table;
        try (InputStream in = Files.newInputStream(data)) {
            table = CsvTables.read(in, data.getFileName().toString(), spec);
        }
        Synthesizer synthesizer =
                switch (o.one("--synthesizer") == null ? ArgnSynthesizer.NAME : o.one("--synthesizer")) {
                    case ArgnSynthesizer.NAME -> new ArgnSynthesizer();
                    case "baseline" -> new GaussianCopulaSynthesizer();
                    default -> throw new UsageException("--synthesizer is argn or baseline");
                };
        SynthesisSettings settings = new SynthesisSettings(seed, 0, 0)
                .withTrainingSeconds(o.decimal("--training-seconds", SynthesisSettings.DEFAULT_TRAINING_SECONDS));
        long start = System.nanoTime();
        Generator generator = synthesizer.fit(
                table, spec, settings, (step, message) -> say(step.name().toLowerCase(Locale.ROOT) + ": " + message));
        ModelArtefact.save(model, synthesizer.name(), spec, generator);
        say(String.format(
                Locale.ROOT,
                "fitted %,d rows in %.1f s; model written to %s",
                table.rowCount(),
                (System.nanoTime() - start) / 1e9,
                model));
    }

    private static void sample(Options o) throws IOException {
        ModelArtefact.Loaded loaded = ModelArtefact.load(o.path("--model"));
        long rows = o.number("--rows", -1);
        if (rows < 0) {
            throw new UsageException("--rows N is needed");
        }
        Path out = o.path("--out");
        long start = System.nanoTime();
        try (OutputStream file = Files.newOutputStream(out);
                CsvTables.RowWriter writer = CsvTables.writer(file, loaded.spec())) {
            long[] done = {0};
            Generator generator;
            try {
                generator = loaded.generator().withSampling(o.decimal("--temperature", 1), o.decimal("--top-p", 1));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                throw new UsageException(e.getMessage());
            }
            generator.generate(rows, o.number("--seed", 1), row -> {
                writer.accept(row);
                if (++done[0] % 1_000_000 == 0) {
                    say(String.format(Locale.ROOT, "%,d rows", done[0]));
                }
            });
        }
        say(String.format(
                Locale.ROOT, "generated %,d rows in %.1f s to %s", rows, (System.nanoTime() - start) / 1e9, out));
    }

    private static void report(Options o) throws IOException, CsvProblem {
        Path real = o.path("--real");
        TableSpec spec = spec(real, o.all("--null"), o.one("--key"), o.one("--metadata"));
        Table training = read(real, spec);
        Table holdout = read(o.path("--holdout"), spec);
        Table synthetic = read(o.path("--synthetic"), spec);
        say("evaluating quality");
        var quality = new QualityEvaluator().evaluate(spec, training, holdout, synthetic);
        say("evaluating privacy");
        var privacy = new PrivacyEvaluator().evaluate(spec, training, holdout, synthetic, 42);
        List<RunReport> reports = List.of(new RunReport(quality, privacy));
        Files.writeString(o.path("--html"), HtmlReport.render(spec.name(), "(given)", reports), StandardCharsets.UTF_8);
        String json = o.one("--json");
        if (json != null) {
            Files.writeString(Path.of(json), JsonReport.render("(given)", reports), StandardCharsets.UTF_8);
        }
        say(String.format(
                Locale.ROOT,
                "overall accuracy %.3f (holdout %.3f), DCR share %.3f, privacy %s",
                quality.overallAccuracy(),
                quality.holdoutOverallAccuracy(),
                privacy.dcrShare(),
                privacy.passed() ? "PASSED" : "FAILED " + privacy.reasons()));
    }

    private static void nested(Options o) throws IOException, CsvProblem {
        Path data = o.path("--data");
        Path out = o.path("--out");
        say("taking " + data + " apart");
        NestedDocument.Flattened flat;
        try (InputStream in = Files.newInputStream(data)) {
            flat = NestedDocument.read(in, data.getFileName().toString());
        } catch (NestedProblem e) {
            throw new IOException(e.describe(), e);
        }
        for (NestedDocument.FlatTable t : flat.tables()) {
            say(String.format(
                    Locale.ROOT,
                    "%s: %,d rows, %d columns",
                    t.name(),
                    t.rows().size(),
                    t.columns().size()));
        }
        long start = System.nanoTime();
        DatasetSynthesis.Result result = synthesize(flat.datasetTables(), o);
        Map<String, List<String[]>> rows = new HashMap<>();
        result.tables().forEach(t -> rows.put(t.name(), t.rows()));
        try (OutputStream file = Files.newOutputStream(out)) {
            flat.shape().write(rows, file);
        }
        String html = o.one("--html");
        if (html != null) {
            Files.writeString(
                    Path.of(html),
                    HtmlReport.render(
                            data.getFileName().toString(), ArgnSynthesizer.NAME, result.reports(), result.relations()),
                    StandardCharsets.UTF_8);
        }
        say(String.format(
                Locale.ROOT,
                "%,d synthetic records written to %s in %.1f s",
                rows.getOrDefault(flat.shape().parts().get(0).table(), List.of())
                        .size(),
                out,
                (System.nanoTime() - start) / 1e9));
    }

    private static void dataset(Options o) throws IOException, CsvProblem {
        Path metadata = o.path("--metadata");
        Path out = o.path("--out");
        List<DatasetTable> tables = dataset(metadata);
        for (DatasetTable t : tables) {
            say(String.format(
                    Locale.ROOT,
                    "%s: %,d rows, %d columns",
                    t.name(),
                    t.table().rowCount(),
                    t.table().columnCount()));
        }
        long start = System.nanoTime();
        DatasetSynthesis.Result result = synthesize(tables, o);
        Files.createDirectories(out);
        for (int i = 0; i < tables.size(); i++) {
            DatasetTable input = tables.get(i);
            Path file = out.resolve(input.name() + ".csv");
            try (OutputStream stream = Files.newOutputStream(file);
                    CsvTables.RowWriter writer = CsvTables.writer(stream, input.spec())) {
                result.tables().get(i).rows().forEach(writer);
            }
        }
        Files.writeString(out.resolve(CsvwMetadata.SYNTHETIC_METADATA), CsvwMetadata.synthetic(metadata));
        Files.writeString(
                out.resolve("report.html"),
                HtmlReport.render(
                        metadata.getFileName().toString(), ArgnSynthesizer.NAME, result.reports(), result.relations()),
                StandardCharsets.UTF_8);
        Files.writeString(
                out.resolve("report.json"),
                JsonReport.render(ArgnSynthesizer.NAME, result.reports(), result.relations()),
                StandardCharsets.UTF_8);
        boolean passed = result.reports().stream().allMatch(RunReport::passed);
        say(String.format(
                Locale.ROOT,
                "%d synthetic tables written to %s in %.1f s; referential integrity %s; privacy %s",
                tables.size(),
                out,
                (System.nanoTime() - start) / 1e9,
                result.relations().stream().allMatch(r -> r.integrity() == 1) ? "100%" : "BROKEN",
                passed ? "PASSED" : "FAILED"));
        for (RunReport r : result.reports()) {
            r.reasons().forEach(reason -> say("  " + r.quality().table() + ": " + reason));
        }
    }

    /** Related tables synthesized with the seed and training budget asked for; a reference that cannot be, refused. */
    private static DatasetSynthesis.Result synthesize(List<DatasetTable> tables, Options o) throws IOException {
        SynthesisSettings settings = new SynthesisSettings(
                        o.number("--seed", 42), 0, SynthesisSettings.defaults().holdoutShare())
                .withTrainingSeconds(o.decimal("--training-seconds", SynthesisSettings.DEFAULT_TRAINING_SECONDS));
        try {
            return new DatasetSynthesis(new ArgnSynthesizer())
                    .run(
                            tables,
                            settings,
                            (step, message) -> say(step.name().toLowerCase(Locale.ROOT) + ": " + message));
        } catch (RelationProblem e) {
            throw new IOException(
                    e.table() + (e.column() == null ? "" : ", column " + e.column()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The tables of a CSVW table group with their keys, references and rules, each CSV file (plain
     * or gzipped) read with its declared columns; what the dataset command and the related-tables
     * benchmark synthesize.
     */
    public static List<DatasetTable> dataset(Path metadata) throws IOException, CsvProblem {
        List<DatasetTable> tables = new ArrayList<>();
        for (CsvwMetadata.GroupTable t : CsvwMetadata.group(metadata)) {
            TableSpec spec = spec(t.file(), List.of(), null, metadata.toString());
            tables.add(new DatasetTable(
                    t.name(), read(t.file(), spec), spec, t.constraints(), t.foreignKeys(), t.publishedAsDeposited()));
        }
        return tables;
    }

    /** A file's bytes, unzipped when its name ends in {@code .gz}. */
    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
    }

    private static Table read(Path file, TableSpec spec) throws IOException, CsvProblem {
        try (InputStream in = open(file)) {
            return CsvTables.read(in, file.getFileName().toString(), spec);
        }
    }

    /** The inferred columns, with a CSVW declaration, extra null markers and a declared key applied. */
    static TableSpec spec(Path data, List<String> nulls, String key, String metadata) throws IOException, CsvProblem {
        TableSpec inferred;
        try (InputStream in = open(data)) {
            inferred = CsvTables.inspect(in, data.getFileName().toString(), StandardCharsets.UTF_8)
                    .spec();
        }
        if (metadata != null) {
            inferred = CsvwMetadata.apply(Path.of(metadata), data.getFileName().toString(), inferred);
        }
        if (key != null && !inferred.columnNames().contains(key)) {
            throw new UsageException("--key " + key + " is not a column of " + data.getFileName());
        }
        List<ColumnSpec> columns = new ArrayList<>();
        for (ColumnSpec c : inferred.columns()) {
            List<String> markers = new ArrayList<>(c.nullMarkers());
            nulls.stream().filter(m -> !markers.contains(m)).forEach(markers::add);
            ColumnKind kind = c.name().equals(key) ? ColumnKind.IDENTIFIER : c.kind();
            columns.add(new ColumnSpec(c.name(), kind, markers, null, c.lang(), c.format()));
        }
        return new TableSpec(inferred.name(), columns, key != null ? List.of(key) : inferred.primaryKey());
    }

    private static void say(String line) {
        System.out.println("[facsimile-synth] " + line);
    }

    /** Wrong arguments: the message, then the usage. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** {@code --name value} pairs after the command; a name may repeat. */
    record Options(Map<String, List<String>> values) {
        static Options parse(String[] args) {
            Map<String, List<String>> values = new HashMap<>();
            for (int i = 1; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new UsageException("expected --option value, found " + args[i]);
                }
                values.computeIfAbsent(args[i], k -> new ArrayList<>()).add(args[++i]);
            }
            return new Options(values);
        }

        String one(String name) {
            List<String> v = values.get(name);
            return v == null ? null : v.get(v.size() - 1);
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }

        Path path(String name) {
            String v = one(name);
            if (v == null) {
                throw new UsageException(name + " is needed");
            }
            return Path.of(v);
        }

        double decimal(String name, double fallback) {
            String v = one(name);
            try {
                return v == null ? fallback : Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new UsageException(name + " must be a number");
            }
        }

        long number(String name, long fallback) {
            String v = one(name);
            try {
                return v == null ? fallback : Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new UsageException(name + " must be a whole number");
            }
        }
    }
}
