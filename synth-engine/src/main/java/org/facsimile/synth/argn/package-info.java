/**
 * The engine's main synthesizer, an autoregressive network over the columns in the manner of
 * TabularARGN: each learnt column becomes one or more token positions ({@code ColumnCodec}: bins
 * of its protected marginal, calendar parts of a date, characters of a code, a many-valued
 * column split in two), the network ({@code ArgnNetwork}) learns every position given any subset
 * of the others under random orders ({@code ArgnTrainer}, or {@code DpTrainer} under differential
 * privacy), sized to the table ({@link org.facsimile.synth.argn.ArgnOptions#sizedFor}), and
 * {@code ArgnGenerator} draws rows position by position.
 */
package org.facsimile.synth.argn;
