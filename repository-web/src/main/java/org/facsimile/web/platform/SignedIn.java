package org.facsimile.web.platform;

/**
 * Who is signed in on the current request, as a page header names them. The account part
 * provides it; platform's error pages ask for it without knowing accounts.
 */
public interface SignedIn {

    /** The name to show for the signed-in person; null when nobody is. */
    String name();
}
