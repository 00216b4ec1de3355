package org.facsimile.web.deposit;

import java.util.UUID;

/**
 * A DOI for a deposit from the moment it is created, so it can be cited in a paper before
 * publication. Publishing's registrars ({@code publishing.doi.DoiRegistrar}) implement it; the
 * deposit knows only this.
 */
public interface DoiReservation {

    /** A new DOI name under this repository's prefix; no side effect. */
    String mint();

    /** Reserves {@code doi} for a deposit (in the caller's transaction). */
    void reserve(String doi, UUID depositId);
}
