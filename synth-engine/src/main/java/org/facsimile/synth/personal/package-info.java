/**
 * Direct identifiers (names, e-mail addresses, phone numbers, national ids, IBANs): suggested from
 * a column's header and values ({@code PersonalDataSuggestion}), never learnt, replaced by fakes of
 * their kind in the column's language ({@code FakePeople}), or pseudonymised where they repeat;
 * the real values are kept only as salted hashes ({@code RealValues}) so a fake is never one.
 */
package org.facsimile.synth.personal;
