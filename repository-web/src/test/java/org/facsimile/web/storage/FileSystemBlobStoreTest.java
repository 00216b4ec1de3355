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
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
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
    void theProbeWritesAndLeavesNothingAndFailsWhenTheStoreCannotBeWritten() throws IOException {
        BlobStore store = new FileSystemBlobStore(root);
        store.probe();
        try (Stream<Path> left = Files.list(root.resolve("tmp"))) {
            assertEquals(0, left.count(), "the probe's file is gone");
        }
        // a scratch folder that is no folder (as root, permissions would not stop a write)
        Files.delete(root.resolve("tmp"));
        Files.writeString(root.resolve("tmp"), "not a folder");
        assertThrows(IOException.class, store::probe);
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

    @Test
    void deletingTheLastFileOfAFolderRemovesTheFolderButNotItsNeighbours() throws IOException {
        BlobStore store = new FileSystemBlobStore(root);
        store.put(Area.PRIVATE, "deposits/a/x/1.csv", new ByteArrayInputStream(new byte[] {1}), 10);
        store.put(Area.PRIVATE, "deposits/b/2.csv", new ByteArrayInputStream(new byte[] {2}), 10);
        store.delete(Area.PRIVATE, "deposits/a/x/1.csv");
        assertFalse(Files.exists(root.resolve("private/deposits/a")), "the erased deposit leaves no folder");
        assertTrue(store.exists(Area.PRIVATE, "deposits/b/2.csv"));
        store.delete(Area.PRIVATE, "deposits/b/2.csv");
        assertTrue(Files.isDirectory(root.resolve("private")), "the area itself stays");
        // and a write into a folder just pruned still lands
        store.put(Area.PRIVATE, "deposits/b/3.csv", new ByteArrayInputStream(new byte[] {3}), 10);
        assertTrue(store.exists(Area.PRIVATE, "deposits/b/3.csv"));
    }

    @Test
    void scratchLeftByACrashIsRemovedOnlyOnceOlderThanAsked() throws IOException {
        BlobStore store = new FileSystemBlobStore(root);
        Path old = Files.writeString(root.resolve("tmp/upload-1.part"), "cut short");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path fresh = Files.writeString(root.resolve("tmp/upload-2.part"), "in progress");
        assertEquals(1, store.removeScratch(Instant.now().minus(Duration.ofHours(1))));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(fresh), "a write in progress keeps its scratch file");
    }

    @Test
    void tellsWhenAFileWasWritten() throws IOException {
        BlobStore store = new FileSystemBlobStore(root);
        Instant before = Instant.now().minusSeconds(1);
        store.put(Area.PUBLIC, "datasets/1/t.csv", new ByteArrayInputStream(new byte[] {1}), 10);
        assertFalse(store.modified(Area.PUBLIC, "datasets/1/t.csv").isBefore(before));
    }
}
