/**
 * Harvesting endpoints for portals and aggregators (the DCAT catalogue; OAI-PMH to come), written
 * against the read-only ports in {@link org.facsimile.harvest.port}, which the web module implements.
 */
package org.facsimile.harvest;
