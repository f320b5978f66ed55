-- The national document axis: each package Backbone produces waits to be sent (axis_state WAITING, then SENT with
-- the axis' id, or still WAITING with the attempts and the last failure); a package fetched from the axis keeps the
-- axis' id, so that one delivered twice is registered once. Packages logged before the connector have no state and
-- are not sent.
ALTER TABLE exchange_message ADD COLUMN axis_state VARCHAR(16);
ALTER TABLE exchange_message ADD COLUMN axis_id VARCHAR(100);
ALTER TABLE exchange_message ADD COLUMN axis_attempts INT;
ALTER TABLE exchange_message ADD COLUMN axis_next_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE exchange_message ADD COLUMN axis_error VARCHAR(1000);
CREATE INDEX idx_exchange_message_axis_state ON exchange_message (axis_state, axis_next_at);
CREATE INDEX idx_exchange_message_axis_id ON exchange_message (axis_id);
