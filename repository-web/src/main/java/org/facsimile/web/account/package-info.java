/** Accounts, their roles and API tokens, and how a request is tied to an account. */
package org.facsimile.web.account;
