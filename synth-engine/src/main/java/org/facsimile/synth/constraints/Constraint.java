package org.facsimile.synth.constraints;

import java.util.List;
import java.util.stream.Stream;

/**
 * A rule every real row obeys and every synthetic row must obey, as a depositor declares it
 * ({@link ConstraintParser} reads the text). Each kind is enforced its own way by
 * {@link Constraints}: built into what is learnt where it can be, repaired or redrawn where not.
 */
public sealed interface Constraint
        permits Constraint.Inequality,
                Constraint.Range,
                Constraint.FixedCombinations,
                Constraint.Computed,
                Constraint.Conditional {

    /** The rule as declared, for reports and messages. */
    String text();

    /** The columns it concerns. */
    List<String> columns();

    /** {@code low < high} (or {@code <=}) between two numeric or date columns: dob < dod. */
    record Inequality(String text, String low, String high, boolean strict) implements Constraint {
        @Override
        public List<String> columns() {
            return List.of(low, high);
        }
    }

    /** A column's values within bounds (either may be null: unbounded): 0 <= age <= 120. */
    record Range(String text, String column, String min, boolean minStrict, String max, boolean maxStrict)
            implements Constraint {
        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    /** Only the combinations of these columns' values seen in the data: fixed(city, province). */
    record FixedCombinations(String text, List<String> combined) implements Constraint {
        @Override
        public List<String> columns() {
            return combined;
        }
    }

    /** A column that is a sum of others, each added or subtracted: total = a + b - c. */
    record Computed(String text, String target, List<String> terms, List<Boolean> negated) implements Constraint {
        @Override
        public List<String> columns() {
            return Stream.concat(Stream.of(target), terms.stream()).toList();
        }
    }

    /** Whenever the condition holds, so does the consequence: if age < 18 then benefit in (none, child). */
    record Conditional(String text, Predicate condition, Predicate consequence) implements Constraint {
        @Override
        public List<String> columns() {
            return List.of(condition.column(), consequence.column());
        }
    }

    /** A test of one column against literal values. */
    record Predicate(String column, String operator, List<String> values) {}
}
