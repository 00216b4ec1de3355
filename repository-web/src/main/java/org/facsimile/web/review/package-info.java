/**
 * The decision to publish: the owner's request, the privacy gate on the synthesis report, the
 * curators' queue (approve or reject with a reason), an admin's privacy override, and reviewer
 * links (a private preview of an unpublished deposit for people without an account). Publishing
 * itself (the dataset version, files, DOI) is {@code publishing}'s.
 */
package org.facsimile.web.review;
