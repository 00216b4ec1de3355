/**
 * The public side: datasets, their versions and files, DOIs (local, or DataCite through the
 * outbox), publishing a finished synthesis, the public JSON API, landing pages in every form
 * (content negotiation, citations, Signposting) and downloads. Only synthetic data ever gets here.
 */
package org.facsimile.web.publishing;
