/**
 * The baseline synthesizer: a Gaussian copula over per-column marginals. Fast, dependable and
 * easy to reason about; it keeps each column's distribution (missing values at their rate) and
 * the pairwise rank correlations, not higher-order structure.
 */
package org.facsimile.synth.baseline;
