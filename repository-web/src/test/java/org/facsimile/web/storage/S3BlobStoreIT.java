package org.facsimile.web.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import org.facsimile.web.storage.BlobStore.Area;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 store on a real S3 server (S3Proxy, a child process): the blob store contract, an
 * encrypted private area over it, and what only S3 has (the bucket made on first use, unfinished
 * multipart uploads aborted, an unreachable server reported).
 */
class S3BlobStoreIT extends BlobStoreContract {

    private static final String BUCKET = "facsimile-test";

    @TempDir
    static Path folder;

    private static S3ProxyServer server;
    private static S3BlobStore store;
    /** A plain client, to look at the bucket behind the store's back. */
    private static S3Client inspector;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.start(folder);
        store = S3BlobStore.connect(server.endpoint(), "us-east-1", BUCKET, true, S3ProxyServer.credentials());
        inspector = S3Client.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(S3ProxyServer.credentials())
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (inspector != null) {
            inspector.close();
        }
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    BlobStore store() {
        return store;
    }

    @Override
    void assertNoScratch() {
        assertEquals(
                0,
                inspector.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().size(),
                "no unfinished upload left behind");
        assertTrue(
                inspector
                        .listObjectsV2(b -> b.bucket(BUCKET).prefix("tmp/"))
                        .contents()
                        .isEmpty(),
                "no probe left behind");
    }

    @Test
    void theAreasArePrefixesOfOneBucket() throws IOException {
        store.put(Area.PUBLIC, dir + "/a.csv", new java.io.ByteArrayInputStream(new byte[] {1}), 10);
        assertEquals(
                1,
                inspector
                        .listObjectsV2(b -> b.bucket(BUCKET).prefix("public/" + dir + "/"))
                        .contents()
                        .size());
    }

    @Test
    void theEncryptedStoreSealsThePrivateAreaInTheBucket() throws Exception {
        EncryptedBlobStore sealed = new EncryptedBlobStore(store, MasterKeys.parse("k1:" + "A".repeat(43) + "=", ""));
        String marker = "patient-name-Zebedee-Quux";
        sealed.write(
                Area.PRIVATE,
                dir + "/p.csv",
                out -> out.write(marker.repeat(100).getBytes()));
        byte[] raw = inspector
                .getObjectAsBytes(b -> b.bucket(BUCKET).key("private/" + dir + "/p.csv"))
                .asByteArray();
        assertTrue(!new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Zebedee"));
        try (var in = sealed.open(Area.PRIVATE, dir + "/p.csv", marker.length())) {
            assertEquals(marker.repeat(99), new String(in.readAllBytes()));
        }
    }

    @Test
    void anUploadCutShortByACrashIsAbortedOnceOlderThanAsked() throws IOException {
        String key = "private/" + dir + "/crashed.csv";
        String id =
                inspector.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
        inspector.uploadPart(
                b -> b.bucket(BUCKET).key(key).uploadId(id).partNumber(1),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(content(1000)));
        assertEquals(0, store.removeScratch(Instant.now().minusSeconds(3600)), "one in progress stays");
        assertEquals(1, store.removeScratch(Instant.now().plusSeconds(5)));
        assertNoScratch();
        assertTrue(!store.exists(Area.PRIVATE, dir + "/crashed.csv"));
    }

    @Test
    void aServerThatDoesNotAnswerIsReportedNotHung() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port);
        IOException e = assertThrows(
                IOException.class,
                () -> S3BlobStore.connect(nowhere, "us-east-1", BUCKET, true, S3ProxyServer.credentials()));
        assertTrue(e.getMessage().startsWith("the S3 store could not reach the bucket"), e.getMessage());
    }
}
