-- The time and place a dataset covers: a period (either end may stay open) and a place in words,
-- as the depositor describes them; each published version keeps its own, as it keeps its title.

ALTER TABLE deposit ADD COLUMN temporal_start date;
ALTER TABLE deposit ADD COLUMN temporal_end date;
ALTER TABLE deposit ADD COLUMN spatial varchar(500);
ALTER TABLE deposit ADD CONSTRAINT deposit_temporal_order
    CHECK (temporal_start IS NULL OR temporal_end IS NULL OR temporal_start <= temporal_end);

ALTER TABLE dataset_version ADD COLUMN temporal_start date;
ALTER TABLE dataset_version ADD COLUMN temporal_end date;
ALTER TABLE dataset_version ADD COLUMN spatial varchar(500);
