package org.facsimile.synth.constraints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConstraintParserTest {

    static final TableSpec SPEC = new TableSpec(
            "people",
            List.of(
                    new ColumnSpec("id", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("dob", ColumnKind.DATE, null),
                    new ColumnSpec("dod", ColumnKind.DATE, null),
                    new ColumnSpec("age", ColumnKind.INTEGER, null),
                    new ColumnSpec("education-num", ColumnKind.INTEGER, null),
                    new ColumnSpec("hours per week", ColumnKind.DECIMAL, null),
                    new ColumnSpec("city", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("province", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("benefit", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("total", ColumnKind.DECIMAL, null)),
            List.of("id"));

    @Test
    void eachFormReads() {
        assertEquals(
                new Constraint.Inequality("dob < dod", "dob", "dod", true), ConstraintParser.parse("dob < dod", SPEC));
        assertEquals(
                new Constraint.Inequality("dod >= dob", "dob", "dod", false),
                ConstraintParser.parse("dod >= dob", SPEC));
        assertEquals(
                new Constraint.Range("0 <= age <= 120", "age", "0", false, "120", false),
                ConstraintParser.parse("0 <= age <= 120", SPEC));
        assertEquals(
                new Constraint.Range("age > -1", "age", "-1", true, null, false),
                ConstraintParser.parse("age > -1", SPEC));
        assertEquals(
                new Constraint.Range("dod <= 2024-12-31", "dod", null, false, "2024-12-31", false),
                ConstraintParser.parse("dod <= 2024-12-31", SPEC));
        assertEquals(
                new Constraint.FixedCombinations("fixed(city, province)", List.of("city", "province")),
                ConstraintParser.parse("fixed(city, province)", SPEC));
        assertEquals(
                new Constraint.Computed(
                        "total = age + `hours per week` - education-num",
                        "total",
                        List.of("age", "hours per week", "education-num"),
                        List.of(false, false, true)),
                ConstraintParser.parse("total = age + `hours per week` - education-num", SPEC));
        assertEquals(
                new Constraint.Conditional(
                        "if age < 18 then benefit in ('none', \"child\")",
                        new Constraint.Predicate("age", "<", List.of("18")),
                        new Constraint.Predicate("benefit", "in", List.of("none", "child"))),
                ConstraintParser.parse("if age < 18 then benefit in ('none', \"child\")", SPEC));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "dob < shoe_size | shoe_size | has no column 'shoe_size'",
                "city < province | city | not a number or a date",
                "age <= 'old' | age | not a value of column age",
                "total = city + age | city | must be numbers",
                "total = total + age | total | from itself",
                "fixed(city) | city | two or more columns",
                "if age < 18 benefit = 'none' | age | expected 'then'",
                "if age < 18 then age > 3 | age | different columns",
                "dob < dob | dob | two different columns",
                "age >= 3 <= 4 | | unexpected '<='",
                "benefit = 'x | | not closed",
                "age ! 3 | | followed by '='",
            })
    void problemsNameTheColumnAndSayWhatWasExpected(String text, String column, String message) {
        ConstraintProblem p = assertThrows(ConstraintProblem.class, () -> ConstraintParser.parse(text, SPEC));
        assertEquals(column, p.column(), p.getMessage());
        assertTrue(p.getMessage().contains(message), p.getMessage());
        assertTrue(p.getMessage().contains(text), "quotes the rule: " + p.getMessage());
    }

    @Test
    void contradictionsAreRefusedNamingAColumn() {
        ConstraintProblem cycle = assertThrows(
                ConstraintProblem.class,
                () -> Constraints.of(List.of("dob < dod", "dod < age", "age < dob"), withDatesAsAge()));
        assertTrue(cycle.getMessage().contains("below itself"), cycle.getMessage());
        ConstraintProblem empty =
                assertThrows(ConstraintProblem.class, () -> Constraints.of(List.of("5 <= age <= 3"), SPEC));
        assertEquals("age", empty.column());
        ConstraintProblem twice = assertThrows(
                ConstraintProblem.class, () -> Constraints.of(List.of("total = age + age", "total = age"), SPEC));
        assertEquals("total", twice.column());
        ConstraintProblem key = assertThrows(ConstraintProblem.class, () -> Constraints.of(List.of("id = age"), SPEC));
        assertEquals("id", key.column(), key.getMessage());
    }

    private static TableSpec withDatesAsAge() {
        return new TableSpec(
                "people",
                List.of(
                        new ColumnSpec("dob", ColumnKind.INTEGER, null),
                        new ColumnSpec("dod", ColumnKind.INTEGER, null),
                        new ColumnSpec("age", ColumnKind.INTEGER, null)),
                List.of());
    }
}
