package org.facsimile.harvest.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.facsimile.vocab.DatasetDescription;

/**
 * One record as a harvester sees it.
 *
 * @param localId the repository's own id of the record (the part after {@code oai:<repository>:})
 * @param datestamp when the record last changed (created, updated or deleted), to the second
 * @param sets the set specs it belongs to
 * @param deleted a tombstone: the record was withdrawn; the header stays, the metadata is gone
 * @param metadata the record's description; null for a deleted record
 */
public record OaiItem(
        String localId, Instant datestamp, List<String> sets, boolean deleted, DatasetDescription metadata) {

    public OaiItem {
        Objects.requireNonNull(localId, "localId");
        Objects.requireNonNull(datestamp, "datestamp");
        sets = List.copyOf(sets);
        if (!deleted) {
            Objects.requireNonNull(metadata, "metadata of a record that is not deleted");
        }
    }
}
