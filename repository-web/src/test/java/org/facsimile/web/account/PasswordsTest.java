package org.facsimile.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import org.facsimile.web.EmbeddedDatabase;
import org.facsimile.web.platform.RateLimits;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void hashesAreSaltedArgon2idThatVerifyOnlyTheirPassword() {
        String first = Passwords.hash("correct horse battery staple");
        String second = Passwords.hash("correct horse battery staple");
        assertTrue(first.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), first);
        assertNotEquals(first, second, "a fresh salt each time");
        assertTrue(Passwords.verify("correct horse battery staple", first));
        assertTrue(Passwords.verify("correct horse battery staple", second));
        assertFalse(Passwords.verify("correct horse battery stapl", first));
        assertFalse(Passwords.verify("", first));
        assertFalse(Passwords.verify("anything", null), "an account without a password never signs in");
        assertFalse(Passwords.verify("anything", "$2a$10$not-an-argon2-hash"));
        assertFalse(Passwords.needsRehash(first));
        assertTrue(Passwords.needsRehash("$argon2id$v=19$m=4096,t=1,p=1$c2FsdA$aGFzaA"));
    }

    @Test
    void aKnownArgon2idVectorVerifies() {
        // RFC 9106 parameters differ; this vector is from the reference implementation's
        // command line: echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32
        assertTrue(Passwords.verify(
                "password", "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"));
    }

    @Test
    void weakPasswordsAreRefusedWithAReason() {
        assertNotNull(Passwords.weakness("short", "alice"));
        assertNotNull(Passwords.weakness(null, "alice"));
        assertNotNull(Passwords.weakness("x".repeat(257), "alice"));
        assertNotNull(Passwords.weakness("my name is ALICE ok", "alice"));
        assertNull(Passwords.weakness("twelve chars!", "alice"));
    }

    @Test
    void repeatedFailuresLockTheAccountForLongerEachTime() {
        Account account = new Account("alice", "Alice", null, Role.DEPOSITOR, Instant.EPOCH);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 4; i++) {
            account.signInFailed(now);
        }
        assertNull(account.lockedUntil(), "four failures do not lock");
        account.signInFailed(now);
        assertEquals(now.plusSeconds(60), account.lockedUntil());
        account.signInFailed(now);
        assertEquals(now.plusSeconds(120), account.lockedUntil());
        for (int i = 0; i < 20; i++) {
            account.signInFailed(now);
        }
        assertEquals(now.plusSeconds(3600), account.lockedUntil(), "at most an hour");
        account.signedIn();
        assertNull(account.lockedUntil());
        assertEquals(0, account.failedSignIns());
    }

    @Test
    void anAddressIsThrottledAfterTwentyFailuresInTenMinutes() {
        SignInThrottle throttle = new SignInThrottle();
        // counted in the database, as on a node
        throttle.limits = new RateLimits(EmbeddedDatabase.migrated());
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < SignInThrottle.LIMIT; i++) {
            assertNull(throttle.blockedUntil("10.0.0.1", now.plusSeconds(i)));
            throttle.failed("10.0.0.1", now.plusSeconds(i));
        }
        assertNotNull(throttle.blockedUntil("10.0.0.1", now.plusSeconds(30)));
        assertNull(throttle.blockedUntil("10.0.0.2", now.plusSeconds(30)), "other addresses are not");
        assertNull(
                throttle.blockedUntil(
                        "10.0.0.1", now.plus(SignInThrottle.WINDOW).plusSeconds(1)),
                "it passes");
    }

    @Test
    void scopesAreBoundedByTheRole() {
        assertEquals(EnumSet.of(Scope.READ, Scope.DEPOSIT, Scope.TOKENS), Scope.allowedFor(Role.DEPOSITOR));
        assertTrue(Scope.allowedFor(Role.CURATOR).contains(Scope.TOKENS), "every role manages its own tokens");
        assertTrue(Scope.allowedFor(Role.CURATOR).contains(Scope.CURATE));
        assertFalse(Scope.allowedFor(Role.CURATOR).contains(Scope.ADMIN));
        assertEquals(EnumSet.of(Scope.READ, Scope.CURATE), Scope.parse(" curate  read "));
        assertEquals("read curate", Scope.format(EnumSet.of(Scope.CURATE, Scope.READ)));
        assertEquals(EnumSet.of(Scope.TOKENS), Scope.parse("tokens"));
    }
}
