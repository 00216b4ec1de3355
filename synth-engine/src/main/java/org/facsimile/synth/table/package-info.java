/**
 * Tables and what is known of their columns: reading and validating CSV, inferring column kinds,
 * and writing CSV back in the input's format.
 */
package org.facsimile.synth.table;
