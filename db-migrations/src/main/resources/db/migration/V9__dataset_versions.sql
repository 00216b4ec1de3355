-- Versions. A dataset has a concept DOI that always resolves to its latest version, beside the DOI
-- of each version. A new version is made from a deposit of its own (new input, new settings, or
-- both), which names the dataset it continues.

ALTER TABLE dataset ADD COLUMN concept_doi varchar(200) UNIQUE;
-- Datasets published before versions existed were cited by their first version's DOI, which has
-- always resolved to the dataset's page: it stays their concept DOI.
UPDATE dataset d SET concept_doi =
    (SELECT v.doi FROM dataset_version v WHERE v.dataset_id = d.id AND v.version_number = 1);
ALTER TABLE dataset ALTER COLUMN concept_doi SET NOT NULL;

ALTER TABLE deposit ADD COLUMN version_of uuid REFERENCES dataset (id);
-- One new version in the making per dataset at a time: a second draft would race the first for
-- the next version number.
CREATE UNIQUE INDEX deposit_open_version_idx ON deposit (version_of)
    WHERE version_of IS NOT NULL AND state NOT IN ('PUBLISHED', 'WITHDRAWN');

-- The version list of a dataset, newest first.
CREATE INDEX dataset_version_dataset_idx ON dataset_version (dataset_id, version_number DESC);
