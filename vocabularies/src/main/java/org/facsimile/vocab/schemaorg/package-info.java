/** schema.org Dataset markup, the JSON-LD that dataset search engines read from landing pages. */
package org.facsimile.vocab.schemaorg;
