-- The handling record of a dossier as the officials who work on it read it: every event, who did it and what
-- it said (reasons, tasks, notes, amounts). Filled by its own processor ("dossier-journal"), which reads the
-- event store from its beginning when it first starts, so dossiers handled before this table existed get
-- their record too, without replaying the dossiers' other read models.
CREATE TABLE dossier_journal (
    dossier_id VARCHAR(64)   NOT NULL,
    seq        BIGINT        NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id   VARCHAR(64),
    action     VARCHAR(40)   NOT NULL,
    unit_id    VARCHAR(64),
    note       VARCHAR(4000),
    on_date    DATE,
    amount     BIGINT,
    outcome    VARCHAR(20),
    PRIMARY KEY (dossier_id, seq)
);
