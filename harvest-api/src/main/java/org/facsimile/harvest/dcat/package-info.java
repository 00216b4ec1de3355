/** The DCAT catalogue endpoint: the whole repository as DCAT-AP, in pages, in four RDF syntaxes. */
package org.facsimile.harvest.dcat;
