/**
 * A deposited table's schema between the repository and the engine: the CSVW a depositor declares
 * (datatypes, null markers, keys, references, personal data, rules) and the column kinds the
 * engine learns, each refusal with its column and JSON path. Deposit, synthesis and publishing
 * share it; it knows none of them.
 */
package org.facsimile.web.schema;
