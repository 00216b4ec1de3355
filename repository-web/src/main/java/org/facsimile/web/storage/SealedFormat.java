package org.facsimile.web.storage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The on-disk form of an encrypted private file: AES-256-GCM under a random data key per file, the
 * data key wrapped by a master key, the content sealed in 64 KiB segments so files of any size
 * stream through a fixed buffer (the construction of Hoang, Reyhanitabar, Rogaway and Vizár's
 * "online AE", as in Tink's streaming AEAD), then an authenticated fixity frame with the SHA-256
 * and length of the plaintext.
 *
 * <pre>
 * header   "FCSMENC1" | u8 key-id length | key id | 12-byte wrap nonce | 48-byte wrapped data key
 *          | 7-byte nonce prefix
 * frames   u8 kind (0 data, 1 last data, 2 fixity) | u32 length | AES-GCM ciphertext
 *          nonce = prefix | u32 frame number | kind; associated data = "FCSMENC1"
 * </pre>
 *
 * The frame number and kind in each nonce make reordered, dropped, repeated or truncated frames
 * fail authentication; the data key is wrapped with the file's name as associated data, so a file
 * moved under another name does not open. Only the header changes when a master key is rotated.
 */
final class SealedFormat {

    static final byte[] MAGIC = "FCSMENC1".getBytes(StandardCharsets.US_ASCII);
    static final int SEGMENT = 64 * 1024;
    private static final int TAG_BITS = 128;
    private static final int TAG = TAG_BITS / 8;
    private static final int WRAP_NONCE = 12;
    private static final int WRAPPED_KEY = 32 + TAG;
    private static final int PREFIX = 7;
    private static final byte DATA = 0;
    private static final byte LAST = 1;
    private static final byte FIXITY = 2;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedFormat() {}

    /** Why a sealed file could not be read: tampering, truncation, a missing key, or failed fixity. */
    static final class UnreadableException extends IOException {
        private static final long serialVersionUID = 1L;

        UnreadableException(String message) {
            super(message);
        }

        UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A file's header: which master key wrapped its data key, and the data key itself. */
    record Header(String keyId, byte[] wrapNonce, byte[] wrappedKey, byte[] noncePrefix) {

        void writeTo(OutputStream out) throws IOException {
            DataOutputStream data = new DataOutputStream(out);
            byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
            data.write(MAGIC);
            data.writeByte(id.length);
            data.write(id);
            data.write(wrapNonce);
            data.write(wrappedKey);
            data.write(noncePrefix);
            data.flush();
        }

        static Header readFrom(InputStream in) throws IOException {
            DataInputStream data = new DataInputStream(in);
            byte[] magic = new byte[MAGIC.length];
            try {
                data.readFully(magic);
                if (!Arrays.equals(magic, MAGIC)) {
                    throw new UnreadableException("not a sealed file");
                }
                byte[] id = new byte[data.readUnsignedByte()];
                data.readFully(id);
                byte[] wrapNonce = new byte[WRAP_NONCE];
                data.readFully(wrapNonce);
                byte[] wrapped = new byte[WRAPPED_KEY];
                data.readFully(wrapped);
                byte[] prefix = new byte[PREFIX];
                data.readFully(prefix);
                return new Header(new String(id, StandardCharsets.US_ASCII), wrapNonce, wrapped, prefix);
            } catch (EOFException e) {
                throw new UnreadableException("not a sealed file (too short)", e);
            }
        }

        SecretKey dataKey(MasterKeys keys, String name) throws IOException {
            SecretKey master = keys.byId(keyId)
                    .orElseThrow(() -> new UnreadableException(
                            "sealed under master key '" + keyId + "', which is not configured"));
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, master, new GCMParameterSpec(TAG_BITS, wrapNonce));
                cipher.updateAAD(wrapAad(name));
                return new SecretKeySpec(cipher.doFinal(wrappedKey), "AES");
            } catch (GeneralSecurityException e) {
                throw new UnreadableException("the data key does not unwrap (wrong key, or the file was moved)", e);
            }
        }

        /** The same data key wrapped by the current master key. */
        Header rewrapped(MasterKeys keys, String name) throws IOException {
            return wrap(keys, name, dataKey(keys, name), noncePrefix);
        }
    }

    static Header newHeader(MasterKeys keys, String name) {
        byte[] dataKey = new byte[32];
        RANDOM.nextBytes(dataKey);
        byte[] prefix = new byte[PREFIX];
        RANDOM.nextBytes(prefix);
        return wrap(keys, name, new SecretKeySpec(dataKey, "AES"), prefix);
    }

    private static Header wrap(MasterKeys keys, String name, SecretKey dataKey, byte[] prefix) {
        byte[] nonce = new byte[WRAP_NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(wrapAad(name));
            return new Header(keys.currentId(), nonce, cipher.doFinal(dataKey.getEncoded()), prefix);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every JRE", e);
        }
    }

    private static byte[] wrapAad(String name) {
        return ("facsimile data key for " + name).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Seals what is written to it into {@code out}. {@link #finish()} writes the last frames; it
     * does not close {@code out}. Size and SHA-256 of the plaintext are known after finishing.
     */
    static final class SealingStream extends OutputStream {
        private final DataOutputStream out;
        private final SecretKey key;
        private final byte[] prefix;
        private final byte[] buffer = new byte[SEGMENT];
        private final MessageDigest sha = sha256();
        private int filled;
        private int frame;
        private long size;
        private boolean finished;
        private String digest;

        SealingStream(OutputStream out, MasterKeys keys, String name) throws IOException {
            Header header = newHeader(keys, name);
            header.writeTo(out);
            this.out = new DataOutputStream(out);
            this.key = header.dataKey(keys, name);
            this.prefix = header.noncePrefix();
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (finished) {
                throw new IOException("the sealed file is finished");
            }
            sha.update(b, off, len);
            size += len;
            while (len > 0) {
                if (filled == SEGMENT) {
                    // only now is it known that this segment is not the last one
                    frame(DATA, buffer, filled);
                    filled = 0;
                }
                int n = Math.min(len, SEGMENT - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        /** Writes the last data frame and the fixity frame. */
        void finish() throws IOException {
            if (finished) {
                return;
            }
            finished = true;
            frame(LAST, buffer, filled);
            byte[] hash = sha.digest();
            digest = HexFormat.of().formatHex(hash);
            byte[] fixity = ByteBuffer.allocate(40).put(hash).putLong(size).array();
            frame(FIXITY, fixity, fixity.length);
            out.flush();
        }

        long size() {
            return size;
        }

        /** The plaintext's SHA-256 (hex), once finished. */
        String plaintextSha256() {
            if (!finished) {
                throw new IllegalStateException("not finished");
            }
            return digest;
        }

        private void frame(byte kind, byte[] plain, int length) throws IOException {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce(prefix, frame++, kind)));
                cipher.updateAAD(MAGIC);
                byte[] sealed = cipher.doFinal(plain, 0, length);
                out.writeByte(kind);
                out.writeInt(sealed.length);
                out.write(sealed);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is required of every JRE", e);
            }
        }
    }

    /**
     * Opens a sealed file: plaintext out, each frame authenticated before any of its bytes are
     * returned, and at the end the plaintext's SHA-256 and length checked against the fixity frame.
     * Any failure is an {@link UnreadableException}; a file cut short never reads as complete.
     */
    static final class OpeningStream extends InputStream {
        private final DataInputStream in;
        private final SecretKey key;
        private final byte[] prefix;
        private final MessageDigest sha = sha256();
        private byte[] plain = new byte[0];
        private int position;
        private int frame;
        private long size;
        private boolean lastSeen;
        private boolean verified;

        OpeningStream(InputStream in, MasterKeys keys, String name) throws IOException {
            this.in = new DataInputStream(in);
            Header header = Header.readFrom(this.in);
            this.key = header.dataKey(keys, name);
            this.prefix = header.noncePrefix();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (position == plain.length) {
                if (verified) {
                    return -1;
                }
                next();
            }
            int n = Math.min(len, plain.length - position);
            System.arraycopy(plain, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private void next() throws IOException {
            byte kind;
            byte[] sealed;
            try {
                kind = in.readByte();
                int length = in.readInt();
                if (length < TAG || length > SEGMENT + TAG) {
                    throw new UnreadableException("a frame has an impossible length");
                }
                sealed = new byte[length];
                in.readFully(sealed);
            } catch (EOFException e) {
                throw new UnreadableException("the file is cut short", e);
            }
            if (kind != (lastSeen ? FIXITY : kind == LAST ? LAST : DATA)) {
                throw new UnreadableException("frames are out of order");
            }
            byte[] opened;
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce(prefix, frame++, kind)));
                cipher.updateAAD(MAGIC);
                opened = cipher.doFinal(sealed);
            } catch (GeneralSecurityException e) {
                throw new UnreadableException("frame " + (frame - 1) + " fails authentication", e);
            }
            if (kind == FIXITY) {
                checkFixity(opened);
                return;
            }
            sha.update(opened);
            size += opened.length;
            lastSeen = kind == LAST;
            plain = opened;
            position = 0;
        }

        private void checkFixity(byte[] fixity) throws IOException {
            ByteBuffer recorded = ByteBuffer.wrap(fixity);
            byte[] digest = new byte[32];
            recorded.get(digest);
            if (recorded.getLong() != size || !MessageDigest.isEqual(digest, sha.digest())) {
                throw new UnreadableException(
                        "fixity check failed: the content's SHA-256 differs from the recorded one");
            }
            if (in.read() >= 0) {
                throw new UnreadableException("bytes follow the end of the sealed file");
            }
            verified = true;
            plain = new byte[0];
            position = 0;
        }
    }

    private static byte[] nonce(byte[] prefix, int frame, byte kind) {
        return ByteBuffer.allocate(12).put(prefix).putInt(frame).put(kind).array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }
}
