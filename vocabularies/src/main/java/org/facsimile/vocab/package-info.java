/**
 * Facsimile's metadata model and its standard renderings: DCAT-AP (RDF), CSVW table-group
 * metadata (JSON), and the vocabularies Jena lacks. Depends on Jena only: no Jakarta, no database.
 */
package org.facsimile.vocab;
