/**
 * Synthesis jobs: the queue in PostgreSQL (claimed with FOR UPDATE SKIP LOCKED under a lease with
 * heartbeats, so a dead worker's job is taken again), the worker threads, and what a job does.
 * Any node may run workers; a node with zero worker threads is web-only.
 */
package org.facsimile.web.synthesis;
