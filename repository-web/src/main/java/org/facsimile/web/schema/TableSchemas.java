package org.facsimile.web.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.facsimile.synth.constraints.ConstraintProblem;
import org.facsimile.synth.constraints.Constraints;
import org.facsimile.synth.nested.NestedDocument;
import org.facsimile.synth.nested.NestedShape;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.CsvInspection;
import org.facsimile.synth.table.CsvTables;
import org.facsimile.synth.table.PersonalData;
import org.facsimile.synth.table.TableSpec;
import org.facsimile.vocab.csvw.CsvwColumn;
import org.facsimile.vocab.csvw.CsvwForeignKey;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.vocab.terms.FCSM;

/**
 * Between what the depositor declares (CSVW: datatypes, null markers, primary key, personal data)
 * and what the engine needs (column kinds). Inference proposes; a declaration wins where it says
 * something: a declared datatype fixes the kind, a declared key makes identifiers, a declared
 * personal-data kind (or {@code none}) replaces profiling's suggestion.
 */
public final class TableSchemas {

    private TableSchemas() {}

    /** A declaration the engine cannot follow: which column, and why. */
    public record Refusal(String column, String jsonPath, String detail) {}

    /** The CSVW description of an inferred table, with profiling's personal-data suggestions. */
    public static CsvwTable describe(String fileName, TableSpec inferred) {
        List<CsvwColumn> columns = new ArrayList<>();
        for (ColumnSpec column : inferred.columns()) {
            columns.add(new CsvwColumn(
                    column.name(),
                    column.kind().csvwDatatype(),
                    column.nullMarkers(),
                    null,
                    column.format(),
                    column.personal() == null ? null : column.personal().token(),
                    null));
        }
        return new CsvwTable(fileName, columns, inferred.primaryKey());
    }

    /**
     * The CSVW description of a table taken out of a nested document: its row key the primary
     * key, a reference to the table it was nested in, and on the records' table the shape.
     */
    public static CsvwTable describeNested(NestedDocument.Flattened document, String fileName, TableSpec inferred) {
        List<CsvwColumn> columns = new ArrayList<>();
        for (CsvwColumn column : describe(fileName, inferred).columns()) {
            boolean key =
                    column.name().equals(NestedShape.ROW_KEY) || column.name().equals(NestedShape.PARENT_KEY);
            columns.add(key ? new CsvwColumn(column.name(), "integer", column.nullMarkers(), null) : column);
        }
        List<CsvwForeignKey> references = document.foreignKeys(fileName).stream()
                .map(k -> new CsvwForeignKey(k.columns(), k.parent(), k.parentColumns()))
                .toList();
        boolean records = document.shape().parts().get(0).table().equals(fileName);
        return new CsvwTable(
                fileName,
                columns,
                List.of(NestedShape.ROW_KEY),
                references,
                List.of(),
                records ? document.shape().toJson() : null);
    }

    /** The shape of the nested document whose records' table this is, if it is one. */
    public static Optional<NestedShape> nestedShape(CsvwTable table) {
        return table.nestedShape() == null ? Optional.empty() : Optional.of(NestedShape.fromJson(table.nestedShape()));
    }

    /**
     * The files an earlier upload of a nested document became; of any document when it is null.
     *
     * @param tables a deposit's table schemas by file name
     */
    public static Set<String> nestedTables(Map<String, CsvwTable> tables, String document) {
        Set<String> nested = new HashSet<>();
        for (CsvwTable table : tables.values()) {
            nestedShape(table)
                    .filter(shape -> document == null || shape.document().equals(document))
                    .ifPresent(shape -> shape.parts().forEach(p -> nested.add(p.table())));
        }
        return nested;
    }

    /**
     * A schema change that would break how a nested document's tables fit together: the row key
     * must stay the primary key, and the reference to the table a table was nested in must stay.
     */
    public static Optional<Refusal> nestedRefusal(Map<String, CsvwTable> tables, String fileName, CsvwTable declared) {
        for (CsvwTable table : tables.values()) {
            Optional<NestedShape> shape = nestedShape(table);
            if (shape.isEmpty()) {
                continue;
            }
            for (NestedShape.Part part : shape.get().parts()) {
                if (!part.table().equals(fileName)) {
                    continue;
                }
                if (!declared.primaryKey().equals(List.of(NestedShape.ROW_KEY))) {
                    return Optional.of(new Refusal(
                            NestedShape.ROW_KEY,
                            "$.tableSchema.primaryKey",
                            fileName + " was taken out of " + shape.get().document() + ": its primary key stays "
                                    + NestedShape.ROW_KEY + ", so the document can be put back together"));
                }
                boolean referenced = part.parent() == null
                        || declared.foreignKeys().stream()
                                .anyMatch(k -> k.columns().equals(List.of(NestedShape.PARENT_KEY))
                                        && k.resource().equals(part.parent())
                                        && k.referencedColumns().equals(List.of(NestedShape.ROW_KEY)));
                if (!referenced) {
                    return Optional.of(new Refusal(
                            NestedShape.PARENT_KEY,
                            "$.tableSchema.foreignKeys",
                            fileName + " was taken out of " + shape.get().document() + ": its reference from "
                                    + NestedShape.PARENT_KEY + " to " + part.parent() + " stays"));
                }
            }
        }
        return Optional.empty();
    }

    /** The engine's view of a table: inferred kinds, overridden by the declaration. */
    public static TableSpec resolve(CsvwTable declared, TableSpec inferred) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (int c = 0; c < declared.columns().size(); c++) {
            CsvwColumn column = declared.columns().get(c);
            ColumnSpec guess = inferred.column(c);
            boolean key = declared.primaryKey().contains(column.name());
            ColumnKind kind = key ? ColumnKind.IDENTIFIER : ColumnKind.forDatatype(column.datatype(), guess.kind());
            PersonalData personal = column.personalData() == null
                    ? guess.personal()
                    : PersonalData.ofToken(column.personalData()).orElse(null);
            // a date's or a number's picture, or a boolean's spellings, as declared (the
            // description profiling wrote carries the one found)
            String format = kind.isNumeric() || kind == ColumnKind.BOOLEAN ? column.format() : null;
            columns.add(new ColumnSpec(
                    column.name(), kind, column.nullMarkers(), key ? null : personal, column.lang(), format));
        }
        return new TableSpec(inferred.name(), columns, declared.primaryKey());
    }

    /**
     * A declaration's personal-data marks where nothing was said: the ones stored before (the
     * profiling's suggestion, or an earlier declaration), so a schema sent without them keeps them.
     */
    public static CsvwTable keepPersonalData(CsvwTable declared, CsvwTable stored) {
        List<CsvwColumn> columns = new ArrayList<>();
        for (int c = 0; c < declared.columns().size(); c++) {
            CsvwColumn column = declared.columns().get(c);
            columns.add(
                    column.personalData() == null
                            ? column.withPersonalData(stored.columns().get(c).personalData())
                            : column);
        }
        return declared.withColumns(columns);
    }

    /**
     * What the engine refuses in a declaration: a date, date-time or time format picture it cannot
     * read, a number pattern it cannot read, a boolean format that is not two spellings ({@code
     * yes|no}), an unknown personal-data kind, a key column marked
     * as personal data, and a column declared {@code none} whose values are themselves direct
     * identifiers (e-mail addresses, IBANs: such a column is never learnt).
     *
     * @param inspection the stored table's inspection, for what its values prove; null to skip that
     */
    public static Optional<Refusal> refusal(String fileName, CsvwTable declared, CsvInspection inspection) {
        for (int c = 0; c < declared.columns().size(); c++) {
            CsvwColumn column = declared.columns().get(c);
            String path = "$.tableSchema.columns[" + c + "]";
            ColumnKind declaredKind = ColumnKind.forDatatype(column.datatype(), ColumnKind.CATEGORICAL);
            if (column.format() != null && (declaredKind.isNumeric() || declaredKind == ColumnKind.BOOLEAN)) {
                try {
                    ColumnSpec.formatOf(declaredKind, column.format(), column.lang());
                } catch (IllegalArgumentException e) {
                    String example = declaredKind == ColumnKind.BOOLEAN
                            ? ""
                            : declaredKind.isTemporal()
                                    ? "; a date picture such as dd/MM/yyyy, MMM d yyyy or yyyy-MM-ddTHH:mm"
                                    : "; a number pattern such as #,##0.00, #.##0,00, '$'#,##0 or 0.0%";
                    return Optional.of(new Refusal(
                            column.name(),
                            path + ".datatype.format",
                            "column " + column.name() + " of " + fileName + ": " + e.getMessage() + example));
                }
            }
            String token = column.personalData();
            if (token == null) {
                continue;
            }
            if (!token.equals(PersonalData.NONE) && PersonalData.ofToken(token).isEmpty()) {
                return Optional.of(new Refusal(
                        column.name(),
                        path,
                        "column " + column.name() + " of " + fileName + ": unknown personal-data kind '" + token
                                + "'; one of " + PersonalData.tokens()));
            }
            if (!token.equals(PersonalData.NONE) && declared.primaryKey().contains(column.name())) {
                return Optional.of(new Refusal(
                        column.name(),
                        path,
                        "column " + column.name() + " of " + fileName + " is the primary key: keys are generated"
                                + " fresh already; mark it " + PersonalData.NONE + " or choose another key"));
            }
            PersonalData proven =
                    inspection == null ? null : inspection.provenPersonal().get(column.name());
            if (token.equals(PersonalData.NONE) && proven != null) {
                return Optional.of(new Refusal(
                        column.name(),
                        path,
                        "column " + column.name() + " of " + fileName + " holds direct identifiers (each value "
                                + proven.description() + "), which are never learnt; mark it " + proven.token()
                                + " (its values become fakes) or remove the column"));
            }
        }
        return Optional.empty();
    }

    /**
     * Every declared constraint (CSVW fcsm:constraints) the engine cannot follow, each at its JSON
     * path: unreadable, naming a column the table lacks or one of the wrong kind. Each rule is tried
     * alone against the table's resolved columns, so every bad one is named; when each holds
     * alone, all of them together (rules that contradict each other), at the list's path.
     */
    public static List<Refusal> constraintRefusals(String fileName, CsvwTable declared, TableSpec spec) {
        List<String> rules = declared.constraints();
        String path = "$.tableSchema." + FCSM.CONSTRAINTS;
        List<Refusal> refusals = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            try {
                Constraints.of(List.of(rules.get(i)), spec);
            } catch (ConstraintProblem e) {
                refusals.add(new Refusal(e.column(), path + "[" + i + "]", fileName + ": " + e.getMessage()));
            }
        }
        if (refusals.isEmpty()) {
            try {
                Constraints.of(rules, spec);
            } catch (ConstraintProblem e) {
                refusals.add(new Refusal(e.column(), path, fileName + ": " + e.getMessage()));
            }
        }
        return refusals;
    }

    /**
     * A table's engine view from its declaration alone (before profiling): declared datatypes,
     * strings as categories. For checks made when the data is not at hand.
     */
    public static TableSpec declaredSpec(CsvwTable table, String fileName) {
        List<ColumnSpec> columns = table.columns().stream()
                .map(c -> new ColumnSpec(c.name(), ColumnKind.CATEGORICAL, c.nullMarkers()))
                .toList();
        return new TableSpec(CsvTables.tableName(fileName), columns, List.of());
    }

    /**
     * The first foreign key the engine cannot follow: more than one column, a table that is not a
     * file of this deposit, a referenced column that is not that table's (single-column) primary
     * key, or a reference from a column marked as personal data.
     *
     * @param others the deposit's tables by file name, this one included (a table may refer to itself)
     */
    public static Optional<Refusal> foreignKeyRefusal(
            String fileName, CsvwTable declared, Map<String, CsvwTable> others) {
        for (int k = 0; k < declared.foreignKeys().size(); k++) {
            CsvwForeignKey key = declared.foreignKeys().get(k);
            String path = "$.tableSchema.foreignKeys[" + k + "]";
            String column = key.columns().get(0);
            if (key.columns().size() != 1) {
                return Optional.of(new Refusal(
                        column,
                        path + ".columnReference",
                        fileName + ": composite foreign keys are not supported (" + key.columns()
                                + "); refer to a single-column primary key"));
            }
            CsvwTable parent = others.get(key.resource());
            if (parent == null) {
                return Optional.of(new Refusal(
                        column,
                        path + ".reference.resource",
                        fileName + ": column " + column + " refers to " + key.resource()
                                + ", which is not a file of this deposit; upload it first"));
            }
            if (!parent.primaryKey().equals(key.referencedColumns())) {
                return Optional.of(new Refusal(
                        column,
                        path + ".reference.columnReference",
                        fileName + ": column " + column + " refers to " + key.resource() + " column "
                                + key.referencedColumns().get(0) + ", which is not that table's primary key"
                                + (parent.primaryKey().isEmpty()
                                        ? " (it has none yet: declare its key first)"
                                        : " (" + parent.primaryKey() + ")")));
            }
            int c = declared.columnNames().indexOf(column);
            String personal = declared.columns().get(c).personalData();
            if (personal != null && !PersonalData.NONE.equals(personal)) {
                return Optional.of(new Refusal(
                        column,
                        "$.tableSchema.columns[" + c + "]",
                        fileName + ": column " + column
                                + " is a foreign key and cannot also be marked as personal data"));
            }
        }
        return Optional.empty();
    }
}
