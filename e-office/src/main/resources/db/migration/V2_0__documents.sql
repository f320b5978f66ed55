-- E-office read models (projections of the document events: dropped and rebuilt by replay)
-- and the duplicate-registration keys written in the registering transaction.

CREATE TABLE document_view (
    id                 VARCHAR(64)   PRIMARY KEY,
    direction          VARCHAR(16)   NOT NULL,
    agency_id          VARCHAR(64)   NOT NULL,
    status             VARCHAR(32)   NOT NULL,
    register_year      INT,
    register_number    BIGINT,
    number_notation    VARCHAR(100),
    issuer             VARCHAR(255),
    issued_on          DATE,
    received_on        DATE,
    type               VARCHAR(32)   NOT NULL,
    subject            VARCHAR(1000) NOT NULL,
    body               VARCHAR(1000000),
    urgency            VARCHAR(16)   NOT NULL,
    classification     VARCHAR(16)   NOT NULL,
    due_on             DATE,
    page_count         INT,
    channel            VARCHAR(16),
    source_document_id VARCHAR(64),
    replaces_id        VARCHAR(64),
    drafter_id         VARCHAR(64),
    reviewer_id        VARCHAR(64),
    approver_id        VARCHAR(64),
    signer_name        VARCHAR(200),
    draft_version      INT,
    instruction        VARCHAR(2000),
    deadline           DATE,
    overdue            BOOLEAN       NOT NULL,
    registered_by      VARCHAR(64),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT        NOT NULL
);
CREATE INDEX idx_document_view_agency ON document_view (agency_id, direction, register_year, register_number);
CREATE INDEX idx_document_view_status ON document_view (status);

-- Officials with a role on a document (registered, assigned, forwarded to, drafted, reviewed, approved, issued).
CREATE TABLE document_participant (
    document_id VARCHAR(64) NOT NULL,
    official_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (document_id, official_id)
);
CREATE INDEX idx_document_participant_official ON document_participant (official_id);

-- Work waiting for an official or a department: lead, cooperate, for information, review, approval.
CREATE TABLE inbox_item (
    document_id   VARCHAR(64) NOT NULL,
    assignee_kind VARCHAR(16) NOT NULL,
    assignee_id   VARCHAR(64) NOT NULL,
    role          VARCHAR(16) NOT NULL,
    status        VARCHAR(16) NOT NULL,
    deadline      DATE,
    assigned_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (document_id, assignee_kind, assignee_id, role)
);
CREATE INDEX idx_inbox_item_assignee ON inbox_item (assignee_kind, assignee_id, status);

CREATE TABLE document_attachment (
    document_id   VARCHAR(64)  NOT NULL,
    attachment_id VARCHAR(64)  NOT NULL,
    file_name     VARCHAR(255) NOT NULL,
    content_type  VARCHAR(100) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    sha256        VARCHAR(64)  NOT NULL,
    added_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (document_id, attachment_id)
);

CREATE TABLE document_delivery (
    document_id          VARCHAR(64) NOT NULL,
    recipient_agency_id  VARCHAR(64) NOT NULL,
    incoming_document_id VARCHAR(64) NOT NULL,
    status               VARCHAR(16) NOT NULL,
    PRIMARY KEY (document_id, recipient_agency_id)
);

-- Written with IncomingDocumentRegistered, in its transaction: one registration per received document and agency.
CREATE TABLE incoming_document_key (
    agency_id   VARCHAR(64)  NOT NULL,
    sender_key  VARCHAR(600) NOT NULL,
    document_id VARCHAR(64)  NOT NULL,
    PRIMARY KEY (agency_id, sender_key)
);
CREATE INDEX idx_incoming_document_key_document ON incoming_document_key (document_id);
