/**
 * Where files live: a blob store with a private area (deposited inputs, job outputs) and a public
 * area (published files), behind {@link org.facsimile.web.storage.BlobStore}. Keys are made by
 * the server, never from user input.
 */
package org.facsimile.web.storage;
