package org.facsimile.web.storage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The default blob store: a folder per area on the local file system. Files are written to a
 * temporary file and moved into place atomically.
 */
public final class FileSystemBlobStore implements BlobStore {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

    private final Path root;

    public FileSystemBlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root.resolve("private"));
        Files.createDirectories(this.root.resolve("public"));
        Files.createDirectories(this.root.resolve("tmp"));
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
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
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
        Path areaRoot = root.resolve(area == Area.PRIVATE ? "private" : "public");
        return Files.walk(areaRoot)
                .filter(Files::isRegularFile)
                .map(p -> areaRoot.relativize(p)
                        .toString()
                        .replace(p.getFileSystem().getSeparator(), "/"));
    }

    @Override
    public void delete(Area area, String key) throws IOException {
        Files.deleteIfExists(path(area, key));
    }

    private Path path(Area area, String key) {
        if (key == null || !KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("invalid blob key");
        }
        Path areaRoot = root.resolve(area == Area.PRIVATE ? "private" : "public");
        Path path = areaRoot.resolve(key).normalize();
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
