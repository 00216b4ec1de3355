package org.facsimile.synth.dp;

import org.facsimile.synth.maths.SpecialFunctions;

/**
 * The Rényi differential privacy accountant of the sampled Gaussian mechanism (Mironov, Talwar and
 * Zhang 2019): DP-SGD with Poisson sampling at rate {@code q} and Gaussian noise of {@code sigma}
 * times the clipping norm, composed over {@code steps}, converted to (epsilon, delta) at the best
 * of a fixed set of orders (Mironov 2017, Proposition 3). Matches the published figures of
 * TensorFlow Privacy's accountant for the same settings.
 */
public final class RdpAccountant {

    /**
     * The Rényi orders tried: tenths and quarters near 1, then integers, the union of the grids
     * TensorFlow Privacy's tutorials have used. Every order gives a valid bound; the smallest is taken.
     */
    static final double[] ORDERS = orders();

    private RdpAccountant() {}

    private static double[] orders() {
        double[] quarters = {1.25, 1.75, 2.25, 2.75, 3.25, 3.5, 4.5};
        double[] orders = new double[99 + quarters.length + 52 + 3];
        int k = 0;
        for (int x = 1; x < 100; x++) {
            orders[k++] = 1 + x / 10.0;
        }
        for (double quarter : quarters) {
            orders[k++] = quarter;
        }
        for (int a = 12; a < 64; a++) {
            orders[k++] = a;
        }
        orders[k++] = 128;
        orders[k++] = 256;
        orders[k] = 512;
        return orders;
    }

    /**
     * @param q the sampling rate (expected batch size over training rows)
     * @param sigma the noise multiplier (noise standard deviation over the clipping norm)
     * @param steps the number of noisy steps taken
     * @param delta the target delta
     * @return the epsilon spent
     */
    public static double epsilon(double q, double sigma, long steps, double delta) {
        return epsilon(q, sigma, steps, delta, 0);
    }

    /**
     * The epsilon of DP-SGD composed with other Gaussian releases of the same rows, in RDP: a
     * Gaussian mechanism of L2 sensitivity s and noise standard deviation n has RDP {@code alpha *
     * rho} at every order alpha, with {@code rho = s^2 / (2 n^2)} (Mironov 2017, Proposition 7),
     * and RDP adds up order by order, which costs less than adding the epsilons.
     *
     * @param rho the other releases' RDP over the order, summed; 0 when there are none
     */
    public static double epsilon(double q, double sigma, long steps, double delta, double rho) {
        if (!(q >= 0 && q <= 1) || !(sigma > 0) || steps < 0 || !(delta > 0 && delta < 1) || !(rho >= 0)) {
            throw new IllegalArgumentException("need 0 <= q <= 1, sigma > 0, steps >= 0, 0 < delta < 1 and rho >= 0");
        }
        boolean training = steps > 0 && q > 0;
        if (!training && rho == 0) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (double order : ORDERS) {
            double rdp = (training ? rdp(q, sigma, order) * steps : 0) + order * rho;
            best = Math.min(best, rdp - Math.log(delta) / (order - 1));
        }
        return Math.max(0, best);
    }

    /** The epsilon of Gaussian releases of RDP {@code alpha * rho} alone, at delta. */
    public static double gaussianEpsilon(double rho, double delta) {
        return epsilon(0, 1, 0, delta, rho);
    }

    /**
     * A share of the most RDP that Gaussian releases (RDP {@code alpha * rho}) may take of a
     * budget: at order alpha the conversion to (epsilon, delta) leaves {@code epsilon -
     * ln(1/delta) / (alpha - 1)} for RDP, so rho may be that over alpha; the best order's rho,
     * times {@code share}. Releases of that rho take the share at the order where they are
     * cheapest and leave the rest to DP-SGD; 0 when no order leaves room.
     */
    public static double rhoShare(double epsilon, double delta, double share) {
        if (!(epsilon > 0) || !(delta > 0 && delta < 1) || !(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("need epsilon > 0, 0 < delta < 1 and 0 < share <= 1");
        }
        double best = 0;
        for (double order : ORDERS) {
            double room = epsilon + Math.log(delta) / (order - 1);
            best = Math.max(best, share * room / order);
        }
        return best;
    }

    /** The RDP of one step of the sampled Gaussian mechanism at one order. */
    static double rdp(double q, double sigma, double order) {
        if (q == 0) {
            return 0;
        }
        if (q == 1) {
            return order / (2 * sigma * sigma);
        }
        double logA = order == Math.rint(order) ? logAInteger(q, sigma, (int) order) : logAFractional(q, sigma, order);
        return logA / (order - 1);
    }

    /** log A for an integer order: the binomial expansion. */
    private static double logAInteger(double q, double sigma, int order) {
        double logA = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= order; i++) {
            double logCoef = logBinomial(order, i) + i * Math.log(q) + (order - i) * Math.log1p(-q);
            logA = logAdd(logA, logCoef + (i * (double) i - i) / (2 * sigma * sigma));
        }
        return logA;
    }

    /** log A for a fractional order: the two converging series of Mironov et al., Section 3.3. */
    private static double logAFractional(double q, double sigma, double order) {
        double logA0 = Double.NEGATIVE_INFINITY;
        double logA1 = Double.NEGATIVE_INFINITY;
        double z0 = sigma * sigma * Math.log(1 / q - 1) + 0.5;
        double coef = 1;
        for (int i = 0; ; i++) {
            if (i > 0) {
                coef *= (order - (i - 1)) / i;
            }
            double logCoef = Math.log(Math.abs(coef));
            double j = order - i;
            double logT0 = logCoef + i * Math.log(q) + j * Math.log1p(-q);
            double logT1 = logCoef + j * Math.log(q) + i * Math.log1p(-q);
            double logE0 = Math.log(0.5) + SpecialFunctions.logErfc((i - z0) / (Math.sqrt(2) * sigma));
            double logE1 = Math.log(0.5) + SpecialFunctions.logErfc((z0 - j) / (Math.sqrt(2) * sigma));
            double logS0 = logT0 + (i * (double) i - i) / (2 * sigma * sigma) + logE0;
            double logS1 = logT1 + (j * j - j) / (2 * sigma * sigma) + logE1;
            if (coef > 0) {
                logA0 = logAdd(logA0, logS0);
                logA1 = logAdd(logA1, logS1);
            } else {
                logA0 = logSub(logA0, logS0);
                logA1 = logSub(logA1, logS1);
            }
            if (Math.max(logS0, logS1) < -30 || i > 100_000) {
                break;
            }
        }
        return logAdd(logA0, logA1);
    }

    private static double logBinomial(int n, int k) {
        return SpecialFunctions.logGamma(n + 1)
                - SpecialFunctions.logGamma(k + 1)
                - SpecialFunctions.logGamma(n - k + 1);
    }

    private static double logAdd(double a, double b) {
        double high = Math.max(a, b);
        double low = Math.min(a, b);
        if (high == Double.NEGATIVE_INFINITY) {
            return high;
        }
        return high + Math.log1p(Math.exp(low - high));
    }

    private static double logSub(double a, double b) {
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        if (a <= b) {
            // the series' terms are this small only past convergence
            return Double.NEGATIVE_INFINITY;
        }
        return a + Math.log1p(-Math.exp(b - a));
    }
}
