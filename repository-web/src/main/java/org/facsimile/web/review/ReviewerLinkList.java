package org.facsimile.web.review;

import java.time.Instant;
import java.util.List;
import org.facsimile.web.platform.Page;

/**
 * The page where a depositor shares their unpublished deposit with reviewers ({@code
 * reviewerLinks.jte}): the links made so far and whether each still opens, a form for a new one,
 * and a new link's address, shown only once.
 *
 * @param depositId the deposit
 * @param title its title
 * @param shareable whether links can be made now (not once published or withdrawn)
 * @param created the address of the link just made, or null
 * @param problem what was wrong with the form, or null
 * @param label the form's label as typed
 * @param days the form's days as typed
 * @param maxDays the longest a link may live
 * @param links the links, newest first
 * @param csrf the session's form token
 */
public record ReviewerLinkList(
        String depositId,
        String title,
        boolean shareable,
        String created,
        String problem,
        String label,
        String days,
        int maxDays,
        List<Row> links,
        String csrf) {

    /**
     * A link in the list.
     *
     * @param state "open", "revoked on ..." or "expired on ..."
     * @param open whether it still opens (and so can be revoked)
     */
    public record Row(
            String id, String label, String created, String expires, String state, boolean open, String opened) {

        static Row of(ReviewerLink l, Instant now) {
            String ended = l.endedAt(now);
            String opened = l.uses() == 0
                    ? "never"
                    : l.uses() + (l.uses() == 1 ? " time" : " times") + ", last on " + Page.DATE.format(l.lastUsedAt());
            return new Row(
                    l.id().toString(),
                    l.label(),
                    Page.DATE.format(l.createdAt()),
                    Page.DATE.format(l.expiresAt()),
                    ended == null ? "open" : ended.replaceFirst("^it ", "").replace(" by the depositor", ""),
                    ended == null,
                    opened);
        }
    }
}
