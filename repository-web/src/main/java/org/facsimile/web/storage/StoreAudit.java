package org.facsimile.web.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.facsimile.web.storage.BlobStore.Area;

/**
 * Whole-store checks an admin runs: the fixity audit (every private file opens, authenticates and
 * matches its recorded SHA-256; every published file matches its distribution's checksum; nothing
 * recorded is missing) and the re-wrap of every private file under the current master key.
 */
@ApplicationScoped
public class StoreAudit {

    /** One thing wrong: where, and what (never a file's content). */
    public record Finding(String area, String key, String problem) {}

    /** What the fixity audit found. */
    public record FixityReport(
            int privateFiles, int publicFiles, Map<String, Integer> byMasterKey, List<Finding> findings) {
        public boolean intact() {
            return findings.isEmpty();
        }
    }

    /** What a re-wrap did. */
    public record RewrapReport(String currentKey, int rewrapped, int alreadyCurrent, List<Finding> findings) {}

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    BlobStore blobs;

    @Inject
    KeyCustody custody;

    public FixityReport fixity() throws IOException {
        List<Finding> findings = new ArrayList<>();
        Map<String, String> uploads = recorded("SELECT storage_key, sha256 FROM deposit_file WHERE erased_at IS NULL");
        Map<String, Integer> byKey = new TreeMap<>();
        int privateFiles = 0;
        try (Stream<String> keys = blobs.keys(Area.PRIVATE)) {
            for (String key : (Iterable<String>) keys::iterator) {
                privateFiles++;
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

        Map<String, String> published = recorded("SELECT storage_key, sha256 FROM distribution");
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
        return new FixityReport(privateFiles, published.size(), byKey, findings);
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
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
