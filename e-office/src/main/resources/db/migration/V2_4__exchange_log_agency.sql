-- Whose log a package belongs to (the agency that received or sent it) and with whom it was exchanged
-- (the other side's OrganId), so that an agency's clerks list their own packages, refused ones included.
-- Packages logged before have neither: only system administrators see those.
ALTER TABLE exchange_message ADD COLUMN agency_id VARCHAR(64);
ALTER TABLE exchange_message ADD COLUMN counterpart VARCHAR(300);
CREATE INDEX idx_exchange_message_agency ON exchange_message (agency_id, logged_at);
