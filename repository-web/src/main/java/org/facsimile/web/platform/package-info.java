/** What every part uses: typed configuration, startup (migrations, schema check), problem responses, audit. */
package org.facsimile.web.platform;
