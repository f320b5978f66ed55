-- Every edXML package sent or received, byte for byte (the bytes under <data-dir>/exchange/ by
-- SHA-256), with its time and outcome: the exchange log, as X-Road keeps one. Not a projection:
-- it records what crossed the boundary, including packages that were refused.
CREATE TABLE exchange_message (
    id                VARCHAR(64)   PRIMARY KEY,
    direction         VARCHAR(8)    NOT NULL,
    kind              VARCHAR(16)   NOT NULL,
    outcome           VARCHAR(16)   NOT NULL,
    document_id       VARCHAR(64),
    edxml_document_id VARCHAR(300),
    status_code       VARCHAR(4),
    sha256            VARCHAR(64),
    size_bytes        BIGINT        NOT NULL,
    detail            VARCHAR(1000),
    official_id       VARCHAR(64),
    logged_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_exchange_message_document ON exchange_message (document_id);
