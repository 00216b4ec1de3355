/** The synthesis benchmark: a command that reports numbers, never a test that asserts them. */
package org.facsimile.synth.bench;
