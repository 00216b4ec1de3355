/**
 * Datasets of related tables: which foreign key makes each child table's context, in what order
 * the tables are generated, and how referential integrity and children per parent are reported.
 */
package org.facsimile.synth.relations;
