/** RDF vocabularies Jena does not ship, as constants in the style of Jena's own {@code DCTerms}. */
package org.facsimile.vocab.terms;
