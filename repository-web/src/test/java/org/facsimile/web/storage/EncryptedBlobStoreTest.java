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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.facsimile.web.storage.BlobStore.Area;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncryptedBlobStoreTest {

    private static final String OLD = MasterKeys.newEntry("k1");
    private static final String NEW = MasterKeys.newEntry("k2");
    private static final int SEGMENT = SealedFormat.SEGMENT;

    @TempDir
    Path root;

    private EncryptedBlobStore store(String spec, String current) throws IOException {
        return new EncryptedBlobStore(new FileSystemBlobStore(root), MasterKeys.parse(spec, current));
    }

    private Path file(String key) {
        return root.resolve("private").resolve(key);
    }

    private static byte[] content(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3 * SEGMENT + 17})
    void roundTripsAnySizeAndReportsThePlaintextsChecksum(int size) throws Exception {
        BlobStore store = store(OLD, null);
        byte[] plain = content(size);
        BlobStore.Stored stored = store.put(Area.PRIVATE, "d/t.csv", new ByteArrayInputStream(plain), 1L << 30);
        assertEquals(size, stored.byteSize());
        assertEquals(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plain)), stored.sha256());
        try (InputStream in = store.open(Area.PRIVATE, "d/t.csv")) {
            assertArrayEquals(plain, in.readAllBytes());
        }
    }

    @Test
    void theDiskHoldsNoPlaintext() throws IOException {
        BlobStore store = store(OLD, null);
        String marker = "patient-name-Zebedee-Quux";
        store.write(
                Area.PRIVATE, "d/t.csv", out -> out.write(marker.repeat(1000).getBytes(StandardCharsets.UTF_8)));
        String disk = new String(Files.readAllBytes(file("d/t.csv")), StandardCharsets.ISO_8859_1);
        assertFalse(disk.contains("Zebedee"), "the private file is encrypted on disk");
        assertTrue(disk.startsWith("FCSMENC1"));
    }

    @Test
    void thePublicAreaIsStoredAsIs() throws IOException {
        BlobStore store = store(OLD, null);
        store.write(Area.PUBLIC, "datasets/x.csv", out -> out.write("a,b\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("a,b\n", Files.readString(root.resolve("public/datasets/x.csv")));
    }

    @Test
    void eitherAreaOpensFromAnOffset() throws IOException {
        BlobStore store = store(OLD, null);
        byte[] plain = content(2 * SEGMENT + 100);
        store.put(Area.PRIVATE, "d/t.csv", new ByteArrayInputStream(plain), 1L << 30);
        store.put(Area.PUBLIC, "datasets/t.csv", new ByteArrayInputStream(plain), 1L << 30);
        for (Area area : Area.values()) {
            String key = area == Area.PRIVATE ? "d/t.csv" : "datasets/t.csv";
            for (int offset : new int[] {0, 1, SEGMENT, SEGMENT + 7, plain.length - 1, plain.length}) {
                try (InputStream in = store.open(area, key, offset)) {
                    assertArrayEquals(
                            Arrays.copyOfRange(plain, offset, plain.length),
                            in.readAllBytes(),
                            area + " from " + offset);
                }
            }
        }
    }

    @Test
    void anyChangedByteIsDetected() throws IOException {
        BlobStore store = store(OLD, null);
        byte[] plain = content(2 * SEGMENT + 100);
        store.put(Area.PRIVATE, "d/t.csv", new ByteArrayInputStream(plain), 1L << 30);
        byte[] sealed = Files.readAllBytes(file("d/t.csv"));
        // header byte (the wrapped key), a byte of each frame, the fixity frame's last byte
        for (int position : new int[] {30, 200, SEGMENT + 300, 2 * SEGMENT + 120, sealed.length - 1}) {
            byte[] changed = sealed.clone();
            changed[position] ^= 0x01;
            Files.write(file("d/t.csv"), changed);
            assertUnreadable(store, "d/t.csv");
        }
    }

    @Test
    void aFileCutShortOrExtendedDoesNotReadAsComplete() throws IOException {
        BlobStore store = store(OLD, null);
        store.put(Area.PRIVATE, "d/t.csv", new ByteArrayInputStream(content(2 * SEGMENT)), 1L << 30);
        byte[] sealed = Files.readAllBytes(file("d/t.csv"));
        // cut at a frame boundary: after the first data frame (header + kind + length + segment + tag)
        int header = 8 + 1 + 2 + 12 + 48 + 7;
        for (int length : new int[] {header + 5 + SEGMENT + 16, sealed.length - 61, sealed.length - 1, 10}) {
            Files.write(file("d/t.csv"), Arrays.copyOf(sealed, length));
            assertUnreadable(store, "d/t.csv");
        }
        byte[] longer = Arrays.copyOf(sealed, sealed.length + 1);
        Files.write(file("d/t.csv"), longer);
        assertUnreadable(store, "d/t.csv");
    }

    @Test
    void framesCannotBeReordered() throws IOException {
        BlobStore store = store(OLD, null);
        store.put(Area.PRIVATE, "d/t.csv", new ByteArrayInputStream(content(3 * SEGMENT)), 1L << 30);
        byte[] sealed = Files.readAllBytes(file("d/t.csv"));
        int header = 8 + 1 + 2 + 12 + 48 + 7;
        int frame = 5 + SEGMENT + 16;
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, header, swapped, header + frame, frame);
        System.arraycopy(sealed, header + frame, swapped, header, frame);
        Files.write(file("d/t.csv"), swapped);
        assertUnreadable(store, "d/t.csv");
    }

    @Test
    void aFileMovedUnderAnotherNameDoesNotOpen() throws IOException {
        BlobStore store = store(OLD, null);
        store.write(Area.PRIVATE, "alice/t.csv", out -> out.write(content(100)));
        Files.createDirectories(file("bob"));
        Files.copy(file("alice/t.csv"), file("bob/t.csv"));
        assertUnreadable(store, "bob/t.csv");
    }

    @Test
    void withoutItsMasterKeyAFileDoesNotOpen() throws IOException {
        store(OLD, null).write(Area.PRIVATE, "d/t.csv", out -> out.write(content(100)));
        IOException e = assertThrows(IOException.class, () -> store(NEW, null).open(Area.PRIVATE, "d/t.csv"));
        assertTrue(e.getMessage().contains("'k1'"), e.getMessage());
    }

    @Test
    void rotationRewrapsOnlyTheHeaderAndFilesStillOpen() throws IOException {
        byte[] plain = content(SEGMENT + 5);
        store(OLD, null).put(Area.PRIVATE, "d/t.csv", new ByteArrayInputStream(plain), 1L << 30);
        byte[] before = Files.readAllBytes(file("d/t.csv"));

        EncryptedBlobStore both = store(OLD + "," + NEW, "k2");
        assertEquals("k1", both.keyIdOf("d/t.csv"));
        assertTrue(both.rewrap("d/t.csv"));
        assertFalse(both.rewrap("d/t.csv"), "already under the current key");
        assertEquals("k2", both.keyIdOf("d/t.csv"));
        byte[] after = Files.readAllBytes(file("d/t.csv"));
        int header = 8 + 1 + 2 + 12 + 48 + 7;
        assertArrayEquals(
                Arrays.copyOfRange(before, header, before.length),
                Arrays.copyOfRange(after, header, after.length),
                "the content is not re-encrypted");

        try (InputStream in = store(NEW, null).open(Area.PRIVATE, "d/t.csv")) {
            assertArrayEquals(plain, in.readAllBytes(), "the old key can be retired");
        }
    }

    @Test
    void rotationSealsFilesWrittenBeforeEncryption() throws IOException {
        new FileSystemBlobStore(root).write(Area.PRIVATE, "d/old.csv", out -> out.write("a,b\n1,2\n".getBytes()));
        EncryptedBlobStore store = store(OLD, null);
        assertUnreadable(store, "d/old.csv");
        assertTrue(store.rewrap("d/old.csv"));
        try (InputStream in = store.open(Area.PRIVATE, "d/old.csv")) {
            assertEquals("a,b\n1,2\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void anOversizedUploadLeavesNothing() throws IOException {
        BlobStore store = store(OLD, null);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        assertThrows(BlobStore.TooLargeException.class, () -> store.put(Area.PRIVATE, "d/big.csv", endless, 1000));
        assertFalse(store.exists(Area.PRIVATE, "d/big.csv"));
    }

    @Test
    void masterKeysAreCheckedWithoutEchoingThem() {
        for (String spec : new String[] {"", "k1", "k1:not-base64!", "k1:AAAA", "bad id:" + OLD.substring(3)}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> MasterKeys.parse(spec, null), spec);
            assertFalse(!spec.isEmpty() && spec.length() > 4 && e.getMessage().contains(spec.substring(3)));
        }
        assertThrows(IllegalArgumentException.class, () -> MasterKeys.parse(OLD, "k9"));
        assertThrows(IllegalArgumentException.class, () -> MasterKeys.parse(OLD + "," + OLD, null));
        assertEquals("k2", MasterKeys.parse(OLD + "," + NEW, "k2").currentId());
        assertEquals("k1", MasterKeys.parse(OLD + "," + NEW, "").currentId());
    }

    private static void assertUnreadable(BlobStore store, String key) {
        assertThrows(
                SealedFormat.UnreadableException.class,
                () -> {
                    try (InputStream in = store.open(Area.PRIVATE, key)) {
                        in.readAllBytes();
                    }
                },
                key);
    }
}
