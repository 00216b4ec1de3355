/**
 * Verified analyses: a declared analysis (counts, means, quantiles, cross-tabulations, linear and
 * logistic regressions, with filters and group-bys) run on a private original and checked for
 * disclosure before anything of it is released, as statistical offices check researchers' output
 * (minimum cell size, dominance, rounding, differential-privacy noise). The same analysis runs
 * unchecked on the public twin, so a reader sees how far the twin is from the truth.
 *
 * <p>{@link org.facsimile.synth.analysis.Analysis} is what a reader declares; {@link
 * org.facsimile.synth.analysis.Analyses} binds it to a table's schema (every problem named by its
 * JSON path) and runs it; {@link org.facsimile.synth.analysis.Disclosure} holds the rules. Nothing
 * here writes a value of the original into a refusal: a refusal names its rule and how many cells
 * broke it.
 */
package org.facsimile.synth.analysis;
