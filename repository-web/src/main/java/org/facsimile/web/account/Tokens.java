package org.facsimile.web.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API token secrets: 32 random bytes, URL-safe base64, with a recognisable prefix (so leaked
 * tokens can be found by scanners). Only the SHA-256 is stored: a token has enough entropy that a
 * slow hash adds nothing.
 */
public final class Tokens {

    public static final String PREFIX = "fcsm_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    public static String newSecret() {
        return newSecret(PREFIX);
    }

    /** A secret of the same strength with another prefix, for another kind of key (a reviewer link's). */
    public static String newSecret(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
