package org.facsimile.synth.baseline;

/** Correlation of normal scores and its Cholesky factor, made positive definite when it is not. */
final class Correlation {

    private Correlation() {}

    /** The lower Cholesky factor of the correlation matrix of the columns of {@code scores}. */
    static double[][] choleskyOfCorrelation(double[][] scores, int k) {
        double[][] corr = correlation(scores, k);
        for (int attempt = 0; attempt < 50; attempt++) {
            double[][] l = cholesky(corr);
            if (l != null) {
                return l;
            }
            // Shrink towards the identity until positive definite (collinear or duplicated columns).
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    corr[i][j] = i == j ? 1.0 : corr[i][j] * 0.95;
                }
            }
        }
        throw new IllegalStateException("correlation matrix could not be made positive definite");
    }

    static double[][] correlation(double[][] scores, int k) {
        int n = scores.length;
        double[] mean = new double[k];
        for (double[] row : scores) {
            for (int j = 0; j < k; j++) {
                mean[j] += row[j] / n;
            }
        }
        double[][] cov = new double[k][k];
        for (double[] row : scores) {
            for (int i = 0; i < k; i++) {
                double di = row[i] - mean[i];
                for (int j = 0; j <= i; j++) {
                    cov[i][j] += di * (row[j] - mean[j]);
                }
            }
        }
        double[][] corr = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double denominator = Math.sqrt(cov[i][i] * cov[j][j]);
                double r = i == j ? 1.0 : denominator > 0 ? cov[i][j] / denominator : 0.0;
                corr[i][j] = r;
                corr[j][i] = r;
            }
        }
        return corr;
    }

    /** Lower-triangular L with L Lᵀ = a, or null when a is not positive definite. */
    static double[][] cholesky(double[][] a) {
        int k = a.length;
        double[][] l = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int p = 0; p < j; p++) {
                    sum -= l[i][p] * l[j][p];
                }
                if (i == j) {
                    if (sum <= 1e-10) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }
}
