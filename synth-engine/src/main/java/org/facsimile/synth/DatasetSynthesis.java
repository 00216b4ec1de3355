package org.facsimile.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.facsimile.synth.constraints.ConstraintProblem;
import org.facsimile.synth.constraints.Constraints;
import org.facsimile.synth.personal.PersonalColumns;
import org.facsimile.synth.quality.QualityEvaluator;
import org.facsimile.synth.quality.QualityReport;
import org.facsimile.synth.relations.DatasetTable;
import org.facsimile.synth.relations.RelationReport;
import org.facsimile.synth.relations.Relations;
import org.facsimile.synth.relations.Relations.Relation;
import org.facsimile.synth.report.RunReport;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * One synthesis run over a dataset of related tables. Tables nobody refers to through a context
 * key are synthesized as single tables ({@link TableSynthesis}), with one extra learnt column per
 * context child: how many rows of that child each row has, so the number of children is learnt
 * jointly with the parent's columns. A child table is then generated per synthetic parent row,
 * its rows one after another: each drawn given the parent's synthetic row, the sibling drawn
 * before it and its place in the sequence ({@link Synthesizer#fitGiven}), in waves (every
 * parent's first child, then every second), to any depth. Keys are fresh; context references
 * take their parent's synthetic key; other references are matched at the end. Every reference
 * resolves, and the report says so per relation with the children-per-parent distribution and
 * the accuracy of parent columns against child columns.
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

    /** The most children a synthetic parent may get, as a multiple of the most any real parent has. */
    private static final int MAX_CHILDREN_FACTOR = 2;

    private final Synthesizer synthesizer;
    private final TableSynthesis single;
    private final QualityEvaluator quality = new QualityEvaluator();

    public DatasetSynthesis(Synthesizer synthesizer) {
        this.synthesizer = Objects.requireNonNull(synthesizer, "synthesizer");
        this.single = new TableSynthesis(synthesizer);
    }

    /** What the run knows of one table while the dataset is generated. */
    private static final class Work {
        final DatasetTable input;
        /** The real rows with one count column per context child appended. */
        Table real;
        /** The columns as learnt: references not learnt, count columns appended. */
        TableSpec spec;
        /** Per context child, the count column's index. */
        final Map<String, Integer> countColumn = new LinkedHashMap<>();
        /** Per real row: held out with its family. */
        boolean[] holdout;
        /** Per real row of a context child: its real parent row, -1 when the reference is empty or dangling. */
        int[] parentRow;
        /** The synthetic rows with the count columns. */
        List<String[]> synthetic;
        /** Per synthetic row of a context child: its synthetic parent row. */
        int[] syntheticParent;

        RunReport report;

        Work(DatasetTable input) {
            this.input = input;
        }

        int width() {
            return input.spec().columns().size();
        }
    }

    /**
     * @throws org.facsimile.synth.relations.RelationProblem when a reference cannot be synthesized
     * @throws ConstraintProblem when a table's constraints cannot be read or refuse nearly every row
     */
    public Result run(List<DatasetTable> tables, SynthesisSettings settings, ProgressListener progress) {
        Relations relations = Relations.of(tables);
        if (settings.privacy() != null && !relations.isEmpty()) {
            Relation first = relations.all().get(0);
            throw new org.facsimile.synth.relations.RelationProblem(
                    first.child(),
                    first.column(),
                    "differential privacy is not yet available for related tables: one person's rows span"
                            + " tables, so the budget would have to cover whole families");
        }
        Map<String, Work> work = new LinkedHashMap<>();
        for (DatasetTable t : tables) {
            work.put(t.name(), new Work(t));
        }
        for (Relation r : relations.all()) {
            if (r.context()) {
                work.get(r.child()).parentRow = references(work.get(r.parent()), work.get(r.child()), r);
            }
        }
        for (Work w : work.values()) {
            extend(w, relations, work);
        }
        List<RelationReport> reports = new ArrayList<>();
        for (DatasetTable t : relations.order()) {
            Work w = work.get(t.name());
            Relation context = relations.context(t.name());
            if (context == null) {
                generateAlone(w, settings, progress);
            } else {
                generateChildren(w, work.get(context.parent()), context, settings, progress);
            }
        }
        Random random = new Random(settings.seed() + 11);
        for (Relation r : relations.all()) {
            Work child = work.get(r.child());
            Work parent = work.get(r.parent());
            if (!r.context()) {
                match(parent, child, r, random);
            }
            reports.add(report(parent, child, r));
        }
        List<Output> outputs = new ArrayList<>();
        for (Work w : work.values()) {
            List<String[]> rows = new ArrayList<>(w.synthetic.size());
            for (String[] row : w.synthetic) {
                rows.add(Arrays.copyOf(row, w.width()));
            }
            outputs.add(new Output(w.input.name(), rows, w.report));
        }
        return new Result(outputs, reports);
    }

    /** Per child row, the index of the parent row its reference names; -1 when empty or dangling. */
    private static int[] references(Work parent, Work child, Relation r) {
        Map<String, Integer> keys = keyIndex(parent.input.table(), r.parentColumn());
        int c = child.input.table().columns().indexOf(r.column());
        int[] rows = new int[child.input.table().rowCount()];
        for (int i = 0; i < rows.length; i++) {
            String value = child.input.table().row(i)[c];
            Integer p = value == null ? null : keys.get(value);
            rows[i] = p == null ? -1 : p;
        }
        return rows;
    }

    private static Map<String, Integer> keyIndex(Table table, String column) {
        int c = table.columns().indexOf(column);
        Map<String, Integer> keys = new HashMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            keys.put(table.row(r)[c], r);
        }
        return keys;
    }

    /**
     * The table as learnt: references not learnt (a context reference takes its parent's key, a
     * matched one is filled at the end), one count column per context child appended.
     */
    private static void extend(Work w, Relations relations, Map<String, Work> work) {
        TableSpec declared = w.input.spec();
        List<ColumnSpec> columns = new ArrayList<>(declared.columns());
        for (Relation r : relations.all()) {
            if (r.child().equals(w.input.name()) && !declared.primaryKey().contains(r.column())) {
                int c = declared.columnNames().indexOf(r.column());
                ColumnSpec reference = columns.get(c);
                columns.set(c, new ColumnSpec(reference.name(), ColumnKind.IDENTIFIER, reference.nullMarkers()));
            }
        }
        List<Relation> children = relations.contextChildren(w.input.name());
        int[][] counts = new int[children.size()][w.input.table().rowCount()];
        for (int k = 0; k < children.size(); k++) {
            String name = unique("rows in " + children.get(k).child(), columns);
            w.countColumn.put(children.get(k).child(), columns.size());
            columns.add(new ColumnSpec(name, ColumnKind.INTEGER, List.of("")));
            for (int p : work.get(children.get(k).child()).parentRow) {
                if (p >= 0) {
                    counts[k][p]++;
                }
            }
        }
        w.spec = new TableSpec(declared.name(), columns, declared.primaryKey());
        if (children.isEmpty()) {
            w.real = w.input.table();
            return;
        }
        List<String[]> rows = new ArrayList<>(w.input.table().rowCount());
        for (int r = 0; r < w.input.table().rowCount(); r++) {
            String[] row = Arrays.copyOf(w.input.table().row(r), columns.size());
            for (int k = 0; k < children.size(); k++) {
                row[w.width() + k] = Integer.toString(counts[k][r]);
            }
            rows.add(row);
        }
        List<String> names = columns.stream().map(ColumnSpec::name).toList();
        w.real = new Table(w.input.table().name(), names, rows);
    }

    private static String unique(String name, List<ColumnSpec> columns) {
        String candidate = name;
        while (taken(candidate, columns)) {
            candidate = "(" + candidate + ")";
        }
        return candidate;
    }

    private static boolean taken(String name, List<ColumnSpec> columns) {
        return columns.stream().anyMatch(c -> c.name().equals(name));
    }

    /** A table generated on its own, through the single-table run. */
    private void generateAlone(Work w, SynthesisSettings settings, ProgressListener progress) {
        w.holdout = Table.holdoutRows(w.real.rowCount(), settings.holdoutShare(), settings.seed());
        List<String[]> rows = new ArrayList<>();
        w.report = single.run(w.real, w.spec, w.input.constraints(), settings, named(progress, w), rows::add);
        w.synthetic = rows;
    }

    private static ProgressListener named(ProgressListener progress, Work w) {
        return (step, message) -> progress.stepStarted(step, w.input.name() + ": " + message);
    }
    /**
     * A child table: learnt given its parent, then generated per synthetic parent row in waves,
     * each row given the parent's row, the sibling drawn before it and its place.
     */
    private void generateChildren(
            Work w, Work parent, Relation context, SynthesisSettings settings, ProgressListener progress) {
        ProgressListener named = named(progress, w);
        int n = w.real.rowCount();
        w.holdout = new boolean[n];
        for (int r = 0; r < n; r++) {
            w.holdout[r] = w.parentRow[r] >= 0 && parent.holdout[w.parentRow[r]];
        }
        // direct identifiers and constraints as for a single table
        PersonalColumns.Prepared prepared = PersonalColumns.prepare(w.real, w.spec);
        Constraints rules = Constraints.of(w.input.constraints(), w.spec);
        Constraints.Prepared modelled = rules.prepare(prepared.table());
        TableSpec learnt = TableSynthesis.merge(w.spec, prepared.spec(), modelled.spec());

        // the context: the parent's learnt columns, the sibling before, the place in the sequence
        int[] parentColumns = measurable(parent.spec, parent.spec.columns().size());
        int[] previous = measurable(learnt, learnt.columns().size());
        List<ColumnSpec> columns = new ArrayList<>();
        for (int c : parentColumns) {
            columns.add(renamed("parent: ", parent.spec.column(c), learnt.columns()));
        }
        for (int c : previous) {
            columns.add(renamed("previous: ", learnt.column(c), learnt.columns()));
        }
        columns.add(new ColumnSpec(unique("place among siblings", learnt.columns()), ColumnKind.INTEGER, List.of("")));
        int given = columns.size();
        columns.addAll(learnt.columns());
        TableSpec contextSpec = new TableSpec(learnt.name(), columns, learnt.primaryKey());

        List<List<Integer>> families = families(w.parentRow, parent.real.rowCount());
        List<String[]> rows = new ArrayList<>();
        List<Integer> familyOf = new ArrayList<>();
        for (int p = 0; p < families.size(); p++) {
            if (parent.holdout[p]) {
                continue;
            }
            String[] before = null;
            int place = 0;
            for (int i : families.get(p)) {
                String[] model = modelled.table().row(i);
                rows.add(contextRow(parent.real.row(p), parentColumns, before, previous, ++place, model));
                familyOf.add(p);
                before = model;
            }
        }
        if (rows.isEmpty()) {
            throw new org.facsimile.synth.relations.RelationProblem(
                    w.input.name(),
                    context.column(),
                    "no row of " + w.input.name() + " refers to a learnt row of " + parent.input.name() + " through "
                            + context.column() + "; there are no children to learn from");
        }
        Table contextTable = new Table(
                w.input.table().name(), columns.stream().map(ColumnSpec::name).toList(), rows);
        named.stepStarted(
                Step.PROFILING,
                String.format(
                        Locale.ROOT,
                        "learning %,d rows given their parent row in %s and the row before",
                        rows.size(),
                        parent.input.name()));
        Generator generator;
        try {
            // validation holds out whole families: a model learning one family by heart shows it
            generator = synthesizer.fitGiven(
                    contextTable,
                    contextSpec,
                    given,
                    familyOf.stream().mapToInt(Integer::intValue).toArray(),
                    settings,
                    named);
        } catch (UnsupportedOperationException e) {
            throw new org.facsimile.synth.relations.RelationProblem(
                    w.input.name(), context.column(), e.getMessage() + "; related tables need the argn synthesizer");
        }

        // how many children each synthetic parent gets: its learnt count, within reason
        int count = parent.countColumn.get(w.input.name());
        int most = 0;
        for (List<Integer> family : families) {
            most = Math.max(most, family.size());
        }
        boolean oneToOne = w.input.spec().primaryKey().equals(List.of(context.column()));
        int cap = oneToOne ? 1 : Math.max(1, most * MAX_CHILDREN_FACTOR);
        int parents = parent.synthetic.size();
        int[] wanted = new int[parents];
        int waves = 0;
        for (int p = 0; p < parents; p++) {
            wanted[p] = Math.min(cap, childCount(parent.synthetic.get(p)[count]));
            waves = Math.max(waves, wanted[p]);
        }
        named.stepStarted(Step.GENERATING, "generating rows per synthetic row of " + parent.input.name());
        String[][] before = new String[parents][];
        List<List<String[]>> made = new ArrayList<>(parents);
        for (int p = 0; p < parents; p++) {
            made.add(new ArrayList<>());
        }
        Random random = new Random(settings.seed() + 5);
        int width = learnt.columns().size();
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
                            "the constraints of " + w.input.name()
                                    + " refuse nearly every generated row; they may not fit the data");
                }
                List<String[]> contexts = new ArrayList<>(todo.size());
                for (int p : todo) {
                    contexts.add(contextRow(
                            parent.synthetic.get(p), parentColumns, before[p], previous, place, new String[width]));
                }
                List<String[]> drawn = new ArrayList<>(todo.size());
                generator.generateGiven(
                        contexts, given, settings.seed() + 1 + 1_000_003L * place + 7_919L * round, drawn::add);
                List<Integer> again = new ArrayList<>();
                for (int k = 0; k < todo.size(); k++) {
                    String[] model = Arrays.copyOfRange(drawn.get(k), given, given + width);
                    String[] finished = rules.finish(model, random);
                    if (finished == null) {
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

        // fresh keys in output order; the context reference takes the parent's synthetic key
        boolean[] key = TableSynthesis.keyColumns(w.spec);
        for (int c = 0; c < key.length; c++) {
            key[c] &= !isReference(w, c);
        }
        int reference = w.spec.columnNames().indexOf(context.column());
        int parentKey = parent.spec.columnNames().indexOf(context.parentColumn());
        List<String[]> synthetic = new ArrayList<>();
        List<Integer> parentOf = new ArrayList<>();
        for (int p = 0; p < parents; p++) {
            for (String[] row : made.get(p)) {
                TableSynthesis.renumber(row, key, synthetic.size());
                row[reference] = parent.synthetic.get(p)[parentKey];
                synthetic.add(row);
                parentOf.add(p);
            }
        }
        w.synthetic = synthetic;
        w.syntheticParent = parentOf.stream().mapToInt(Integer::intValue).toArray();

        named.stepStarted(Step.EVALUATING, "comparing synthetic and holdout rows with the training rows");
        List<String[]> training = new ArrayList<>();
        List<String[]> holdout = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (w.parentRow[r] >= 0) {
                (w.holdout[r] ? holdout : training).add(prepared.table().row(r));
            }
        }
        List<String> names = w.real.columns();
        w.report = single.evaluate(
                w.spec,
                prepared.spec(),
                w.real,
                new Table(w.real.name(), names, training),
                new Table(w.real.name(), names, holdout),
                new Table(w.real.name(), names, synthetic),
                rules,
                prepared.methods(),
                null,
                settings,
                null,
                0);
    }

    /** Whether a column of the table is one of its references. */
    private static boolean isReference(Work w, int c) {
        return w.input.foreignKeys().stream()
                .anyMatch(k -> k.columns().contains(w.spec.column(c).name()));
    }

    /** The indices of the first {@code width} columns whose values are learnt and compared. */
    private static int[] measurable(TableSpec spec, int width) {
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            if (QualityEvaluator.measurable(spec, c)) {
                columns.add(c);
            }
        }
        return columns.stream().mapToInt(Integer::intValue).toArray();
    }

    private static ColumnSpec renamed(String prefix, ColumnSpec column, List<ColumnSpec> taken) {
        return new ColumnSpec(
                unique(prefix + column.name(), taken), column.kind(), column.nullMarkers(), null, column.lang());
    }

    /** The child rows of each parent row, in file order. */
    private static List<List<Integer>> families(int[] parentRow, int parents) {
        List<List<Integer>> families = new ArrayList<>(parents);
        for (int p = 0; p < parents; p++) {
            families.add(new ArrayList<>());
        }
        for (int r = 0; r < parentRow.length; r++) {
            if (parentRow[r] >= 0) {
                families.get(parentRow[r]).add(r);
            }
        }
        return families;
    }

    /** The parent's context values, the sibling before (missing for the first), the place, then the row. */
    private static String[] contextRow(
            String[] parent, int[] parentColumns, String[] before, int[] previous, int place, String[] row) {
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
     * A reference that is not a context: each synthetic child row refers (or not, at the real
     * share of empty references) to a synthetic parent, each parent taking as many referring rows
     * as a real parent drawn at random had.
     */
    private static void match(Work parent, Work child, Relation r, Random random) {
        int c = child.spec.columnNames().indexOf(r.column());
        int key = parent.spec.columnNames().indexOf(r.parentColumn());
        int[] refs = references(parent, child, r);
        int[] degree = new int[parent.input.table().rowCount()];
        long empty = 0;
        for (int i = 0; i < refs.length; i++) {
            if (child.input.table().row(i)[c] == null) {
                empty++;
            } else if (refs[i] >= 0) {
                degree[refs[i]]++;
            }
        }
        double emptyShare = refs.length == 0 ? 0 : (double) empty / refs.length;
        List<Integer> referring = new ArrayList<>();
        for (int i = 0; i < child.synthetic.size(); i++) {
            child.synthetic.get(i)[c] = null;
            if (random.nextDouble() >= emptyShare) {
                referring.add(i);
            }
        }
        int parents = parent.synthetic.size();
        if (parents == 0 || degree.length == 0) {
            return;
        }
        boolean anyReferred = Arrays.stream(degree).anyMatch(d -> d > 0);
        List<Integer> slots = new ArrayList<>();
        while (slots.size() < referring.size()) {
            for (int p = 0; p < parents; p++) {
                int d = anyReferred ? degree[random.nextInt(degree.length)] : 1;
                for (int k = 0; k < d; k++) {
                    slots.add(p);
                }
            }
        }
        java.util.Collections.shuffle(slots, random);
        for (int k = 0; k < referring.size(); k++) {
            child.synthetic.get(referring.get(k))[c] = parent.synthetic.get(slots.get(k))[key];
        }
    }

    /** The report of one reference, measured on the finished synthetic tables. */
    private RelationReport report(Work parent, Work child, Relation r) {
        int c = child.spec.columnNames().indexOf(r.column());
        int key = parent.spec.columnNames().indexOf(r.parentColumn());
        int[] refs = r.context() ? child.parentRow : references(parent, child, r);
        long missing = 0;
        long dangling = 0;
        int[] realDegree = new int[parent.real.rowCount()];
        for (int i = 0; i < refs.length; i++) {
            if (child.input.table().row(i)[c] == null) {
                missing++;
            } else if (refs[i] < 0) {
                dangling++;
            } else {
                realDegree[refs[i]]++;
            }
        }
        Map<String, Integer> syntheticKeys = new HashMap<>();
        for (int p = 0; p < parent.synthetic.size(); p++) {
            syntheticKeys.put(parent.synthetic.get(p)[key], p);
        }
        long references = 0;
        long resolved = 0;
        int[] syntheticDegree = new int[parent.synthetic.size()];
        for (String[] row : child.synthetic) {
            if (row[c] != null) {
                references++;
                Integer p = syntheticKeys.get(row[c]);
                if (p != null) {
                    resolved++;
                    syntheticDegree[p]++;
                }
            }
        }
        List<Integer> trainingDegrees = new ArrayList<>();
        List<Integer> holdoutDegrees = new ArrayList<>();
        for (int p = 0; p < realDegree.length; p++) {
            (parent.holdout[p] ? holdoutDegrees : trainingDegrees).add(realDegree[p]);
        }
        int[] bounds =
                lowerBounds(trainingDegrees.stream().mapToInt(Integer::intValue).toArray());
        double[] real =
                shares(trainingDegrees.stream().mapToInt(Integer::intValue).toArray(), bounds);
        double[] synth = shares(syntheticDegree, bounds);
        double[] held =
                shares(holdoutDegrees.stream().mapToInt(Integer::intValue).toArray(), bounds);
        List<QualityReport.Bin> bins = new ArrayList<>();
        for (int b = 0; b < bounds.length; b++) {
            bins.add(new QualityReport.Bin(label(bounds, b), real[b], synth[b]));
        }
        QualityEvaluator.CrossQuality cross = r.context()
                ? parentChild(parent, child)
                : new QualityEvaluator.CrossQuality(Double.NaN, Double.NaN, List.of());
        return new RelationReport(
                r,
                r.context() ? RelationReport.CONTEXT : RelationReport.MATCHED,
                refs.length,
                missing,
                dangling,
                references,
                resolved,
                bins,
                1 - QualityEvaluator.tvd(real, synth),
                holdoutDegrees.isEmpty() ? Double.NaN : 1 - QualityEvaluator.tvd(real, held),
                trainingDegrees.stream().mapToInt(Integer::intValue).average().orElse(0),
                Arrays.stream(syntheticDegree).average().orElse(0),
                cross.accuracy(),
                cross.holdoutAccuracy(),
                cross.pairs());
    }

    /** Up to this many children per parent, each count is a bin of its own; beyond, about this many ranges. */
    private static final int CHILDREN_BINS = 10;

    /**
     * The lower bounds of the children-per-parent bins, from the real (training) counts: each
     * count on its own when they are small, else ranges at the deciles; the last bin is open.
     */
    static int[] lowerBounds(int[] real) {
        int max = Arrays.stream(real).max().orElse(0);
        if (max <= CHILDREN_BINS) {
            int[] bounds = new int[max + 1];
            Arrays.setAll(bounds, i -> i);
            return bounds;
        }
        int[] sorted = real.clone();
        Arrays.sort(sorted);
        java.util.TreeSet<Integer> bounds = new java.util.TreeSet<>();
        bounds.add(0);
        for (int k = 1; k < CHILDREN_BINS; k++) {
            bounds.add(sorted[(int) ((long) k * sorted.length / CHILDREN_BINS)]);
        }
        return bounds.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String label(int[] bounds, int b) {
        if (b == bounds.length - 1) {
            return bounds[b] + "+";
        }
        int high = bounds[b + 1] - 1;
        return high == bounds[b] ? Integer.toString(high) : bounds[b] + "\u2013" + high;
    }

    /** The share of parents in each bin. */
    static double[] shares(int[] degrees, int[] bounds) {
        double[] shares = new double[bounds.length];
        for (int d : degrees) {
            int b = Arrays.binarySearch(bounds, d);
            shares[b >= 0 ? b : -b - 2] += 1.0 / degrees.length;
        }
        return shares;
    }

    /** The parent's columns against its children's, each child row joined to its parent. */
    private QualityEvaluator.CrossQuality parentChild(Work parent, Work child) {
        int[] left = measurable(parent.spec, parent.width());
        int[] right = measurable(child.spec, child.width());
        List<ColumnSpec> columns = new ArrayList<>();
        for (int c : left) {
            ColumnSpec s = parent.spec.column(c);
            columns.add(new ColumnSpec(parent.input.name() + "." + s.name(), s.kind(), s.nullMarkers()));
        }
        for (int c : right) {
            ColumnSpec s = child.spec.column(c);
            columns.add(new ColumnSpec(child.input.name() + "." + s.name(), s.kind(), s.nullMarkers()));
        }
        List<String[]> training = new ArrayList<>();
        List<String[]> holdout = new ArrayList<>();
        for (int i = 0; i < child.parentRow.length; i++) {
            int p = child.parentRow[i];
            if (p >= 0) {
                (child.holdout[i] ? holdout : training).add(joined(parent.real.row(p), left, child.real.row(i), right));
            }
        }
        List<String[]> synthetic = new ArrayList<>(child.synthetic.size());
        for (int i = 0; i < child.synthetic.size(); i++) {
            synthetic.add(joined(parent.synthetic.get(child.syntheticParent[i]), left, child.synthetic.get(i), right));
        }
        TableSpec spec = new TableSpec(child.input.name(), columns, List.of());
        List<String> names = columns.stream().map(ColumnSpec::name).toList();
        return quality.cross(
                spec,
                left.length,
                new Table(child.input.name(), names, training),
                new Table(child.input.name(), names, holdout),
                new Table(child.input.name(), names, synthetic));
    }

    private static String[] joined(String[] parent, int[] left, String[] child, int[] right) {
        String[] row = new String[left.length + right.length];
        for (int k = 0; k < left.length; k++) {
            row[k] = parent[left[k]];
        }
        for (int k = 0; k < right.length; k++) {
            row[left.length + k] = child[right[k]];
        }
        return row;
    }
}
