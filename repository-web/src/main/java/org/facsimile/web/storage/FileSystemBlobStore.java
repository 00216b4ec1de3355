package org.facsimile.web.storage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The default blob store: a folder per area on the local file system. Files are written to a
 * temporary file and moved into place atomically.
 */
public final class FileSystemBlobStore implements BlobStore {

    private final Path root;

    public FileSystemBlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root.resolve("private"));
        Files.createDirectories(this.root.resolve("public"));
        Files.createDirectories(this.root.resolve("tmp"));
    }

    @Override
    public void probe() throws IOException {
        Path probe = Files.createTempFile(root.resolve("tmp"), "probe-", ".part");
        try {
            Files.write(probe, new byte[] {1}, StandardOpenOption.SYNC);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    @Override
    public Stored put(Area area, String key, InputStream in, long maxBytes) throws IOException {
        return write(area, key, out -> BlobStore.copyAtMost(in, out, maxBytes));
    }

    @Override
    public Stored write(Area area, String key, Writer writer) throws IOException {
        Path target = path(area, key);
        Path temp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
        try {
            MessageDigest sha = sha256();
            CountingOutputStream counting;
            try (OutputStream file = Files.newOutputStream(temp);
                    DigestOutputStream digest = new DigestOutputStream(file, sha)) {
                counting = new CountingOutputStream(digest);
                writer.write(counting);
                counting.flush();
            }
            try {
                moveIntoPlace(temp, target);
            } catch (NoSuchFileException e) {
                // a deletion pruned the emptied folder between creating it and the move: once more
                moveIntoPlace(temp, target);
            }
            return new Stored(key, counting.count, HexFormat.of().formatHex(sha.digest()));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public InputStream open(Area area, String key) throws IOException {
        return Files.newInputStream(path(area, key));
    }

    @Override
    public InputStream open(Area area, String key, long offset) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(path(area, key));
        try {
            channel.position(offset);
            return Channels.newInputStream(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
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
        return Files.isRegularFile(path(area, key));
    }

    @Override
    public Stream<String> keys(Area area) throws IOException {
        Path areaRoot = areaRoot(area);
        return Files.walk(areaRoot)
                .filter(Files::isRegularFile)
                .map(p -> areaRoot.relativize(p)
                        .toString()
                        .replace(p.getFileSystem().getSeparator(), "/"));
    }

    @Override
    public void delete(Area area, String key) throws IOException {
        Path path = path(area, key);
        Files.deleteIfExists(path);
        // prune the folders this left empty (an erased deposit leaves no trace of its name)
        Path areaRoot = areaRoot(area);
        for (Path folder = path.getParent(); !folder.equals(areaRoot); folder = folder.getParent()) {
            try {
                Files.deleteIfExists(folder);
            } catch (DirectoryNotEmptyException e) {
                break;
            }
        }
    }

    @Override
    public Instant modified(Area area, String key) throws IOException {
        return Files.getLastModifiedTime(path(area, key)).toInstant();
    }

    @Override
    public int removeScratch(Instant before) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> scratch = Files.newDirectoryStream(root.resolve("tmp"))) {
            for (Path file : scratch) {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(before) && Files.deleteIfExists(file)) {
                        removed++;
                    }
                } catch (NoSuchFileException e) {
                    // finished (moved into place) meanwhile
                }
            }
        }
        return removed;
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path areaRoot(Area area) {
        return root.resolve(area == Area.PRIVATE ? "private" : "public");
    }

    private Path path(Area area, String key) {
        Path areaRoot = areaRoot(area);
        Path path = areaRoot.resolve(BlobStore.checkedKey(key)).normalize();
        if (!path.startsWith(areaRoot)) {
            throw new IllegalArgumentException("invalid blob key");
        }
        return path;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }

    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
