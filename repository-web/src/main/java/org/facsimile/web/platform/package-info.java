/**
 * What every part uses: typed configuration, startup (migrations, schema check), problem
 * responses, audit, and the outbox relay that carries side effects on other systems to their
 * handlers.
 */
package org.facsimile.web.platform;
