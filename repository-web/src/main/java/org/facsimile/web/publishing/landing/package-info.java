/**
 * A dataset's landing page in every form a reader or a machine asks for (content negotiation:
 * HTML, DCAT-AP, DataCite, schema.org, CSVW), its citation and Signposting links, with the views
 * and downloads counted.
 */
package org.facsimile.web.publishing.landing;
