package org.facsimile.web.review;

import java.util.List;

/**
 * What the curators' queue shows ({@code review.jte}).
 *
 * @param curator whether the person may review (else the page says so and lists nothing)
 * @param problem what went wrong with the last action, or null
 * @param items the deposits awaiting review, oldest request first
 * @param csrf the session's form token
 */
public record ReviewQueue(boolean curator, String problem, List<Item> items, String csrf) {

    /**
     * A deposit awaiting review.
     *
     * @param id the deposit
     * @param title its title
     * @param ownerName its depositor's name
     * @param username its depositor's username
     * @param askedOn when publication was asked for
     * @param reasonError why the last rejection of this deposit was refused, or null
     */
    public record Item(
            String id, String title, String ownerName, String username, String askedOn, String reasonError) {}
}
