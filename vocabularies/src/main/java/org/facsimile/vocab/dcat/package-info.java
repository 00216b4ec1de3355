/** DCAT-AP renderings of {@link org.facsimile.vocab.DatasetDescription}, built with Jena's Model API. */
package org.facsimile.vocab.dcat;
