/**
 * From a published twin to its restricted original: a reader's request, the deciders' grant or
 * refusal, the grantee's download while the grant lasts; and verified analyses, declared against
 * the twin's schema, run on the original by a worker and released only when they pass the
 * disclosure rules. Above publishing (it reads which deposit a version came from) and deposit
 * (whose owner sets the terms); nothing below imports it.
 */
package org.facsimile.web.access;
