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

        InvalidUtf8Exception(long line) {
            super("invalid UTF-8 on line " + line);
            this.line = line;
        }
    }

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
        for (int i = 0; i < n; i++) {
            check(buffer[offset + i] & 0xFF);
        }
        return n;
    }

    private void end() throws InvalidUtf8Exception {
        if (continuation > 0) {
            throw new InvalidUtf8Exception(line);
        }
    }

    private void check(int b) throws InvalidUtf8Exception {
        if (continuation > 0) {
            if ((b & 0xC0) != 0x80) {
                throw new InvalidUtf8Exception(line);
            }
            codePoint = (codePoint << 6) | (b & 0x3F);
            if (--continuation == 0
                    && (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))) {
                throw new InvalidUtf8Exception(line);
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
            throw new InvalidUtf8Exception(line);
        }
    }

    private void start(int continuationBytes, int bits, int minimum) {
        continuation = continuationBytes;
        codePoint = bits;
        min = minimum;
    }
}
