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
        List<String[]> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(seed));
        int holdout = (int) Math.round(rows.size() * holdoutShare);
        if (rows.size() - holdout < 1) {
            holdout = 0;
        }
        return new Table[] {
            new Table(name, columns, new ArrayList<>(shuffled.subList(holdout, shuffled.size()))),
            new Table(name, columns, new ArrayList<>(shuffled.subList(0, holdout)))
        };
    }
}
