package org.facsimile.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import org.facsimile.synth.constraints.ConstraintProblem;
import org.facsimile.synth.constraints.Constraints;
import org.facsimile.synth.personal.PersonalColumns;
import org.facsimile.synth.privacy.PrivacyEvaluator;
import org.facsimile.synth.privacy.UniqueReplicas;
import org.facsimile.synth.quality.QualityEvaluator;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * One synthesis run over one table: hold out a reference share, fit on the rest, generate,
 * evaluate. The synthetic rows go to a sink as they are made.
 */
public final class TableSynthesis {

    /** Rounds of redrawing before the constraints are judged to refuse nearly every row. */
    public static final int MAX_ROUNDS = 25;

    private final Synthesizer synthesizer;
    private final QualityEvaluator quality = new QualityEvaluator();
    private final PrivacyEvaluator privacy = new PrivacyEvaluator();

    public TableSynthesis(Synthesizer synthesizer) {
        this.synthesizer = Objects.requireNonNull(synthesizer, "synthesizer");
    }

    /**
     * @param table the real rows
     * @param spec the table's columns
     * @param sink receives every synthetic row, in order
     * @return the quality and privacy evaluation of the generated rows
     */
    public RunReport run(
            Table table,
            TableSpec spec,
            SynthesisSettings settings,
            ProgressListener progress,
            Consumer<String[]> sink) {
        return run(table, spec, List.of(), settings, progress, sink);
    }

    /**
     * @param constraints the table's declared constraints ({@link
     *     org.facsimile.synth.constraints.ConstraintParser}): every synthetic row obeys them
     * @throws org.facsimile.synth.constraints.ConstraintProblem when a constraint cannot be read,
     *     they contradict each other, or they refuse nearly every generated row
     */
    public RunReport run(
            Table table,
            TableSpec spec,
            List<String> constraints,
            SynthesisSettings settings,
            ProgressListener progress,
            Consumer<String[]> sink) {
        return run(table, spec, constraints, Conditions.none(), settings, progress, sink);
    }

    /**
     * @param conditions seed rows or a rebalanced category ({@link Conditions}); not together with
     *     constraints
     * @throws IllegalArgumentException when the conditions name columns that cannot be given, or
     *     come with constraints; UnsupportedOperationException when the synthesizer cannot condition
     */
    public RunReport run(
            Table table,
            TableSpec spec,
            List<String> constraints,
            Conditions conditions,
            SynthesisSettings settings,
            ProgressListener progress,
            Consumer<String[]> sink) {
        Constraints rules = Constraints.of(constraints, spec);
        conditions.check(spec);
        if (settings.privacy() != null) {
            for (org.facsimile.synth.constraints.Constraint c : rules.constraints()) {
                if (c instanceof org.facsimile.synth.constraints.Constraint.FixedCombinations) {
                    throw new ConstraintProblem(
                            null,
                            c.text()
                                    + ": the combinations are taken from the real rows, which differential privacy does"
                                    + " not yet cover; leave the rule out or synthesize without a privacy budget");
                }
            }
        }
        if (!conditions.isEmpty() && !rules.isEmpty()) {
            throw new IllegalArgumentException(
                    "conditional generation (seed rows, rebalancing) cannot yet be combined with constraints");
        }
        // direct identifiers: repeating ones pseudonymised before anything is learnt, the rest faked
        PersonalColumns.Prepared prepared = PersonalColumns.prepare(table, spec);
        TableSpec learnt = prepared.spec();
        // what the model learns (constraints built in) and what the output is compared with (as is)
        Constraints.Prepared modelled = rules.prepare(prepared.table());
        Table[] parts = prepared.table().split(settings.holdoutShare(), settings.seed());
        Table training = parts[0];
        Table holdout = parts[1];
        Table modelledTraining = modelled.table() == prepared.table()
                ? training
                : modelled.table().split(settings.holdoutShare(), settings.seed())[0];
        Generator generator =
                synthesizer.fit(modelledTraining, merge(spec, learnt, modelled.spec()), settings, progress);

        long rows = settings.sampleRows() > 0 ? settings.sampleRows() : table.rowCount();
        progress.stepStarted(Step.GENERATING, "generating " + rows + " rows");
        List<String[]> generated = new ArrayList<>();
        RunReport.Conditioned conditioned = null;
        long redrawn = 0;
        if (!conditions.isEmpty()) {
            // seeded rows copy what the depositor gives; rebalancing keeps the drawn shares
            conditioned = generateConditioned(generator, conditions, learnt, rows, settings.seed(), generated);
            generated.forEach(sink);
        } else {
            // under differential privacy nothing after training may read the rows: no filter
            UniqueReplicas replicas = settings.privacy() == null ? UniqueReplicas.of(training, learnt) : null;
            redrawn = generateKept(generator, rules, replicas, learnt, rows, settings.seed(), row -> {
                generated.add(row);
                sink.accept(row);
            });
            if (redrawn > 0) {
                progress.stepStarted(
                        Step.GENERATING,
                        String.format(
                                Locale.ROOT, "drew %,d rows again that copied a training row seen only once", redrawn));
            }
        }

        progress.stepStarted(Step.EVALUATING, "comparing synthetic and holdout rows with the training rows");
        Table synthetic = new Table(table.name(), table.columns(), generated);
        return evaluate(
                spec,
                learnt,
                table,
                training,
                holdout,
                synthetic,
                rules,
                prepared.methods(),
                conditioned,
                settings,
                generator.privacySpent(),
                redrawn);
    }

    /**
     * The report of one generated table: quality and privacy of the synthetic rows against the
     * (pseudonymised) training and holdout rows, the direct identifiers' treatment checked against
     * the real values, and each constraint's enforcement.
     *
     * @param spec the table's columns as declared
     * @param learnt the columns as learnt (pseudonymised columns as categories)
     * @param real the real rows as deposited
     */
    public RunReport evaluate(
            TableSpec spec,
            TableSpec learnt,
            Table real,
            Table training,
            Table holdout,
            Table synthetic,
            Constraints rules,
            java.util.Map<String, String> personalMethods,
            RunReport.Conditioned conditioned,
            SynthesisSettings settings,
            org.facsimile.synth.dp.PrivacySpent spent,
            long replicasRedrawn) {
        return new RunReport(
                quality.evaluate(learnt, training, holdout, synthetic),
                privacy.evaluate(learnt, training, holdout, synthetic, settings.seed()),
                PersonalColumns.check(spec, real, synthetic, personalMethods),
                rules.report(synthetic.rows()),
                conditioned,
                spent,
                replicasRedrawn);
    }

    /**
     * The model's columns: where a constraint changed a column (a difference, a combination, a
     * computed column), the constraint's; elsewhere the personal-data treatment's.
     */
    public static TableSpec merge(TableSpec original, TableSpec personal, TableSpec constrained) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (int c = 0; c < personal.columns().size(); c++) {
            ColumnSpec k = constrained.column(c);
            columns.add(k.equals(original.column(c)) ? personal.column(c) : k);
        }
        return new TableSpec(personal.name(), columns, personal.primaryKey());
    }

    /**
     * Seeded rows (one per seed) or a rebalanced table: the target category's rows drawn given it,
     * the others drawn as learnt and kept when they are not of it, then shuffled together.
     */
    private static RunReport.Conditioned generateConditioned(
            Generator generator, Conditions conditions, TableSpec spec, long rows, long seed, List<String[]> out) {
        List<String> names = spec.columnNames();
        if (!conditions.seedRows().isEmpty()) {
            List<String[]> seeds = new ArrayList<>();
            for (java.util.Map<String, String> given : conditions.seedRows()) {
                String[] s = new String[names.size()];
                given.forEach((column, value) -> s[names.indexOf(column)] = value);
                seeds.add(s);
            }
            generator.generateSeeded(seeds, seed + 1, out::add);
            return new RunReport.Conditioned(seeds.size(), null, Double.NaN, Double.NaN);
        }
        Conditions.Rebalance rebalance = conditions.rebalance();
        int c = names.indexOf(rebalance.column());
        long target = Math.round(rows * rebalance.share());
        List<String[]> seeds = new ArrayList<>();
        for (long r = 0; r < target; r++) {
            String[] s = new String[names.size()];
            s[c] = rebalance.value();
            seeds.add(s);
        }
        generator.generateSeeded(seeds, seed + 1, out::add);
        long others = rows - target;
        long[] kept = {0};
        for (int round = 0; kept[0] < others; round++) {
            if (round >= MAX_ROUNDS) {
                throw new IllegalArgumentException("rebalance: nearly every generated row has " + rebalance.column()
                        + " = " + rebalance.value() + "; no other rows to fill the rest with");
            }
            generator.generate(Math.max(16, (others - kept[0]) * 2), seed + 7 + 1_000_003L * round, row -> {
                if (kept[0] < others && !rebalance.value().equals(row[c])) {
                    out.add(row);
                    kept[0]++;
                }
            });
        }
        java.util.Collections.shuffle(out, new Random(seed + 3));
        freshKeys(out, spec);
        long matching = out.stream().filter(r -> rebalance.value().equals(r[c])).count();
        return new RunReport.Conditioned(
                0, rebalance.column(), rebalance.share(), out.isEmpty() ? 0 : (double) matching / out.size());
    }

    /** The key and identifier columns renumbered in row order, in the generator's own form. */
    private static void freshKeys(List<String[]> rows, TableSpec spec) {
        boolean[] key = keyColumns(spec);
        for (int r = 0; r < rows.size(); r++) {
            renumber(rows.get(r), key, r);
        }
    }

    /** Which columns get fresh values: the primary key's and the identifiers. */
    public static boolean[] keyColumns(TableSpec spec) {
        boolean[] key = new boolean[spec.columns().size()];
        for (int c = 0; c < key.length; c++) {
            key[c] = spec.primaryKey().contains(spec.column(c).name())
                    || spec.column(c).kind() == org.facsimile.synth.table.ColumnKind.IDENTIFIER;
        }
        return key;
    }

    /** The key columns of a synthetic row given the fresh values of row {@code index}. */
    public static void renumber(String[] row, boolean[] key, long index) {
        for (int c = 0; c < key.length; c++) {
            if (key[c] && row[c] != null) {
                // in the shape the generator made the key in; a UUID is fresh already
                org.facsimile.synth.table.KeyShape shape = org.facsimile.synth.table.KeyShape.ofFresh(row[c]);
                if (!shape.uuid()) {
                    row[c] = shape.key(index, 0);
                }
            }
        }
    }

    /**
     * Generates {@code rows} rows of which none copies a training row seen only once, as a run
     * without constraints or conditions does (for the benchmarks, which fit and generate apart).
     *
     * @param training the rows the generator learnt
     * @return the rows drawn again because they copied one
     */
    public static long generateWithoutCopies(
            Generator generator, Table training, TableSpec spec, long rows, long seed, Consumer<String[]> sink) {
        return generateKept(
                generator, Constraints.none(spec), UniqueReplicas.of(training, spec), spec, rows, seed, sink);
    }

    /**
     * Generates rows until {@code rows} are kept: each drawn row is finished (the built-in
     * constraints turned back into columns) and kept, or redrawn in a later round when it breaks
     * a rule or, in the first {@link UniqueReplicas#ROUNDS}, copies a unique training row. Keys stay
     * fresh and unique across rounds. Without constraints and copies it is one plain generation.
     *
     * @param replicas the training rows seen once; null: none checked
     * @return the rows drawn again because they copied a unique training row
     */
    private static long generateKept(
            Generator generator,
            Constraints rules,
            UniqueReplicas replicas,
            TableSpec spec,
            long rows,
            long seed,
            Consumer<String[]> sink) {
        Random random = new Random(seed + 2);
        long[] accepted = {0};
        long[] copies = {0};
        long drawn = 0;
        boolean[] key = keyColumns(spec);
        for (int round = 0; accepted[0] < rows; round++) {
            if (round >= MAX_ROUNDS) {
                throw new ConstraintProblem(
                        null,
                        String.format(
                                Locale.ROOT,
                                "the constraints refuse nearly every generated row (%,d of %,d drawn kept): %s",
                                accepted[0],
                                drawn,
                                rules.report(List.of()).stream()
                                        .filter(e -> e.redrawn() > 0)
                                        .map(e -> e.constraint() + " (" + e.redrawn() + " redrawn)")
                                        .toList()));
            }
            long missing = rows - accepted[0];
            double keptShare = drawn == 0 ? 1 : Math.max(0.01, (double) accepted[0] / drawn);
            long ask = round == 0 ? rows : (long) Math.min(100L * rows, Math.ceil(missing / keptShare * 1.2) + 16);
            drawn += ask;
            int thisRound = round;
            generator.generate(ask, seed + 1 + 1_000_003L * round, generatedRow -> {
                if (accepted[0] >= rows) {
                    return;
                }
                String[] row = rules.isEmpty() ? generatedRow : rules.finish(generatedRow, random);
                if (row == null) {
                    return;
                }
                if (replicas != null && replicas.drawAgain(row, thisRound)) {
                    copies[0]++;
                    return;
                }
                // keys fresh across rounds
                renumber(row, key, accepted[0]);
                accepted[0]++;
                sink.accept(row);
            });
        }
        return copies[0];
    }
}
