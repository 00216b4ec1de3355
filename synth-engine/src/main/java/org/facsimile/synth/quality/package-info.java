/**
 * How close a synthetic table is to the real one, and how far from copying it: accuracy as
 * 1 - total variation distance over binned columns and column pairs, measured for the synthetic
 * rows and, as a reference, for a holdout of real rows never used in training. (How far the rows
 * are from real people is {@link org.facsimile.synth.privacy}'s.)
 */
package org.facsimile.synth.quality;
