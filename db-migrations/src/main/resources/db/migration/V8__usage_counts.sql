-- Views of landing pages and downloads of files, per dataset version and day (UTC), robots left
-- out. Counts only: no address, no user agent, nothing that could tell who looked.
CREATE TABLE dataset_usage (
    version_id  uuid     NOT NULL REFERENCES dataset_version (id),
    dataset_id  uuid     NOT NULL REFERENCES dataset (id),
    day         date     NOT NULL,
    views       bigint   NOT NULL DEFAULT 0 CHECK (views >= 0),
    downloads   bigint   NOT NULL DEFAULT 0 CHECK (downloads >= 0),
    PRIMARY KEY (version_id, day)
);
CREATE INDEX dataset_usage_dataset_idx ON dataset_usage (dataset_id);
