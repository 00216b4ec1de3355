package org.facsimile.web.storage;

import java.io.BufferedInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;
import org.facsimile.web.storage.SealedFormat.Header;
import org.facsimile.web.storage.SealedFormat.OpeningStream;
import org.facsimile.web.storage.SealedFormat.SealingStream;

/**
 * Encryption at rest for the private area, around any {@link BlobStore}: every private file is
 * sealed under its own data key (see {@link SealedFormat}), and every full read checks the
 * plaintext's SHA-256 against the one recorded when it was written. Sizes and checksums reported
 * by {@link Stored} are the plaintext's. The public area holds only published files and passes
 * through unchanged.
 */
public final class EncryptedBlobStore implements BlobStore, KeyCustody {

    private final BlobStore inner;
    private final MasterKeys keys;

    public EncryptedBlobStore(BlobStore inner, MasterKeys keys) {
        this.inner = inner;
        this.keys = keys;
    }

    @Override
    public Stored put(Area area, String key, InputStream in, long maxBytes) throws IOException {
        if (area == Area.PUBLIC) {
            return inner.put(area, key, in, maxBytes);
        }
        return write(area, key, out -> BlobStore.copyAtMost(in, out, maxBytes));
    }

    @Override
    public Stored write(Area area, String key, Writer writer) throws IOException {
        if (area == Area.PUBLIC) {
            return inner.write(area, key, writer);
        }
        SealingStream[] sealing = new SealingStream[1];
        inner.write(area, key, out -> {
            sealing[0] = new SealingStream(out, keys, name(area, key));
            // the writer may close what it is given; the sealed file still needs its last frames
            writer.write(new FilterOutputStream(sealing[0]) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    sealing[0].write(b, off, len);
                }

                @Override
                public void close() {}
            });
            sealing[0].finish();
        });
        return new Stored(key, sealing[0].size(), sealing[0].plaintextSha256());
    }

    /** Public files are stored in the clear, so the inner store seeks; sealed ones are read up to the offset. */
    @Override
    public InputStream open(Area area, String key, long offset) throws IOException {
        return area == Area.PUBLIC ? inner.open(area, key, offset) : BlobStore.super.open(area, key, offset);
    }

    @Override
    public InputStream open(Area area, String key) throws IOException {
        InputStream raw = inner.open(area, key);
        if (area == Area.PUBLIC) {
            return raw;
        }
        try {
            return new OpeningStream(new BufferedInputStream(raw, SealedFormat.SEGMENT), keys, name(area, key));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    @Override
    public Stored copy(Area from, String key, Area to, String targetKey) throws IOException {
        try (InputStream in = open(from, key)) {
            return write(to, targetKey, in::transferTo);
        }
    }

    @Override
    public boolean exists(Area area, String key) {
        return inner.exists(area, key);
    }

    @Override
    public Stream<String> keys(Area area) throws IOException {
        return inner.keys(area);
    }

    @Override
    public void delete(Area area, String key) throws IOException {
        inner.delete(area, key);
    }

    @Override
    public Instant modified(Area area, String key) throws IOException {
        return inner.modified(area, key);
    }

    @Override
    public int removeScratch(Instant before) throws IOException {
        return inner.removeScratch(before);
    }

    @Override
    public void probe() throws IOException {
        inner.probe();
    }

    @Override
    public String currentKeyId() {
        return keys.currentId();
    }

    @Override
    public String keyIdOf(String key) throws IOException {
        try (InputStream raw = inner.open(Area.PRIVATE, key)) {
            return Header.readFrom(raw).keyId();
        }
    }

    @Override
    public boolean rewrap(String key) throws IOException {
        String name = name(Area.PRIVATE, key);
        Header header;
        try (InputStream raw = inner.open(Area.PRIVATE, key)) {
            header = Header.readFrom(raw);
        } catch (SealedFormat.UnreadableException e) {
            if (!e.getMessage().startsWith("not a sealed file")) {
                throw e;
            }
            // written before encryption at rest: seal it now
            try (InputStream plain = inner.open(Area.PRIVATE, key)) {
                write(Area.PRIVATE, key, plain::transferTo);
            }
            return true;
        }
        if (header.keyId().equals(keys.currentId())) {
            return false;
        }
        Header rewrapped = header.rewrapped(keys, name);
        try (InputStream raw = inner.open(Area.PRIVATE, key)) {
            Header.readFrom(raw);
            inner.write(Area.PRIVATE, key, out -> {
                rewrapped.writeTo(out);
                raw.transferTo(out);
            });
        }
        return true;
    }

    /** What the data key is bound to: the file's area and key, so a moved file does not open. */
    private static String name(Area area, String key) {
        return area.name().toLowerCase(Locale.ROOT) + "/" + key;
    }
}
