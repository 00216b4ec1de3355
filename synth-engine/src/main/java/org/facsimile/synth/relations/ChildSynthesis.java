package org.facsimile.synth.relations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.facsimile.synth.Generator;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.Step;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.Synthesizer;
import org.facsimile.synth.TableSynthesis;
import org.facsimile.synth.constraints.ConstraintProblem;
import org.facsimile.synth.constraints.Constraints;
import org.facsimile.synth.personal.PersonalColumns;
import org.facsimile.synth.privacy.UniqueReplicas;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * A child table: learnt given its parent, then generated per synthetic parent row in waves (every
 * parent's first child, then every second), each row given the parent's row, the sibling drawn
 * before it and its place among its siblings. Its holdout is its held-out parents' children.
 */
final class ChildSynthesis {

    /** The most children a synthetic parent may get, as a multiple of the most any real parent has. */
    private static final int MAX_CHILDREN_FACTOR = 2;

    private final Synthesizer synthesizer;
    private final TableSynthesis single;

    ChildSynthesis(Synthesizer synthesizer, TableSynthesis single) {
        this.synthesizer = synthesizer;
        this.single = single;
    }

    /** The child's model input: each row after its context (parent's columns, sibling before, place). */
    private record Context(
            TableSpec learnt,
            PersonalColumns.Prepared prepared,
            Constraints rules,
            Constraints.Prepared modelled,
            int[] parentColumns,
            int[] previous,
            TableSpec spec) {

        /** How many leading columns are given. */
        int given() {
            return spec.columns().size() - learnt.columns().size();
        }

        /** The parent's context values, the sibling before (missing for the first), the place, then the row. */
        String[] row(String[] parent, String[] before, int place, String[] row) {
            String[] out = new String[parentColumns.length + previous.length + 1 + row.length];
            int next = 0;
            for (int c : parentColumns) {
                out[next++] = parent[c];
            }
            for (int c : previous) {
                out[next++] = before == null ? null : before[c];
            }
            out[next++] = Integer.toString(place);
            System.arraycopy(row, 0, out, next, row.length);
            return out;
        }
    }

    void generate(
            TableWork w,
            TableWork parent,
            Relations.Relation context,
            SynthesisSettings settings,
            ProgressListener named) {
        int n = w.real.rowCount();
        w.holdout = new boolean[n];
        for (int r = 0; r < n; r++) {
            w.holdout[r] = w.parentRow[r] >= 0 && parent.holdout[w.parentRow[r]];
        }
        Context shape = context(w, parent);
        List<List<Integer>> families = TableWork.families(w.parentRow, parent.real.rowCount());
        List<String[]> training = new ArrayList<>();
        List<String[]> holdout = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (w.parentRow[r] >= 0) {
                (w.holdout[r] ? holdout : training).add(shape.prepared().table().row(r));
            }
        }
        List<String> names = w.real.columns();
        Table learntRows = new Table(w.real.name(), names, training);
        Generator generator = learn(w, parent, context, shape, families, settings, named);
        int[] wanted = childrenWanted(w, parent, context, families);
        // as for a single table: no generated row hands out a training row seen only once
        UniqueReplicas replicas = settings.privacy() == null
                ? UniqueReplicas.of(learntRows, shape.prepared().spec())
                : null;
        long[] copies = {0};
        List<List<String[]>> made = draw(w, parent, shape, generator, wanted, replicas, copies, settings, named);
        sequence(w, parent, families, made);
        keys(w, parent, context, made);

        named.stepStarted(Step.EVALUATING, "comparing synthetic and holdout rows with the training rows");
        w.report = single.evaluate(
                w.spec,
                shape.prepared().spec(),
                w.real,
                learntRows,
                new Table(w.real.name(), names, holdout),
                new Table(w.real.name(), names, w.synthetic),
                shape.rules(),
                shape.prepared().methods(),
                null,
                settings,
                null,
                copies[0]);
    }

    /**
     * The synthetic families made to follow one another as the real ones do: put in the order the
     * real families follow, if any, then their running totals computed sibling by sibling.
     */
    private static void sequence(
            TableWork w, TableWork parent, List<List<Integer>> families, List<List<String[]>> made) {
        List<List<String[]>> real = new ArrayList<>();
        for (int p = 0; p < families.size(); p++) {
            if (!parent.holdout[p]) {
                real.add(families.get(p).stream().map(w.real::row).toList());
            }
        }
        boolean[] keysAndReferences = w.keysAndReferences();
        w.order = SequenceOrder.find(w.spec, real, keysAndReferences);
        w.totals = RunningTotal.find(w.spec, real, keysAndReferences);
        for (List<String[]> family : made) {
            if (w.order != null) {
                w.order.sort(w.spec, family);
            }
            for (RunningTotal total : w.totals) {
                total.apply(family);
            }
        }
    }

    /** Direct identifiers and constraints treated as for a single table, the context columns before. */
    private static Context context(TableWork w, TableWork parent) {
        PersonalColumns.Prepared prepared = PersonalColumns.prepare(w.real, w.spec);
        Constraints rules = Constraints.of(w.input.constraints(), w.spec);
        Constraints.Prepared modelled = rules.prepare(prepared.table());
        TableSpec learnt = TableSynthesis.merge(w.spec, prepared.spec(), modelled.spec());
        int[] parentColumns =
                TableWork.measurable(parent.spec, parent.spec.columns().size());
        int[] previous = TableWork.measurable(learnt, learnt.columns().size());
        List<ColumnSpec> columns = new ArrayList<>();
        for (int c : parentColumns) {
            columns.add(renamed("parent: ", parent.spec.column(c), learnt.columns()));
        }
        for (int c : previous) {
            columns.add(renamed("previous: ", learnt.column(c), learnt.columns()));
        }
        columns.add(new ColumnSpec(
                TableWork.unique("place among siblings", learnt.columns()), ColumnKind.INTEGER, List.of("")));
        columns.addAll(learnt.columns());
        TableSpec spec = new TableSpec(learnt.name(), columns, learnt.primaryKey());
        return new Context(learnt, prepared, rules, modelled, parentColumns, previous, spec);
    }

    private static ColumnSpec renamed(String prefix, ColumnSpec column, List<ColumnSpec> taken) {
        return new ColumnSpec(
                TableWork.unique(prefix + column.name(), taken),
                column.kind(),
                column.nullMarkers(),
                null,
                column.lang());
    }

    /** The model of the learnt families' rows given their context; validation holds out whole families. */
    private Generator learn(
            TableWork w,
            TableWork parent,
            Relations.Relation context,
            Context shape,
            List<List<Integer>> families,
            SynthesisSettings settings,
            ProgressListener named) {
        List<String[]> rows = new ArrayList<>();
        List<Integer> familyOf = new ArrayList<>();
        for (int p = 0; p < families.size(); p++) {
            if (parent.holdout[p]) {
                continue;
            }
            String[] before = null;
            int place = 0;
            for (int i : families.get(p)) {
                String[] model = shape.modelled().table().row(i);
                rows.add(shape.row(parent.real.row(p), before, ++place, model));
                familyOf.add(p);
                before = model;
            }
        }
        if (rows.isEmpty()) {
            throw new RelationProblem(
                    w.name(),
                    context.column(),
                    "no row of " + w.name() + " refers to a learnt row of " + parent.name() + " through "
                            + context.column() + "; there are no children to learn from");
        }
        Table table = new Table(w.input.table().name(), shape.spec().columnNames(), rows);
        named.stepStarted(
                Step.PROFILING,
                String.format(
                        Locale.ROOT,
                        "learning %,d rows given their parent row in %s and the row before",
                        rows.size(),
                        parent.name()));
        try {
            // validation holds out whole families: a model learning one family by heart shows it
            return synthesizer.fitGiven(
                    table,
                    shape.spec(),
                    shape.given(),
                    familyOf.stream().mapToInt(Integer::intValue).toArray(),
                    settings,
                    named);
        } catch (UnsupportedOperationException e) {
            throw new RelationProblem(
                    w.name(), context.column(), e.getMessage() + "; related tables need the argn synthesizer");
        }
    }

    /** How many children each synthetic parent gets: its learnt count, within reason. */
    private static int[] childrenWanted(
            TableWork w, TableWork parent, Relations.Relation context, List<List<Integer>> families) {
        int count = parent.countColumn.get(w.name());
        int most = 0;
        for (List<Integer> family : families) {
            most = Math.max(most, family.size());
        }
        boolean oneToOne = w.input.spec().primaryKey().equals(List.of(context.column()));
        int cap = oneToOne ? 1 : Math.max(1, most * MAX_CHILDREN_FACTOR);
        int[] wanted = new int[parent.synthetic.size()];
        for (int p = 0; p < wanted.length; p++) {
            wanted[p] = Math.min(cap, childCount(parent.synthetic.get(p)[count]));
        }
        return wanted;
    }

    /** A generated count as a number of children (a missing or unreadable count is none). */
    static int childCount(String value) {
        if (value == null) {
            return 0;
        }
        try {
            double count = Double.parseDouble(value);
            return count > 0 ? (int) Math.min(Integer.MAX_VALUE, Math.round(count)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Each synthetic parent's children, drawn in waves: every parent's first, then every second. A
     * row a rule refuses is drawn again, and so, in the first {@link UniqueReplicas#ROUNDS}
     * rounds, is one that copies a training row seen only once.
     *
     * @param replicas the training rows seen once; null: none checked
     * @param copies counts the rows drawn again for copying one
     */
    private static List<List<String[]>> draw(
            TableWork w,
            TableWork parent,
            Context shape,
            Generator generator,
            int[] wanted,
            UniqueReplicas replicas,
            long[] copies,
            SynthesisSettings settings,
            ProgressListener named) {
        named.stepStarted(Step.GENERATING, "generating rows per synthetic row of " + parent.name());
        int parents = wanted.length;
        int waves = Arrays.stream(wanted).max().orElse(0);
        String[][] before = new String[parents][];
        List<List<String[]>> made = new ArrayList<>(parents);
        for (int p = 0; p < parents; p++) {
            made.add(new ArrayList<>());
        }
        Random random = new Random(settings.seed() + 5);
        int width = shape.learnt().columns().size();
        int given = shape.given();
        for (int place = 1; place <= waves; place++) {
            List<Integer> todo = new ArrayList<>();
            for (int p = 0; p < parents; p++) {
                if (wanted[p] >= place) {
                    todo.add(p);
                }
            }
            for (int round = 0; !todo.isEmpty(); round++) {
                if (round >= TableSynthesis.MAX_ROUNDS) {
                    throw new ConstraintProblem(
                            null,
                            "the constraints of " + w.name()
                                    + " refuse nearly every generated row; they may not fit the data");
                }
                List<String[]> contexts = new ArrayList<>(todo.size());
                for (int p : todo) {
                    contexts.add(shape.row(parent.synthetic.get(p), before[p], place, new String[width]));
                }
                List<String[]> drawn = new ArrayList<>(todo.size());
                generator.generateGiven(
                        contexts, given, settings.seed() + 1 + 1_000_003L * place + 7_919L * round, drawn::add);
                List<Integer> again = new ArrayList<>();
                for (int k = 0; k < todo.size(); k++) {
                    String[] model = Arrays.copyOfRange(drawn.get(k), given, given + width);
                    String[] finished = shape.rules().finish(model, random);
                    boolean copy = finished != null && replicas != null && replicas.drawAgain(finished, round);
                    copies[0] += copy ? 1 : 0;
                    if (finished == null || copy) {
                        again.add(todo.get(k));
                    } else {
                        made.get(todo.get(k)).add(finished);
                        before[todo.get(k)] = model;
                    }
                }
                todo = again;
            }
            if (place % 10 == 0 || place == waves) {
                named.stepStarted(
                        Step.GENERATING, String.format(Locale.ROOT, "row %d of %d per parent drawn", place, waves));
            }
        }
        return made;
    }

    /** Fresh keys in output order; the context reference takes the parent's synthetic key. */
    private static void keys(TableWork w, TableWork parent, Relations.Relation context, List<List<String[]>> made) {
        boolean[] key = TableSynthesis.keyColumns(w.spec);
        for (int c = 0; c < key.length; c++) {
            key[c] &= !w.isReference(c);
        }
        int reference = w.spec.columnNames().indexOf(context.column());
        int parentKey = parent.spec.columnNames().indexOf(context.parentColumn());
        List<String[]> synthetic = new ArrayList<>();
        List<Integer> parentOf = new ArrayList<>();
        for (int p = 0; p < made.size(); p++) {
            for (String[] row : made.get(p)) {
                TableSynthesis.renumber(row, key, synthetic.size());
                row[reference] = parent.synthetic.get(p)[parentKey];
                synthetic.add(row);
                parentOf.add(p);
            }
        }
        w.synthetic = synthetic;
        w.syntheticParent = parentOf.stream().mapToInt(Integer::intValue).toArray();
    }
}
