package org.facsimile.web.access;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.facsimile.synth.analysis.AnalysisResult;
import org.facsimile.synth.analysis.AnalysisResult.Cell;
import org.facsimile.synth.analysis.AnalysisResult.Figure;
import org.facsimile.synth.analysis.AnalysisResult.Term;
import org.facsimile.synth.analysis.Outcome;

/**
 * An analysis's two answers side by side, as a page shows them: one row per cell (its group) or
 * per coefficient, the original's figure beside the twin's, so a reader sees how far the twin is
 * from the truth. A cell or term only one side has shows a dash on the other.
 *
 * @param headers the column headings
 * @param rows the rows, each as many texts as headings
 * @param fit the whole model's figures (regressions), each "name: original / twin"
 */
public record AnalysisComparison(List<String> headers, List<List<String>> rows, List<String> fit) {

    private static final String NONE = "–";

    /** The comparison of two outcomes; an outcome that was refused contributes dashes. */
    public static AnalysisComparison of(Outcome original, Outcome twin) {
        AnalysisResult o = original == null ? null : original.result();
        AnalysisResult t = twin == null ? null : twin.result();
        AnalysisResult shape = o != null ? o : t;
        if (shape == null) {
            return new AnalysisComparison(List.of(), List.of(), List.of());
        }
        return shape.terms().isEmpty() && shape.fit().isEmpty() ? cells(shape, o, t) : terms(o, t);
    }

    private static AnalysisComparison cells(AnalysisResult shape, AnalysisResult o, AnalysisResult t) {
        Map<List<String>, Cell> left = byGroup(o);
        Map<List<String>, Cell> right = byGroup(t);
        Set<List<String>> groups = new LinkedHashSet<>(left.keySet());
        groups.addAll(right.keySet());
        Set<String> figures = new LinkedHashSet<>();
        for (Map<List<String>, Cell> side : List.of(left, right)) {
            side.values().forEach(c -> c.figures().forEach(f -> figures.add(f.name())));
        }
        List<String> headers = new ArrayList<>(shape.groupBy());
        headers.add("rows, original");
        headers.add("rows, twin");
        for (String f : figures) {
            headers.add(f + ", original");
            headers.add(f + ", twin");
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> group : groups) {
            List<String> row = new ArrayList<>();
            group.forEach(v -> row.add(v == null ? "(missing)" : v));
            Cell l = left.get(group);
            Cell r = right.get(group);
            row.add(l == null ? NONE : Long.toString(l.count()));
            row.add(r == null ? NONE : Long.toString(r.count()));
            for (String f : figures) {
                row.add(figure(l, f));
                row.add(figure(r, f));
            }
            rows.add(row);
        }
        return new AnalysisComparison(headers, rows, List.of());
    }

    private static AnalysisComparison terms(AnalysisResult o, AnalysisResult t) {
        Map<String, Term> left = byName(o);
        Map<String, Term> right = byName(t);
        Set<String> names = new LinkedHashSet<>(left.keySet());
        names.addAll(right.keySet());
        List<List<String>> rows = new ArrayList<>();
        for (String name : names) {
            Term l = left.get(name);
            Term r = right.get(name);
            rows.add(List.of(
                    name,
                    l == null ? NONE : number(l.estimate()),
                    l == null ? NONE : number(l.standardError()),
                    r == null ? NONE : number(r.estimate()),
                    r == null ? NONE : number(r.standardError())));
        }
        Map<String, String[]> fit = new LinkedHashMap<>();
        for (int side = 0; side < 2; side++) {
            AnalysisResult result = side == 0 ? o : t;
            if (result != null) {
                for (Figure f : result.fit()) {
                    fit.computeIfAbsent(f.name(), k -> new String[] {NONE, NONE})[side] = f.written();
                }
            }
        }
        List<String> fits = new ArrayList<>();
        fit.forEach((name, values) -> fits.add(name + ": " + values[0] + " original, " + values[1] + " twin"));
        return new AnalysisComparison(
                List.of("term", "estimate, original", "std. error, original", "estimate, twin", "std. error, twin"),
                rows,
                fits);
    }

    private static Map<List<String>, Cell> byGroup(AnalysisResult result) {
        Map<List<String>, Cell> cells = new LinkedHashMap<>();
        if (result != null) {
            result.cells().forEach(c -> cells.put(c.group(), c));
        }
        return cells;
    }

    private static Map<String, Term> byName(AnalysisResult result) {
        Map<String, Term> terms = new LinkedHashMap<>();
        if (result != null) {
            result.terms().forEach(t -> terms.put(t.name(), t));
        }
        return terms;
    }

    private static String figure(Cell cell, String name) {
        if (cell == null) {
            return NONE;
        }
        return cell.figures().stream()
                .filter(f -> f.name().equals(name))
                .map(Figure::written)
                .findFirst()
                .orElse(NONE);
    }

    private static String number(double value) {
        return Double.isFinite(value)
                ? new BigDecimal(value)
                        .round(new MathContext(6))
                        .stripTrailingZeros()
                        .toPlainString()
                : NONE;
    }
}
