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
import org.facsimile.synth.privacy.PrivacyReport;
import org.facsimile.synth.quality.QualityEvaluator;
import org.facsimile.synth.quality.QualityReport;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * One synthesis run over one table: hold out a reference share, fit on the rest, generate,
 * evaluate. The synthetic rows go to a sink as they are made.
 */
public final class TableSynthesis {

    /**
     * The evaluation of one run: how close to the real data, how far from the real people, and how
     * the direct identifiers were replaced (with the check that no real one reached the output).
     */
    public record Report(
            QualityReport quality,
            PrivacyReport privacy,
            List<PersonalColumns.Treated> personal,
            List<Constraints.Enforcement> constraints) {

        public Report {
            personal = personal == null ? List.of() : List.copyOf(personal);
            constraints = constraints == null ? List.of() : List.copyOf(constraints);
        }

        /** A run over a table without direct identifiers or constraints. */
        public Report(QualityReport quality, PrivacyReport privacy) {
            this(quality, privacy, List.of(), List.of());
        }

        /**
         * Why the run must not be published, if it must not: the privacy measures' reasons, and any
         * direct-identifier column where a real value reached the output.
         */
        public List<String> reasons() {
            List<String> reasons = new ArrayList<>(privacy.reasons());
            for (PersonalColumns.Treated t : personal) {
                if (t.realValuesFound() > 0) {
                    reasons.add("column " + t.column() + " (" + t.kind().description() + "): " + t.realValuesFound()
                            + " synthetic values are real ones");
                }
            }
            return reasons;
        }

        /** Whether the run may be published as far as privacy goes. */
        public boolean passed() {
            return privacy.passed() && reasons().isEmpty();
        }
    }

    /** Rounds of redrawing before the constraints are judged to refuse nearly every row. */
    static final int MAX_ROUNDS = 25;

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
    public Report run(
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
    public Report run(
            Table table,
            TableSpec spec,
            List<String> constraints,
            SynthesisSettings settings,
            ProgressListener progress,
            Consumer<String[]> sink) {
        Constraints rules = Constraints.of(constraints, spec);
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
        Generator generator = synthesizer.fit(modelledTraining, merge(learnt, modelled.spec()), settings, progress);

        long rows = settings.sampleRows() > 0 ? settings.sampleRows() : table.rowCount();
        progress.stepStarted(Step.GENERATING, "generating " + rows + " rows");
        List<String[]> generated = new ArrayList<>();
        if (rules.isEmpty()) {
            generator.generate(rows, settings.seed() + 1, row -> {
                generated.add(row);
                sink.accept(row);
            });
        } else {
            generateObeying(generator, rules, learnt, rows, settings.seed(), row -> {
                generated.add(row);
                sink.accept(row);
            });
        }

        progress.stepStarted(Step.EVALUATING, "comparing synthetic and holdout rows with the training rows");
        Table synthetic = new Table(table.name(), table.columns(), generated);
        return new Report(
                quality.evaluate(learnt, training, holdout, synthetic),
                privacy.evaluate(learnt, training, holdout, synthetic, settings.seed()),
                PersonalColumns.check(spec, table, synthetic, prepared.methods()),
                rules.report(generated));
    }

    /**
     * The model's columns: the constraints' learnt kinds, with the personal-data treatment of the
     * columns they leave alone.
     */
    private static TableSpec merge(TableSpec personal, TableSpec constrained) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (int c = 0; c < personal.columns().size(); c++) {
            ColumnSpec p = personal.column(c);
            ColumnSpec k = constrained.column(c);
            columns.add(k.kind() == p.kind() ? p : k);
        }
        return new TableSpec(personal.name(), columns, personal.primaryKey());
    }

    /**
     * Generates rows until {@code rows} obey every constraint: each drawn row is finished (the
     * built-in constraints turned back into columns) and kept, or redrawn in a later round when it
     * breaks a rule. Keys stay fresh and unique across rounds.
     */
    private static void generateObeying(
            Generator generator, Constraints rules, TableSpec spec, long rows, long seed, Consumer<String[]> sink) {
        Random random = new Random(seed + 2);
        long[] accepted = {0};
        long drawn = 0;
        boolean[] key = new boolean[spec.columns().size()];
        for (int c = 0; c < key.length; c++) {
            key[c] = spec.primaryKey().contains(spec.column(c).name())
                    || spec.column(c).kind() == org.facsimile.synth.table.ColumnKind.IDENTIFIER;
        }
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
            generator.generate(ask, seed + 1 + 1_000_003L * round, generatedRow -> {
                if (accepted[0] >= rows) {
                    return;
                }
                String[] row = rules.finish(generatedRow, random);
                if (row == null) {
                    return;
                }
                for (int c = 0; c < key.length; c++) {
                    if (key[c] && row[c] != null) {
                        // fresh across rounds, in the generator's own form
                        row[c] = row[c].matches("[0-9]+")
                                ? Long.toString(accepted[0] + 1)
                                : String.format("S%08d", accepted[0] + 1);
                    }
                }
                accepted[0]++;
                sink.accept(row);
            });
        }
    }
}
