package org.facsimile.synth.analysis;

/**
 * Least squares and logistic maximum likelihood on a design matrix whose first column is the
 * intercept: the normal equations solved through a Cholesky factor (the models here have a few
 * dozen terms at most), logistic regression by Newton's method (iteratively reweighted least
 * squares), standard errors from the inverse information.
 */
final class Regression {

    /** Newton steps at most before a logistic fit is taken as not converging. */
    static final int MAX_ITERATIONS = 50;
    /** A logistic coefficient beyond this on the log-odds scale means the data separate. */
    static final double SEPARATED = 15;

    /**
     * A fitted model.
     *
     * @param statistic each estimate over its standard error (t or z)
     * @param rSquared the share of variance explained (linear), NaN otherwise
     * @param logLikelihood at the estimate (logistic), NaN otherwise
     */
    record Fit(
            double[] estimate,
            double[] standardError,
            double[] statistic,
            double rSquared,
            double logLikelihood,
            int iterations) {}

    /** A fit on standardised terms: estimates, their covariance and the model's figures. */
    private record Raw(double[] beta, double[][] covariance, double rSquared, double logLikelihood, int iterations) {}

    private Regression() {}

    /** Ordinary least squares; null when the terms are collinear (or one is constant). */
    static Fit linear(double[][] x, double[] y) {
        return scaled(x, y, false);
    }

    /**
     * Logistic regression of {@code y} (0 or 1); null when the terms are collinear, the fit does
     * not converge, or a coefficient runs off (the outcome is separated by the terms: the estimate
     * would say "every row with this value has this outcome").
     */
    static Fit logistic(double[][] x, double[] y) {
        return scaled(x, y, true);
    }

    /**
     * Fits on terms centred and scaled to unit deviation (dates in seconds since 1970 beside a
     * yes/no dummy would otherwise make the normal equations numerically singular), then maps the
     * estimates and their covariance back to the terms' own units.
     */
    private static Fit scaled(double[][] x, double[] y, boolean logistic) {
        int n = x.length;
        int p = x[0].length;
        double[] centre = new double[p];
        double[] spread = new double[p];
        spread[0] = 1;
        for (int a = 1; a < p; a++) {
            for (double[] row : x) {
                centre[a] += row[a] / n;
            }
            double sum = 0;
            for (double[] row : x) {
                sum += (row[a] - centre[a]) * (row[a] - centre[a]);
            }
            spread[a] = Math.sqrt(sum / n);
            if (!(spread[a] > 0)) {
                return null;
            }
        }
        double[][] z = new double[n][p];
        for (int i = 0; i < n; i++) {
            z[i][0] = 1;
            for (int a = 1; a < p; a++) {
                z[i][a] = (x[i][a] - centre[a]) / spread[a];
            }
        }
        Raw raw = logistic ? logisticRaw(z, y) : linearRaw(z, y);
        if (raw == null) {
            return null;
        }
        // beta = A beta': beta_0 = beta'_0 - sum_j beta'_j m_j / s_j, beta_j = beta'_j / s_j
        double[][] map = new double[p][p];
        map[0][0] = 1;
        for (int a = 1; a < p; a++) {
            map[a][a] = 1 / spread[a];
            map[0][a] = -centre[a] / spread[a];
        }
        double[] beta = times(map, raw.beta());
        double[] se = new double[p];
        double[] statistic = new double[p];
        for (int a = 0; a < p; a++) {
            double variance = 0;
            for (int b = 0; b < p; b++) {
                for (int c = 0; c < p; c++) {
                    variance += map[a][b] * raw.covariance()[b][c] * map[a][c];
                }
            }
            se[a] = Math.sqrt(variance);
            statistic[a] = beta[a] / se[a];
        }
        return new Fit(beta, se, statistic, raw.rSquared(), raw.logLikelihood(), raw.iterations());
    }

    private static Raw linearRaw(double[][] x, double[] y) {
        int n = x.length;
        int p = x[0].length;
        double[][] xtx = new double[p][p];
        double[] xty = new double[p];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                xty[a] += x[i][a] * y[i];
                for (int b = 0; b <= a; b++) {
                    xtx[a][b] += x[i][a] * x[i][b];
                }
            }
        }
        double[][] inverse = inverse(symmetric(xtx));
        if (inverse == null) {
            return null;
        }
        double[] beta = times(inverse, xty);
        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        double rss = 0;
        double tss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - dot(x[i], beta);
            rss += r * r;
            tss += (y[i] - mean) * (y[i] - mean);
        }
        double sigma2 = rss / (n - p);
        double[][] covariance = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                covariance[a][b] = sigma2 * inverse[a][b];
            }
        }
        return new Raw(beta, covariance, tss == 0 ? Double.NaN : 1 - rss / tss, Double.NaN, 1);
    }

    private static Raw logisticRaw(double[][] x, double[] y) {
        int n = x.length;
        int p = x[0].length;
        double[] beta = new double[p];
        double[][] inverse = null;
        int iteration = 0;
        boolean converged = false;
        while (iteration < MAX_ITERATIONS && !converged) {
            iteration++;
            double[][] information = new double[p][p];
            double[] score = new double[p];
            for (int i = 0; i < n; i++) {
                double mu = logistic(dot(x[i], beta));
                double w = mu * (1 - mu);
                for (int a = 0; a < p; a++) {
                    score[a] += x[i][a] * (y[i] - mu);
                    for (int b = 0; b <= a; b++) {
                        information[a][b] += w * x[i][a] * x[i][b];
                    }
                }
            }
            inverse = inverse(symmetric(information));
            if (inverse == null) {
                return null;
            }
            double[] step = times(inverse, score);
            double largest = 0;
            for (int a = 0; a < p; a++) {
                beta[a] += step[a];
                largest = Math.max(largest, Math.abs(step[a]));
            }
            converged = largest < 1e-9;
            for (double b : beta) {
                if (!(Math.abs(b) < SEPARATED)) {
                    return null;
                }
            }
        }
        if (!converged) {
            return null;
        }
        double logLikelihood = 0;
        for (int i = 0; i < n; i++) {
            double eta = dot(x[i], beta);
            // log(mu) = -log(1 + e^-eta), log(1 - mu) = -log(1 + e^eta), both kept finite
            logLikelihood -= y[i] == 1 ? Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
        }
        return new Raw(beta, inverse, Double.NaN, logLikelihood, iteration);
    }

    private static double logistic(double eta) {
        return 1 / (1 + Math.exp(-eta));
    }

    private static double[][] symmetric(double[][] lower) {
        for (int a = 0; a < lower.length; a++) {
            for (int b = a + 1; b < lower.length; b++) {
                lower[a][b] = lower[b][a];
            }
        }
        return lower;
    }

    /**
     * The inverse of a symmetric positive definite matrix through its Cholesky factor; null when it
     * is singular (a pivot vanishes against the diagonal's scale).
     */
    static double[][] inverse(double[][] a) {
        int p = a.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 1e-10 * Math.max(1, Math.abs(a[i][i])))) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[][] inverse = new double[p][p];
        for (int column = 0; column < p; column++) {
            double[] e = new double[p];
            e[column] = 1;
            double[] z = new double[p];
            for (int i = 0; i < p; i++) {
                double sum = e[i];
                for (int k = 0; k < i; k++) {
                    sum -= l[i][k] * z[k];
                }
                z[i] = sum / l[i][i];
            }
            for (int i = p - 1; i >= 0; i--) {
                double sum = z[i];
                for (int k = i + 1; k < p; k++) {
                    sum -= l[k][i] * inverse[k][column];
                }
                inverse[i][column] = sum / l[i][i];
            }
        }
        return inverse;
    }

    private static double[] times(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = dot(m[i], v);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
