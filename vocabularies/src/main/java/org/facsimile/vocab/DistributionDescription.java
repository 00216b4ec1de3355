package org.facsimile.vocab;

import java.time.LocalDate;
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
 * @param available the day it opens, for a data file under embargo; null when it is open
 */
public record DistributionDescription(
        String downloadUrl,
        String title,
        String mediaType,
        long byteSize,
        String sha256,
        String conformsTo,
        LocalDate available) {

    /** A file that is open now. */
    public DistributionDescription(
            String downloadUrl, String title, String mediaType, long byteSize, String sha256, String conformsTo) {
        this(downloadUrl, title, mediaType, byteSize, sha256, conformsTo, null);
    }

    public DistributionDescription {
        Objects.requireNonNull(downloadUrl, "downloadUrl");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
    }
}
