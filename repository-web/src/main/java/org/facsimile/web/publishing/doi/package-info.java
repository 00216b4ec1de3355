/**
 * DOIs: minted and reserved for a deposit, registered at publication, resolved. The local
 * registrar is the default; the DataCite registrar talks to DataCite's REST API through the
 * outbox ({@code publishing.DataCiteOutbox} sends the records).
 */
package org.facsimile.web.publishing.doi;
