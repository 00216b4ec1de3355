package org.facsimile.web.account;

/**
 * What the sign-in page shows ({@code signIn.jte}).
 *
 * @param username the username as typed
 * @param returnTo where to go after signing in (a path of this site)
 * @param usernameError what is wrong with the username, or null
 * @param passwordError what is wrong with the password, or null
 * @param alert a refusal that is not about one field (too many tries), or null
 * @param restoring whether a form was cut off by the session's end and comes back after signing in
 * @param openIdStart where single sign-on starts, or null when it is not configured
 * @param openIdName the institution's name for single sign-on
 */
public record SignInForm(
        String username,
        String returnTo,
        String usernameError,
        String passwordError,
        String alert,
        boolean restoring,
        String openIdStart,
        String openIdName) {}
