package org.facsimile.synth.maths;

/** Special functions in log form, where the values themselves would underflow a double. */
public final class SpecialFunctions {

    private SpecialFunctions() {}

    /**
     * ln erfc(x), without underflow for large x (the privacy accountant needs erfc far below what a
     * double holds).
     */
    public static double logErfc(double x) {
        double logPositive = logErfcOfMagnitude(x);
        return x >= 0 ? logPositive : Math.log(2 - Math.exp(logPositive));
    }

    /** ln erfc(|x|): Numerical Recipes' erfc, fractional error below 1.2e-7 everywhere, in log form. */
    private static double logErfcOfMagnitude(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        return Math.log(t)
                - z * z
                - 1.26551223
                + t
                        * (1.00002368
                                + t
                                        * (0.37409196
                                                + t
                                                        * (0.09678418
                                                                + t
                                                                        * (-0.18628806
                                                                                + t
                                                                                        * (0.27886807
                                                                                                + t
                                                                                                        * (-1.13520398
                                                                                                                + t
                                                                                                                        * (1.48851587
                                                                                                                                + t
                                                                                                                                        * (-0.82215223
                                                                                                                                                + t
                                                                                                                                                        * 0.17087277))))))));
    }

    /** ln Γ(x) for x > 0 (Lanczos, g = 7, about 15 significant digits). */
    public static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double[] c = {
            0.99999999999980993,
            676.5203681218851,
            -1259.1392167224028,
            771.32342877765313,
            -176.61502916214059,
            12.507343278686905,
            -0.13857109526572012,
            9.9843695780195716e-6,
            1.5056327351493116e-7
        };
        x -= 1;
        double a = c[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += c[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
