package org.facsimile.synth.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Rows of one table in memory, missing values as {@code null}. Training needs the whole table at
 * once; generation and CSV writing stream instead.
 */
public final class Table {

    private final String name;
    private final List<String> columns;
    private final List<String[]> rows;

    public Table(String name, List<String> columns, List<String[]> rows) {
        this.name = Objects.requireNonNull(name, "name");
        this.columns = List.copyOf(columns);
        this.rows = rows;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).length != this.columns.size()) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + rows.get(i).length + " values, expected " + this.columns.size());
            }
        }
    }

    public String name() {
        return name;
    }

    public List<String> columns() {
        return columns;
    }

    public int columnCount() {
        return columns.size();
    }

    public int rowCount() {
        return rows.size();
    }

    public String[] row(int index) {
        return rows.get(index);
    }

    public List<String[]> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** The values of one column, top to bottom. */
    public String[] column(int index) {
        String[] values = new String[rows.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = rows.get(r)[index];
        }
        return values;
    }

    /**
     * Splits the rows at random into training and holdout parts.
     *
     * @return two tables: [training, holdout]
     */
    public Table[] split(double holdoutShare, long seed) {
        int[] order = permutation(rows.size(), seed);
        int holdout = holdoutCount(rows.size(), holdoutShare);
        List<String[]> training = new ArrayList<>(rows.size() - holdout);
        List<String[]> held = new ArrayList<>(holdout);
        for (int i = 0; i < order.length; i++) {
            (i < holdout ? held : training).add(rows.get(order[i]));
        }
        return new Table[] {new Table(name, columns, training), new Table(name, columns, held)};
    }

    /**
     * Which rows {@link #split} with the same share and seed puts in the holdout, by row index: a
     * table of the same number of rows is split the same way, whatever its values.
     */
    public static boolean[] holdoutRows(int rows, double holdoutShare, long seed) {
        int[] order = permutation(rows, seed);
        boolean[] held = new boolean[rows];
        int holdout = holdoutCount(rows, holdoutShare);
        for (int i = 0; i < holdout; i++) {
            held[order[i]] = true;
        }
        return held;
    }

    private static int holdoutCount(int rows, double holdoutShare) {
        int holdout = (int) Math.round(rows * holdoutShare);
        return rows - holdout < 1 ? 0 : holdout;
    }

    /** The row indices in the order {@link Collections#shuffle} leaves a list of that size. */
    private static int[] permutation(int rows, long seed) {
        List<Integer> indices = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            indices.add(i);
        }
        Collections.shuffle(indices, new Random(seed));
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }
}
