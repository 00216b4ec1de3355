package org.facsimile.synth.relations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.RunReport;
import org.facsimile.synth.Step;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.Synthesizer;
import org.facsimile.synth.TableSynthesis;
import org.facsimile.synth.constraints.ConstraintProblem;
import org.facsimile.synth.relations.Relations.Relation;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * One synthesis run over a dataset of related tables. Tables nobody refers to through a context
 * key are synthesized as single tables ({@link TableSynthesis}), with one extra learnt column per
 * context child: how many rows of that child each row has, so the number of children is learnt
 * jointly with the parent's columns. A child table is then generated per synthetic parent row
 * ({@link ChildSynthesis}), to any depth. Keys are fresh; context references take their parent's
 * synthetic key; other references are matched at the end ({@link ReferenceMatching}). A table
 * declared public reference data is published as deposited, and its children learn its keys as
 * one of their columns. Every
 * reference resolves, and the report says so per relation ({@link RelationMeasures}).
 *
 * <p>The holdout is taken over the tables generated on their own; a child row is held out with
 * its parent, so a family is either learnt or the reference, never both.
 */
public final class DatasetSynthesis {

    /**
     * One synthetic table.
     *
     * @param name the table's name
     * @param rows its synthetic rows, in its columns
     * @param report its quality, privacy, personal data and constraints
     */
    public record Output(String name, List<String[]> rows, RunReport report) {}

    /** The synthetic tables in the input's order, and a report per reference. */
    public record Result(List<Output> tables, List<RelationReport> relations) {

        public Result {
            tables = List.copyOf(tables);
            relations = List.copyOf(relations);
        }

        /** The reports of the tables, in order. */
        public List<RunReport> reports() {
            return tables.stream().map(Output::report).toList();
        }
    }

    private final TableSynthesis single;
    private final ChildSynthesis children;
    private final RelationMeasures measures = new RelationMeasures();

    public DatasetSynthesis(Synthesizer synthesizer) {
        Objects.requireNonNull(synthesizer, "synthesizer");
        this.single = new TableSynthesis(synthesizer);
        this.children = new ChildSynthesis(synthesizer, single);
    }

    /**
     * @throws RelationProblem when a reference cannot be synthesized
     * @throws ConstraintProblem when a table's constraints cannot be read or refuse nearly every row
     */
    public Result run(List<DatasetTable> tables, SynthesisSettings settings, ProgressListener progress) {
        Relations relations = Relations.of(tables);
        if (settings.privacy() != null && !relations.isEmpty()) {
            Relation first = relations.all().get(0);
            throw new RelationProblem(
                    first.child(),
                    first.column(),
                    "differential privacy is not yet available for related tables: one person's rows span"
                            + " tables, so the budget would have to cover whole families");
        }
        Map<String, TableWork> work = new LinkedHashMap<>();
        for (DatasetTable t : tables) {
            work.put(t.name(), new TableWork(t));
        }
        for (Relation r : relations.all()) {
            if (r.context()) {
                work.get(r.child()).parentRow = TableWork.parentRows(work.get(r.parent()), work.get(r.child()), r);
            }
        }
        for (TableWork w : work.values()) {
            extend(w, relations, work);
        }
        Map<String, Double> budget = budgets(relations, work, settings.trainingSeconds());
        for (DatasetTable t : relations.order()) {
            TableWork w = work.get(t.name());
            Relation context = relations.context(t.name());
            SynthesisSettings own =
                    settings.withTrainingSeconds(budget.getOrDefault(t.name(), settings.trainingSeconds()));
            if (t.publishedAsDeposited()) {
                deposited(w);
            } else if (context == null) {
                generateAlone(w, own, progress);
            } else {
                children.generate(w, work.get(context.parent()), context, own, named(progress, w));
            }
        }
        Random random = new Random(settings.seed() + 11);
        List<RelationReport> reports = new ArrayList<>();
        for (Relation r : relations.all()) {
            TableWork child = work.get(r.child());
            TableWork parent = work.get(r.parent());
            if (relations.published(r)) {
                ReferenceMatching.keepPublished(parent, child, r, random);
            } else if (!r.context()) {
                ReferenceMatching.match(parent, child, r, random);
            }
            reports.add(measures.report(parent, child, r, relations.published(r)));
        }
        List<Output> outputs = new ArrayList<>();
        for (TableWork w : work.values()) {
            List<String[]> rows = new ArrayList<>(w.synthetic.size());
            for (String[] row : w.synthetic) {
                rows.add(Arrays.copyOf(row, w.width()));
            }
            outputs.add(new Output(w.name(), rows, w.report));
        }
        return new Result(outputs, reports);
    }

    /** The least training time a generated table gets, however small its share of the dataset. */
    static final double MIN_TABLE_SECONDS = 30;

    /**
     * The dataset's training budget shared out among the tables to be generated, in proportion to
     * the values each model reads (rows times its columns; a child's also its parent's and its
     * sibling's), each at least {@link #MIN_TABLE_SECONDS}: the budget is the whole set's, so a
     * set of many tables no longer takes a table's budget many times over.
     */
    static Map<String, Double> budgets(Relations relations, Map<String, TableWork> work, double seconds) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (DatasetTable t : relations.order()) {
            if (t.publishedAsDeposited()) {
                continue;
            }
            TableWork w = work.get(t.name());
            Relation context = relations.context(t.name());
            int columns = w.spec.columns().size();
            if (context != null) {
                columns += work.get(context.parent()).spec.columns().size()
                        + w.spec.columns().size()
                        + 1;
            }
            values.put(t.name(), (double) w.real.rowCount() * columns);
        }
        double total = values.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> budgets = new LinkedHashMap<>();
        values.forEach((table, v) -> budgets.put(
                table, Math.min(seconds, Math.max(MIN_TABLE_SECONDS, total == 0 ? seconds : seconds * v / total))));
        return budgets;
    }

    /**
     * The table as learnt: references not learnt (a context reference takes its parent's key, a
     * matched one is filled at the end), one count column per context child appended.
     */
    private static void extend(TableWork w, Relations relations, Map<String, TableWork> work) {
        TableSpec declared = w.input.spec();
        List<ColumnSpec> columns = new ArrayList<>(declared.columns());
        for (Relation r : relations.all()) {
            if (r.child().equals(w.name()) && !declared.primaryKey().contains(r.column())) {
                int c = declared.columnNames().indexOf(r.column());
                ColumnSpec reference = columns.get(c);
                // a published table's keys are learnt as the child's categories; others are made afresh
                ColumnKind kind = relations.published(r) ? ColumnKind.CATEGORICAL : ColumnKind.IDENTIFIER;
                columns.set(c, new ColumnSpec(reference.name(), kind, reference.nullMarkers()));
            }
        }
        List<Relation> contextChildren = relations.contextChildren(w.name());
        int[][] counts = new int[contextChildren.size()][w.input.table().rowCount()];
        for (int k = 0; k < contextChildren.size(); k++) {
            String name = TableWork.unique("rows in " + contextChildren.get(k).child(), columns);
            w.countColumn.put(contextChildren.get(k).child(), columns.size());
            columns.add(new ColumnSpec(name, ColumnKind.INTEGER, List.of("")));
            for (int p : work.get(contextChildren.get(k).child()).parentRow) {
                if (p >= 0) {
                    counts[k][p]++;
                }
            }
        }
        w.spec = new TableSpec(declared.name(), columns, declared.primaryKey());
        if (contextChildren.isEmpty()) {
            w.real = w.input.table();
            return;
        }
        List<String[]> rows = new ArrayList<>(w.input.table().rowCount());
        for (int r = 0; r < w.input.table().rowCount(); r++) {
            String[] row = Arrays.copyOf(w.input.table().row(r), columns.size());
            for (int k = 0; k < contextChildren.size(); k++) {
                row[w.width() + k] = Integer.toString(counts[k][r]);
            }
            rows.add(row);
        }
        w.real = new Table(
                w.input.table().name(), columns.stream().map(ColumnSpec::name).toList(), rows);
    }

    /** A table declared public reference data: its rows as deposited, nothing held out or measured. */
    private static void deposited(TableWork w) {
        w.holdout = new boolean[w.real.rowCount()];
        w.synthetic = new ArrayList<>(w.real.rowCount());
        for (String[] row : w.real.rows()) {
            w.synthetic.add(row.clone());
        }
        w.report = RunReport.publishedAsDeposited(w.real.name(), w.real.rowCount());
    }

    /** A table generated on its own, through the single-table run. */
    private void generateAlone(TableWork w, SynthesisSettings settings, ProgressListener progress) {
        w.holdout = Table.holdoutRows(w.real.rowCount(), settings.holdoutShare(), settings.seed());
        List<String[]> rows = new ArrayList<>();
        w.report = single.run(w.real, w.spec, w.input.constraints(), settings, named(progress, w), rows::add);
        w.synthetic = rows;
    }

    private static ProgressListener named(ProgressListener progress, TableWork w) {
        return new ProgressListener() {
            @Override
            public void stepStarted(Step step, String message) {
                progress.stepStarted(step, w.name() + ": " + message);
            }

            @Override
            public void stepAdvanced(Step step, double done, String message) {
                progress.stepAdvanced(step, done, w.name() + ": " + message);
            }
        };
    }
}
