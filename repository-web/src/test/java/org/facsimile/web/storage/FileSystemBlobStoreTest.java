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
import java.util.stream.Stream;
import org.facsimile.web.storage.BlobStore.Area;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void storesWithSizeAndSha256() throws IOException {
        BlobStore store = new FileSystemBlobStore(root);
        BlobStore.Stored stored = store.put(
                Area.PRIVATE, "deposits/a/b.csv", new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)), 10);
        assertEquals(3, stored.byteSize());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", stored.sha256());
        try (InputStream in = store.open(Area.PRIVATE, "deposits/a/b.csv")) {
            assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
        assertFalse(store.exists(Area.PUBLIC, "deposits/a/b.csv"), "areas are separate");
    }

    @Test
    void anOversizedUploadStopsAndLeavesNothing() throws IOException {
        BlobStore store = new FileSystemBlobStore(root);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        assertThrows(
                BlobStore.TooLargeException.class, () -> store.put(Area.PRIVATE, "deposits/big.csv", endless, 1000));
        assertFalse(store.exists(Area.PRIVATE, "deposits/big.csv"));
        try (Stream<Path> temp = Files.list(root.resolve("tmp"))) {
            assertEquals(0, temp.count(), "no partial file left behind");
        }
    }

    @Test
    void keysCannotLeaveTheirArea() throws IOException {
        BlobStore store = new FileSystemBlobStore(root);
        for (String key : new String[] {"../public/x", "a/../../x", "/etc/passwd", "a//b", ".hidden", "a/./b"}) {
            assertThrows(IllegalArgumentException.class, () -> store.exists(Area.PRIVATE, key), key);
        }
    }

    @Test
    void copyingIntoThePublicAreaKeepsTheChecksum() throws IOException {
        BlobStore store = new FileSystemBlobStore(root);
        BlobStore.Stored a =
                store.put(Area.PRIVATE, "jobs/1/t.csv", new ByteArrayInputStream(new byte[] {1, 2, 3}), 10);
        BlobStore.Stored b = store.copy(Area.PRIVATE, "jobs/1/t.csv", Area.PUBLIC, "datasets/1/t.csv");
        assertEquals(a.sha256(), b.sha256());
        assertTrue(store.exists(Area.PUBLIC, "datasets/1/t.csv"));
    }
}
