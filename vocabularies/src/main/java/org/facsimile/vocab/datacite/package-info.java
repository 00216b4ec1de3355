/** DataCite Metadata Schema 4.x: the XML record a DOI is registered with. */
package org.facsimile.vocab.datacite;
