package org.facsimile.web.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.facsimile.web.platform.Setting;

/**
 * Makes the configured blob store available for injection: the file system one, its private area
 * encrypted under the configured master keys. Without a master key the store does not open.
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
            try {
                store = new EncryptedBlobStore(new FileSystemBlobStore(Path.of(Setting.STORAGE_DIR.get())), keys);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the blob store at " + Setting.STORAGE_DIR.get(), e);
            }
        }
        return store;
    }
}
