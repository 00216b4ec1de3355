package org.facsimile.synth.personal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * The values of a real personal-data column, kept only as salted 64-bit hashes so that fakes can
 * be checked against them ("is this fake somebody's real e-mail in the deposit?") without the
 * model holding a real value. Values are compared as written loosely: case, accents and spacing
 * aside ("José  García" is "jose garcia"), so a fake never differs from a real value by a capital
 * only. The salt is drawn per model, so hashes from two models cannot be matched.
 */
public final class RealValues {

    private final byte[] salt;
    private final long[] hashes;

    private RealValues(byte[] salt, long[] hashes) {
        this.salt = salt;
        this.hashes = hashes;
    }

    /** The hashes of a column's values (null = missing, skipped). */
    public static RealValues of(String[] values) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        long[] hashes = Arrays.stream(values)
                .filter(v -> v != null && !v.isBlank())
                .mapToLong(v -> hash(salt, v))
                .sorted()
                .distinct()
                .toArray();
        return new RealValues(salt, hashes);
    }

    /** Whether a value is (loosely) one of the real values; false positives one in 2^64 per pair. */
    public boolean contains(String value) {
        return value != null && Arrays.binarySearch(hashes, hash(salt, value)) >= 0;
    }

    /** How many distinct real values there are. */
    public int size() {
        return hashes.length;
    }

    public void write(DataOutputStream out) throws IOException {
        out.write(salt);
        out.writeInt(hashes.length);
        for (long h : hashes) {
            out.writeLong(h);
        }
    }

    public static RealValues read(DataInputStream in) throws IOException {
        byte[] salt = in.readNBytes(16);
        int n = in.readInt();
        if (salt.length != 16 || n < 0 || n > 100_000_000) {
            throw new IOException("corrupt model file: personal-data hashes");
        }
        long[] hashes = new long[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = in.readLong();
        }
        return new RealValues(salt, hashes);
    }

    /** Lower case, accents off, runs of spaces as one, trimmed. */
    static String loose(String value) {
        String folded = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }

    private static long hash(byte[] salt, String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            byte[] d = sha.digest(loose(value).getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xff);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
