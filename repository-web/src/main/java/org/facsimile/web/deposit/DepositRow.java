package org.facsimile.web.deposit;

import org.facsimile.web.platform.Page;

/**
 * A deposit in the depositor's list ({@code deposits.jte}).
 *
 * @param id the deposit
 * @param title its title
 * @param newVersion whether it makes a new version of a published dataset
 * @param state its state in words
 * @param created when it was created
 * @param updated when it last changed
 * @param nextHref where its next step is (the report, the DOI, why it failed), or null
 * @param nextText that link's text
 */
public record DepositRow(
        String id,
        String title,
        boolean newVersion,
        String state,
        String created,
        String updated,
        String nextHref,
        String nextText) {

    static DepositRow of(Deposit d) {
        String id = d.id().toString();
        String href = null;
        String text = null;
        switch (d.state()) {
            case READY_FOR_REVIEW, IN_REVIEW, REJECTED -> {
                href = "/api/deposits/" + id + "/report.html";
                text = "Synthesis report";
            }
            case PUBLISHED -> {
                href = "/doi/" + d.doi();
                text = d.doi();
            }
            case FAILED -> {
                href = "/api/deposits/" + id + "/job";
                text = "Why it failed";
            }
            default -> {
                // nothing to follow yet
            }
        }
        return new DepositRow(
                id,
                d.metadata().title(),
                d.versionOf() != null,
                DepositPages.STATES.getOrDefault(d.state(), d.state().name()),
                Page.DATE.format(d.createdAt()),
                Page.DATE.format(d.updatedAt()),
                href,
                text);
    }
}
