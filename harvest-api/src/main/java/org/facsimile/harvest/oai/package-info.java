/**
 * An OAI-PMH 2.0 data provider: the six verbs, every error of the protocol, oai_dc records, sets,
 * seconds-granularity selective harvesting, stateless resumption tokens that survive restarts,
 * and deleted records as persistent tombstones. Responses are written as a stream, so memory
 * stays flat whatever the repository's size. The repository is reached only through
 * {@link org.facsimile.harvest.port.OaiRepository}.
 */
package org.facsimile.harvest.oai;
