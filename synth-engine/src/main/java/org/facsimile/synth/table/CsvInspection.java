package org.facsimile.synth.table;

/**
 * What an inspection found in a valid CSV file.
 *
 * @param spec the inferred columns and suggested primary key
 * @param rowCount data rows (the header not counted)
 */
public record CsvInspection(TableSpec spec, long rowCount) {}
