package org.facsimile.web.storage;

import java.io.IOException;

/** Who holds the keys of the private area: which master key wraps a file, and moving files to the current one. */
public interface KeyCustody {

    /** The master key that wraps new files. */
    String currentKeyId();

    /** The master key that wraps the data key of a private file. */
    String keyIdOf(String key) throws IOException;

    /**
     * Wraps the private file's data key with the current master key, rewriting only its header
     * (atomically); a file stored before encryption at rest is sealed. False when already current.
     */
    boolean rewrap(String key) throws IOException;
}
