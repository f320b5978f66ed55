-- The tamper-evident chain over the event store (vn.egov.backbone.core.eventchain): one link per
-- event, SHA-256 over the link before it and the event's stored columns, written in the event's own
-- transaction. The head row is the chain's end and its lock: every writer takes it before its
-- events get their global index. legacy_until is the last event stored before the chain existed;
-- those are linked once at the first start, any later event only by the writer that stored it.
CREATE TABLE event_chain_link (
    global_index BIGINT      NOT NULL PRIMARY KEY,
    link_hash    VARCHAR(64) NOT NULL
);

CREATE TABLE event_chain_head (
    chain_id     SMALLINT    NOT NULL PRIMARY KEY,
    global_index BIGINT      NOT NULL,
    link_hash    VARCHAR(64) NOT NULL,
    legacy_until BIGINT      NOT NULL
);

INSERT INTO event_chain_head (chain_id, global_index, link_hash, legacy_until)
SELECT 1, -1, '0000000000000000000000000000000000000000000000000000000000000000', COALESCE(MAX(global_index), -1)
FROM domain_event_entry;
