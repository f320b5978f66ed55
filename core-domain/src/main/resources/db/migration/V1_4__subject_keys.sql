-- Crypto-shredding (vn.egov.backbone.core.privacy.SubjectKeys): one AES-256 key per subject whose
-- personal data is sealed in stored events; erasing the subject deletes its key. erased_subject holds
-- no personal data, only which subjects were erased and when, so that nothing is sealed for them again.
CREATE TABLE subject_key (
    subject_id VARCHAR(100)             NOT NULL PRIMARY KEY,
    key_bytes  BYTEA                    NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE erased_subject (
    subject_id VARCHAR(100)             NOT NULL PRIMARY KEY,
    erased_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
