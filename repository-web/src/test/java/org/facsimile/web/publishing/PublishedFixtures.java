package org.facsimile.web.publishing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Published datasets written straight into PostgreSQL, as publishing leaves them (deposit, job,
 * dataset, version, three files), for tests and the harvest benchmark: {@code n} of them, one
 * second apart from {@code start}, subjects and licences spread over the records.
 */
final class PublishedFixtures {

    private PublishedFixtures() {}

    /** Subjects of record {@code i} (1-based): SOCI for all, plus HEAL for every third. */
    static boolean hasHealth(long i) {
        return i % 3 == 0;
    }

    /** Records with an even number are CC0, the others CC BY. */
    static boolean isCc0(long i) {
        return i % 2 == 0;
    }

    static void load(DataSource db, String tag, long n, Instant start) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            UUID owner = UUID.randomUUID();
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO account (id, username, display_name, role, created_at)"
                            + " VALUES (?, ?, 'Fixture', 'DEPOSITOR', now())")) {
                ps.setObject(1, owner);
                ps.setString(2, "fixture-" + tag);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE fixture ON COMMIT DROP AS SELECT g AS n, gen_random_uuid() AS deposit,"
                        + " gen_random_uuid() AS job, gen_random_uuid() AS dataset, gen_random_uuid() AS version"
                        + " FROM generate_series(1, " + n + ") g");
            }
            String doi = "'10.5072/" + tag.replaceAll("[^a-z0-9]", "") + ".' || n";
            String licence = "CASE WHEN n % 2 = 0 THEN 'https://creativecommons.org/publicdomain/zero/1.0/'"
                    + " ELSE 'https://creativecommons.org/licenses/by/4.0/' END";
            String subjects = "CASE WHEN n % 3 = 0 THEN '[\"SOCI\", \"HEAL\"]'::jsonb ELSE '[\"SOCI\"]'::jsonb END";
            exec(
                    c,
                    "INSERT INTO deposit (id, owner_id, state, title, licence, doi, created_at, updated_at)"
                            + " SELECT deposit, ?, 'PUBLISHED', 'Survey ' || n, " + licence + ", " + doi
                            + ", now(), now() FROM fixture",
                    owner);
            exec(
                    c,
                    "INSERT INTO synthesis_job (id, deposit_id, state, step, settings, created_at)"
                            + " SELECT job, deposit, 'SUCCEEDED', 'DONE', '{}', now() FROM fixture");
            exec(
                    c,
                    "INSERT INTO dataset (id, owner_id, deposit_id, concept_doi, created_at)"
                            + " SELECT dataset, ?, deposit, " + doi + ", now() FROM fixture",
                    owner);
            exec(
                    c,
                    "INSERT INTO dataset_version (id, dataset_id, version_number, job_id, doi, title, description,"
                            + " creators, keywords, subjects, licence, synthetic, published_at)"
                            + " SELECT version, dataset, 1, job, " + doi + " || '.v1', 'Household survey ' || n"
                            + " || ' (synthetic twin)', 'A synthetic twin of household survey wave ' || n"
                            + " || ', with income, tenure and household size per respondent.',"
                            + " '[\"Doe, Jane\", \"Roe, Richard\"]', '[\"households\", \"income\"]', " + subjects
                            + ", " + licence + ", true, CAST(? AS timestamptz) + n * interval '1 second' FROM fixture",
                    start.atOffset(ZoneOffset.UTC));
            for (String[] file : new String[][] {
                {"households.csv", "text/csv", "Households (synthetic)"},
                {"households.csv-metadata.json", "application/csvm+json", "CSVW metadata"},
                {"dataset.ttl", "text/turtle", "DCAT-AP record"}
            }) {
                exec(
                        c,
                        "INSERT INTO distribution (id, version_id, file_name, title, media_type, byte_size, sha256,"
                                + " storage_key) SELECT gen_random_uuid(), version, ?, ?, ?, 1000 + n,"
                                + " md5(n::text) || md5(version::text), 'fixture/' || version FROM fixture",
                        file[0],
                        file[2],
                        file[1]);
            }
            c.commit();
        }
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
