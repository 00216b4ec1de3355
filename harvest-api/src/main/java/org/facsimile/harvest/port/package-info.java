/** What harvesting needs of the repository: read-only, public records only. */
package org.facsimile.harvest.port;
