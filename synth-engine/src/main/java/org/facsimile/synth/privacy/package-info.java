/**
 * How far synthetic rows are from the real people they were learnt from: distance to closest
 * record (DCR) against the training rows compared with against a holdout the model never saw,
 * the nearest-neighbour distance ratio, and exact copies; with a pass/fail verdict whose
 * thresholds are part of the report, so a repository can gate release on it.
 */
package org.facsimile.synth.privacy;
