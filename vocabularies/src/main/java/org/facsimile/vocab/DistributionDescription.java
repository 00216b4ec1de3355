package org.facsimile.vocab;

import java.util.Objects;

/**
 * One downloadable file of a dataset version.
 *
 * @param downloadUrl where it is downloaded
 * @param title a human title
 * @param mediaType its IANA media type (text/csv, text/turtle, application/csvm+json)
 * @param byteSize its size in bytes
 * @param sha256 its SHA-256, hex
 * @param conformsTo the URI of the standard it follows, or null
 */
public record DistributionDescription(
        String downloadUrl, String title, String mediaType, long byteSize, String sha256, String conformsTo) {

    public DistributionDescription {
        Objects.requireNonNull(downloadUrl, "downloadUrl");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
    }
}
