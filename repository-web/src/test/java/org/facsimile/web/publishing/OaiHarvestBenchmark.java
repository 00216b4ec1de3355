package org.facsimile.web.publishing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.facsimile.harvest.oai.OaiDataCite;
import org.facsimile.harvest.oai.OaiDataProvider;
import org.facsimile.harvest.oai.OaiDc;
import org.facsimile.web.platform.Migrations;

/**
 * The OAI-PMH harvest benchmark (a command, not a test):
 *
 * <pre>mvn -B -q -pl repository-web -am -Pbench-oai -DskipTests test [-Dbench.records=100000]</pre>
 *
 * <p>Loads published datasets into a fresh PostgreSQL in two steps (a tenth, then all), and at each
 * size harvests the whole set with ListRecords through resumption tokens, in {@code oai_dc} and
 * {@code oai_datacite}, exactly as the endpoint does (same provider, same SQL, 100 records a page).
 * The baseline is the raw speed of reading the same rows and files from PostgreSQL with no XML, in
 * the same run. Peak heap is the largest live heap seen after a garbage collection during the
 * harvest: it stays the same at both sizes when memory is flat in repository size.
 */
public final class OaiHarvestBenchmark {

    private static final Pattern TOKEN = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>");
    private static final Pattern RECORD = Pattern.compile("<record>");

    private OaiHarvestBenchmark() {}

    public static void main(String[] args) throws Exception {
        long records = Long.parseLong(System.getProperty("bench.records", "100000"));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource db = postgres.getPostgresDatabase();
            Migrations.migrate(db);
            OaiRecords repository = new OaiRecords(
                    db,
                    new OaiRecords.Site(
                            "Facsimile", "https://repo.example", "admin@repo.example", "repo.example", "Facsimile"));
            Instant start = Instant.parse("2020-01-01T00:00:00Z");
            System.out.printf(
                    "OAI-PMH harvest, %d cores, max heap %d MB%n%n",
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(
                    "%-9s %-13s %10s %12s %10s %14s%n",
                    "records", "format", "seconds", "records/s", "vs raw SQL", "peak heap MB");
            long loaded = 0;
            for (long size : new long[] {records / 10, records}) {
                Instant t0 = Instant.now();
                PublishedFixtures.load(db, "bench" + size, size - loaded, start.plusSeconds(loaded));
                try (Connection c = db.getConnection()) {
                    c.createStatement().execute("VACUUM ANALYZE");
                }
                loaded = size;
                System.out.printf("(loaded %d records in %.1f s)%n", size, seconds(t0));
                double raw = rawRead(db, size);
                System.out.printf(
                        "%-9d %-13s %10.2f %12.0f %10s %14s%n", size, "raw SQL", size / raw, raw, "1.00", "-");
                for (String prefix : List.of("oai_dc", "oai_datacite")) {
                    OaiDataProvider provider = new OaiDataProvider(
                            repository, List.of(new OaiDc(), new OaiDataCite()), 100, Duration.ofHours(24));
                    System.gc();
                    LiveHeap heap = LiveHeap.watch();
                    Instant h0 = Instant.now();
                    long seen = harvest(provider, prefix);
                    double s = seconds(h0);
                    double peak = heap.finish();
                    if (seen != size) {
                        throw new IllegalStateException("harvested " + seen + " records of " + size);
                    }
                    System.out.printf(
                            "%-9d %-13s %10.2f %12.0f %10.2f %14.0f%n",
                            size, prefix, s, size / s, (size / s) / raw, peak);
                }
            }
        }
    }

    /** Every record in pages of 100, following the resumption tokens; returns how many were listed. */
    private static long harvest(OaiDataProvider provider, String prefix) throws Exception {
        Map<String, List<String>> args = Map.of("verb", List.of("ListRecords"), "metadataPrefix", List.of(prefix));
        long seen = 0;
        while (true) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            provider.handle(args, Instant.now(), out);
            String xml = out.toString(StandardCharsets.UTF_8);
            Matcher records = RECORD.matcher(xml);
            while (records.find()) {
                seen++;
            }
            Matcher token = TOKEN.matcher(xml);
            if (!token.find()) {
                return seen;
            }
            args = Map.of("verb", List.of("ListRecords"), "resumptionToken", List.of(token.group(1)));
        }
    }

    /** Records per second reading the same rows (records with their versions, then files) with no XML. */
    private static double rawRead(DataSource db, long size) throws Exception {
        Instant t0 = Instant.now();
        long rows = 0;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT r.dataset_id, r.datestamp, r.deleted, r.licence, r.subjects, v.id, v.version_number,"
                            + " v.doi, v.title, v.description, v.creators, v.keywords, v.subjects, v.licence,"
                            + " v.source_url, v.synthetic, v.published_at,"
                            + " f.file_name, f.title, f.media_type, f.byte_size, f.sha256"
                            + " FROM oai_record r JOIN dataset_version v ON v.id = r.version_id"
                            + " JOIN distribution f ON f.version_id = v.id ORDER BY r.datestamp, r.dataset_id")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (int i = 1; i <= 22; i++) {
                            rs.getObject(i);
                        }
                        rows++;
                    }
                }
            }
        }
        if (rows != size * 3) {
            throw new IllegalStateException("read " + rows + " rows for " + size + " records");
        }
        return size / seconds(t0);
    }

    /** Samples the live heap (heap pools as the last collection left them) and keeps the largest. */
    private static final class LiveHeap extends Thread {
        private volatile boolean running = true;
        private long peak;

        static LiveHeap watch() {
            LiveHeap heap = new LiveHeap();
            heap.setDaemon(true);
            heap.start();
            return heap;
        }

        @Override
        public void run() {
            while (running) {
                long bytes = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                        bytes += pool.getCollectionUsage().getUsed();
                    }
                }
                peak = Math.max(peak, bytes);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Stops sampling; the peak in MB. */
        double finish() throws InterruptedException {
            running = false;
            join();
            return peak / 1048576.0;
        }
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toNanos() / 1e9;
    }
}
