-- One-stop desk: the procedure catalogue and procedure dossiers (read models, rebuilt by replay).
CREATE TABLE procedure_version (
    code            VARCHAR(30)  NOT NULL,
    version         INT          NOT NULL,
    name            VARCHAR(500) NOT NULL,
    field           VARCHAR(200),
    level           VARCHAR(10)  NOT NULL,
    agency          VARCHAR(30),
    processing_days INT          NOT NULL,
    fee_vnd         BIGINT       NOT NULL,
    components      TEXT         NOT NULL,
    fully_online    BOOLEAN      NOT NULL,
    PRIMARY KEY (code, version)
);

CREATE TABLE dossier_view (
    id                  VARCHAR(64)  PRIMARY KEY,
    tracking_code       VARCHAR(40)  NOT NULL UNIQUE,
    procedure_code      VARCHAR(30)  NOT NULL,
    procedure_version   INT          NOT NULL,
    procedure_name      VARCHAR(500) NOT NULL,
    competent_agency_id VARCHAR(64)  NOT NULL,
    filed_at_unit_id    VARCHAR(64),
    channel             VARCHAR(10)  NOT NULL,
    applicant_name      VARCHAR(200) NOT NULL,
    applicant_id_number VARCHAR(30),
    applicant_address   VARCHAR(500),
    applicant_phone     VARCHAR(30),
    applicant_email     VARCHAR(200),
    status              VARCHAR(30)  NOT NULL,
    status_code         INT          NOT NULL,
    submitted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    received_on         DATE,
    appointment_on      DATE,
    resolved_on         DATE,
    timeliness          VARCHAR(10),
    returned_on         DATE,
    late                BOOLEAN      NOT NULL,
    satisfaction        INT,
    version             BIGINT       NOT NULL
);
CREATE INDEX idx_dossier_view_agency ON dossier_view (competent_agency_id, status_code);

CREATE TABLE dossier_step (
    dossier_id   VARCHAR(64)  NOT NULL,
    step_id      VARCHAR(64)  NOT NULL,
    agency_id    VARCHAR(64)  NOT NULL,
    task         VARCHAR(2000) NOT NULL,
    started_on   DATE         NOT NULL,
    due_on       DATE         NOT NULL,
    completed_on DATE,
    timeliness   VARCHAR(10),
    PRIMARY KEY (dossier_id, step_id)
);

-- What the applicant sees of the dossier's way: status changes, without names or notes.
CREATE TABLE dossier_history (
    dossier_id  VARCHAR(64) NOT NULL,
    seq         BIGINT      NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    status_code INT         NOT NULL,
    PRIMARY KEY (dossier_id, seq)
);
