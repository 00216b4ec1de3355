package org.facsimile.web.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.CsvInspection;
import org.facsimile.synth.table.PersonalData;
import org.facsimile.synth.table.TableSpec;
import org.facsimile.vocab.csvw.CsvwColumn;
import org.facsimile.vocab.csvw.CsvwForeignKey;
import org.facsimile.vocab.csvw.CsvwTable;
import org.junit.jupiter.api.Test;

class TableSchemasTest {

    private static final TableSpec INFERRED = new TableSpec(
            "t",
            List.of(
                    new ColumnSpec("id", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("age", ColumnKind.INTEGER, null),
                    new ColumnSpec("note", ColumnKind.TEXT, null),
                    new ColumnSpec("code", ColumnKind.INTEGER, List.of("", "?"))),
            List.of("id"));

    @Test
    void inferenceRoundTripsThroughCsvw() {
        CsvwTable described = TableSchemas.describe("t.csv", INFERRED);
        assertEquals(
                List.of("string", "integer", "string", "integer"),
                described.columns().stream().map(CsvwColumn::datatype).toList());
        assertEquals(List.of("", "?"), described.columns().get(3).nullMarkers());
        TableSpec resolved = TableSchemas.resolve(described, INFERRED);
        assertEquals(
                INFERRED.columns().stream().map(ColumnSpec::kind).toList(),
                resolved.columns().stream().map(ColumnSpec::kind).toList());
    }

    @Test
    void aDateFormatFoundByProfilingIsDescribedKeptAndOverridable() {
        TableSpec inferred = new TableSpec(
                "t",
                List.of(
                        new ColumnSpec("seen", ColumnKind.DATE, null, null, null, "MMM d yyyy"),
                        new ColumnSpec("zip", ColumnKind.CODE, null)),
                List.of());
        CsvwTable described = TableSchemas.describe("t.csv", inferred);
        assertEquals("date", described.columns().get(0).datatype());
        assertEquals("MMM d yyyy", described.columns().get(0).format());
        assertEquals("string", described.columns().get(1).datatype());
        TableSpec resolved = TableSchemas.resolve(described, inferred);
        assertEquals("MMM d yyyy", resolved.column(0).format());
        assertEquals(ColumnKind.CODE, resolved.column(1).kind(), "a code stays a code when declared a string");
        CsvwTable otherPicture = described.withColumns(List.of(
                new CsvwColumn("seen", "date", null, null, "dd/MM/yyyy"),
                described.columns().get(1)));
        assertEquals(
                "dd/MM/yyyy",
                TableSchemas.resolve(otherPicture, inferred).column(0).format());
        CsvwTable asString = described.withColumns(List.of(
                new CsvwColumn("seen", "string", null, null, null),
                described.columns().get(1)));
        assertEquals(null, TableSchemas.resolve(asString, inferred).column(0).format());
        CsvwTable unreadable = described.withColumns(List.of(
                new CsvwColumn("seen", "date", null, null, "yyyy-QQ"),
                described.columns().get(1)));
        TableSchemas.Refusal refusal =
                TableSchemas.refusal("t.csv", unreadable, null).orElseThrow();
        assertEquals("$.tableSchema.columns[0].datatype.format", refusal.jsonPath());
        assertEquals("seen", refusal.column());
    }

    @Test
    void aNumberPatternFoundByProfilingIsDescribedKeptAndChecked() {
        TableSpec inferred = new TableSpec(
                "t", List.of(new ColumnSpec("price", ColumnKind.DECIMAL, null, null, null, "#.##0,00")), List.of());
        CsvwTable described = TableSchemas.describe("t.csv", inferred);
        assertEquals("decimal", described.columns().get(0).datatype());
        assertEquals(
                "#.##0,00", TableSchemas.resolve(described, inferred).column(0).format());
        for (String[] bad : new String[][] {{"decimal", "0.00E0"}, {"integer", "#,##0.00"}}) {
            CsvwTable declared = described.withColumns(List.of(new CsvwColumn("price", bad[0], null, null, bad[1])));
            TableSchemas.Refusal refusal =
                    TableSchemas.refusal("t.csv", declared, null).orElseThrow();
            assertEquals("$.tableSchema.columns[0].datatype.format", refusal.jsonPath());
            assertTrue(refusal.detail().contains("#,##0.00"), refusal.detail());
        }
    }

    @Test
    void aBooleansSpellingsFoundByProfilingAreDescribedKeptAndChecked() {
        TableSpec inferred = new TableSpec(
                "t", List.of(new ColumnSpec("smoker", ColumnKind.BOOLEAN, null, null, null, "Y|N")), List.of());
        CsvwTable described = TableSchemas.describe("t.csv", inferred);
        assertEquals("boolean", described.columns().get(0).datatype());
        assertEquals("Y|N", described.columns().get(0).format());
        assertEquals("Y|N", TableSchemas.resolve(described, inferred).column(0).format());
        CsvwTable declared = described.withColumns(List.of(new CsvwColumn("smoker", "boolean", null, null, "yes|no")));
        assertEquals(
                "yes|no", TableSchemas.resolve(declared, inferred).column(0).format());
        CsvwTable unreadable = described.withColumns(List.of(new CsvwColumn("smoker", "boolean", null, null, "yes")));
        TableSchemas.Refusal refusal =
                TableSchemas.refusal("t.csv", unreadable, null).orElseThrow();
        assertEquals("$.tableSchema.columns[0].datatype.format", refusal.jsonPath());
        assertEquals("smoker", refusal.column());
        assertTrue(refusal.detail().contains("yes|no"), refusal.detail());
    }

    @Test
    void aDeclarationWinsOverInference() {
        CsvwTable declared = new CsvwTable(
                "t.csv",
                List.of(
                        new CsvwColumn("id", "integer", null, null),
                        new CsvwColumn("age", "string", null, null),
                        new CsvwColumn("note", "string", null, null),
                        new CsvwColumn("code", "decimal", List.of("NA"), null)),
                List.of());
        TableSpec resolved = TableSchemas.resolve(declared, INFERRED);
        assertEquals(
                List.of(ColumnKind.INTEGER, ColumnKind.CATEGORICAL, ColumnKind.TEXT, ColumnKind.DECIMAL),
                resolved.columns().stream().map(ColumnSpec::kind).toList());
        assertEquals(List.of("NA"), resolved.column(3).nullMarkers());
        assertEquals(List.of(), resolved.primaryKey(), "no declared key: id is learnt as a number");
    }

    private static final TableSpec PEOPLE = new TableSpec(
            "p",
            List.of(
                    new ColumnSpec("id", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("email", ColumnKind.TEXT, null, PersonalData.EMAIL),
                    new ColumnSpec("notes", ColumnKind.TEXT, null, PersonalData.FREE_TEXT),
                    new ColumnSpec("age", ColumnKind.INTEGER, null)),
            List.of("id"));

    private static CsvwTable declared(String email, String notes, String age) {
        return new CsvwTable(
                "p.csv",
                List.of(
                        new CsvwColumn("id", "integer", null, null),
                        new CsvwColumn("email", "string", null, null, null, email, null),
                        new CsvwColumn("notes", "string", null, null, null, notes, null),
                        new CsvwColumn("age", "integer", null, null, null, age, "nl")),
                List.of("id"));
    }

    @Test
    void personalDataMarksAreProposedAndADeclarationWins() {
        CsvwTable described = TableSchemas.describe("p.csv", PEOPLE);
        assertEquals(
                Arrays.asList(null, "email", "free-text", null),
                described.columns().stream().map(CsvwColumn::personalData).toList());
        // silent: the suggestion stands; "none" removes it; a kind sets it
        TableSpec resolved = TableSchemas.resolve(declared(null, "none", "given-name"), PEOPLE);
        assertEquals(
                Arrays.asList(null, PersonalData.EMAIL, null, PersonalData.GIVEN_NAME),
                resolved.columns().stream().map(ColumnSpec::personal).toList());
        assertEquals("nl", resolved.column(3).lang());
    }

    @Test
    void aSchemaSentWithoutMarksKeepsTheStoredOnes() {
        CsvwTable kept =
                TableSchemas.keepPersonalData(declared(null, null, "none"), TableSchemas.describe("p.csv", PEOPLE));
        assertEquals(
                Arrays.asList(null, "email", "free-text", "none"),
                kept.columns().stream().map(CsvwColumn::personalData).toList());
    }

    @Test
    void refusalsNameTheColumn() {
        CsvInspection inspection = new CsvInspection(PEOPLE, 10, Map.of("email", PersonalData.EMAIL));
        TableSchemas.Refusal none = TableSchemas.refusal("p.csv", declared("none", null, null), inspection)
                .orElseThrow();
        assertEquals("email", none.column());
        assertTrue(none.detail().contains("never learnt") && none.detail().contains("p.csv"), none.detail());
        assertEquals("$.tableSchema.columns[1]", none.jsonPath());

        TableSchemas.Refusal unknown = TableSchemas.refusal("p.csv", declared(null, "gossip", null), inspection)
                .orElseThrow();
        assertEquals("notes", unknown.column());
        assertTrue(unknown.detail().contains("free-text"), unknown.detail());

        CsvwTable keyMarked = new CsvwTable(
                "p.csv",
                List.of(new CsvwColumn("id", "integer", null, null, null, "national-id", null)),
                List.of("id"));
        assertEquals(
                "id",
                TableSchemas.refusal("p.csv", keyMarked, null).orElseThrow().column());

        // a header-only suggestion may be declared none: the depositor knows the notes hold no names
        assertTrue(TableSchemas.refusal("p.csv", declared("email", "none", "none"), inspection)
                .isEmpty());
    }

    @Test
    void foreignKeysMustPointAtASingleColumnKeyOfAnotherFile() {
        CsvwTable patients = new CsvwTable(
                "patients.csv",
                List.of(new CsvwColumn("id", "integer", null, null), new CsvwColumn("town", "string", null, null)),
                List.of("id"),
                List.of());
        List<CsvwColumn> visitColumns = List.of(
                new CsvwColumn("nr", "integer", null, null),
                new CsvwColumn("patient", "integer", null, null),
                new CsvwColumn("town", "string", null, null));
        Function<CsvwForeignKey, CsvwTable> visits =
                key -> new CsvwTable("visits.csv", visitColumns, List.of("nr"), List.of(key));
        Map<String, CsvwTable> deposit = Map.of("patients.csv", patients);

        var fine = new CsvwForeignKey(List.of("patient"), "patients.csv", List.of("id"));
        assertTrue(TableSchemas.foreignKeyRefusal("visits.csv", visits.apply(fine), deposit)
                .isEmpty());

        var composite = new CsvwForeignKey(List.of("patient", "town"), "patients.csv", List.of("id", "town"));
        TableSchemas.Refusal c = TableSchemas.foreignKeyRefusal("visits.csv", visits.apply(composite), deposit)
                .orElseThrow();
        assertEquals("$.tableSchema.foreignKeys[0].columnReference", c.jsonPath());
        assertTrue(c.detail().contains("composite"), c.detail());

        var elsewhere = new CsvwForeignKey(List.of("patient"), "people.csv", List.of("id"));
        TableSchemas.Refusal e = TableSchemas.foreignKeyRefusal("visits.csv", visits.apply(elsewhere), deposit)
                .orElseThrow();
        assertEquals("patient", e.column());
        assertTrue(e.detail().contains("people.csv, which is not a file of this deposit"), e.detail());

        var notKey = new CsvwForeignKey(List.of("town"), "patients.csv", List.of("town"));
        TableSchemas.Refusal k = TableSchemas.foreignKeyRefusal("visits.csv", visits.apply(notKey), deposit)
                .orElseThrow();
        assertEquals("$.tableSchema.foreignKeys[0].reference.columnReference", k.jsonPath());
        assertTrue(k.detail().contains("not that table's primary key ([id])"), k.detail());
    }

    @Test
    void everyBadRuleIsNamedAtItsPathAndContradictionsAtTheList() {
        CsvwTable described = TableSchemas.describe("t.csv", INFERRED);
        CsvwTable rules = new CsvwTable(
                "t.csv",
                described.columns(),
                described.primaryKey(),
                List.of(),
                List.of("height > 2", "0 <= age <= 120", "age <"),
                null,
                false);
        List<TableSchemas.Refusal> bad = TableSchemas.constraintRefusals("t.csv", rules, INFERRED);
        assertEquals(
                List.of(
                        "$.tableSchema.https://w3id.org/facsimile/ns#constraints[0]",
                        "$.tableSchema.https://w3id.org/facsimile/ns#constraints[2]"),
                bad.stream().map(TableSchemas.Refusal::jsonPath).toList(),
                bad.toString());
        assertTrue(bad.get(0).detail().startsWith("t.csv: "), bad.get(0).detail());
        CsvwTable fine = new CsvwTable(
                "t.csv",
                described.columns(),
                described.primaryKey(),
                List.of(),
                List.of("0 <= age <= 120"),
                null,
                false);
        assertEquals(List.of(), TableSchemas.constraintRefusals("t.csv", fine, INFERRED));
    }
}
