/**
 * The public side: datasets, their versions and files, publishing a finished synthesis (in one
 * transaction, once review allowed it), withdrawal, the public JSON API and what harvesters read
 * (the OAI-PMH and DCAT catalogue adapters). DOIs are in {@code doi}, landing pages and downloads
 * in {@code landing}. Only synthetic data ever gets here.
 */
package org.facsimile.web.publishing;
