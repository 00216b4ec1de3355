package org.facsimile.harvest.port;

import java.util.List;
import java.util.Optional;
import org.facsimile.vocab.DatasetDescription;

/** The public, published dataset versions, in a stable order (oldest publication first). */
public interface PublishedCatalog {

    /** The repository's name, as publisher of the catalogue. */
    String repositoryName();

    /** The public base URL of the repository, without a trailing slash. */
    String baseUrl();

    /** How many published versions there are. */
    long count();

    /** The latest published version of one dataset, by the dataset's id; empty when there is none. */
    Optional<DatasetDescription> dataset(String id);

    /** Published versions from {@code offset}, at most {@code limit} of them. */
    List<DatasetDescription> page(long offset, int limit);
}
