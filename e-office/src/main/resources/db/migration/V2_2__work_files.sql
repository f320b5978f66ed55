-- Work files (hồ sơ công việc): read models, and the file symbols claimed in the opening transaction.
CREATE TABLE work_file_view (
    id              VARCHAR(64)   PRIMARY KEY,
    agency_id       VARCHAR(64)   NOT NULL,
    list_year       INT           NOT NULL,
    code            VARCHAR(30)   NOT NULL,
    title           VARCHAR(1000) NOT NULL,
    retention_years INT,
    keeper_id       VARCHAR(64),
    status          VARCHAR(16)   NOT NULL,
    document_count  INT           NOT NULL,
    closed_on       DATE,
    archive_due_on  DATE,
    archived_on     DATE,
    keep_until      DATE,
    version         BIGINT        NOT NULL
);
CREATE INDEX idx_work_file_view_agency ON work_file_view (agency_id, list_year);

CREATE TABLE work_file_document (
    work_file_id VARCHAR(64) NOT NULL,
    document_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (work_file_id, document_id)
);

CREATE TABLE work_file_code (
    agency_id    VARCHAR(64) NOT NULL,
    list_year    INT         NOT NULL,
    code         VARCHAR(30) NOT NULL,
    work_file_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (agency_id, list_year, code)
);
