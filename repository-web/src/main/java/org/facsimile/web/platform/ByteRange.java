package org.facsimile.web.platform;

import java.util.Locale;
import java.util.Optional;

/**
 * The part of a file a {@code Range} request asks for (RFC 9110, section 14), resolved against the
 * file's length: the bytes {@code first} to {@code last}, both included.
 *
 * <p>Only what a resumed or split download needs is served in part: one range of bytes. The whole
 * file is sent, as the RFC allows, when there is no Range header, its unit is not bytes, it is
 * malformed, it asks for several ranges, or an {@code If-Range} validator does not match the
 * file's (strong) entity tag. A range that starts past the end is refused with 416.
 */
public record ByteRange(long first, long last) {

    public ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("a byte range runs from its first byte to a later or the same one");
        }
    }

    /** How many bytes the range holds. */
    public long length() {
        return last - first + 1;
    }

    /** The Content-Range header of a 206 answer sending this range of a file of {@code size} bytes. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** Whether the range starts at the file's first byte (a download that starts, not one resumed). */
    public boolean fromStart() {
        return first == 0;
    }

    /**
     * The range to send of a file of {@code size} bytes whose entity tag is {@code etag} (quoted,
     * strong), or empty to send the whole file.
     *
     * @param range the request's Range header, or null
     * @param ifRange the request's If-Range header, or null
     * @throws ProblemException 416 with the file's size in a Content-Range header, when the one
     *     range asked for holds no byte of the file
     */
    public static Optional<ByteRange> requested(String range, String ifRange, String etag, long size) {
        if (range == null || (ifRange != null && !ifRange.strip().equals(etag))) {
            // a date in If-Range is not one of ours (no Last-Modified is sent), so it never matches
            return Optional.empty();
        }
        String spec = range.strip();
        int equals = spec.indexOf('=');
        if (equals < 0
                || !spec.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return Optional.empty();
        }
        String set = spec.substring(equals + 1).strip();
        if (set.indexOf(',') >= 0) {
            return Optional.empty();
        }
        int dash = set.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String from = set.substring(0, dash).strip();
        String to = set.substring(dash + 1).strip();
        if (from.isEmpty()) {
            // the last n bytes
            long suffix = digits(to);
            if (suffix < 0) {
                return Optional.empty();
            }
            if (suffix == 0 || size == 0) {
                throw unsatisfiable(size);
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = digits(from);
        long last = to.isEmpty() ? Long.MAX_VALUE : digits(to);
        if (first < 0 || last < 0 || last < first) {
            return Optional.empty();
        }
        if (first >= size) {
            throw unsatisfiable(size);
        }
        return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
    }

    /** A run of ASCII digits as a number (saturating at Long.MAX_VALUE), or -1 when it is not one. */
    private static long digits(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value > (Long.MAX_VALUE - (c - '0')) / 10 ? Long.MAX_VALUE : value * 10 + (c - '0');
        }
        return value;
    }

    private static ProblemException unsatisfiable(long size) {
        return new ProblemException(
                        416,
                        "range-not-satisfiable",
                        "Range Not Satisfiable",
                        "the range asked for holds no byte of this file of " + size + " bytes")
                .withHeader("Content-Range", "bytes */" + size);
    }
}
