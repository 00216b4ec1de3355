/** Citations of a dataset version in the forms reference managers import: BibTeX, RIS, CSL-JSON. */
package org.facsimile.vocab.cite;
