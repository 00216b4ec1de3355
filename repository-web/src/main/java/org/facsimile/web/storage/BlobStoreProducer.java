package org.facsimile.web.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.facsimile.web.platform.Setting;

/** Makes the configured blob store available for injection (the file system one, for now). */
@ApplicationScoped
public class BlobStoreProducer {

    @Produces
    @ApplicationScoped
    BlobStore blobStore() {
        try {
            return new FileSystemBlobStore(Path.of(Setting.STORAGE_DIR.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the blob store at " + Setting.STORAGE_DIR.get(), e);
        }
    }
}
