-- How many times each meeting's video connections changed (joins, leaves): the live feed adds it to the
-- meeting's version, so that the endpoints board follows the halls joining and leaving. Only ever grows (a
-- replay of the attendance leaves it), so that what a browser saw stays below what it will see.
CREATE TABLE meeting_connection_change (
    meeting_id VARCHAR(64) PRIMARY KEY,
    changes    BIGINT      NOT NULL
);
