package org.facsimile.web.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.facsimile.web.InContainer;
import org.facsimile.web.platform.Setting;
import org.facsimile.web.storage.BlobStore.Area;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The node's blob store on S3, as an operator configures it (the node's settings name an S3
 * server, a bucket and the SDK's credentials): the AWS SDK inside the deployment, the private
 * area encrypted over the bucket, the probe the readiness check calls.
 */
@ExtendWith(ArquillianExtension.class)
class StoreInContainerIT {

    @Deployment
    static WebArchive node() {
        return InContainer.war();
    }

    @Inject
    BlobStore store;

    @Test
    void theNodeKeepsItsFilesInTheBucket() throws Exception {
        assertEquals("s3", Setting.STORAGE_KIND.get());
        byte[] csv = "age,town\n41,Leeds\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        BlobStore.Stored stored =
                store.put(Area.PRIVATE, "deposits/in-container/t.csv", new java.io.ByteArrayInputStream(csv), 1 << 20);
        assertEquals(csv.length, stored.byteSize());
        try (InputStream in = store.open(Area.PRIVATE, "deposits/in-container/t.csv")) {
            assertArrayEquals(csv, in.readAllBytes());
        }
        try (Stream<String> keys = store.keys(Area.PRIVATE)) {
            assertTrue(keys.anyMatch("deposits/in-container/t.csv"::equals));
        }
        BlobStore.Stored published =
                store.copy(Area.PRIVATE, "deposits/in-container/t.csv", Area.PUBLIC, "datasets/in-container/t.csv");
        assertEquals(stored.sha256(), published.sha256(), "published as written");
        store.delete(Area.PRIVATE, "deposits/in-container/t.csv");
        assertFalse(store.exists(Area.PRIVATE, "deposits/in-container/t.csv"));
        store.probe();
    }
}
