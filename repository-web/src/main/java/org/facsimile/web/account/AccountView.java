package org.facsimile.web.account;

import java.util.List;

/**
 * What the account page shows ({@code account.jte}).
 *
 * @param username who is signed in
 * @param role their role, in lower case
 * @param curator whether they review deposits
 * @param created the token just created, shown this once, or null
 * @param tokens the account's tokens
 * @param label the new-token form's name as typed
 * @param scopes the permissions the role may give a token, those chosen marked
 * @param lifetimes the lifetimes offered, in days, the chosen one marked
 * @param formError what to correct in the new-token form, or null
 * @param csrf the session's form token
 */
public record AccountView(
        String username,
        String role,
        boolean curator,
        Created created,
        List<Token> tokens,
        String label,
        List<Choice> scopes,
        List<Choice> lifetimes,
        String formError,
        String csrf) {

    /** A token just created: its name and its secret. */
    public record Created(String label, String secret) {}

    /**
     * A token in the list.
     *
     * @param id the token
     * @param label its name
     * @param scopes its permissions, joined
     * @param created when it was created
     * @param expires when it expires, or "never"
     * @param lastUsed when it was last used, or "never"
     * @param ended "revoked" with when, or "expired"; null while it works (and can be revoked)
     */
    public record Token(
            String id, String label, String scopes, String created, String expires, String lastUsed, String ended) {}

    /** An option of the form and whether it is chosen. */
    public record Choice(String value, boolean chosen) {}
}
