-- Archived work files destroyed after their retention period, with the decision that destroyed them.
ALTER TABLE work_file_view ADD COLUMN destroyed_on DATE;
ALTER TABLE work_file_view ADD COLUMN destruction_decision VARCHAR(300);
