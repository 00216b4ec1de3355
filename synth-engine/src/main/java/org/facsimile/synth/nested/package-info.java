/**
 * Nested JSON deposits: a document of records with nested arrays taken apart into related tables
 * ({@link org.facsimile.synth.nested.NestedDocument}), synthesized as related tables are, and put
 * back together in the same shape ({@link org.facsimile.synth.nested.NestedShape}).
 */
package org.facsimile.synth.nested;
