package org.facsimile.web.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.ProblemException;

/** Creates accounts and tokens, and finds the account behind a token. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** A new account and its first token; the secret is returned once and never stored. */
    public record NewAccount(Account account, String token) {}

    @Transactional
    public Optional<Account> authenticate(String secret) {
        if (secret.isEmpty() || secret.length() > 200) {
            return Optional.empty();
        }
        List<ApiToken> tokens = em.createQuery("SELECT t FROM ApiToken t WHERE t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", Tokens.hash(secret))
                .getResultList();
        if (tokens.isEmpty() || !tokens.get(0).isUsableAt(clock.now())) {
            return Optional.empty();
        }
        ApiToken token = tokens.get(0);
        token.usedAt(clock.now());
        return Optional.of(token.account());
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
        em.persist(
                new ApiToken(admin, Tokens.hash(secret), "bootstrap", "read deposit curate admin", clock.now(), null));
        audit.record(null, "account.bootstrap", "account", admin.id().toString(), null, null);
        LOG.info("created the bootstrap admin account");
    }

    @Transactional
    public NewAccount create(Account by, String username, String displayName, String email, Role role) {
        if (!by.isAdmin()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "only an admin can create accounts");
        }
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new ProblemException(
                    422, "invalid-account", "Invalid account", "username must be 2-64 characters of a-z, 0-9, . _ -");
        }
        if (!em.createQuery("SELECT a FROM Account a WHERE a.username = :u", Account.class)
                .setParameter("u", username)
                .getResultList()
                .isEmpty()) {
            throw ProblemException.conflict("username '" + username + "' is taken");
        }
        Account account = new Account(
                username,
                displayName == null || displayName.isBlank() ? username : displayName,
                email,
                role == null ? Role.DEPOSITOR : role,
                clock.now());
        em.persist(account);
        String secret = Tokens.newSecret();
        em.persist(new ApiToken(account, Tokens.hash(secret), "initial", "read deposit", clock.now(), null));
        audit.record(by.id(), "account.create", "account", account.id().toString(), null, null);
        return new NewAccount(account, secret);
    }
}
