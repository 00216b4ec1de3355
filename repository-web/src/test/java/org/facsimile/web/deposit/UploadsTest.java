package org.facsimile.web.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.storage.BlobStore;
import org.facsimile.web.storage.FileSystemBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whose fault a broken upload is, and that none leaves anything behind. */
class UploadsTest {

    private static final String KEY = "deposits/d1/upload.csv";
    private static final byte[] CSV = "name,age\nZebedee Quux,41\n".repeat(200).getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    private Uploads uploads(BlobStore store) {
        Uploads uploads = new Uploads();
        uploads.blobs = store;
        return uploads;
    }

    @Test
    void aStoreThatCannotTakeTheFileIsTheRepositorysFault() throws IOException {
        BlobStore disk = new FileSystemBlobStore(root);
        ProblemException e = assertThrows(
                ProblemException.class,
                () -> uploads(new FullAfter(disk, 1000))
                        .store(KEY, "people.csv", new ByteArrayInputStream(CSV), 1 << 20));
        assertEquals(503, e.status());
        assertEquals("store-unavailable", e.kind());
        assertEquals(Uploads.STORE_RETRY_SECONDS, e.retryAfterSeconds());
        assertTrue(e.getMessage().contains("people.csv") && !e.getMessage().contains("Zebedee"), e.getMessage());
        assertFalse(disk.exists(BlobStore.Area.PRIVATE, KEY), "nothing kept");
    }

    @Test
    void aBodyThatBreaksOffIsTheClientsAndLeavesNothing() throws IOException {
        BlobStore disk = new FileSystemBlobStore(root);
        InputStream broken = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 500) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };
        ProblemException e =
                assertThrows(ProblemException.class, () -> uploads(disk).store(KEY, "people.csv", broken, 1 << 20));
        assertEquals(400, e.status());
        assertEquals("upload-interrupted", e.kind());
        assertFalse(disk.exists(BlobStore.Area.PRIVATE, KEY));
    }

    @Test
    void aWholeBodyIsStoredAndAnOversizedOneRefused() throws IOException {
        BlobStore disk = new FileSystemBlobStore(root);
        assertEquals(
                CSV.length,
                uploads(disk)
                        .store(KEY, "people.csv", new ByteArrayInputStream(CSV), 1 << 20)
                        .byteSize());
        ProblemException e = assertThrows(
                ProblemException.class,
                () -> uploads(disk).store("deposits/d1/big.csv", "big.csv", new ByteArrayInputStream(CSV), 100));
        assertEquals(413, e.status());
        assertFalse(disk.exists(BlobStore.Area.PRIVATE, "deposits/d1/big.csv"));
    }

    /** A store whose disk fills after {@code room} bytes of a write. */
    private record FullAfter(BlobStore inner, int room) implements BlobStore {
        @Override
        public Stored put(Area area, String key, InputStream in, long maxBytes) throws IOException {
            return write(area, key, out -> BlobStore.copyAtMost(in, out, maxBytes));
        }

        @Override
        public Stored write(Area area, String key, Writer writer) throws IOException {
            return inner.write(
                    area,
                    key,
                    out -> writer.write(new OutputStream() {
                        private int written;

                        @Override
                        public void write(int b) throws IOException {
                            if (++written > room) {
                                throw new IOException("No space left on device");
                            }
                            out.write(b);
                        }
                    }));
        }

        @Override
        public InputStream open(Area area, String key) throws IOException {
            return inner.open(area, key);
        }

        @Override
        public Stored copy(Area from, String key, Area to, String targetKey) throws IOException {
            return inner.copy(from, key, to, targetKey);
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
        public void probe() throws IOException {
            inner.probe();
        }

        @Override
        public int removeScratch(Instant before) throws IOException {
            return inner.removeScratch(before);
        }
    }
}
