/**
 * The public side: datasets, their versions and files, DOIs, publishing a finished synthesis,
 * the public JSON API, landing pages and downloads. Only synthetic data ever gets here.
 */
package org.facsimile.web.publishing;
