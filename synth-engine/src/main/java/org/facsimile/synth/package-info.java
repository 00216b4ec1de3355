/**
 * The synthesis engine: learns the joint distribution of a private table and generates a
 * synthetic twin of it, with a quality and privacy evaluation.
 *
 * <p>A plain library: no Jakarta, no database, no repository concepts. The repository reaches it
 * through {@link org.facsimile.synth.Synthesizer}; the entry points for data are in
 * {@link org.facsimile.synth.table}.
 */
package org.facsimile.synth;
