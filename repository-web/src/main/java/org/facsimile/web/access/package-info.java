/**
 * Access to the restricted original of a published twin: a reader's request, the deciders' grant
 * or refusal, the grantee's download while the grant lasts. Above publishing (it reads which
 * deposit a version came from) and deposit (whose owner sets the terms); nothing below imports it.
 */
package org.facsimile.web.access;
