package org.facsimile.synth.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Drops a leading UTF-8 byte order mark, which spreadsheet exports often write. */
final class BomSkippingInputStream extends PushbackInputStream {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private boolean checked;
    private final boolean utf8;

    BomSkippingInputStream(InputStream in, Charset charset) {
        super(in, 3);
        this.utf8 = StandardCharsets.UTF_8.equals(charset);
    }

    private void skipBom() throws IOException {
        if (checked) {
            return;
        }
        checked = true;
        if (!utf8) {
            return;
        }
        byte[] head = new byte[3];
        int n = 0;
        while (n < 3) {
            int r = super.read(head, n, 3 - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        if (n == 3 && head[0] == UTF8_BOM[0] && head[1] == UTF8_BOM[1] && head[2] == UTF8_BOM[2]) {
            return;
        }
        if (n > 0) {
            unread(head, 0, n);
        }
    }

    @Override
    public int read() throws IOException {
        skipBom();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        skipBom();
        return super.read(b, off, len);
    }
}
