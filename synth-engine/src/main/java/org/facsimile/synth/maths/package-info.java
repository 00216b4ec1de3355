/**
 * Numerical functions more than one part of the engine needs (the normal distribution, and the
 * complementary error function and log-gamma in log form): the copula baseline samples with them and the DP
 * accountant bounds privacy loss with them, so neither borrows from the other.
 */
package org.facsimile.synth.maths;
