-- How far a step had come when its event was recorded (0 to 1; training: the share of its planned
-- epochs, or of its time or privacy budget), so a progress bar moves within a long step instead
-- of sitting at its start. Empty for an event that marks a step's start.

ALTER TABLE synthesis_job_event ADD COLUMN done double precision;
ALTER TABLE synthesis_job_event ADD CONSTRAINT synthesis_job_event_done_share
    CHECK (done IS NULL OR (done >= 0 AND done <= 1));
