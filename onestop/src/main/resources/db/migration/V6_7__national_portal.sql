-- The synchronisation with the National Public Service Portal: per dossier, the latest event the portal should
-- know (due_seq) and the latest it does (synced_seq); the processing log as the portal receives it, line by line.
CREATE TABLE portal_dossier (
    dossier_id      VARCHAR(64)   PRIMARY KEY,
    due_seq         BIGINT        NOT NULL,
    synced_seq      BIGINT        NOT NULL,
    known           BOOLEAN       NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    due_since       TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000)
);
CREATE INDEX idx_portal_dossier_next ON portal_dossier (next_attempt_at);

CREATE TABLE portal_progress (
    dossier_id  VARCHAR(64)   NOT NULL,
    seq         BIGINT        NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_name  VARCHAR(200),
    actor_title VARCHAR(200),
    content     VARCHAR(2000) NOT NULL,
    status_code INT           NOT NULL,
    supplement  BOOLEAN       NOT NULL,
    sent        BOOLEAN       NOT NULL,
    PRIMARY KEY (dossier_id, seq)
);
