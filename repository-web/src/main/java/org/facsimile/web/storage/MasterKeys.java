package org.facsimile.web.storage;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys that wrap the per-file data keys of the private area. Configured as
 * {@code id:base64,id:base64} (256-bit AES keys); the current one wraps new files, the others are
 * kept so files wrapped by them still open until {@link EncryptedBlobStore#rewrap} moves them on.
 */
public final class MasterKeys {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String currentId;

    private MasterKeys(Map<String, SecretKey> keys, String currentId) {
        this.keys = Map.copyOf(keys);
        this.currentId = currentId;
    }

    /**
     * Reads the configured keys.
     *
     * @param spec {@code id:base64} entries separated by commas
     * @param currentId the key that wraps new files; blank means the first listed
     * @throws IllegalArgumentException naming the entry at fault (never echoing key material)
     */
    public static MasterKeys parse(String spec, String currentId) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no master key is configured (facsimile.storage.master-keys)");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String[] entries = spec.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon);
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("master key entry " + (i + 1) + " has no valid id (id:base64)");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("master key '" + id + "' is not base64");
            }
            if (material.length != 32) {
                throw new IllegalArgumentException("master key '" + id + "' must be 32 bytes (AES-256)");
            }
            if (keys.put(id, new SecretKeySpec(material, "AES")) != null) {
                throw new IllegalArgumentException("master key '" + id + "' is listed twice");
            }
        }
        String current = currentId == null || currentId.isBlank()
                ? keys.keySet().iterator().next()
                : currentId.trim();
        if (!keys.containsKey(current)) {
            throw new IllegalArgumentException("the current master key '" + current + "' is not among those listed");
        }
        return new MasterKeys(keys, current);
    }

    /** A new random key entry, {@code id:base64}, for first starts and tests. */
    public static String newEntry(String id) {
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        return id + ":" + Base64.getEncoder().encodeToString(material);
    }

    public String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }
}
