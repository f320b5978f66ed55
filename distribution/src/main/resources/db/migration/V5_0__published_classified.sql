-- Documents the Kafka publisher has seen classified: their later events go out as identifiers only.
-- Written by the publisher itself, in the transaction that stores its position, in event order.
CREATE TABLE published_classified_document (
    document_id VARCHAR(64) PRIMARY KEY
);
