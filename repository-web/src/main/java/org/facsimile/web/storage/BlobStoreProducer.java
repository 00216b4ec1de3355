package org.facsimile.web.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import org.facsimile.web.platform.Setting;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Makes the configured blob store available for injection: a folder or an S3 bucket ({@link
 * Setting#STORAGE_KIND}), its private area encrypted under the configured master keys. Without a
 * master key the store does not open; a bucket that cannot be reached is tried again on next use.
 */
@ApplicationScoped
public class BlobStoreProducer {

    private EncryptedBlobStore store;

    @Produces
    @ApplicationScoped
    BlobStore blobStore() {
        return store();
    }

    @Produces
    @ApplicationScoped
    KeyCustody keyCustody() {
        return store();
    }

    private synchronized EncryptedBlobStore store() {
        if (store == null) {
            MasterKeys keys = MasterKeys.parse(Setting.STORAGE_MASTER_KEYS.get(), Setting.STORAGE_MASTER_KEY_ID.get());
            store = new EncryptedBlobStore(configured(), keys);
        }
        return store;
    }

    /** The store {@link Setting#STORAGE_KIND} names. */
    private static BlobStore configured() {
        String kind = Setting.STORAGE_KIND.get().strip();
        try {
            switch (kind) {
                case "filesystem":
                    return new FileSystemBlobStore(Path.of(Setting.STORAGE_DIR.get()));
                case "s3":
                    String endpoint = Setting.STORAGE_S3_ENDPOINT.get().strip();
                    return S3BlobStore.connect(
                            endpoint.isEmpty() ? null : URI.create(endpoint),
                            Setting.STORAGE_S3_REGION.get(),
                            Setting.STORAGE_S3_BUCKET.get(),
                            Boolean.parseBoolean(Setting.STORAGE_S3_PATH_STYLE.get()),
                            DefaultCredentialsProvider.builder().build());
                default:
                    throw new IllegalStateException(
                            Setting.STORAGE_KIND.key() + " is " + kind + "; it must be filesystem or s3");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the " + kind + " blob store", e);
        }
    }
}
