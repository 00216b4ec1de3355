package org.facsimile.web.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.BackgroundDuties;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.NodeLifecycle;
import org.facsimile.web.platform.OutboxEvent;
import org.facsimile.web.platform.Setting;
import org.facsimile.web.publishing.doi.DoiRegistrar;

/**
 * Announces the end of embargoes. A version's files open on its embargo's day by themselves (every
 * download and rendering compares the day with today), but harvesters, the search index and
 * DataCite hold what they were last told: so once the day has come, the version's OAI-PMH record
 * is re-dated (a selective harvest from yesterday picks it up, now open access), the search index
 * and DataCite are told again through the outbox, and the version is marked lifted so it is
 * announced once. Every few minutes on each node ({@code facsimile.embargo.check-seconds}); one node at a time (an advisory lock), and a
 * node that was down catches up on its next run.
 */
@ApplicationScoped
public class EmbargoLifts {

    private static final Logger LOG = Logger.getLogger(EmbargoLifts.class.getName());

    /** The advisory lock key of a pass (any fixed number, the same on every node). */
    private static final long LOCK = 0xE4BA_2600_0001L;

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    BackgroundDuties duties;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    DoiRegistrar dois;

    @Inject
    EmbargoLifts self;

    private ScheduledExecutorService scheduler;

    synchronized void begin(@Observes NodeLifecycle.DutiesBegin begin) {
        long period = Long.parseLong(Setting.EMBARGO_CHECK_SECONDS.get().trim());
        scheduler = duties.scheduler("embargo-lifts", 1);
        scheduler.scheduleWithFixedDelay(
                BackgroundDuties.guarded("embargo lifts", () -> {
                    int lifted = self.liftDue();
                    if (lifted > 0) {
                        LOG.info(
                                "embargo ended on " + lifted + " dataset version(s): harvesters, search and DOIs told");
                    }
                }),
                Math.min(30, period),
                period,
                TimeUnit.SECONDS);
    }

    synchronized void end(@Observes NodeLifecycle.DutiesEnd end) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Announces every embargo whose day has come; how many (0 while another node runs a pass). */
    @Transactional
    public int liftDue() {
        boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK)
                .getSingleResult();
        if (!locked) {
            return 0;
        }
        Instant now = clock.now();
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        List<DatasetVersion> due = em.createQuery(
                        "SELECT v FROM DatasetVersion v WHERE v.described.embargoUntil <= :today"
                                + " AND v.embargoLiftedAt IS NULL ORDER BY v.publishedAt",
                        DatasetVersion.class)
                .setParameter("today", today)
                .setMaxResults(500)
                .getResultList();
        for (DatasetVersion v : due) {
            v.embargoLifted(now);
            if (em.find(DatasetWithdrawal.class, v.dataset().id()) != null) {
                continue; // a tombstone: nothing of it is open, nothing to announce
            }
            // the record of the dataset, when this is its latest version: dated to the second
            em.createNativeQuery("UPDATE oai_record SET datestamp = date_trunc('second', CAST(?1 AS timestamptz))"
                            + " WHERE version_id = ?2 AND NOT deleted")
                    .setParameter(1, now.atOffset(ZoneOffset.UTC))
                    .setParameter(2, v.id())
                    .executeUpdate();
            em.persist(new OutboxEvent(OutboxEvent.INDEX_VERSION, v.id(), now));
            dois.metadataChanged(v.id());
            audit.record(
                    null,
                    "dataset.embargo-end",
                    "dataset",
                    v.dataset().id().toString(),
                    "version " + v.versionNumber() + ": files open since "
                            + v.embargo().until(),
                    null);
        }
        return due.size();
    }
}
