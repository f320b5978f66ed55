-- What a supplement request asks for, shown to the applicant; and the files they supply online.
ALTER TABLE dossier_view ADD COLUMN supplement_reason VARCHAR(2000);

CREATE TABLE dossier_supplied_file (
    dossier_id    VARCHAR(64) NOT NULL,
    sha256        VARCHAR(64) NOT NULL,
    name          VARCHAR(100) NOT NULL,
    content_type  VARCHAR(100) NOT NULL,
    size          BIGINT NOT NULL,
    provided_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (dossier_id, sha256)
);
