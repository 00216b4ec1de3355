package org.facsimile.synth.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.SparseVector;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The privacy-matched peer of the suite benchmark: synthpop's default method, a sequential CART
 * synthesizer. Columns are visited in table order; the first is drawn from its real values, each
 * next one from the real values in the leaf of a classification tree grown on the columns before
 * it, with leaves of at least {@link #MIN_LEAF} rows (so a leaf never points at a handful of
 * people). The trees are Tribuo's CART (Apache-2.0); the tree only partitions the rows, so the
 * target is coarse: a categorical column's most common values, a numeric column's deciles, and
 * missing. Benchmark scope only, never the product.
 */
final class SequentialCart {

    /** The fewest training rows in a leaf. */
    static final int MIN_LEAF = 200;

    /** Categories one-hot encoded as features (the rest as "other"). */
    private static final int TOP = 50;

    private static final LabelFactory LABELS = new LabelFactory();

    private SequentialCart() {}

    /** Synthetic rows of the training table's shape, values in the engine's (ISO) form. */
    static List<String[]> synthesize(Table training, TableSpec spec, long rows, long seed) {
        Random random = new Random(seed);
        int n = training.rowCount();
        int columns = training.columnCount();
        Encoding[] encodings = new Encoding[columns];
        for (int c = 0; c < columns; c++) {
            encodings[c] = new Encoding(training.column(c), spec.column(c).kind());
        }
        String[][] out = new String[(int) rows][columns];
        for (int r = 0; r < rows; r++) {
            out[r][0] = training.row(random.nextInt(n))[0];
        }
        for (int c = 1; c < columns; c++) {
            MutableDataset<Label> data =
                    new MutableDataset<>(new SimpleDataSourceProvenance("training rows", LABELS), LABELS);
            for (int r = 0; r < n; r++) {
                data.add(example(training.row(r), c, encodings, new Label(encodings[c].label(training.row(r)[c]))));
            }
            CARTClassificationTrainer trainer =
                    new CARTClassificationTrainer(Integer.MAX_VALUE, MIN_LEAF, 0f, 1f, new GiniIndex(), seed + c);
            TreeModel<Label> tree = trainer.train(data);
            ImmutableFeatureMap features = tree.getFeatureIDMap();
            Map<Node<Label>, List<String>> leaves = new IdentityHashMap<>();
            for (int r = 0; r < n; r++) {
                String[] row = training.row(r);
                leaves.computeIfAbsent(leaf(tree, example(row, c, encodings, null), features), k -> new ArrayList<>())
                        .add(row[c]);
            }
            for (String[] row : out) {
                List<String> values = leaves.get(leaf(tree, example(row, c, encodings, null), features));
                row[c] = values == null
                        ? training.row(random.nextInt(n))[c]
                        : values.get(random.nextInt(values.size()));
            }
        }
        return List.of(out);
    }

    private static Node<Label> leaf(TreeModel<Label> tree, Example<Label> example, ImmutableFeatureMap features) {
        SparseVector vector = SparseVector.createSparseVector(example, features, false);
        Node<Label> node = tree.getRoot();
        while (!node.isLeaf()) {
            Node<Label> next = node.getNextNode(vector);
            if (next == null) {
                break;
            }
            node = next;
        }
        return node;
    }

    /** The features of a row's columns before {@code column}. */
    private static Example<Label> example(String[] row, int column, Encoding[] encodings, Label label) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int c = 0; c < column; c++) {
            encodings[c].features(c, row[c], names, values);
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        return new ArrayExample<>(label == null ? LABELS.getUnknownOutput() : label, names.toArray(String[]::new), v);
    }

    /** One column as features (a number and a missing flag, or its top categories one-hot) and as a coarse label. */
    private static final class Encoding {
        private final ColumnKind kind;
        private final Map<String, Integer> top = new HashMap<>();
        private final double[] deciles;

        Encoding(String[] values, ColumnKind kind) {
            this.kind = kind.isNumeric() ? kind : ColumnKind.CATEGORICAL;
            if (kind.isNumeric()) {
                double[] sorted = java.util.Arrays.stream(values)
                        .filter(v -> v != null)
                        .mapToDouble(kind::toNumber)
                        .filter(d -> !Double.isNaN(d))
                        .sorted()
                        .toArray();
                deciles = new double[9];
                for (int d = 1; d <= 9; d++) {
                    deciles[d - 1] = sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * d / 10)];
                }
            } else {
                deciles = null;
                Map<String, Integer> counts = new HashMap<>();
                for (String v : values) {
                    if (v != null) {
                        counts.merge(v, 1, Integer::sum);
                    }
                }
                counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .limit(TOP)
                        .forEach(e -> top.put(e.getKey(), top.size()));
            }
        }

        void features(int column, String value, List<String> names, List<Double> values) {
            if (value == null) {
                names.add(column + ":na");
                values.add(1.0);
                return;
            }
            if (deciles != null) {
                double x = kind.toNumber(value);
                if (!Double.isNaN(x)) {
                    names.add(column + ":x");
                    // never exactly 0: a sparse vector drops zeros, and 0 is not missing
                    values.add(x == 0 ? Double.MIN_NORMAL : x);
                }
                return;
            }
            Integer index = top.get(value);
            names.add(column + "=" + (index == null ? "other" : index.toString()));
            values.add(1.0);
        }

        String label(String value) {
            if (value == null) {
                return "na";
            }
            if (deciles != null) {
                double x = kind.toNumber(value);
                int d = 0;
                while (d < deciles.length && x >= deciles[d]) {
                    d++;
                }
                return "d" + d;
            }
            Integer index = top.get(value);
            return index == null ? "other" : "c" + index;
        }
    }
}
