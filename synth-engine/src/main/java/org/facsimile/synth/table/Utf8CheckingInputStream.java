package org.facsimile.synth.table;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Checks UTF-8 as bytes pass through and counts lines, so an invalid byte is reported on its
 * line. (A decoder behind a buffering CSV parser only knows a buffer, not a line.)
 */
final class Utf8CheckingInputStream extends FilterInputStream {

    /** Thrown at the first byte that is not valid UTF-8. */
    static final class InvalidUtf8Exception extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;
        /** What kind of file its first bytes show it is, when one that is not CSV text; else null. */
        final String kind;

        InvalidUtf8Exception(long line, String kind) {
            super("invalid UTF-8 on line " + line);
            this.line = line;
            this.kind = kind;
        }
    }

    /** How many of the first bytes are kept to recognise a file that is not text. */
    private static final int HEAD = 8;

    private final byte[] head = new byte[HEAD];
    private int seen;
    private long line = 1;
    private int continuation;
    private int min;
    private int codePoint;

    Utf8CheckingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            keep(b);
            check(b);
        } else {
            end();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            end();
        }
        // the file's first bytes are kept before any is checked, so a bad first byte is reported
        // with what the whole signature says the file is
        for (int i = 0; i < n && seen < HEAD; i++) {
            keep(buffer[offset + i] & 0xFF);
        }
        for (int i = 0; i < n; i++) {
            check(buffer[offset + i] & 0xFF);
        }
        return n;
    }

    private void end() throws InvalidUtf8Exception {
        if (continuation > 0) {
            throw invalid();
        }
    }

    private void check(int b) throws InvalidUtf8Exception {
        if (continuation > 0) {
            if ((b & 0xC0) != 0x80) {
                throw invalid();
            }
            codePoint = (codePoint << 6) | (b & 0x3F);
            if (--continuation == 0
                    && (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))) {
                throw invalid();
            }
            return;
        }
        if (b < 0x80) {
            if (b == '\n') {
                line++;
            }
        } else if ((b & 0xE0) == 0xC0) {
            start(1, b & 0x1F, 0x80);
        } else if ((b & 0xF0) == 0xE0) {
            start(2, b & 0x0F, 0x800);
        } else if ((b & 0xF8) == 0xF0) {
            start(3, b & 0x07, 0x10000);
        } else {
            throw invalid();
        }
    }

    private void keep(int b) {
        if (seen < HEAD) {
            head[seen++] = (byte) b;
        }
    }

    private InvalidUtf8Exception invalid() {
        // reading stops here anyway: the rest of the signature may be read to name the file
        try {
            for (int b; seen < HEAD && (b = in.read()) >= 0; ) {
                head[seen++] = (byte) b;
            }
        } catch (IOException unreadable) {
            // named by what was read
        }
        return new InvalidUtf8Exception(line, kind(java.util.Arrays.copyOf(head, seen)));
    }

    /**
     * What a file starting with {@code head} is, by the signatures of the files most often
     * uploaded by mistake for a CSV (a workbook, a document, an image, a compressed file, UTF-16
     * text); null when none.
     */
    static String kind(byte[] head) {
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            return "a zip archive (an Excel .xlsx or OpenDocument .ods workbook is one)";
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return "an older Office file (an Excel .xls workbook, say)";
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (startsWith(head, 0x1F, 0x8B)) {
            return "a gzip-compressed file";
        }
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            return "UTF-16 text";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int... signature) {
        if (head.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private void start(int continuationBytes, int bits, int minimum) {
        continuation = continuationBytes;
        codePoint = bits;
        min = minimum;
    }
}
