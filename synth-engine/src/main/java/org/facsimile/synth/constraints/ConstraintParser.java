package org.facsimile.synth.constraints;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.TableSpec;

/**
 * Reads a declared constraint against a table's columns. The forms:
 *
 * <ul>
 *   <li>{@code dob < dod}, {@code start <= end}: an inequality between two numeric or date columns;
 *   <li>{@code age >= 0}, {@code 0 <= age <= 120}, {@code visit <= 2024-12-31}: a range;
 *   <li>{@code fixed(city, province)}: only combinations seen in the data;
 *   <li>{@code total = a + b - c}: a computed column;
 *   <li>{@code if age < 18 then benefit in ('none', 'child')}: a conditional rule, whose parts
 *       compare a column with values ({@code < <= > >= = !=}, or {@code in (...)}).
 * </ul>
 *
 * Column names are written bare ({@code education-num}: a minus inside a name is part of it, so
 * subtraction needs spaces) or in backquotes ({@code `hours per week`}); text values in quotes.
 * Every problem names the column and says what was expected.
 */
public final class ConstraintParser {

    private final String text;
    private final TableSpec spec;
    private final List<String> tokens = new ArrayList<>();
    private final List<Boolean> quoted = new ArrayList<>();
    private int at;

    private ConstraintParser(String text, TableSpec spec) {
        this.text = text.trim();
        this.spec = spec;
    }

    /** The constraint a text declares over a table's columns. */
    public static Constraint parse(String text, TableSpec spec) {
        if (text == null || text.isBlank()) {
            throw new ConstraintProblem(null, "an empty constraint");
        }
        if (text.length() > 1000) {
            throw new ConstraintProblem(null, "a constraint of more than 1,000 characters");
        }
        ConstraintParser p = new ConstraintParser(text, spec);
        p.tokenize();
        Constraint c = p.constraint();
        if (p.at < p.tokens.size()) {
            throw p.problem(null, "unexpected '" + p.tokens.get(p.at) + "' after the constraint");
        }
        return c;
    }

    private Constraint constraint() {
        if (peekWord("fixed")) {
            at++;
            expect("(");
            List<String> columns = new ArrayList<>();
            columns.add(column());
            while (peek(",")) {
                at++;
                columns.add(column());
            }
            expect(")");
            if (columns.size() < 2) {
                throw problem(columns.get(0), "fixed(...) needs two or more columns");
            }
            if (columns.stream().distinct().count() < columns.size()) {
                throw problem(columns.get(0), "fixed(...) names a column twice");
            }
            return new Constraint.FixedCombinations(text, columns);
        }
        if (peekWord("if")) {
            at++;
            Constraint.Predicate condition = predicate();
            if (!peekWord("then")) {
                throw problem(condition.column(), "expected 'then' after the condition");
            }
            at++;
            Constraint.Predicate consequence = predicate();
            if (condition.column().equals(consequence.column())) {
                throw problem(condition.column(), "a rule's condition and consequence need different columns");
            }
            return new Constraint.Conditional(text, condition, consequence);
        }
        boolean firstIsColumn = isColumnToken();
        String first = firstIsColumn ? column() : literal();
        String op = operator();
        if (op.equals("=")) {
            if (!firstIsColumn) {
                throw problem(null, "a computed column is written 'target = a + b'");
            }
            List<String> terms = new ArrayList<>();
            List<Boolean> negated = new ArrayList<>();
            boolean minus = false;
            if (peek("-")) {
                at++;
                minus = true;
            }
            terms.add(numericColumn(column()));
            negated.add(minus);
            while (peek("+") || peek("-")) {
                negated.add(tokens.get(at++).equals("-"));
                terms.add(numericColumn(column()));
            }
            numericColumn(first);
            if (terms.contains(first)) {
                throw problem(first, "column " + first + " cannot be computed from itself");
            }
            return new Constraint.Computed(text, first, terms, negated);
        }
        if (!List.of("<", "<=", ">", ">=").contains(op)) {
            throw problem(
                    firstIsColumn ? first : null, "expected <, <=, > or >= (or = for a computed column), found " + op);
        }
        boolean secondIsColumn = isColumnToken();
        String second = secondIsColumn ? column() : literal();
        if (firstIsColumn && secondIsColumn) {
            ordered(first);
            ordered(second);
            if (first.equals(second)) {
                throw problem(first, "an inequality needs two different columns");
            }
            boolean less = op.startsWith("<");
            return new Constraint.Inequality(text, less ? first : second, less ? second : first, op.length() == 1);
        }
        if (!firstIsColumn && !secondIsColumn) {
            throw problem(null, "a constraint needs a column");
        }
        if (firstIsColumn) {
            // age >= 0, age < 120
            ordered(first);
            checkLiteral(first, second);
            return op.startsWith("<")
                    ? new Constraint.Range(text, first, null, false, second, op.length() == 1)
                    : new Constraint.Range(text, first, second, op.length() == 1, null, false);
        }
        // 0 <= age [<= 120]
        ordered(second);
        checkLiteral(second, first);
        if (!op.startsWith("<")) {
            throw problem(second, "write a two-sided range from low to high: 0 <= " + second + " <= 120");
        }
        String max = null;
        boolean maxStrict = false;
        if (at < tokens.size()) {
            String op2 = operator();
            if (!op2.startsWith("<")) {
                throw problem(second, "write a two-sided range from low to high: 0 <= " + second + " <= 120");
            }
            max = literal();
            checkLiteral(second, max);
            maxStrict = op2.length() == 1;
        }
        return new Constraint.Range(text, second, first, op.length() == 1, max, maxStrict);
    }

    private Constraint.Predicate predicate() {
        String column = column();
        if (peekWord("in")) {
            at++;
            expect("(");
            List<String> values = new ArrayList<>();
            values.add(literal());
            while (peek(",")) {
                at++;
                values.add(literal());
            }
            expect(")");
            return new Constraint.Predicate(column, "in", values);
        }
        String op = operator();
        String value = literal();
        if (!op.equals("=") && !op.equals("!=")) {
            ordered(column);
            checkLiteral(column, value);
        }
        return new Constraint.Predicate(column, op, List.of(value));
    }

    private String operator() {
        if (at >= tokens.size()) {
            throw problem(null, "the constraint ends where a comparison was expected");
        }
        String t = tokens.get(at);
        if (!quoted.get(at) && List.of("<", "<=", ">", ">=", "=", "!=").contains(t)) {
            at++;
            return t;
        }
        throw problem(null, "expected a comparison (<, <=, >, >=, =, !=), found '" + t + "'");
    }

    private boolean isColumnToken() {
        if (at >= tokens.size()) {
            return false;
        }
        String t = tokens.get(at);
        return !quoted.get(at) ? Character.isLetter(t.codePointAt(0)) || t.startsWith("_") : t.startsWith("`");
    }

    private String column() {
        if (at >= tokens.size()) {
            throw problem(null, "the constraint ends where a column name was expected");
        }
        String t = tokens.get(at);
        boolean backquoted = quoted.get(at) && t.startsWith("`");
        if (!backquoted && !isColumnToken()) {
            throw problem(null, "expected a column name, found '" + t + "'");
        }
        String name = backquoted ? t.substring(1) : t;
        if (!spec.columnNames().contains(name)) {
            throw problem(
                    name, "table " + spec.name() + " has no column '" + name + "'; its columns: " + spec.columnNames());
        }
        at++;
        return name;
    }

    private String literal() {
        if (at >= tokens.size()) {
            throw problem(null, "the constraint ends where a value was expected");
        }
        String t = tokens.get(at);
        if (quoted.get(at) && t.startsWith("'")) {
            at++;
            return t.substring(1);
        }
        if (!quoted.get(at) && (Character.isDigit(t.charAt(0)) || t.startsWith("-") && t.length() > 1)) {
            at++;
            return t;
        }
        throw problem(null, "expected a value (a number, a date, or text in quotes), found '" + t + "'");
    }

    private void expect(String symbol) {
        if (!peek(symbol)) {
            throw problem(
                    null, "expected '" + symbol + "'" + (at < tokens.size() ? ", found '" + tokens.get(at) + "'" : ""));
        }
        at++;
    }

    private boolean peek(String symbol) {
        return at < tokens.size() && !quoted.get(at) && tokens.get(at).equals(symbol);
    }

    private boolean peekWord(String word) {
        return at < tokens.size()
                && !quoted.get(at)
                && tokens.get(at).toLowerCase(Locale.ROOT).equals(word)
                && !spec.columnNames().contains(tokens.get(at));
    }

    private ColumnSpec spec(String column) {
        return spec.column(spec.columnNames().indexOf(column));
    }

    /** A column whose values are ordered: a number, a date or a date-time. */
    private String ordered(String column) {
        if (!spec(column).kind().isNumeric()) {
            throw problem(
                    column,
                    "column " + column + " is " + spec(column).kind().name().toLowerCase(Locale.ROOT)
                            + ", not a number or a date: it has no order to compare");
        }
        return column;
    }

    private String numericColumn(String column) {
        ColumnKind kind = spec(column).kind();
        if (kind != ColumnKind.INTEGER && kind != ColumnKind.DECIMAL) {
            throw problem(
                    column,
                    "column " + column + " is " + kind.name().toLowerCase(Locale.ROOT)
                            + ": a computed column and its terms must be numbers");
        }
        return column;
    }

    private void checkLiteral(String column, String value) {
        if (Double.isNaN(spec(column).kind().toNumber(value))) {
            throw problem(
                    column,
                    "'" + value + "' is not a value of column " + column + " ("
                            + spec(column).kind().name().toLowerCase(Locale.ROOT) + ")");
        }
    }

    private ConstraintProblem problem(String column, String message) {
        return new ConstraintProblem(column, "constraint '" + text + "': " + message);
    }

    private void tokenize() {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '\'' || ch == '"' || ch == '`') {
                int end = text.indexOf(ch, i + 1);
                if (end < 0) {
                    throw new ConstraintProblem(null, "constraint '" + text + "': a quote " + ch + " is not closed");
                }
                // text values keep a leading ' whatever quote they had; names a leading `
                tokens.add((ch == '`' ? "`" : "'") + text.substring(i + 1, end));
                quoted.add(true);
                i = end + 1;
            } else if ("<>!=".indexOf(ch) >= 0) {
                boolean two = i + 1 < n && text.charAt(i + 1) == '=';
                String op = text.substring(i, two ? i + 2 : i + 1);
                if (op.equals("!")) {
                    throw new ConstraintProblem(null, "constraint '" + text + "': '!' must be followed by '='");
                }
                tokens.add(op);
                quoted.add(false);
                i += op.length();
            } else if ("(),+".indexOf(ch) >= 0) {
                tokens.add(String.valueOf(ch));
                quoted.add(false);
                i++;
            } else if (ch == '-' && (i + 1 >= n || !Character.isDigit(text.charAt(i + 1)) || previousIsValue())) {
                tokens.add("-");
                quoted.add(false);
                i++;
            } else {
                int start = i;
                i++;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || "_.-:".indexOf(text.charAt(i)) >= 0)) {
                    i++;
                }
                tokens.add(text.substring(start, i));
                quoted.add(false);
            }
        }
    }

    /** After a column or a value a minus subtracts; elsewhere it starts a negative number. */
    private boolean previousIsValue() {
        if (tokens.isEmpty()) {
            return false;
        }
        String last = tokens.get(tokens.size() - 1);
        return quoted.get(tokens.size() - 1)
                || Character.isLetterOrDigit(last.charAt(last.length() - 1))
                || last.equals(")");
    }
}
