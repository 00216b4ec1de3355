package org.facsimile.synth.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an analysis found, on the original (checked, rounded or noised) or on the twin (as
 * computed).
 *
 * @param kind what was computed
 * @param rows the rows the analysis used (after filters and, for regressions, rows with a missing
 *     value left out); on the original rounded like every count
 * @param groupBy the columns the cells are split by
 * @param cells one per group, in the order of their values (COUNT, MEAN, QUANTILES)
 * @param terms the coefficients (regressions), the intercept first
 * @param fit figures of the whole model (regressions): {@code r-squared}, {@code residual-df},
 *     {@code log-likelihood}, {@code iterations}
 * @param notes how the figures were protected, in words
 */
public record AnalysisResult(
        Analysis.Kind kind,
        long rows,
        List<String> groupBy,
        List<Cell> cells,
        List<Term> terms,
        List<Figure> fit,
        List<String> notes) {

    public AnalysisResult {
        groupBy = List.copyOf(groupBy);
        cells = List.copyOf(cells);
        terms = List.copyOf(terms);
        fit = List.copyOf(fit);
        notes = List.copyOf(notes);
    }

    /**
     * One cell: its group's values (in the table's written form; null for a missing value), its
     * rows and its figures.
     */
    public record Cell(List<String> group, long count, List<Figure> figures) {

        public Cell {
            group = Collections.unmodifiableList(new ArrayList<>(group));
            figures = List.copyOf(figures);
        }
    }

    /**
     * A figure: its name ({@code mean}, {@code p0.5}), its value as a number (dates as days since
     * 1970-01-01, date-times as seconds since 1970, times as seconds since midnight) and as the
     * column writes it.
     */
    public record Figure(String name, double value, String written) {}

    /** A regression coefficient with its standard error and Wald statistic (t or z). */
    public record Term(String name, double estimate, double standardError, double statistic) {}
}
