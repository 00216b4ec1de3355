package org.facsimile.web.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Setting;

/**
 * Accounts and their credentials: passwords, browser sessions and API tokens. Every secret is
 * random or hashed (Argon2id for passwords, SHA-256 for high-entropy tokens), shown once, and every
 * sign-in, failure, token and password change lands in the audit log.
 *
 * <p>Longer than most: the rules of every credential kind are kept together, so what a password,
 * a session and a token may do is read in one place.
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());
    /** The longest a token may live, and how long it lives when no expiry is asked for. */
    static final int MAX_TOKEN_DAYS = 365;

    static final int DEFAULT_TOKEN_DAYS = 90;

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** A new account and its first token; the secret is returned once and never stored. */
    public record NewAccount(Account account, String token) {}

    /** A new token: the record and its secret, returned once. */
    public record NewToken(ApiToken token, String secret) {}

    /** A signed-in browser: the session, the cookie's secret and the CSRF token, returned once. */
    public record NewSession(WebSession session, String secret, String csrfToken) {}

    /** The outcome of a sign-in attempt; failures are recorded, so they are returned, not thrown. */
    public sealed interface SignIn {
        record Success(NewSession session) implements SignIn {}

        record WrongCredentials() implements SignIn {}

        record Locked(Instant until) implements SignIn {}
    }

    /** The account and scopes behind an API token secret, when it is valid. */
    @Transactional
    public Optional<Credential> authenticate(String secret) {
        if (secret.isEmpty() || secret.length() > 200) {
            return Optional.empty();
        }
        List<ApiToken> tokens = em.createQuery("SELECT t FROM ApiToken t WHERE t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", Tokens.hash(secret))
                .getResultList();
        if (tokens.isEmpty()
                || !tokens.get(0).isUsableAt(clock.now())
                || tokens.get(0).account().isDisabled()) {
            return Optional.empty();
        }
        ApiToken token = tokens.get(0);
        token.usedAt(clock.now());
        return Optional.of(
                new Credential(token.account(), effective(token.scopes(), token.account()), null, token.expiresAt()));
    }

    /**
     * The account behind a session cookie, when the session is live; its idle clock restarts. A
     * session allows everything the account's role does.
     */
    @Transactional
    public Optional<Credential> session(String secret) {
        if (secret.isEmpty() || secret.length() > 200) {
            return Optional.empty();
        }
        List<WebSession> sessions = em.createQuery(
                        "SELECT s FROM WebSession s WHERE s.secretHash = :hash", WebSession.class)
                .setParameter("hash", Tokens.hash(secret))
                .getResultList();
        Instant now = clock.now();
        if (sessions.isEmpty()
                || !sessions.get(0).isLiveAt(now)
                || sessions.get(0).account().isDisabled()) {
            return Optional.empty();
        }
        WebSession session = sessions.get(0);
        session.seenAt(now);
        Account account = session.account();
        return Optional.of(new Credential(account, Scope.allowedFor(account.role()), session.id()));
    }

    /** True when {@code csrfToken} is the live session's CSRF token. */
    @Transactional
    public boolean acceptsCsrf(UUID sessionId, String csrfToken) {
        WebSession session = em.find(WebSession.class, sessionId);
        return session != null && session.acceptsCsrf(csrfToken);
    }

    /** Checks a password and opens a session; counts failures and locks the account after repeated ones. */
    @Transactional
    public SignIn signIn(String username, String password, String from) {
        Instant now = clock.now();
        List<Account> found = username == null || username.length() > 64
                ? List.of()
                : em.createQuery("SELECT a FROM Account a WHERE a.username = :u", Account.class)
                        .setParameter("u", username)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultList();
        if (found.isEmpty()) {
            Passwords.decoy(password);
            audit.record(null, "auth.sign-in.failed", "account", "unknown", "no such username", from);
            return new SignIn.WrongCredentials();
        }
        Account account = found.get(0);
        if (account.lockedUntil() != null && now.isBefore(account.lockedUntil())) {
            audit.record(null, "auth.sign-in.refused", "account", account.id().toString(), "locked", from);
            return new SignIn.Locked(account.lockedUntil());
        }
        if (account.isDisabled() || !Passwords.verify(password, account.passwordHash())) {
            account.signInFailed(now);
            audit.record(
                    null,
                    "auth.sign-in.failed",
                    "account",
                    account.id().toString(),
                    "failure " + account.failedSignIns() + " in a row",
                    from);
            return new SignIn.WrongCredentials();
        }
        account.signedIn();
        if (Passwords.needsRehash(account.passwordHash())) {
            account.changePassword(Passwords.hash(password));
        }
        audit.record(account.id(), "auth.sign-in", "account", account.id().toString(), null, from);
        return new SignIn.Success(openSession(account, now, from));
    }

    /**
     * Opens a session for the account an OpenID provider vouched for, found by issuer and subject
     * only. A first sign-in creates a depositor account when the repository allows it, under a
     * username made from the provider's claim (made unique: it never lands on an existing account).
     */
    @Transactional
    public NewSession signInWith(OpenIdSignIn.Identity identity, String from) {
        Instant now = clock.now();
        Optional<AccountIdentity> known = identity(identity.issuer(), identity.subject());
        Account account;
        if (known.isPresent()) {
            known.get().used(now);
            account = known.get().account();
        } else if (Boolean.parseBoolean(Setting.OIDC_CREATE_ACCOUNTS.get().strip())) {
            String username = freeUsername(identity.username() != null ? identity.username() : identity.subject());
            String name = identity.name() == null || identity.name().isBlank()
                    ? username
                    : identity.name()
                            .strip()
                            .substring(0, Math.min(200, identity.name().strip().length()));
            String email = identity.email() != null && identity.email().length() <= 254 ? identity.email() : null;
            account = new Account(username, name, email, Role.DEPOSITOR, now);
            em.persist(account);
            em.persist(new AccountIdentity(account, identity.issuer(), identity.subject(), now));
            audit.record(null, "account.create", "account", account.id().toString(), "first OpenID sign-in", from);
        } else {
            audit.record(
                    null, "auth.sign-in.refused", "account", "unknown", "no account for this OpenID identity", from);
            throw new ProblemException(
                    403,
                    "no-account",
                    "No account",
                    "no account here is linked to this identity; an administrator can create one");
        }
        if (account.isDisabled()) {
            audit.record(null, "auth.sign-in.refused", "account", account.id().toString(), "disabled", from);
            throw new ProblemException(403, "account-disabled", "Account disabled", "this account is disabled");
        }
        audit.record(account.id(), "auth.sign-in", "account", account.id().toString(), "OpenID", from);
        return openSession(account, now, from);
    }

    /**
     * An admin links an account to an identity at an OpenID provider (for repositories that do not
     * create accounts on first sign-in, or to let an existing password account sign in that way).
     */
    @Transactional
    public void linkIdentity(Account admin, UUID accountId, String issuer, String subject, String from) {
        if (!admin.isAdmin()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "only an admin can link identities");
        }
        if (issuer == null
                || issuer.isBlank()
                || issuer.length() > 500
                || subject == null
                || subject.isBlank()
                || subject.length() > 255) {
            throw new ProblemException(
                    422, "invalid-identity", "Invalid identity", "issuer (1-500) and subject (1-255) are required");
        }
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw ProblemException.notFound("account " + accountId);
        }
        if (identity(issuer, subject).isPresent()) {
            throw ProblemException.conflict("this identity is already linked to an account");
        }
        em.persist(new AccountIdentity(account, issuer, subject, clock.now()));
        audit.record(admin.id(), "account.identity.link", "account", accountId.toString(), issuer, from);
    }

    /** The identity an OpenID provider's (issuer, subject) pair names here, if linked. */
    private Optional<AccountIdentity> identity(String issuer, String subject) {
        return em.createQuery(
                        "SELECT i FROM AccountIdentity i WHERE i.issuer = :iss AND i.subject = :sub",
                        AccountIdentity.class)
                .setParameter("iss", issuer)
                .setParameter("sub", subject)
                .getResultStream()
                .findFirst();
    }

    private boolean usernameTaken(String username) {
        return em.createQuery("SELECT COUNT(a) FROM Account a WHERE a.username = :u", Long.class)
                        .setParameter("u", username)
                        .getSingleResult()
                > 0;
    }

    private NewSession openSession(Account account, Instant now, String from) {
        String secret = Tokens.newSecret();
        String csrf = Tokens.newSecret();
        WebSession session = new WebSession(account, Tokens.hash(secret), Tokens.hash(csrf), now, from);
        em.persist(session);
        return new NewSession(session, secret, csrf);
    }

    /** A username made from a provider's claim: the account rules' alphabet, never one taken. */
    private String freeUsername(String claim) {
        String base =
                claim.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
        base = base.substring(0, Math.min(base.length(), 56));
        if (base.length() < 2) {
            base = "user";
        }
        for (int n = 1; n < 1000; n++) {
            String candidate = n == 1 ? base : base + "-" + n;
            if (!usernameTaken(candidate)) {
                return candidate;
            }
        }
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Transactional
    public void signOut(UUID sessionId, String from) {
        WebSession session = em.find(WebSession.class, sessionId);
        if (session != null) {
            session.end(clock.now());
            audit.record(
                    session.account().id(),
                    "auth.sign-out",
                    "account",
                    session.account().id().toString(),
                    null,
                    from);
        }
    }

    /**
     * Sets the caller's password. Changing one needs the current password; setting the first one
     * (accounts start with a token only) does not. Other sessions of the account end.
     */
    @Transactional
    public void changePassword(Credential caller, String current, String next, String from) {
        Account account = em.find(Account.class, caller.account().id(), LockModeType.PESSIMISTIC_WRITE);
        if (account.passwordHash() != null && !Passwords.verify(current, account.passwordHash())) {
            throw new ProblemException(
                    403, "wrong-password", "Wrong password", "the current password is not right", List.of());
        }
        String weakness = Passwords.weakness(next, account.username());
        if (weakness != null) {
            throw new ProblemException(422, "weak-password", "Password refused", weakness);
        }
        account.changePassword(Passwords.hash(next));
        for (WebSession session : em.createQuery(
                        "SELECT s FROM WebSession s WHERE s.account = :a AND s.endedAt IS NULL", WebSession.class)
                .setParameter("a", account)
                .getResultList()) {
            if (!session.id().equals(caller.sessionId())) {
                session.end(clock.now());
            }
        }
        audit.record(account.id(), "account.password", "account", account.id().toString(), null, from);
    }

    /**
     * A new API token for the caller. Its scopes must be within what the caller may do now, so a
     * narrow token cannot mint a wider one.
     */
    @Transactional
    public NewToken createToken(Credential caller, String label, Set<Scope> scopes, Integer days, String from) {
        if (label == null || label.isBlank() || label.length() > 200) {
            throw new ProblemException(422, "invalid-token", "Invalid token request", "label: 1-200 characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new ProblemException(422, "invalid-token", "Invalid token request", "scopes: at least one");
        }
        Set<Scope> beyond = EnumSet.copyOf(scopes);
        beyond.removeAll(caller.scopes());
        if (!beyond.isEmpty()) {
            throw new ProblemException(
                    403, "forbidden", "Forbidden", "this credential cannot grant " + Scope.format(beyond));
        }
        int lifetime = days == null ? DEFAULT_TOKEN_DAYS : days;
        if (lifetime < 1 || lifetime > MAX_TOKEN_DAYS) {
            throw new ProblemException(
                    422, "invalid-token", "Invalid token request", "expiresInDays: 1-" + MAX_TOKEN_DAYS);
        }
        Instant now = clock.now();
        if (caller.expiresAt() != null && now.plus(Duration.ofDays(lifetime)).isAfter(caller.expiresAt())) {
            throw new ProblemException(
                    403,
                    "forbidden",
                    "Forbidden",
                    "a token may not outlive the token that makes it, which expires at " + caller.expiresAt());
        }
        String secret = Tokens.newSecret();
        ApiToken token = new ApiToken(
                caller.account(),
                Tokens.hash(secret),
                label.strip(),
                Scope.format(scopes),
                now,
                now.plus(Duration.ofDays(lifetime)));
        em.persist(token);
        audit.record(
                caller.account().id(),
                "token.create",
                "token",
                token.id().toString(),
                "scopes " + Scope.format(scopes),
                from);
        return new NewToken(token, secret);
    }

    @Transactional
    public List<ApiToken> tokens(Account caller) {
        return em.createQuery("SELECT t FROM ApiToken t WHERE t.account = :a ORDER BY t.createdAt DESC", ApiToken.class)
                .setParameter("a", caller)
                .getResultList();
    }

    /** Revokes one of the caller's tokens; someone else's answers 404 like a missing one. */
    @Transactional
    public ApiToken revokeToken(Account caller, UUID id, String from) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null || !token.account().id().equals(caller.id())) {
            throw ProblemException.notFound("token " + id);
        }
        token.revoke(clock.now());
        audit.record(caller.id(), "token.revoke", "token", id.toString(), null, from);
        return token;
    }

    /** Creates the "admin" account with the configured token, once: nothing happens when it exists. */
    @Transactional
    public void bootstrapAdmin(String secret) {
        if (secret == null || secret.isBlank()) {
            return;
        }
        if (!em.createQuery("SELECT a FROM Account a WHERE a.username = 'admin'", Account.class)
                .getResultList()
                .isEmpty()) {
            return;
        }
        Account admin = new Account("admin", "Administrator", null, Role.ADMIN, clock.now());
        em.persist(admin);
        em.persist(new ApiToken(
                admin, Tokens.hash(secret), "bootstrap", Scope.format(EnumSet.allOf(Scope.class)), clock.now(), null));
        audit.record(null, "account.bootstrap", "account", admin.id().toString(), null, null);
        LOG.info("created the bootstrap admin account");
    }

    /** An admin creates an account, optionally with a password; its first token is returned once. */
    @Transactional
    public NewAccount create(
            Account by, String username, String displayName, String email, Role role, String password, String from) {
        if (!by.isAdmin()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "only an admin can create accounts");
        }
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new ProblemException(
                    422, "invalid-account", "Invalid account", "username must be 2-64 characters of a-z, 0-9, . _ -");
        }
        if (usernameTaken(username)) {
            throw ProblemException.conflict("username '" + username + "' is taken");
        }
        Account account = new Account(
                username,
                displayName == null || displayName.isBlank() ? username : displayName,
                email,
                role == null ? Role.DEPOSITOR : role,
                clock.now());
        if (password != null) {
            String weakness = Passwords.weakness(password, username);
            if (weakness != null) {
                throw new ProblemException(422, "weak-password", "Password refused", weakness);
            }
            account.changePassword(Passwords.hash(password));
        }
        em.persist(account);
        String secret = Tokens.newSecret();
        Instant now = clock.now();
        em.persist(new ApiToken(
                account,
                Tokens.hash(secret),
                "initial",
                Scope.format(Scope.allowedFor(account.role())),
                now,
                now.plus(Duration.ofDays(DEFAULT_TOKEN_DAYS))));
        audit.record(by.id(), "account.create", "account", account.id().toString(), null, from);
        return new NewAccount(account, secret);
    }

    private static Set<Scope> effective(Set<Scope> granted, Account account) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        scopes.addAll(granted);
        scopes.retainAll(Scope.allowedFor(account.role()));
        return scopes;
    }
}
