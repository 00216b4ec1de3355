/**
 * The Frictionless Data Package ({@code datapackage.json}) of a dataset version: the descriptor
 * data tools (Frictionless, pandas' and R's readers, CKAN's and InvenioRDM's importers) load a
 * dataset's tables by, with each table's Table Schema from its CSVW description.
 */
package org.facsimile.vocab.frictionless;
