/**
 * The private deposit area: drafts, uploaded tables and their CSVW schemas, metadata, submission.
 * Nothing here is ever public; every read checks that the caller owns the deposit.
 */
package org.facsimile.web.deposit;
