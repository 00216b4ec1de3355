package org.facsimile.web.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * A store of immutable files in two areas. Writes are all or nothing: a file appears under its
 * key only once completely written, so a crash leaves no half file behind a key.
 */
public interface BlobStore {

    /** The private area is never served to the public; the public area holds only published files. */
    enum Area {
        PRIVATE,
        PUBLIC
    }

    /** What was stored: size and SHA-256 (hex) of the bytes. */
    record Stored(String key, long byteSize, String sha256) {}

    /** Writes a file's content. */
    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Stores {@code in} under {@code key}, reading at most {@code maxBytes}.
     *
     * @throws TooLargeException as soon as more than {@code maxBytes} arrive; nothing is stored
     */
    Stored put(Area area, String key, InputStream in, long maxBytes) throws IOException;

    /** Stores what {@code writer} writes under {@code key}. */
    Stored write(Area area, String key, Writer writer) throws IOException;

    /** Opens a stored file for reading. */
    InputStream open(Area area, String key) throws IOException;

    /**
     * Opens a stored file for reading from its byte {@code offset} on (a resumed download); a store
     * that can seek overrides this, which reads and drops the bytes before it.
     */
    default InputStream open(Area area, String key, long offset) throws IOException {
        InputStream in = open(area, key);
        try {
            in.skipNBytes(offset);
            return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Copies a file between areas, returning the copy's size and checksum. */
    Stored copy(Area from, String key, Area to, String targetKey) throws IOException;

    boolean exists(Area area, String key);

    /** Every key in an area, in no particular order; the caller closes the stream. */
    Stream<String> keys(Area area) throws IOException;

    /** Removes a file; no error if it is not there. */
    void delete(Area area, String key) throws IOException;

    /** When a stored file was last written. */
    Instant modified(Area area, String key) throws IOException;

    /**
     * Writes a small scratch file and removes it: the store takes writes now (space, permissions,
     * the disk or bucket reachable). The readiness check calls it; it touches no stored file.
     *
     * @throws IOException naming what failed
     */
    void probe() throws IOException;

    /**
     * Removes the store's own scratch files that writes cut short by a crash left behind, when last
     * touched before {@code before} (a write in progress on another node keeps touching its own).
     *
     * @return how many were removed
     */
    int removeScratch(Instant before) throws IOException;

    /** The keys every store takes: see {@link #checkedKey}. */
    java.util.regex.Pattern KEY =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

    /**
     * A key as every store takes it: path segments of letters, digits, dots, dashes and
     * underscores, none starting with a dot or a dash, no {@code ..}.
     *
     * @throws IllegalArgumentException for any other
     */
    static String checkedKey(String key) {
        if (key == null || !KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("invalid blob key");
        }
        return key;
    }

    /**
     * Copies {@code in} to {@code out}, failing with {@link TooLargeException} as soon as more than
     * {@code maxBytes} arrive (the copy of {@link #put}).
     */
    static void copyAtMost(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
            out.write(buffer, 0, n);
        }
    }

    /** Thrown when an upload exceeds the limit. */
    final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        public TooLargeException(long limit) {
            super("more than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
