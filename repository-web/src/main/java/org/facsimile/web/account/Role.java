package org.facsimile.web.account;

/** What an account may do beyond its own deposits. */
public enum Role {
    DEPOSITOR,
    CURATOR,
    ADMIN
}
