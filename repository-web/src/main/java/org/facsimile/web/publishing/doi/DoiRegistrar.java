package org.facsimile.web.publishing.doi;

import java.util.Optional;
import java.util.UUID;
import org.facsimile.web.deposit.DoiReservation;

/**
 * Where DOIs come from. A DOI is minted and reserved when a deposit is created (so it can be
 * cited in the paper before publication) and registered, made findable, when the dataset is
 * published. The local registrar is the default; a DataCite registrar implements the same.
 */
public interface DoiRegistrar extends DoiReservation {

    /** Registers {@code doi} as findable, resolving to {@code targetUrl} (in the caller's transaction). */
    void register(String doi, UUID versionId, String targetUrl);

    /**
     * Points the concept DOI of a dataset at its latest version (findable from the first
     * publication on), in the caller's transaction. Registrars that send metadata send the concept's
     * with the version's registration, so this records only.
     */
    default void registerConcept(String conceptDoi, UUID latestVersionId, String targetUrl) {
        register(conceptDoi, latestVersionId, targetUrl);
    }

    /**
     * A dataset was withdrawn: its DOIs keep resolving (to the tombstone) but leave the
     * registrar's discovery services (in the caller's transaction). Nothing to do locally.
     */
    default void withdraw(UUID datasetId) {}

    /**
     * A published version's metadata changed (its embargo ended): registrars that hold metadata
     * send it again (in the caller's transaction). Nothing to do locally.
     */
    default void metadataChanged(UUID versionId) {}

    /** Where a findable DOI resolves to; empty for reserved or unknown DOIs. */
    Optional<String> resolve(String doi);
}
