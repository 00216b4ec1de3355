package org.facsimile.synth.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.facsimile.synth.relations.DatasetTable;
import org.facsimile.synth.relations.ForeignKey;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.CsvProblem;
import org.facsimile.synth.table.CsvTables;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * Real sequences of the development suite taken apart into a parent table and its children, for
 * the related-tables benchmark: each parent's children are a sequence in a natural order, as a
 * child table of a deposit would be.
 *
 * <ul>
 *   <li>{@code gapminder}: 62 countries (their cluster) and each one's eleven five-yearly rows
 *       (year, population, life expectancy, fertility), in year order: a panel where each row
 *       follows from the one before.
 *   <li>{@code football}: the home teams (their division) and each one's home matches (date,
 *       opponent, scores), in date order: long families of a few hundred teams.
 * </ul>
 */
final class Panels {

    private Panels() {}

    /** Both sets, by name. */
    static Map<String, List<DatasetTable>> all(Path tables) throws IOException, CsvProblem {
        Map<String, List<DatasetTable>> sets = new LinkedHashMap<>();
        sets.put("gapminder", split(read(tables.resolve("gapminder.csv.gz"), "gapminder"), "country", "countries", "years", List.of("cluster")));
        sets.put("football", split(read(tables.resolve("football.csv.gz"), "football"), "home_team", "teams", "matches", List.of("division")));
        return sets;
    }

    /** A table of the suite with the columns profiling finds. */
    private record Read(Table table, TableSpec spec) {}

    private static Read read(Path file, String name) throws IOException, CsvProblem {
        TableSpec spec;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            spec = CsvTables.inspect(in, name + ".csv", StandardCharsets.UTF_8).spec();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new Read(CsvTables.read(in, name + ".csv", spec), spec);
        }
    }

    /**
     * A parent per distinct value of {@code key} (with the columns that are the same for all its
     * rows, {@code parentColumns}, as first seen), and the rows as its children in file order.
     */
    private static List<DatasetTable> split(
            Read read, String key, String parentName, String childName, List<String> parentColumns) {
        Table table = read.table();
        TableSpec spec = read.spec();
        int k = table.columns().indexOf(key);
        Map<String, String[]> parents = new LinkedHashMap<>();
        List<ColumnSpec> parentSpec = new ArrayList<>();
        parentSpec.add(new ColumnSpec(key, ColumnKind.IDENTIFIER, List.of("")));
        for (String c : parentColumns) {
            parentSpec.add(spec.column(table.columns().indexOf(c)));
        }
        List<ColumnSpec> childSpec = new ArrayList<>();
        childSpec.add(new ColumnSpec("id", ColumnKind.IDENTIFIER, List.of("")));
        List<Integer> childColumns = new ArrayList<>();
        for (int c = 0; c < table.columnCount(); c++) {
            if (!parentColumns.contains(table.columns().get(c))) {
                childColumns.add(c);
                childSpec.add(c == k ? new ColumnSpec(key, ColumnKind.CATEGORICAL, List.of("")) : spec.column(c));
            }
        }
        List<String[]> children = new ArrayList<>();
        for (String[] row : table.rows()) {
            parents.computeIfAbsent(row[k], v -> {
                String[] p = new String[parentColumns.size() + 1];
                p[0] = v;
                for (int i = 0; i < parentColumns.size(); i++) {
                    p[i + 1] = row[table.columns().indexOf(parentColumns.get(i))];
                }
                return p;
            });
            String[] child = new String[childColumns.size() + 1];
            child[0] = Integer.toString(children.size() + 1);
            for (int i = 0; i < childColumns.size(); i++) {
                child[i + 1] = row[childColumns.get(i)];
            }
            children.add(child);
        }
        TableSpec parentTable = new TableSpec(parentName, parentSpec, List.of(key));
        TableSpec childTable = new TableSpec(childName, childSpec, List.of("id"));
        return List.of(
                new DatasetTable(
                        parentName,
                        new Table(parentName, parentTable.columnNames(), new ArrayList<>(parents.values())),
                        parentTable,
                        List.of(),
                        List.of()),
                new DatasetTable(
                        childName,
                        new Table(childName, childTable.columnNames(), children),
                        childTable,
                        List.of(),
                        List.of(ForeignKey.of(key, parentName, key))));
    }
}
