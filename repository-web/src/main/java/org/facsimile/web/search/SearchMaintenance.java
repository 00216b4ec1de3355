package org.facsimile.web.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.facsimile.web.platform.BackgroundDuties;
import org.facsimile.web.platform.NodeLifecycle;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.publishing.PublicDatasets;

/**
 * Builds the search index from PostgreSQL, the source of truth: into a new index of the current
 * mapping, then the alias moves to it in one atomic action and the old index is dropped, so
 * searches never see a half-built index. Runs by itself when a node starts and finds the alias
 * missing (Elasticsearch lost its data, or a first start) or on an older mapping (a new mapping
 * was deployed), retrying while Elasticsearch is unreachable; and on an admin's request
 * ({@code POST /api/admin/search/reindex}). One node at a time, by a PostgreSQL advisory lock.
 *
 * <p>Publications and withdrawals during a rebuild go through the alias to the old index; once
 * the alias has moved, those made since the rebuild began are applied again to the new one.
 */
@ApplicationScoped
public class SearchMaintenance {

    private static final Logger LOG = Logger.getLogger(SearchMaintenance.class.getName());
    private static final int PAGE = 200;
    /** The advisory lock key of a rebuild (any fixed number, the same on every node). */
    private static final long LOCK = 0x5EA4C4_0001L;

    /** What a rebuild did. */
    public record Report(String index, long documents, long caughtUp, long removed, long millis) {}

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    BackgroundDuties duties;

    @Inject
    SearchIndex index;

    @Inject
    SearchDocuments documents;

    @Inject
    PublicDatasets datasets;

    @Inject
    SearchMaintenance self;

    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> check;

    /** Where this node's index check stands, for its startup health check. */
    public enum IndexCheck {
        /** Not run yet. */
        PENDING,
        /** Elasticsearch did not answer the last try; it is tried again every 10 s. */
        UNREACHABLE,
        /** This node or another is rebuilding the index. */
        REBUILDING,
        /** The index is current: nothing left to check. */
        CURRENT
    }

    private volatile IndexCheck indexCheck = IndexCheck.PENDING;

    /** Where this node's index check stands. */
    public IndexCheck indexCheck() {
        return indexCheck;
    }

    void begin(@Observes NodeLifecycle.DutiesBegin begin) {
        start();
    }

    void end(@Observes NodeLifecycle.DutiesEnd end) {
        stop();
    }

    /** Checks the index now and every 10 s until it is current (then stops checking). */
    synchronized void start() {
        scheduler = duties.scheduler("search-check", 1);
        check = scheduler.scheduleWithFixedDelay(
                BackgroundDuties.guarded("search index check", this::checkOnce), 0, 10, TimeUnit.SECONDS);
    }

    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** One check; what it throws is logged by the guard, and the check runs again in 10 s. */
    private void checkOnce() {
        try {
            SearchIndex.State state = index.state();
            if (state != SearchIndex.State.CURRENT) {
                LOG.info("search index " + state.name().toLowerCase() + ": rebuilding it from the database");
                indexCheck = IndexCheck.REBUILDING;
                Report report = self.rebuild();
                LOG.info("search index rebuilt: " + report);
            }
        } catch (ProblemException e) {
            indexCheck = IndexCheck.REBUILDING;
            LOG.info("search index check: another node is rebuilding the index; checking again in 10 s");
            return;
        } catch (IOException e) {
            indexCheck = IndexCheck.UNREACHABLE;
            throw new UncheckedIOException("Elasticsearch could not be reached or refused", e);
        }
        indexCheck = IndexCheck.CURRENT;
        synchronized (this) {
            check.cancel(false); // current: nothing left to check on this node
        }
    }

    /** Rebuilds the index; 409 when another node is rebuilding it now. */
    @Transactional
    public Report rebuild() throws IOException {
        boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK)
                .getSingleResult();
        if (!locked) {
            throw ProblemException.conflict("the search index is being rebuilt by another node");
        }
        long started = System.nanoTime();
        Instant since = Instant.now();
        String target = index.createIndex();
        long count = 0;
        for (long offset = 0; ; offset += PAGE) {
            List<PublicDatasets.PublicVersion> page = datasets.page(offset, PAGE);
            index.bulk(target, documentsOf(page));
            count += page.size();
            em.clear(); // one page of entities in memory at a time
            if (page.size() < PAGE) {
                break;
            }
        }
        index.swapAlias(target);
        // what happened meanwhile went to the old index: apply it again to the new one
        Map<String, Map<String, Object>> late = documentsOf(datasets.publishedSince(since));
        index.bulk(target, late);
        List<UUID> withdrawn = datasets.withdrawnSince(since);
        for (UUID id : withdrawn) {
            index.remove(id.toString());
        }
        return new Report(
                target,
                count,
                late.size(),
                withdrawn.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private Map<String, Map<String, Object>> documentsOf(List<PublicDatasets.PublicVersion> versions) {
        Map<String, Map<String, Object>> docs = new LinkedHashMap<>();
        for (PublicDatasets.PublicVersion v : versions) {
            try {
                docs.put(v.datasetId().toString(), documents.of(v));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return docs;
    }
}
