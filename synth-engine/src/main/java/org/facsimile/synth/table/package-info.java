/**
 * Tables and what is known of their columns: reading and validating CSV, inferring column kinds
 * and formats, which columns hold direct identifiers ({@code PersonalData}, declared or suggested
 * from headers and values by {@code PersonalDataSuggestion}), and writing CSV back in the input's
 * format. How identifiers are then replaced is {@code personal}'s business, which depends on this
 * package and not the other way round.
 */
package org.facsimile.synth.table;
