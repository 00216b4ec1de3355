/**
 * The repository on Payara Micro. One package per part of the deposit's life, each holding its
 * domain (entities), its application services and its REST resources:
 * {@link org.facsimile.web.account} (who is calling), {@link org.facsimile.web.deposit} (the private
 * deposit area), {@link org.facsimile.web.synthesis} (the job queue and workers),
 * {@link org.facsimile.web.publishing} (datasets, versions, files, DOIs, landing pages),
 * {@link org.facsimile.web.search} (the outbox relay and Elasticsearch), with
 * {@link org.facsimile.web.storage} (blob store) and {@link org.facsimile.web.platform}
 * (configuration, startup, errors, audit) underneath.
 */
package org.facsimile.web;
