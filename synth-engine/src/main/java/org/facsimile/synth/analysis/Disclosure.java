package org.facsimile.synth.analysis;

/**
 * The rules a result computed on the original must pass before it is released, with the values
 * statistical offices' output checking commonly uses (Eurostat's and ONS's guidance for secure
 * research services): at least {@code minCell} rows behind every released figure (threshold rule),
 * no cell where {@code dominantUnits} rows hold more than {@code dominantShare} of its total
 * (dominance, the (n, k) rule), counts rounded to a multiple of {@code countBase} and every other
 * figure to {@code digits} significant digits, regressions with at least {@code minCell} residual
 * degrees of freedom; with {@code epsilon} set (the deposit chose differential privacy), counts and
 * means carry Laplace noise spending that epsilon per analysis, and analyses the noise does not
 * cover are refused.
 *
 * @param epsilon the privacy loss one analysis may spend, or null for no noise
 */
public record Disclosure(
        int minCell, int dominantUnits, double dominantShare, int countBase, int digits, Double epsilon) {

    public Disclosure {
        if (minCell < 3) {
            throw new IllegalArgumentException("a minimum cell below 3 protects no one");
        }
        if (dominantUnits < 1 || !(dominantShare > 0 && dominantShare <= 1)) {
            throw new IllegalArgumentException("dominance is n >= 1 rows holding a share in (0, 1]");
        }
        if (countBase < 1 || digits < 1) {
            throw new IllegalArgumentException("rounding base and digits are positive");
        }
        if (epsilon != null && !(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon is positive");
        }
    }

    /** The usual rules for a minimum cell: dominance (2, 85%), counts to 5, 4 significant digits. */
    public static Disclosure withMinimumCell(int minCell, Double epsilon) {
        return new Disclosure(minCell, 2, 0.85, 5, 4, epsilon);
    }
}
