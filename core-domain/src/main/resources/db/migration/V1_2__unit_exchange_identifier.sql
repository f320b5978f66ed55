-- A unit's electronic identifier for document exchange (mã định danh điện tử, QĐ 20/2020/QĐ-TTg, e.g.
-- 000.00.00.H41): packages are addressed and routed by it. Claimed in the transaction that stores the event,
-- so two units never hold one; a unit's previous identifier is released when it gets another.
ALTER TABLE unit_view ADD COLUMN exchange_id VARCHAR(64);
CREATE TABLE unit_exchange_id (
    identifier VARCHAR(64) PRIMARY KEY,
    unit_id    VARCHAR(64) NOT NULL
);
CREATE INDEX idx_unit_exchange_id_unit ON unit_exchange_id (unit_id);
