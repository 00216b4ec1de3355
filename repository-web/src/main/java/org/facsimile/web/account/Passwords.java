package org.facsimile.web.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing with Argon2id (RFC 9106) at OWASP's recommended cost (19 MiB, 2 passes, one
 * lane), stored as a PHC string ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) so the cost can
 * rise later while old hashes still verify.
 */
public final class Passwords {

    /** Shortest accepted password; NIST SP 800-63B asks for at least 8, we ask for 12. */
    public static final int MIN_LENGTH = 12;
    /** Longest accepted password: hashing cost must not be the caller's to choose. */
    public static final int MAX_LENGTH = 256;

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int PASSES = 2;
    private static final int LANES = 1;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    /** Verified against when a username is unknown, so the answer takes as long as for a known one. */
    private static final String DECOY = hash("decoy password that no account has");

    private Passwords() {}

    public static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] digest = argon2(password, salt, MEMORY_KIB, PASSES, LANES, 32);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(digest);
    }

    /** True when {@code password} matches the stored hash; false for a null or unreadable hash. */
    public static boolean verify(String password, String stored) {
        Matcher m = stored == null ? null : PHC.matcher(stored);
        if (m == null || !m.matches() || password == null || password.length() > MAX_LENGTH) {
            verify("", DECOY);
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(m.group(4));
        byte[] expected = Base64.getDecoder().decode(m.group(5));
        byte[] actual = argon2(
                password,
                salt,
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the time a verification takes, for unknown usernames. */
    public static void decoy(String password) {
        verify(password == null ? "" : password, DECOY);
    }

    /** True when the stored hash was made at a lower cost than today's and should be redone. */
    public static boolean needsRehash(String stored) {
        return stored == null
                || !stored.startsWith("$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$");
    }

    /**
     * Why a new password is refused, or null when it is acceptable: length bounds, and not the
     * username itself.
     */
    public static String weakness(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "a password needs at least " + MIN_LENGTH + " characters";
        }
        if (password.length() > MAX_LENGTH) {
            return "a password may have at most " + MAX_LENGTH + " characters";
        }
        if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return "a password must not contain the username";
        }
        return null;
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(passes)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
