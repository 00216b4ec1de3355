package org.facsimile.web.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.facsimile.web.storage.BlobStore.Area;

/**
 * Whole-store checks an admin runs: the fixity audit (every private file opens, authenticates and
 * matches its recorded SHA-256; every published file matches its distribution's checksum; nothing
 * recorded is missing), the re-wrap of every private file under the current master key, and the
 * sweep of files no record points at.
 *
 * <p>Unreferenced files are what a crash leaves: an upload stored but never attached, the files of
 * a publication whose transaction never committed, the results of a synthesis attempt that was
 * taken over, the rest of an erasure cut short. None of them is ever served (every read goes
 * through a record), so they are harmless, but they hold private bytes and space; the sweep
 * removes those older than a grace period, which protects writes still in progress on any node.
 */
@ApplicationScoped
public class StoreAudit {

    /** One thing wrong: where, and what (never a file's content). */
    public record Finding(String area, String key, String problem) {}

    /** What the fixity audit found. */
    public record FixityReport(
            int privateFiles,
            int publicFiles,
            Map<String, Integer> byMasterKey,
            Map<String, Integer> unreferenced,
            List<Finding> findings) {
        public boolean intact() {
            return findings.isEmpty();
        }
    }

    /** What a sweep removed, by area, and what it could not. */
    public record SweepReport(
            Instant olderThan, int privateRemoved, int publicRemoved, int scratchRemoved, List<Finding> findings) {}

    /** What a re-wrap did. */
    public record RewrapReport(String currentKey, int rewrapped, int alreadyCurrent, List<Finding> findings) {}

    /** What the records say is stored: each upload's and each published file's key and SHA-256. */
    private static final String UPLOADS = "SELECT storage_key, sha256 FROM deposit_file WHERE erased_at IS NULL";

    private static final String DISTRIBUTIONS = "SELECT storage_key, sha256 FROM distribution";

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    BlobStore blobs;

    @Inject
    KeyCustody custody;

    public FixityReport fixity() throws IOException {
        List<Finding> findings = new ArrayList<>();
        Map<String, String> uploads = recorded(UPLOADS);
        Map<String, String> published = recorded(DISTRIBUTIONS);
        References references = references(uploads.keySet(), published.keySet());
        Map<String, Integer> byKey = new TreeMap<>();
        Map<String, Integer> unreferenced = new TreeMap<>(Map.of("private", 0, "public", 0));
        int privateFiles = 0;
        try (Stream<String> keys = blobs.keys(Area.PRIVATE)) {
            for (String key : (Iterable<String>) keys::iterator) {
                privateFiles++;
                if (!references.holds(Area.PRIVATE, key)) {
                    unreferenced.merge("private", 1, Integer::sum);
                }
                try {
                    byKey.merge(custody.keyIdOf(key), 1, Integer::sum);
                    String sha = sha256(Area.PRIVATE, key);
                    String expected = uploads.remove(key);
                    if (expected != null && !expected.equals(sha)) {
                        findings.add(new Finding("private", key, "the SHA-256 differs from the deposit's record"));
                    }
                } catch (IOException e) {
                    findings.add(new Finding("private", key, e.getMessage()));
                }
            }
        }
        uploads.keySet().forEach(key -> findings.add(new Finding("private", key, "recorded but missing")));

        for (Map.Entry<String, String> file : published.entrySet()) {
            try {
                if (!file.getValue().equals(sha256(Area.PUBLIC, file.getKey()))) {
                    findings.add(
                            new Finding("public", file.getKey(), "the SHA-256 differs from the distribution's record"));
                }
            } catch (IOException e) {
                findings.add(new Finding(
                        "public",
                        file.getKey(),
                        blobs.exists(Area.PUBLIC, file.getKey()) ? e.getMessage() : "recorded but missing"));
            }
        }
        try (Stream<String> keys = blobs.keys(Area.PUBLIC)) {
            keys.filter(key -> !references.holds(Area.PUBLIC, key))
                    .forEach(key -> unreferenced.merge("public", 1, Integer::sum));
        }
        return new FixityReport(privateFiles, published.size(), byKey, unreferenced, findings);
    }

    /**
     * Removes the files no record points at that were last written before {@code olderThan}, and
     * the scratch files of interrupted writes. The records are read first, so a file recorded
     * after that is younger than the grace period and stays.
     */
    public SweepReport sweep(Instant olderThan) throws IOException {
        References references =
                references(recorded(UPLOADS).keySet(), recorded(DISTRIBUTIONS).keySet());
        List<Finding> findings = new ArrayList<>();
        int[] removed = new int[2];
        for (Area area : Area.values()) {
            List<String> stale = new ArrayList<>();
            try (Stream<String> keys = blobs.keys(area)) {
                keys.filter(key -> !references.holds(area, key)).forEach(stale::add);
            }
            for (String key : stale) {
                try {
                    if (blobs.modified(area, key).isBefore(olderThan)) {
                        blobs.delete(area, key);
                        removed[area.ordinal()]++;
                    }
                } catch (NoSuchFileException e) {
                    // removed meanwhile
                } catch (IOException e) {
                    findings.add(new Finding(area.name().toLowerCase(Locale.ROOT), key, e.getMessage()));
                }
            }
        }
        int scratch = blobs.removeScratch(olderThan);
        return new SweepReport(
                olderThan, removed[Area.PRIVATE.ordinal()], removed[Area.PUBLIC.ordinal()], scratch, findings);
    }

    /**
     * What the records point at: uploads not erased, the result folder of each synthesis whose
     * deposit still holds its input, every folder of a synthesis still queued or running (its
     * attempt writes before it records anything), and every published file.
     */
    private References references(Set<String> uploadKeys, Set<String> distributionKeys) {
        Set<String> privateKeys = Set.copyOf(uploadKeys);
        Set<String> privateFolders = new HashSet<>(
                column("SELECT j.result_key FROM synthesis_job j WHERE j.result_key IS NOT NULL AND EXISTS"
                        + " (SELECT 1 FROM deposit_file f WHERE f.deposit_id = j.deposit_id AND f.erased_at IS NULL)"));
        privateFolders.addAll(column("SELECT 'jobs/' || id FROM synthesis_job WHERE state IN ('QUEUED', 'RUNNING')"));
        return new References(privateKeys, privateFolders, Set.copyOf(distributionKeys));
    }

    private record References(Set<String> privateKeys, Set<String> privateFolders, Set<String> publicKeys) {
        boolean holds(Area area, String key) {
            if (area == Area.PUBLIC) {
                return publicKeys.contains(key);
            }
            if (privateKeys.contains(key)) {
                return true;
            }
            for (int slash = key.lastIndexOf('/'); slash > 0; slash = key.lastIndexOf('/', slash - 1)) {
                if (privateFolders.contains(key.substring(0, slash))) {
                    return true;
                }
            }
            return false;
        }
    }

    private List<String> column(String sql) {
        @SuppressWarnings("unchecked")
        List<Object> values = em.createNativeQuery(sql).getResultList();
        return values.stream().map(String::valueOf).toList();
    }

    public RewrapReport rewrap() throws IOException {
        List<Finding> findings = new ArrayList<>();
        int rewrapped = 0;
        int current = 0;
        try (Stream<String> keys = blobs.keys(Area.PRIVATE)) {
            for (String key : (Iterable<String>) keys::iterator) {
                try {
                    if (custody.rewrap(key)) {
                        rewrapped++;
                    } else {
                        current++;
                    }
                } catch (IOException e) {
                    findings.add(new Finding("private", key, e.getMessage()));
                }
            }
        }
        return new RewrapReport(custody.currentKeyId(), rewrapped, current, findings);
    }

    /** The report as JSON-ready maps. */
    public static Map<String, Object> view(FixityReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("intact", report.intact());
        m.put("privateFiles", report.privateFiles());
        m.put("publicFiles", report.publicFiles());
        m.put("byMasterKey", report.byMasterKey());
        m.put("unreferenced", report.unreferenced());
        m.put("findings", report.findings());
        return m;
    }

    private Map<String, String> recorded(String sql) {
        Map<String, String> map = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).getResultList();
        for (Object[] row : rows) {
            map.put((String) row[0], (String) row[1]);
        }
        return map;
    }

    private String sha256(Area area, String key) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(blobs.open(area, key), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
