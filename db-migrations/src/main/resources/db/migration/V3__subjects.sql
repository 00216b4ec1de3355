-- Subjects: codes of the EU Data Theme authority table (HEAL, SOCI, ...), which DCAT-AP names for
-- dcat:theme. A deposit carries them; each published version keeps its own copy, like keywords.
ALTER TABLE deposit ADD COLUMN subjects jsonb NOT NULL DEFAULT '[]';
ALTER TABLE dataset_version ADD COLUMN subjects jsonb NOT NULL DEFAULT '[]';
