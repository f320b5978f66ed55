-- The signatures on a meeting's approved minutes, in the order they were added; the last row's file holds them all.
CREATE TABLE meeting_minutes_signature (
    meeting_id          VARCHAR(64)  NOT NULL,
    signatory           VARCHAR(16)  NOT NULL,
    signer_id           VARCHAR(64)  NOT NULL,
    minutes_version     INT          NOT NULL,
    file_key            VARCHAR(64)  NOT NULL,
    file_name           VARCHAR(255) NOT NULL,
    file_size           BIGINT       NOT NULL,
    certificate_subject VARCHAR(1000),
    signed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    seq                 BIGINT       NOT NULL,
    PRIMARY KEY (meeting_id, signatory)
);
CREATE INDEX idx_meeting_minutes_signature_file ON meeting_minutes_signature (file_key);
