package org.facsimile.vocab;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A version whose data files open at a date while its metadata is public at once, as Zenodo's and
 * Dataverse's embargoes are: the files stay closed until {@code until} (UTC), for the reason the
 * depositor gave.
 *
 * @param until the first day the files are open
 * @param reason why they are closed until then, as readers see it
 */
public record Embargo(LocalDate until, String reason) {

    /** OpenAIRE's access right of files under embargo (oai_dc, DataCite rights). */
    public static final String EMBARGOED_ACCESS = "info:eu-repo/semantics/embargoedAccess";

    public Embargo {
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the files are still closed on {@code day}. */
    public boolean holdsOn(LocalDate day) {
        return day.isBefore(until);
    }

    /** What a reader is told: "The data files open on 2027-03-01 (embargo: ...)". */
    public String inWords() {
        return "The data files open on " + until + " (embargo: " + reason + ")";
    }
}
