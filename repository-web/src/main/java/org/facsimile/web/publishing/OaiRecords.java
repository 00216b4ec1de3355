package org.facsimile.web.publishing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.facsimile.harvest.port.OaiItem;
import org.facsimile.harvest.port.OaiRepository;
import org.facsimile.vocab.Coverage;
import org.facsimile.vocab.Embargo;
import org.facsimile.vocab.terms.DataTheme;
import org.facsimile.web.deposit.DepositMetadata;

/**
 * The repository as OAI-PMH sees it, in plain SQL: each dataset is a record (its latest version),
 * dated to the second by its publication, in the set {@code synthetic}, a set per licence and a set
 * per subject. A withdrawn dataset stays as a persistent tombstone dated by its withdrawal, so an
 * incremental harvest learns of it once.
 *
 * <p>Records come from {@code oai_record}, which triggers keep in step with publication and
 * withdrawal. A page is two queries whatever its size: the headers with their versions, in
 * resumption-key order on one index, then those versions' files. Nothing here holds more than a
 * page, so a harvest of any repository runs in flat memory.
 */
public final class OaiRecords implements OaiRepository {

    /** What the provider says about the repository, and where its public pages live. */
    public record Site(
            String repositoryName, String baseUrl, String adminEmail, String repositoryIdentifier, String publisher) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private static final String LICENCE_BY = "licence:cc-by-4.0";
    private static final String LICENCE_ZERO = "licence:cc0-1.0";
    private static final String SUBJECT = "subject:";

    private static final String SELECT = "SELECT r.dataset_id, r.datestamp, r.deleted, r.licence, r.subjects,"
            + " v.id, v.version_number, v.doi, v.title, v.description, v.creators, v.keywords, v.subjects,"
            + " v.licence, v.source_url, v.synthetic, v.published_at, d.concept_doi,"
            + " (SELECT p.doi FROM dataset_version p WHERE p.dataset_id = v.dataset_id"
            + " AND p.version_number = v.version_number - 1),"
            + " v.temporal_start, v.temporal_end, v.spatial, v.embargo_until, v.embargo_reason"
            + " FROM oai_record r JOIN dataset_version v ON v.id = r.version_id JOIN dataset d ON d.id = r.dataset_id";

    private final DataSource dataSource;
    private final Site site;

    public OaiRecords(DataSource dataSource, Site site) {
        this.dataSource = dataSource;
        this.site = site;
    }

    @Override
    public String repositoryName() {
        return site.repositoryName();
    }

    @Override
    public String baseUrl() {
        return site.baseUrl() + "/api/oai";
    }

    @Override
    public String adminEmail() {
        return site.adminEmail();
    }

    @Override
    public String repositoryIdentifier() {
        return site.repositoryIdentifier();
    }

    @Override
    public Instant earliestDatestamp() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT min(datestamp) FROM oai_record");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            Timestamp first = rs.getTimestamp(1);
            return first == null ? Instant.EPOCH : first.toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the OAI-PMH records", e);
        }
    }

    @Override
    public List<OaiSet> sets() {
        List<OaiSet> sets = new ArrayList<>();
        sets.add(new OaiSet("synthetic", "Synthetic data"));
        sets.add(new OaiSet(LICENCE_BY, "Licence: CC BY 4.0"));
        sets.add(new OaiSet(LICENCE_ZERO, "Licence: CC0 1.0"));
        for (DataTheme theme : DataTheme.values()) {
            sets.add(new OaiSet(SUBJECT + theme.name(), "Subject: " + theme.label()));
        }
        return sets;
    }

    @Override
    public Optional<OaiItem> item(String localId) {
        UUID datasetId;
        try {
            datasetId = UUID.fromString(localId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + " WHERE r.dataset_id = ?")) {
            ps.setObject(1, datasetId);
            List<OaiItem> items = read(c, ps);
            return items.stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the OAI-PMH records", e);
        }
    }

    @Override
    public List<OaiItem> items(
            Instant from, Instant until, String set, Instant afterDatestamp, String afterId, int limit) {
        String sql = SELECT + " WHERE " + window(from, set)
                + (afterDatestamp == null ? "" : " AND (r.datestamp, r.dataset_id) > (?, ?)")
                + " ORDER BY r.datestamp, r.dataset_id LIMIT ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bind(ps, from, until, set);
            if (afterDatestamp != null) {
                ps.setTimestamp(i++, Timestamp.from(afterDatestamp));
                ps.setObject(i++, UUID.fromString(afterId));
            }
            ps.setInt(i, limit);
            return read(c, ps);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the OAI-PMH records", e);
        }
    }

    @Override
    public long count(Instant from, Instant until, String set) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT count(*) FROM oai_record r WHERE " + window(from, set))) {
            bind(ps, from, until, set);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the OAI-PMH records", e);
        }
    }

    /** from and until bound the datestamp (whole seconds); a set narrows by licence or subject. */
    private static String window(Instant from, String set) {
        String filter;
        if (set == null || set.equals("synthetic")) {
            filter = "";
        } else if (set.startsWith(SUBJECT)) {
            filter = " AND r.subjects @> CAST(? AS jsonb)";
        } else {
            filter = " AND r.licence = ?";
        }
        return (from == null ? "true" : "r.datestamp >= ?") + " AND r.datestamp <= ?" + filter;
    }

    private static int bind(PreparedStatement ps, Instant from, Instant until, String set) throws SQLException {
        int i = 1;
        if (from != null) {
            ps.setTimestamp(i++, Timestamp.from(from));
        }
        ps.setTimestamp(i++, Timestamp.from(until.truncatedTo(ChronoUnit.SECONDS)));
        if (set != null && !set.equals("synthetic")) {
            if (set.startsWith(SUBJECT)) {
                ps.setString(i++, json(List.of(set.substring(SUBJECT.length()))));
            } else {
                ps.setString(i++, licenceOfSet(set));
            }
        }
        return i;
    }

    /** One row of a page: the record's header fields and, unless deleted, its version without files. */
    private record Row(
            UUID datasetId,
            Instant datestamp,
            boolean deleted,
            String licence,
            List<String> subjects,
            UUID versionId,
            PublishedFields version) {}

    /** The page's records, then its versions' files in one query. */
    private List<OaiItem> read(Connection c, PreparedStatement ps) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                boolean deleted = rs.getBoolean(3);
                rows.add(new Row(
                        rs.getObject(1, UUID.class),
                        rs.getTimestamp(2).toInstant(),
                        deleted,
                        rs.getString(4),
                        strings(rs.getString(5)),
                        rs.getObject(6, UUID.class),
                        deleted ? null : version(rs)));
            }
        }
        Map<UUID, List<PublishedFields.FileFields>> files = files(
                c, rows.stream().filter(r -> !r.deleted()).map(Row::versionId).toList());
        List<OaiItem> items = new ArrayList<>(rows.size());
        for (Row row : rows) {
            items.add(new OaiItem(
                    row.datasetId().toString(),
                    row.datestamp(),
                    sets(row.licence(), row.subjects()),
                    row.deleted(),
                    row.deleted()
                            ? null
                            : row.version()
                                    .withFiles(files.getOrDefault(row.versionId(), List.of()))
                                    .describe(site.baseUrl(), site.publisher())));
        }
        return items;
    }

    private static PublishedFields version(ResultSet rs) throws SQLException {
        return new PublishedFields(
                rs.getObject(1, UUID.class),
                rs.getInt(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                strings(rs.getString(11)),
                strings(rs.getString(12)),
                strings(rs.getString(13)),
                rs.getString(14),
                rs.getString(15),
                rs.getBoolean(16),
                rs.getTimestamp(17).toInstant(),
                List.of(),
                rs.getString(18),
                rs.getString(19),
                null, // a record is its dataset's latest version
                new Coverage(rs.getObject(20, LocalDate.class), rs.getObject(21, LocalDate.class), rs.getString(22)),
                rs.getObject(23) == null ? null : new Embargo(rs.getObject(23, LocalDate.class), rs.getString(24)));
    }

    private static Map<UUID, List<PublishedFields.FileFields>> files(Connection c, List<UUID> versions)
            throws SQLException {
        Map<UUID, List<PublishedFields.FileFields>> files = new HashMap<>();
        if (versions.isEmpty()) {
            return files;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version_id, file_name, title, media_type, byte_size, sha256 FROM distribution"
                        + " WHERE version_id = ANY (?) ORDER BY version_id, file_name")) {
            Array ids = c.createArrayOf("uuid", versions.toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    files.computeIfAbsent(rs.getObject(1, UUID.class), v -> new ArrayList<>())
                            .add(new PublishedFields.FileFields(
                                    rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6)));
                }
            }
        }
        return files;
    }

    /** The sets a record is in; a tombstone stays in the sets it was in. */
    static List<String> sets(String licence, List<String> subjects) {
        List<String> sets = new ArrayList<>();
        sets.add("synthetic");
        sets.add(licenceSet(licence));
        subjects.forEach(s -> sets.add(SUBJECT + s));
        return sets;
    }

    static String licenceSet(String licence) {
        return "licence:" + PublishedFields.licenceCode(licence);
    }

    private static String licenceOfSet(String set) {
        return switch (set) {
            case LICENCE_BY -> DepositMetadata.LICENCES.get(0);
            case LICENCE_ZERO -> DepositMetadata.LICENCES.get(1);
            default -> "(none)";
        };
    }

    private static List<String> strings(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON list does not parse", e);
        }
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
