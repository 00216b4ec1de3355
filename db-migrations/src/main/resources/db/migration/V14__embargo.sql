-- An embargo: a version's data files open on a date while its metadata is public at once, for a
-- reason readers see (as Zenodo's and Dataverse's embargoes). The depositor sets it on the deposit
-- with the rest of its description; publishing copies it into the version, as it copies the rest.
-- embargo_lifted_at records when the repository told harvesters, search and DataCite that the
-- files opened (the OAI-PMH record is re-dated then, so selective harvests see the change).
ALTER TABLE deposit
    ADD COLUMN embargo_until   date,
    ADD COLUMN embargo_reason  varchar(1000),
    ADD CONSTRAINT deposit_embargo_complete CHECK ((embargo_until IS NULL) = (embargo_reason IS NULL));
ALTER TABLE dataset_version
    ADD COLUMN embargo_until      date,
    ADD COLUMN embargo_reason     varchar(1000),
    ADD COLUMN embargo_lifted_at  timestamptz,
    ADD CONSTRAINT dataset_version_embargo_complete CHECK ((embargo_until IS NULL) = (embargo_reason IS NULL)),
    ADD CONSTRAINT dataset_version_embargo_lifted CHECK (embargo_lifted_at IS NULL OR embargo_until IS NOT NULL);
CREATE INDEX dataset_version_embargo_idx ON dataset_version (embargo_until)
    WHERE embargo_until IS NOT NULL AND embargo_lifted_at IS NULL;
