package org.facsimile.synth.analysis;

import java.util.List;

/**
 * A declared analysis of one table, as a reader writes it (JSON).
 *
 * @param kind what is computed
 * @param column the measured column (MEAN, QUANTILES); null otherwise
 * @param groupBy up to two columns whose values split the rows into cells (COUNT, MEAN,
 *     QUANTILES); a COUNT by two columns is a cross-tabulation
 * @param filters conditions every row counted must meet (all of them)
 * @param probabilities the quantiles asked for, each in (0, 1) (QUANTILES)
 * @param formula {@code y ~ x1 + x2}, column names as written in the schema, a name with spaces
 *     or symbols in back-quotes (regressions); categorical terms are coded against their most
 *     frequent level
 * @param positive the outcome's value counted as 1 (LOGISTIC_REGRESSION; a boolean's is true)
 */
public record Analysis(
        Kind kind,
        String column,
        List<String> groupBy,
        List<Filter> filters,
        List<Double> probabilities,
        String formula,
        String positive) {

    /** What an analysis computes. */
    public enum Kind {
        /** Rows per cell. */
        COUNT,
        /** The mean of a numeric column per cell. */
        MEAN,
        /** Quantiles of a numeric column per cell. */
        QUANTILES,
        /** Ordinary least squares of a numeric outcome. */
        LINEAR_REGRESSION,
        /** Maximum-likelihood logistic regression of a two-valued outcome. */
        LOGISTIC_REGRESSION
    }

    public Analysis {
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
        filters = filters == null ? List.of() : List.copyOf(filters);
        probabilities = probabilities == null ? List.of() : List.copyOf(probabilities);
    }

    /**
     * A condition on one column.
     *
     * @param column the column's name
     * @param op one of {@code = != < <= > >= in missing present}
     * @param value the value compared with, written as the table writes it (or in ISO form)
     * @param values the values of {@code in}
     */
    public record Filter(String column, String op, String value, List<String> values) {

        public Filter {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }
}
