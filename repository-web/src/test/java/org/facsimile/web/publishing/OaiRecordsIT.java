package org.facsimile.web.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.facsimile.harvest.port.OaiItem;
import org.facsimile.vocab.Versioning;
import org.facsimile.vocab.terms.DataTheme;
import org.facsimile.web.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OAI-PMH records on a real PostgreSQL: pages in resumption-key order see every record once,
 * sets select by licence and subject, and the triggers turn a new version and a withdrawal into
 * one dated change each. Each test works in its own year, so they share one database.
 */
class OaiRecordsIT {

    private static DataSource db;
    private static OaiRecords records;

    @BeforeAll
    static void setUp() {
        db = EmbeddedDatabase.migrated();
        records = new OaiRecords(
                db, new OaiRecords.Site("Facsimile", "https://repo.test", "admin@repo.test", "repo.test", "Facsimile"));
    }

    private static Instant year(int year) {
        return Instant.parse(year + "-01-01T00:00:00Z");
    }

    /** Pages until the end, as the provider does with its resumption tokens. */
    private static List<OaiItem> harvest(Instant from, Instant until, String set, int pageSize) {
        List<OaiItem> all = new ArrayList<>();
        OaiItem last = null;
        while (true) {
            List<OaiItem> page = records.items(
                    from,
                    until,
                    set,
                    last == null ? null : last.datestamp(),
                    last == null ? null : last.localId(),
                    pageSize);
            all.addAll(page);
            if (page.size() < pageSize) {
                return all;
            }
            last = page.get(page.size() - 1);
        }
    }

    @Test
    void pagesSeeEveryRecordOnceWithItsFilesAndSets() throws Exception {
        PublishedFixtures.load(db, "pages", 250, year(2001));
        Instant from = year(2001);
        Instant until = year(2002);
        assertEquals(250, records.count(from, until, null));
        List<OaiItem> all = harvest(from, until, null, 7);
        assertEquals(250, all.size());
        assertEquals(250, all.stream().map(OaiItem::localId).distinct().count());
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).datestamp().isBefore(all.get(i - 1).datestamp()));
        }
        OaiItem first = all.get(0);
        assertEquals(year(2001).plusSeconds(1), first.datestamp());
        assertEquals(3, first.metadata().distributions().size());
        assertEquals(List.of(DataTheme.SOCI), first.metadata().subjects());
        assertEquals(List.of("synthetic", "licence:cc-by-4.0", "subject:SOCI"), first.sets());
        assertTrue(first.metadata().uri().startsWith("https://repo.test/datasets/"));
        assertEquals(List.of("Doe, Jane", "Roe, Richard"), first.metadata().creators());
        assertEquals(records.item(first.localId()).orElseThrow(), first);
    }

    @Test
    void setsSelectByLicenceAndSubject() throws Exception {
        PublishedFixtures.load(db, "sets", 90, year(2003));
        Instant from = year(2003);
        Instant until = year(2004);
        assertEquals(30, records.count(from, until, "subject:HEAL"));
        assertEquals(90, records.count(from, until, "subject:SOCI"));
        assertEquals(0, records.count(from, until, "subject:TRAN"));
        assertEquals(45, records.count(from, until, "licence:cc0-1.0"));
        assertEquals(90, records.count(from, until, "synthetic"));
        List<OaiItem> health = harvest(from, until, "subject:HEAL", 4);
        assertEquals(30, health.size());
        health.forEach(item ->
                assertTrue(item.sets().contains("subject:HEAL"), item.sets().toString()));
        List<OaiItem> cc0 = harvest(from, until, "licence:cc0-1.0", 10);
        assertEquals(45, cc0.size());
        cc0.forEach(item -> assertTrue(
                item.metadata().licence().contains("/zero/1.0"), item.metadata().licence()));
        assertTrue(records.sets().stream().anyMatch(s -> s.spec().equals("subject:HEAL")));
    }

    /** A new version and a withdrawal are each one change, seen once by a harvest from the last one. */
    @Test
    void anIncrementalHarvestSeesANewVersionAndAWithdrawalOnce() throws Exception {
        PublishedFixtures.load(db, "incremental", 20, year(2005));
        Instant from = year(2005);
        Instant afterFirst = year(2005).plusSeconds(3600);
        List<OaiItem> initial = harvest(from, afterFirst, null, 6);
        assertEquals(20, initial.size());

        OaiItem updated = initial.get(4);
        OaiItem withdrawn = initial.get(9);
        Instant later = year(2005).plusSeconds(7200);
        newVersion(UUID.fromString(updated.localId()), later.plusMillis(250));
        withdraw(UUID.fromString(withdrawn.localId()), later.plusSeconds(5).plusMillis(900));

        List<OaiItem> changes = harvest(afterFirst.plusSeconds(1), year(2006), null, 6);
        assertEquals(2, changes.size());
        OaiItem version2 = changes.get(0);
        assertEquals(updated.localId(), version2.localId());
        assertEquals(later, version2.datestamp());
        assertEquals(2, version2.metadata().version());
        assertEquals(List.of(DataTheme.TRAN), version2.metadata().subjects());
        // the record is the latest version, related to the dataset as a whole and to the version before
        Versioning versioning = version2.metadata().versioning();
        assertEquals(updated.metadata().doi(), versioning.previousDoi());
        assertTrue(versioning.previousUri().endsWith("/datasets/" + updated.localId() + "/versions/1"));
        assertNotNull(versioning.conceptDoi());
        assertNull(versioning.nextDoi());
        assertTrue(version2.metadata().uri().endsWith("/datasets/" + updated.localId() + "/versions/2"));
        OaiItem tombstone = changes.get(1);
        assertEquals(withdrawn.localId(), tombstone.localId());
        assertTrue(tombstone.deleted());
        assertNull(tombstone.metadata());
        assertEquals(later.plusSeconds(5), tombstone.datestamp());
        assertEquals(withdrawn.sets(), tombstone.sets());
        // the first window no longer lists them: each change is listed once, at its new datestamp
        assertEquals(18, harvest(from, afterFirst, null, 6).size());
        assertTrue(records.item(withdrawn.localId()).orElseThrow().deleted());
    }

    @Test
    void unknownIdentifiersAreNotRecords() {
        assertTrue(records.item("not-a-uuid").isEmpty());
        assertTrue(records.item(UUID.randomUUID().toString()).isEmpty());
    }

    private static void newVersion(UUID datasetId, Instant at) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO dataset_version (id, dataset_id, version_number, job_id, doi, title, creators,"
                                + " keywords, subjects, licence, synthetic, published_at)"
                                + " SELECT gen_random_uuid(), v.dataset_id, 2, j.id, v.doi || '.2', v.title,"
                                + " v.creators, v.keywords, '[\"TRAN\"]', v.licence, true, ?"
                                + " FROM dataset_version v CROSS JOIN (SELECT ?::uuid AS id) j"
                                + " WHERE v.dataset_id = ?")) {
            UUID job = UUID.randomUUID();
            try (PreparedStatement j =
                    c.prepareStatement("INSERT INTO synthesis_job (id, deposit_id, state, step, settings, created_at)"
                            + " SELECT ?, deposit_id, 'SUCCEEDED', 'DONE', '{}', now() FROM dataset WHERE id = ?")) {
                j.setObject(1, job);
                j.setObject(2, datasetId);
                j.executeUpdate();
            }
            ps.setObject(1, at.atOffset(ZoneOffset.UTC));
            ps.setObject(2, job);
            ps.setObject(3, datasetId);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private static void withdraw(UUID datasetId, Instant at) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO dataset_withdrawal (dataset_id, withdrawn_at, withdrawn_by, reason)"
                                + " SELECT id, ?, owner_id, 'consent withdrawn' FROM dataset WHERE id = ?")) {
            ps.setObject(1, at.atOffset(ZoneOffset.UTC));
            ps.setObject(2, datasetId);
            assertEquals(1, ps.executeUpdate());
        }
    }
}
