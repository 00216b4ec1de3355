/**
 * W3C CSVW table-group metadata ("Metadata Vocabulary for Tabular Data"): the columns, datatypes,
 * missing-value markers and keys of CSV tables, read from and written to its JSON form.
 */
package org.facsimile.vocab.csvw;
