/**
 * Full-text search over published metadata in Elasticsearch. The index holds only public
 * metadata, is fed from the outbox (so a down Elasticsearch delays indexing and loses nothing),
 * and can always be rebuilt from PostgreSQL. Its mapping is a versioned resource behind an alias.
 */
package org.facsimile.web.search;
