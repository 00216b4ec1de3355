/**
 * The RO-Crate 1.2 metadata ({@code ro-crate-metadata.json}) of a dataset version, the packaging
 * Dataverse and workflow systems exchange research objects in: detached (the files by their URLs)
 * as an export, attached (the files beside it) in the version's zip.
 */
package org.facsimile.vocab.rocrate;
