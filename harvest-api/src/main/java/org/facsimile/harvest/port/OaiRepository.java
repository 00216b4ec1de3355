package org.facsimile.harvest.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the OAI-PMH provider needs of the repository: public records and tombstones, in a stable
 * order ({@code datestamp}, then {@code localId}) so paging by "after this one" never skips or
 * repeats a record.
 */
public interface OaiRepository {

    /** A set: its spec ({@code synthetic}, {@code licence:cc-by-4.0}) and its human name. */
    record OaiSet(String spec, String name) {}

    String repositoryName();

    /** The OAI base URL, e.g. {@code https://repo.example/api/oai}. */
    String baseUrl();

    String adminEmail();

    /** The repository identifier in {@code oai:<identifier>:<localId>}, a domain name. */
    String repositoryIdentifier();

    /** The datestamp of the oldest record, deleted ones included. */
    Instant earliestDatestamp();

    List<OaiSet> sets();

    Optional<OaiItem> item(String localId);

    /**
     * Records with {@code from <= datestamp <= until}, in {@code set} when not null, strictly after
     * ({@code afterDatestamp}, {@code afterId}) when those are not null, at most {@code limit}.
     */
    List<OaiItem> items(Instant from, Instant until, String set, Instant afterDatestamp, String afterId, int limit);

    /** How many records {@link #items} would list from the start. */
    long count(Instant from, Instant until, String set);
}
