package org.facsimile.web.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.facsimile.web.storage.BlobStore.Area;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file system store: the contract, and what only a folder has (its scratch folder, pruning). */
class FileSystemBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path root;

    @Override
    BlobStore store() throws IOException {
        return new FileSystemBlobStore(root);
    }

    @Override
    void assertNoScratch() throws IOException {
        try (Stream<Path> left = Files.list(root.resolve("tmp"))) {
            assertEquals(0, left.count(), "no partial file left behind");
        }
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
}
