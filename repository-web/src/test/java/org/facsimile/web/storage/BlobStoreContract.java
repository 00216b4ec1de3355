package org.facsimile.web.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.facsimile.web.storage.BlobStore.Area;
import org.junit.jupiter.api.Test;

/**
 * What every blob store promises, run against each one (the file system here, S3 against a real
 * S3 server): writes all or nothing with their size and SHA-256, areas apart, keys that cannot
 * escape, reads from an offset, listing, deletion.
 */
abstract class BlobStoreContract {

    /** The store under test, fresh or shared; each test writes under its own folder. */
    abstract BlobStore store() throws IOException;

    /** Asserts that no write left scratch behind (temporary files, unfinished uploads). */
    abstract void assertNoScratch() throws IOException;

    /** A folder of keys no other test uses. */
    final String dir = "t" + UUID.randomUUID().toString().replace("-", "");

    static byte[] content(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void storesWithSizeAndSha256() throws IOException {
        BlobStore store = store();
        BlobStore.Stored stored = store.put(
                Area.PRIVATE, dir + "/a/b.csv", new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)), 10);
        assertEquals(3, stored.byteSize());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", stored.sha256());
        try (InputStream in = store.open(Area.PRIVATE, dir + "/a/b.csv")) {
            assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
        assertTrue(store.exists(Area.PRIVATE, dir + "/a/b.csv"));
        assertFalse(store.exists(Area.PUBLIC, dir + "/a/b.csv"), "areas are separate");
    }

    @Test
    void anEmptyFileIsAFile() throws Exception {
        BlobStore store = store();
        BlobStore.Stored stored = store.write(Area.PUBLIC, dir + "/empty.csv", out -> {});
        assertEquals(0, stored.byteSize());
        assertEquals(sha256(new byte[0]), stored.sha256());
        try (InputStream in = store.open(Area.PUBLIC, dir + "/empty.csv")) {
            assertEquals(0, in.readAllBytes().length);
        }
    }

    /** Larger than a part of a multipart upload, written in pieces of awkward sizes. */
    @Test
    void aLargeFileWrittenInPiecesReadsBackWholeAndFromAnyOffset() throws Exception {
        BlobStore store = store();
        byte[] plain = content(2 * S3BlobStore.PART_BYTES + 12_345);
        BlobStore.Stored stored = store.write(Area.PRIVATE, dir + "/large.csv", out -> {
            for (int from = 0; from < plain.length; ) {
                int n = Math.min(plain.length - from, 1 + (from % 700_001));
                out.write(plain, from, n);
                from += n;
            }
        });
        assertEquals(plain.length, stored.byteSize());
        assertEquals(sha256(plain), stored.sha256());
        try (InputStream in = store.open(Area.PRIVATE, dir + "/large.csv")) {
            assertEquals(sha256(plain), sha256(in.readAllBytes()));
        }
        for (int offset : new int[] {1, S3BlobStore.PART_BYTES + 3, plain.length - 1, plain.length}) {
            try (InputStream in = store.open(Area.PRIVATE, dir + "/large.csv", offset)) {
                assertArrayEquals(Arrays.copyOfRange(plain, offset, plain.length), in.readAllBytes(), "from " + offset);
            }
        }
        assertNoScratch();
    }

    @Test
    void anOversizedUploadStopsAndLeavesNothing() throws IOException {
        BlobStore store = store();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };
        long limit = S3BlobStore.PART_BYTES + 1000L;
        assertThrows(
                BlobStore.TooLargeException.class, () -> store.put(Area.PRIVATE, dir + "/big.csv", endless, limit));
        assertFalse(store.exists(Area.PRIVATE, dir + "/big.csv"));
        assertNoScratch();
    }

    @Test
    void aWriterThatFailsLeavesNothing() throws IOException {
        BlobStore store = store();
        byte[] part = content(S3BlobStore.PART_BYTES + 10);
        IOException e = assertThrows(
                IOException.class,
                () -> store.write(Area.PUBLIC, dir + "/cut.csv", out -> {
                    out.write(part);
                    throw new IOException("the source broke");
                }));
        assertEquals("the source broke", e.getMessage());
        assertFalse(store.exists(Area.PUBLIC, dir + "/cut.csv"));
        assertNoScratch();
    }

    @Test
    void keysCannotLeaveTheirArea() throws IOException {
        BlobStore store = store();
        for (String key :
                new String[] {"../public/x", "a/../../x", "/etc/passwd", "a//b", ".hidden", "a/./b", "a/b/"}) {
            assertThrows(IllegalArgumentException.class, () -> store.exists(Area.PRIVATE, key), key);
            assertThrows(
                    IllegalArgumentException.class,
                    () -> store.put(Area.PRIVATE, key, new ByteArrayInputStream(new byte[1]), 10),
                    key);
        }
    }

    @Test
    void copyingIntoThePublicAreaKeepsTheChecksum() throws IOException {
        BlobStore store = store();
        BlobStore.Stored a =
                store.put(Area.PRIVATE, dir + "/jobs/1/t.csv", new ByteArrayInputStream(new byte[] {1, 2, 3}), 10);
        BlobStore.Stored b = store.copy(Area.PRIVATE, dir + "/jobs/1/t.csv", Area.PUBLIC, dir + "/datasets/1/t.csv");
        assertEquals(a.sha256(), b.sha256());
        assertEquals(3, b.byteSize());
        assertTrue(store.exists(Area.PUBLIC, dir + "/datasets/1/t.csv"));
    }

    @Test
    void eachAreaListsItsOwnKeys() throws IOException {
        BlobStore store = store();
        store.put(Area.PRIVATE, dir + "/x/1.csv", new ByteArrayInputStream(new byte[] {1}), 10);
        store.put(Area.PRIVATE, dir + "/y.csv", new ByteArrayInputStream(new byte[] {2}), 10);
        store.put(Area.PUBLIC, dir + "/z.csv", new ByteArrayInputStream(new byte[] {3}), 10);
        List<String> mine;
        try (Stream<String> keys = store.keys(Area.PRIVATE)) {
            mine = keys.filter(k -> k.startsWith(dir + "/")).sorted().toList();
        }
        assertEquals(List.of(dir + "/x/1.csv", dir + "/y.csv"), mine);
        try (Stream<String> keys = store.keys(Area.PUBLIC)) {
            assertEquals(
                    List.of(dir + "/z.csv"),
                    keys.filter(k -> k.startsWith(dir + "/")).toList());
        }
    }

    @Test
    void aDeletedFileIsGoneAndDeletingNothingIsNoError() throws IOException {
        BlobStore store = store();
        store.put(Area.PRIVATE, dir + "/gone.csv", new ByteArrayInputStream(new byte[] {1}), 10);
        store.delete(Area.PRIVATE, dir + "/gone.csv");
        assertFalse(store.exists(Area.PRIVATE, dir + "/gone.csv"));
        store.delete(Area.PRIVATE, dir + "/gone.csv");
        assertThrows(NoSuchFileException.class, () -> store.open(Area.PRIVATE, dir + "/gone.csv"));
        assertThrows(NoSuchFileException.class, () -> store.modified(Area.PRIVATE, dir + "/gone.csv"));
    }

    @Test
    void aFileWrittenAgainIsReplacedWhole() throws IOException {
        BlobStore store = store();
        store.put(Area.PUBLIC, dir + "/v.csv", new ByteArrayInputStream("first, longer".getBytes()), 100);
        store.put(Area.PUBLIC, dir + "/v.csv", new ByteArrayInputStream("second".getBytes()), 100);
        try (InputStream in = store.open(Area.PUBLIC, dir + "/v.csv")) {
            assertEquals("second", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void tellsWhenAFileWasWritten() throws IOException {
        BlobStore store = store();
        // S3 keeps whole seconds
        Instant before = Instant.now().minusSeconds(2);
        store.put(Area.PUBLIC, dir + "/datasets/1/t.csv", new ByteArrayInputStream(new byte[] {1}), 10);
        Instant written = store.modified(Area.PUBLIC, dir + "/datasets/1/t.csv");
        assertFalse(written.isBefore(before), written + " after " + before);
        assertFalse(written.isAfter(Instant.now().plusSeconds(2)), written.toString());
    }

    @Test
    void theProbeLeavesNothingInEitherArea() throws IOException {
        BlobStore store = store();
        long before = count(store, Area.PRIVATE) + count(store, Area.PUBLIC);
        store.probe();
        assertEquals(before, count(store, Area.PRIVATE) + count(store, Area.PUBLIC));
        assertNoScratch();
    }

    private static long count(BlobStore store, Area area) throws IOException {
        try (Stream<String> keys = store.keys(area)) {
            return keys.count();
        }
    }
}
