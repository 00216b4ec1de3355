/** The engine's command line: fit a model to a CSV file, sample from a model, report on a synthetic table. */
package org.facsimile.synth.cli;
