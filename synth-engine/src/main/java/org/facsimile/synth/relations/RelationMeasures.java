package org.facsimile.synth.relations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.facsimile.synth.quality.QualityEvaluator;
import org.facsimile.synth.quality.QualityReport;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * The report of one reference, measured on the finished synthetic tables: integrity, children per
 * parent and, for a context, the parent's columns against its children's, each beside the same
 * figure for the holdout families.
 */
final class RelationMeasures {

    /** Up to this many children per parent, each count is a bin of its own; beyond, about this many ranges. */
    private static final int CHILDREN_BINS = 10;

    private final QualityEvaluator quality = new QualityEvaluator();

    /**
     * @param published whether the parent is published as deposited: the child's own holdout rows
     *     are then the reference, and the child's columns are compared with its parent's as for a
     *     context
     */
    RelationReport report(TableWork parent, TableWork child, Relations.Relation r, boolean published) {
        int c = child.spec.columnNames().indexOf(r.column());
        int key = parent.spec.columnNames().indexOf(r.parentColumn());
        int[] refs = r.context() ? child.parentRow : TableWork.parentRows(parent, child, r);
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
        int[][] split = published ? splitByChild(realDegree, refs, child.holdout) : splitByParent(realDegree, parent);
        int[] training = split[0];
        int[] holdout = split[1];
        int[] generated = syntheticDegree;
        if (published) {
            // the same parents share out samples of different sizes: count each as if it were the training's size
            long rows = Arrays.stream(training).sum();
            holdout = scaled(holdout, rows);
            generated = scaled(generated, rows);
        }
        int[] bounds = lowerBounds(training);
        double[] real = shares(training, bounds);
        double[] synth = shares(generated, bounds);
        double[] held = shares(holdout, bounds);
        List<QualityReport.Bin> bins = new ArrayList<>();
        for (int b = 0; b < bounds.length; b++) {
            bins.add(new QualityReport.Bin(label(bounds, b), real[b], synth[b]));
        }
        QualityEvaluator.CrossQuality cross = r.context() || published
                ? parentChild(parent, child, refs, published ? byKey(child, c, syntheticKeys) : child.syntheticParent)
                : new QualityEvaluator.CrossQuality(Double.NaN, Double.NaN, List.of());
        return new RelationReport(
                r,
                published ? RelationReport.PUBLISHED : r.context() ? RelationReport.CONTEXT : RelationReport.MATCHED,
                refs.length,
                missing,
                dangling,
                references,
                resolved,
                bins,
                1 - QualityEvaluator.tvd(real, synth),
                holdout.length == 0 ? Double.NaN : 1 - QualityEvaluator.tvd(real, held),
                Arrays.stream(training).average().orElse(0),
                Arrays.stream(syntheticDegree).average().orElse(0),
                cross.accuracy(),
                cross.holdoutAccuracy(),
                cross.pairs(),
                r.context() ? sequence(parent, child) : null,
                weakest(child));
    }

    /** Children per parent, training parents' then holdout parents' (a family is learnt or held out whole). */
    private static int[][] splitByParent(int[] degree, TableWork parent) {
        List<Integer> training = new ArrayList<>();
        List<Integer> holdout = new ArrayList<>();
        for (int p = 0; p < degree.length; p++) {
            (parent.holdout[p] ? holdout : training).add(degree[p]);
        }
        return new int[][] {
            training.stream().mapToInt(Integer::intValue).toArray(),
            holdout.stream().mapToInt(Integer::intValue).toArray()
        };
    }

    /**
     * Children per parent of a parent published as deposited: every parent has training and
     * holdout children, the child's rows being split; each half counted per parent.
     */
    private static int[][] splitByChild(int[] degree, int[] refs, boolean[] heldOut) {
        int[] training = degree.clone();
        int[] holdout = new int[degree.length];
        for (int i = 0; i < refs.length; i++) {
            if (refs[i] >= 0 && heldOut[i]) {
                holdout[refs[i]]++;
                training[refs[i]]--;
            }
        }
        return new int[][] {training, holdout};
    }

    /** Per synthetic child row, the synthetic parent row its reference names; -1 when none. */
    private static int[] byKey(TableWork child, int c, Map<String, Integer> syntheticKeys) {
        int[] parents = new int[child.synthetic.size()];
        for (int i = 0; i < parents.length; i++) {
            String value = child.synthetic.get(i)[c];
            parents[i] = value == null ? -1 : syntheticKeys.getOrDefault(value, -1);
        }
        return parents;
    }

    /** The child's least accurate measured columns, weakest first. */
    private static List<RelationReport.ColumnAccuracy> weakest(TableWork child) {
        if (child.report == null || child.report.publishedAsDeposited()) {
            return List.of();
        }
        return child.report.quality().columns().stream()
                .filter(c -> !Double.isNaN(c.accuracy()))
                .sorted(Comparator.comparingDouble(QualityReport.ColumnQuality::accuracy))
                .limit(RelationReport.WEAKEST)
                .map(c -> new RelationReport.ColumnAccuracy(c.name(), c.accuracy()))
                .toList();
    }

    /** The coherence of the child's families: their order and each column's step to the next sibling. */
    private RelationReport.Sequence sequence(TableWork parent, TableWork child) {
        List<List<String[]>> training = new ArrayList<>();
        List<List<String[]>> holdout = new ArrayList<>();
        List<List<Integer>> families = TableWork.families(child.parentRow, parent.real.rowCount());
        for (int p = 0; p < families.size(); p++) {
            (parent.holdout[p] ? holdout : training)
                    .add(families.get(p).stream().map(child.real::row).toList());
        }
        List<List<String[]>> synthetic = new ArrayList<>();
        for (int p = 0; p < parent.synthetic.size(); p++) {
            synthetic.add(new ArrayList<>());
        }
        for (int i = 0; i < child.synthetic.size(); i++) {
            synthetic.get(child.syntheticParent[i]).add(child.synthetic.get(i));
        }
        SequenceOrder order = child.order;
        int[] columns = TableWork.measurable(child.spec, child.width());
        List<ColumnSpec> pair = new ArrayList<>();
        for (int c : columns) {
            ColumnSpec s = child.spec.column(c);
            pair.add(new ColumnSpec(s.name(), s.kind(), s.nullMarkers()));
        }
        for (int c : columns) {
            ColumnSpec s = child.spec.column(c);
            pair.add(new ColumnSpec(s.name() + " (next sibling)", s.kind(), s.nullMarkers()));
        }
        TableSpec spec = new TableSpec(child.name(), pair, List.of());
        QualityEvaluator.CrossQuality steps = quality.consecutive(
                spec,
                consecutive(spec, training, columns),
                consecutive(spec, holdout, columns),
                consecutive(spec, synthetic, columns));
        return new RelationReport.Sequence(
                order == null ? null : order.name(),
                order == null ? Double.NaN : order.orderedShare(child.spec, training),
                order == null ? Double.NaN : order.orderedShare(child.spec, holdout),
                order == null ? Double.NaN : order.orderedShare(child.spec, synthetic),
                steps.accuracy(),
                steps.holdoutAccuracy(),
                steps.pairs(),
                child.totals.stream()
                        .map(t -> new RelationReport.Rule(
                                t.describe(child.spec), t.holds(training), t.holds(holdout), t.holds(synthetic)))
                        .toList());
    }

    /** Each pair of consecutive siblings as one row: the earlier's columns, then the later's. */
    private static Table consecutive(TableSpec spec, List<List<String[]>> families, int[] columns) {
        List<String[]> rows = new ArrayList<>();
        for (List<String[]> family : families) {
            for (int k = 1; k < family.size(); k++) {
                String[] row = new String[2 * columns.length];
                for (int j = 0; j < columns.length; j++) {
                    row[j] = family.get(k - 1)[columns[j]];
                    row[columns.length + j] = family.get(k)[columns[j]];
                }
                rows.add(row);
            }
        }
        return new Table(spec.name(), spec.columnNames(), rows);
    }

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
        TreeSet<Integer> bounds = new TreeSet<>();
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

    /** Each parent's count as if the counts summed to {@code rows}, rounded. */
    static int[] scaled(int[] degrees, long rows) {
        long sum = Arrays.stream(degrees).sum();
        int[] out = new int[degrees.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = sum == 0 ? 0 : (int) Math.round((double) degrees[p] * rows / sum);
        }
        return out;
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

    /**
     * The parent's columns against its children's, each child row joined to its parent.
     *
     * @param realParent per real child row, its parent row; -1 when none
     * @param syntheticParent per synthetic child row, its synthetic parent row; -1 when none
     */
    private QualityEvaluator.CrossQuality parentChild(
            TableWork parent, TableWork child, int[] realParent, int[] syntheticParent) {
        int[] left = TableWork.measurable(parent.spec, parent.width());
        int[] right = TableWork.measurable(child.spec, child.width());
        List<ColumnSpec> columns = new ArrayList<>();
        for (int c : left) {
            ColumnSpec s = parent.spec.column(c);
            columns.add(new ColumnSpec(parent.name() + "." + s.name(), s.kind(), s.nullMarkers()));
        }
        for (int c : right) {
            ColumnSpec s = child.spec.column(c);
            columns.add(new ColumnSpec(child.name() + "." + s.name(), s.kind(), s.nullMarkers()));
        }
        List<String[]> training = new ArrayList<>();
        List<String[]> holdout = new ArrayList<>();
        for (int i = 0; i < realParent.length; i++) {
            int p = realParent[i];
            if (p >= 0) {
                (child.holdout[i] ? holdout : training).add(joined(parent.real.row(p), left, child.real.row(i), right));
            }
        }
        List<String[]> synthetic = new ArrayList<>(child.synthetic.size());
        for (int i = 0; i < child.synthetic.size(); i++) {
            if (syntheticParent[i] >= 0) {
                synthetic.add(joined(parent.synthetic.get(syntheticParent[i]), left, child.synthetic.get(i), right));
            }
        }
        TableSpec spec = new TableSpec(child.name(), columns, List.of());
        List<String> names = columns.stream().map(ColumnSpec::name).toList();
        return quality.cross(
                spec,
                left.length,
                new Table(child.name(), names, training),
                new Table(child.name(), names, holdout),
                new Table(child.name(), names, synthetic));
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
