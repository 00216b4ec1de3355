package org.facsimile.web.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person (or service) that deposits, curates or administers. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    private UUID id;

    @Column(name = "username", nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "email", length = 320)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Argon2id PHC string; null while the account has no password (token use only). */
    @Column(name = "password_hash", length = 200)
    private String passwordHash;

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    protected Account() {}

    public Account(String username, String displayName, String email, Role role, Instant now) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.role = role;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isCurator() {
        return role == Role.CURATOR || role == Role.ADMIN;
    }

    public boolean isDisabled() {
        return disabledAt != null;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public void changePassword(String hash) {
        this.passwordHash = hash;
    }

    /** Until when sign-in is refused after repeated failures; null when it is not. */
    public Instant lockedUntil() {
        return lockedUntil;
    }

    public int failedSignIns() {
        return failedSignIns;
    }

    /**
     * Counts a failed sign-in. From the fifth failure in a row the account is locked, for a minute,
     * doubling with each further failure up to an hour.
     */
    public void signInFailed(Instant now) {
        failedSignIns++;
        if (failedSignIns >= 5) {
            long minutes = Math.min(60, 1L << Math.min(6, failedSignIns - 5));
            lockedUntil = now.plusSeconds(60 * minutes);
        }
    }

    public void signedIn() {
        failedSignIns = 0;
        lockedUntil = null;
    }
}
