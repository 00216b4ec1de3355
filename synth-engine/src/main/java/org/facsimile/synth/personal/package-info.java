/**
 * Direct identifiers (names, e-mail addresses, phone numbers, national ids, IBANs), once a column
 * is known to hold one ({@code table.PersonalData}, declared or suggested by profiling): never
 * learnt, replaced by fakes of their kind in the column's language ({@code FakePeople}), or
 * pseudonymised where they repeat; the real values are kept only as salted hashes
 * ({@code RealValues}) so a fake is never one.
 */
package org.facsimile.synth.personal;
