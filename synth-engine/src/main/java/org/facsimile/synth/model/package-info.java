/**
 * Model artefacts: a trained generator in one file, to generate more rows later without the
 * training data. A zip of a manifest (format, synthesizer, the table's columns) and the
 * generator's own parameters.
 */
package org.facsimile.synth.model;
