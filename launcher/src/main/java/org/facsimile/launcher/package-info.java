/**
 * The {@code facsimile} command: starts the whole repository on one machine with embedded
 * defaults — PostgreSQL (zonky embedded binaries), Elasticsearch (the integ-test zip, as a child
 * process), Payara Micro with the WAR — and loads a demo deposit through the public API.
 */
package org.facsimile.launcher;
