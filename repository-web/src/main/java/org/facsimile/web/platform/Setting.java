package org.facsimile.web.platform;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every configuration key of the repository, with its default for the embedded mode. Keys are
 * MicroProfile Config names; each can also be set as an environment variable in upper case with
 * dots and dashes as underscores ({@code facsimile.search.url} = {@code FACSIMILE_SEARCH_URL}).
 */
public enum Setting {
    /** Public base URL, used in links, landing pages and DOI targets. */
    BASE_URL("facsimile.base-url", "http://localhost:8080"),
    /** The repository's name, as publisher. */
    REPOSITORY_NAME("facsimile.repository-name", "Facsimile"),
    /** JDBC URL of PostgreSQL (read by the data source definition). */
    DB_URL("facsimile.db.url", "jdbc:postgresql://localhost:5432/facsimile"),
    DB_USER("facsimile.db.user", "facsimile"),
    DB_PASSWORD("facsimile.db.password", "facsimile"),
    /**
     * Where files are stored: {@code filesystem} (one folder, shared by every node: the embedded
     * default) or {@code s3} (a bucket of an S3-compatible object store: several machines).
     */
    STORAGE_KIND("facsimile.storage.kind", "filesystem"),
    /** Root folder of the file blob store (private and public areas below it). */
    STORAGE_DIR("facsimile.storage.dir", "data/store"),
    /**
     * The S3 API's URL (MinIO, Ceph, S3Proxy: {@code http://minio:9000}); blank: Amazon S3 of the
     * region. Credentials come from the environment as the AWS SDK reads them
     * ({@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}, a profile, or the machine's
     * role), never from this configuration.
     */
    STORAGE_S3_ENDPOINT("facsimile.storage.s3.endpoint", ""),
    STORAGE_S3_REGION("facsimile.storage.s3.region", "us-east-1"),
    /** The bucket (created if missing); the areas are its prefixes private/ and public/. */
    STORAGE_S3_BUCKET("facsimile.storage.s3.bucket", "facsimile"),
    /** Bucket in the path rather than the host name, as MinIO and S3Proxy want. */
    STORAGE_S3_PATH_STYLE("facsimile.storage.s3.path-style", "false"),
    /**
     * Master keys of the private area's encryption, {@code id:base64} (32 random bytes each),
     * comma-separated. Required: private files are never stored in the clear.
     */
    STORAGE_MASTER_KEYS("facsimile.storage.master-keys", ""),
    /** The master key that wraps new files' data keys; blank: the first listed. */
    STORAGE_MASTER_KEY_ID("facsimile.storage.master-key-id", ""),
    /** Elasticsearch HTTP URL. */
    SEARCH_URL("facsimile.search.url", "http://localhost:9200"),
    /** The search alias; the index behind it is versioned (alias-v1, ...). */
    SEARCH_INDEX("facsimile.search.index", "facsimile-datasets"),
    /** The repository identifier in OAI-PMH identifiers (oai:IDENTIFIER:id): a domain name with a dot. */
    OAI_REPOSITORY_IDENTIFIER("facsimile.oai.repository-identifier", "facsimile.local"),
    /** Contact address given to harvesters. */
    ADMIN_EMAIL("facsimile.admin-email", "admin@facsimile.local"),
    /** DOI prefix of the local registrar (10.5072 is DataCite's test prefix). */
    DOI_PREFIX("facsimile.doi.prefix", "10.5072"),
    /**
     * Who registers DOIs: "local" (this repository's own resolver; the default) or "datacite"
     * (DataCite's REST API, with the local records kept as well).
     */
    DOI_REGISTRAR("facsimile.doi.registrar", "local"),
    /** DataCite's REST API: https://api.datacite.org, or https://api.test.datacite.org for testing. */
    DATACITE_URL("facsimile.datacite.url", "https://api.test.datacite.org"),
    /** The repository account at DataCite (its repository ID) and its password. */
    DATACITE_USER("facsimile.datacite.user", ""),
    DATACITE_PASSWORD("facsimile.datacite.password", ""),
    /** Whether a curator must approve each publication ("true") or depositors publish themselves. */
    REVIEW_REQUIRED("facsimile.review.required", "false"),
    /** The latest a deposit's embargo may end, in months from the day it is set. */
    EMBARGO_MAX_MONTHS("facsimile.embargo.max-months", "36"),
    /** How often each node looks for embargoes whose day has come, to announce that their files opened. */
    EMBARGO_CHECK_SECONDS("facsimile.embargo.check-seconds", "300"),
    /** Verified analyses one reader may submit in a day, all datasets together. */
    ANALYSES_MAX_PER_DAY("facsimile.analyses.max-per-day", "50"),
    /** Largest accepted upload, in bytes. */
    UPLOAD_MAX_BYTES("facsimile.upload.max-bytes", Long.toString(1L << 30)),
    /**
     * The largest nested JSON document accepted: it is taken apart into tables in the web node's
     * memory (several times its size), unlike a CSV upload, which streams.
     */
    UPLOAD_MAX_NESTED_BYTES("facsimile.upload.max-nested-bytes", Long.toString(128L << 20)),
    /** Uploads one account may make per hour on one web node. */
    UPLOAD_MAX_PER_HOUR("facsimile.upload.max-per-hour", "120"),
    /** The most rows one synthesis may generate per table (a job asking for more is refused). */
    SYNTHESIS_MAX_SAMPLE_ROWS("facsimile.synthesis.max-sample-rows", "10000000"),
    /** The most seconds one synthesis may train a table's model (a job asking for more is refused). */
    SYNTHESIS_MAX_TRAINING_SECONDS("facsimile.synthesis.max-training-seconds", "3600"),
    /** Worker threads on this node; 0 makes a web-only node. */
    WORKER_THREADS("facsimile.worker.threads", "1"),
    /** How long a claimed job stays a worker's without a heartbeat. */
    WORKER_LEASE_SECONDS("facsimile.worker.lease-seconds", "60"),
    /** How often an idle worker looks for work. */
    WORKER_POLL_MILLIS("facsimile.worker.poll-millis", "1000"),
    /** How often the outbox relay runs (search indexing, DOI registration). */
    OUTBOX_POLL_MILLIS("facsimile.outbox.poll-millis", "1000"),
    /** A token for the "admin" account, created at first start when no admin exists. Empty: none. */
    BOOTSTRAP_ADMIN_TOKEN("facsimile.bootstrap.admin-token", ""),
    /**
     * The issuer of an OpenID Connect provider (e.g. an institution's single sign-on); empty turns
     * OpenID sign-in off. Its discovery document is read from {issuer}/.well-known/openid-configuration.
     */
    OIDC_ISSUER("facsimile.oidc.issuer", ""),
    /** This repository's client id at the provider; the redirect URI registered there is {base-url}/api/auth/oidc/callback. */
    OIDC_CLIENT_ID("facsimile.oidc.client-id", ""),
    /** The client secret (sent with HTTP Basic to the token endpoint). */
    OIDC_CLIENT_SECRET("facsimile.oidc.client-secret", ""),
    /** The scopes asked for, space-separated; openid is always among them. */
    OIDC_SCOPES("facsimile.oidc.scopes", "openid profile email"),
    /** The ID token claim a new account's username is made from. */
    OIDC_USERNAME_CLAIM("facsimile.oidc.username-claim", "preferred_username"),
    /** Whether a first sign-in creates a depositor account ("true") or needs an account an admin linked. */
    OIDC_CREATE_ACCOUNTS("facsimile.oidc.create-accounts", "true"),
    /** What the sign-in page calls the provider. */
    OIDC_DISPLAY_NAME("facsimile.oidc.display-name", "Institutional sign-in");

    private final String key;
    private final String defaultValue;

    Setting(String key, String defaultValue) {
        this.key = key;
        this.defaultValue = defaultValue;
    }

    public String key() {
        return key;
    }

    public String get() {
        Config config = ConfigProvider.getConfig();
        Optional<String> value = config.getOptionalValue(key, String.class);
        return value.orElse(defaultValue);
    }

    public long getLong() {
        return Long.parseLong(get().trim());
    }

    public int getInt() {
        return Integer.parseInt(get().trim());
    }
}
