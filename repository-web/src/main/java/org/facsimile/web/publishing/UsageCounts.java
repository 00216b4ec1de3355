package org.facsimile.web.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.facsimile.web.platform.RateLimits;
import org.facsimile.web.platform.SharedWindow;

/**
 * Views and downloads per dataset version and day, as the landing page shows them. Robots and
 * scripts are left out by their User-Agent, after the COUNTER Code of Practice's list of robots
 * (the common part of it: crawlers, spiders, link checkers, HTTP libraries); a request without a
 * User-Agent is not counted either. As COUNTER asks, a double-click counts once: the same reader
 * (address and User-Agent) asking for the same thing again within 30 seconds is not counted again.
 * Nothing about the reader is kept, only the counts; the double-click memory holds a hash of who
 * and what for 30 seconds, in the database, so a reader balanced onto two web nodes counts once.
 */
@ApplicationScoped
public class UsageCounts {

    /** Substrings that mark a robot or a script in a User-Agent (case-insensitive). */
    private static final Pattern ROBOT = Pattern.compile(
            "bot|crawl|spider|slurp|archiver|check|monitor|preview|fetch|scrap|harvest|index|"
                    + "curl|wget|python|java/|java-http|okhttp|go-http|libwww|httpclient|axios|node-fetch|"
                    + "headless|phantom|lighthouse|facebookexternalhit|embedly|validator",
            Pattern.CASE_INSENSITIVE);

    /** The views and downloads of a dataset, all its versions together. */
    public record Usage(long views, long downloads) {}

    /** COUNTER's double-click window. */
    static final Duration DOUBLE_CLICK = Duration.ofSeconds(30);

    private static final SharedWindow RECENT = new SharedWindow("usage-double-clicks", 1, DOUBLE_CLICK);

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    RateLimits limits;

    /** Whether a request from this User-Agent counts: people's browsers, not robots or scripts. */
    public static boolean counts(String userAgent) {
        return userAgent != null
                && !userAgent.isBlank()
                && !ROBOT.matcher(userAgent).find();
    }

    /** A view of a version's page by the reader at {@code address} with {@code userAgent}. */
    @Transactional
    public void viewed(UUID datasetId, UUID versionId, String address, String userAgent) {
        add(datasetId, versionId, address, userAgent, "views", "page");
    }

    /** A download of one of a version's files. */
    @Transactional
    public void downloaded(UUID datasetId, UUID versionId, String fileName, String address, String userAgent) {
        add(datasetId, versionId, address, userAgent, "downloads", fileName);
    }

    @Transactional
    public Usage of(UUID datasetId) {
        Object[] row = (Object[]) em.createNativeQuery(
                        "SELECT coalesce(sum(views), 0), coalesce(sum(downloads), 0) FROM dataset_usage WHERE dataset_id = ?1")
                .setParameter(1, datasetId)
                .getSingleResult();
        return new Usage(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    private void add(UUID datasetId, UUID versionId, String address, String userAgent, String column, String item) {
        if (!counts(userAgent) || doubleClick(address + '\n' + userAgent + '\n' + versionId + '\n' + item)) {
            return;
        }
        em.createNativeQuery("INSERT INTO dataset_usage (version_id, dataset_id, day, " + column
                        + ") VALUES (?1, ?2, ?3, 1) ON CONFLICT (version_id, day) DO UPDATE SET " + column
                        + " = dataset_usage." + column + " + 1")
                .setParameter(1, versionId)
                .setParameter(2, datasetId)
                .setParameter(3, LocalDate.now(ZoneOffset.UTC))
                .executeUpdate();
    }

    /** Whether this reader asked for this item within the window; remembers that they did now. */
    private boolean doubleClick(String readerAndItem) {
        return limits.tryRecord(RECENT, readerAndItem, Instant.now()) != null;
    }

    public static String describe(Usage usage) {
        return String.format(Locale.ROOT, "%,d views, %,d downloads", usage.views(), usage.downloads());
    }
}
