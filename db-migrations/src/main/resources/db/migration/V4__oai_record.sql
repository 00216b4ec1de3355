-- What OAI-PMH harvesters list: one row per dataset, pointing at its latest version, dated to the
-- second by its last publication or by its withdrawal (then a persistent tombstone). Triggers keep
-- it in step with dataset_version and dataset_withdrawal inside the same transaction, so it cannot
-- drift from them whichever code path publishes or withdraws. Harvests page through it by
-- (datestamp, dataset_id) on one index, so every page costs the same at any repository size.
CREATE TABLE oai_record (
    dataset_id   uuid          PRIMARY KEY REFERENCES dataset (id),
    version_id   uuid          NOT NULL REFERENCES dataset_version (id),
    datestamp    timestamptz   NOT NULL CHECK (datestamp = date_trunc('second', datestamp)),
    deleted      boolean       NOT NULL,
    licence      varchar(200)  NOT NULL,
    subjects     jsonb         NOT NULL DEFAULT '[]'
);
CREATE INDEX oai_record_datestamp_idx ON oai_record (datestamp, dataset_id);

CREATE FUNCTION oai_record_on_version() RETURNS trigger AS $$
BEGIN
    INSERT INTO oai_record (dataset_id, version_id, datestamp, deleted, licence, subjects)
    VALUES (NEW.dataset_id, NEW.id, date_trunc('second', NEW.published_at), false, NEW.licence, NEW.subjects)
    ON CONFLICT (dataset_id) DO UPDATE
        SET version_id = EXCLUDED.version_id, datestamp = EXCLUDED.datestamp,
            licence = EXCLUDED.licence, subjects = EXCLUDED.subjects
        WHERE NOT oai_record.deleted;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER oai_record_version
    AFTER INSERT ON dataset_version
    FOR EACH ROW EXECUTE FUNCTION oai_record_on_version();

CREATE FUNCTION oai_record_on_withdrawal() RETURNS trigger AS $$
BEGIN
    UPDATE oai_record SET deleted = true, datestamp = date_trunc('second', NEW.withdrawn_at)
    WHERE dataset_id = NEW.dataset_id;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER oai_record_withdrawal
    AFTER INSERT ON dataset_withdrawal
    FOR EACH ROW EXECUTE FUNCTION oai_record_on_withdrawal();

-- the records of what was published and withdrawn before this table existed
INSERT INTO oai_record (dataset_id, version_id, datestamp, deleted, licence, subjects)
SELECT v.dataset_id, v.id,
       date_trunc('second', COALESCE(w.withdrawn_at, v.published_at)),
       w.dataset_id IS NOT NULL, v.licence, v.subjects
FROM dataset_version v
LEFT JOIN dataset_withdrawal w ON w.dataset_id = v.dataset_id
WHERE v.version_number = (SELECT max(u.version_number) FROM dataset_version u WHERE u.dataset_id = v.dataset_id);
