package org.facsimile.web.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The blob store in an S3-compatible object store (Amazon S3, MinIO, Ceph, S3Proxy): one bucket,
 * the areas as the key prefixes {@code private/} and {@code public/}, so every web and worker
 * node reads and writes the same files without a shared file system.
 *
 * <p>Writes are all or nothing as the interface asks: a file up to {@link #PART_BYTES} is one
 * PUT, a larger one a multipart upload whose parts are sent as they fill, and S3 shows an object
 * only once its upload completes. A write that fails aborts its upload; one cut short by a crash
 * leaves an incomplete upload that {@link #removeScratch} aborts later (a bucket lifecycle rule
 * that aborts incomplete uploads does the same). Encryption at rest of the private area stays
 * {@link EncryptedBlobStore}'s, on top of this store, whatever the bucket's own.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(S3BlobStore.class.getName());

    /**
     * The size of each part of a multipart upload (S3 asks at least 5 MiB of every part but the
     * last); at most this much of a file is held in memory while it is written.
     */
    static final int PART_BYTES = 8 << 20;

    /** Where the probe writes. */
    private static final String SCRATCH = "tmp/";

    private final S3Client s3;
    private final String bucket;

    S3BlobStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /**
     * A store on the bucket at {@code endpoint}, the bucket created when it does not exist yet.
     *
     * @param endpoint the S3 API's URL; null: Amazon S3 of the region
     * @param pathStyle bucket in the path ({@code host/bucket/key}, as MinIO and S3Proxy want)
     *     rather than in the host name
     */
    public static S3BlobStore connect(
            URI endpoint, String region, String bucket, boolean pathStyle, AwsCredentialsProvider credentials)
            throws IOException {
        var builder = S3Client.builder()
                .region(Region.of(region))
                .forcePathStyle(pathStyle)
                .credentialsProvider(credentials)
                // checksums only where S3 requires them: servers other than Amazon's (MinIO,
                // S3Proxy, Ceph) do not all take the SDK's default trailing checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        S3Client client = builder.build();
        try {
            ensureBucket(client, bucket);
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
        return new S3BlobStore(client, bucket);
    }

    private static void ensureBucket(S3Client client, String bucket) throws IOException {
        try {
            client.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw failed("reach the bucket " + bucket, e);
            }
            try {
                client.createBucket(b -> b.bucket(bucket));
                LOG.info(() -> "created the S3 bucket " + bucket);
            } catch (SdkException created) {
                throw failed("create the bucket " + bucket, created);
            }
        } catch (SdkException e) {
            throw failed("reach the bucket " + bucket, e);
        }
    }

    @Override
    public Stored put(Area area, String key, InputStream in, long maxBytes) throws IOException {
        return write(area, key, out -> BlobStore.copyAtMost(in, out, maxBytes));
    }

    @Override
    public Stored write(Area area, String key, Writer writer) throws IOException {
        Upload upload = new Upload(name(area, key));
        try {
            writer.write(upload);
            return new Stored(key, upload.finish(), upload.sha256());
        } catch (IOException | RuntimeException | Error e) {
            upload.abort();
            throw e;
        }
    }

    @Override
    public InputStream open(Area area, String key) throws IOException {
        return open(area, key, 0);
    }

    @Override
    public InputStream open(Area area, String key, long offset) throws IOException {
        String name = name(area, key);
        try {
            return s3.getObject(b -> {
                b.bucket(bucket).key(name);
                if (offset > 0) {
                    b.range("bytes=" + offset + "-");
                }
            });
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(key);
            }
            if (e.statusCode() == 416) {
                // the offset is the file's end: nothing left to read
                return InputStream.nullInputStream();
            }
            throw failed("read " + key, e);
        } catch (SdkException e) {
            throw failed("read " + key, e);
        }
    }

    /**
     * Read and written again through this node: the copy's SHA-256 is measured, not trusted
     * (S3's own copy would keep no checksum of ours).
     */
    @Override
    public Stored copy(Area from, String key, Area to, String targetKey) throws IOException {
        try (InputStream in = open(from, key)) {
            return write(to, targetKey, in::transferTo);
        }
    }

    @Override
    public boolean exists(Area area, String key) {
        try {
            head(name(area, key));
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Stream<String> keys(Area area) throws IOException {
        String prefix = prefix(area);
        try {
            return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(o -> o.key().substring(prefix.length()));
        } catch (SdkException e) {
            throw failed("list the " + prefix + " area", e);
        }
    }

    @Override
    public void delete(Area area, String key) throws IOException {
        String name = name(area, key);
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(name));
        } catch (SdkException e) {
            throw failed("delete " + key, e);
        }
    }

    @Override
    public Instant modified(Area area, String key) throws IOException {
        return head(name(area, key));
    }

    /** When the object was last written. */
    private Instant head(String name) throws IOException {
        try {
            return s3.headObject(b -> b.bucket(bucket).key(name)).lastModified();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(name);
            }
            throw failed("look up " + name, e);
        } catch (SdkException e) {
            throw failed("look up " + name, e);
        }
    }

    @Override
    public void probe() throws IOException {
        String name = SCRATCH + "probe-" + UUID.randomUUID();
        try {
            s3.putObject(b -> b.bucket(bucket).key(name), RequestBody.fromBytes(new byte[] {1}));
            s3.deleteObject(b -> b.bucket(bucket).key(name));
        } catch (SdkException e) {
            throw failed("write to the bucket " + bucket, e);
        }
    }

    /** Aborts the multipart uploads started before {@code before} and never completed. */
    @Override
    public int removeScratch(Instant before) throws IOException {
        int removed = 0;
        try {
            for (MultipartUpload u :
                    s3.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads()) {
                if (u.initiated() != null && u.initiated().isBefore(before)) {
                    s3.abortMultipartUpload(b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId()));
                    removed++;
                }
            }
        } catch (SdkException e) {
            throw failed("list the bucket's unfinished uploads", e);
        }
        return removed;
    }

    @Override
    public void close() {
        s3.close();
    }

    private static String prefix(Area area) {
        return area == Area.PRIVATE ? "private/" : "public/";
    }

    private static String name(Area area, String key) {
        return prefix(area) + BlobStore.checkedKey(key);
    }

    /** An S3 failure as the IOException callers expect of a store; the message names no content. */
    private static IOException failed(String what, SdkException e) {
        return new IOException("the S3 store could not " + what + ": " + e.getMessage(), e);
    }

    /**
     * A file on its way to S3: bytes gather up to a part; the first full part starts a multipart
     * upload, and each later one is sent as it fills.
     */
    private final class Upload extends OutputStream {
        private final String name;
        private final MessageDigest sha = newSha256();
        private byte[] buffer = new byte[64 * 1024];
        private int filled;
        private long size;
        private String uploadId;
        private final List<CompletedPart> parts = new ArrayList<>();

        Upload(String name) {
            this.name = name;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            sha.update(bytes, offset, length);
            size += length;
            while (length > 0) {
                if (filled == PART_BYTES) {
                    sendPart();
                }
                if (filled == buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.min(PART_BYTES, buffer.length * 2));
                }
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        private void sendPart() throws IOException {
            try {
                if (uploadId == null) {
                    uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(name))
                            .uploadId();
                }
                int number = parts.size() + 1;
                String etag = s3.uploadPart(
                                b -> b.bucket(bucket)
                                        .key(name)
                                        .uploadId(uploadId)
                                        .partNumber(number),
                                RequestBody.fromBytes(Arrays.copyOf(buffer, filled)))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                filled = 0;
            } catch (SdkException e) {
                throw failed("store " + name, e);
            }
        }

        /** Sends what is left and makes the object appear; its size. */
        long finish() throws IOException {
            try {
                if (uploadId == null) {
                    s3.putObject(b -> b.bucket(bucket).key(name), RequestBody.fromBytes(Arrays.copyOf(buffer, filled)));
                } else {
                    if (filled > 0) {
                        sendPart();
                    }
                    s3.completeMultipartUpload(
                            b -> b.bucket(bucket).key(name).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
                }
            } catch (SdkException e) {
                throw failed("store " + name, e);
            }
            return size;
        }

        String sha256() {
            return HexFormat.of().formatHex(sha.digest());
        }

        /** Drops the parts sent so far; nothing appears under the key. */
        void abort() {
            if (uploadId == null) {
                return;
            }
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(name).uploadId(uploadId));
            } catch (SdkException e) {
                LOG.warning(() -> "could not abort an unfinished upload (removeScratch will): " + e.getMessage());
            }
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }
}
