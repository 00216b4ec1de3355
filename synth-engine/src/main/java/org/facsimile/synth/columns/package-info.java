/**
 * Per-column distributions and rules that every synthesizer builds on: protected marginals
 * (rare categories pooled, tails clipped, rare words dropped), fresh identifiers, and the binary
 * form of their parameters in a model file.
 */
package org.facsimile.synth.columns;
