-- Meetings: read models of the Meeting aggregate and of video attendance (all rebuilt by replay).
CREATE TABLE meeting_view (
    id                     VARCHAR(64)   PRIMARY KEY,
    title                  VARCHAR(500)  NOT NULL,
    kind                   VARCHAR(20)   NOT NULL,
    status                 VARCHAR(20)   NOT NULL,
    chair_id               VARCHAR(64)   NOT NULL,
    secretary_id           VARCHAR(64)   NOT NULL,
    host_unit_id           VARCHAR(64)   NOT NULL,
    starts_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    location               VARCHAR(500),
    room_slug              VARCHAR(80)   NOT NULL,
    conference_id          BIGINT        NOT NULL,
    check_in_code          VARCHAR(12)   NOT NULL,
    quorum_percent         INT           NOT NULL,
    seats                  INT           NOT NULL,
    present_seats          INT           NOT NULL,
    current_item_id        VARCHAR(64),
    current_speech_id      VARCHAR(64),
    room_open              BOOLEAN       NOT NULL,
    recording_session      VARCHAR(100),
    minutes_version        INT           NOT NULL,
    minutes_text           TEXT,
    minutes_approved       BOOLEAN       NOT NULL,
    conclusion_document_id VARCHAR(64),
    cancel_reason          VARCHAR(1000),
    version                BIGINT        NOT NULL
);
CREATE UNIQUE INDEX idx_meeting_view_room ON meeting_view (room_slug);
CREATE UNIQUE INDEX idx_meeting_view_conference ON meeting_view (conference_id);
CREATE INDEX idx_meeting_view_starts ON meeting_view (starts_at);

CREATE TABLE meeting_seat (
    meeting_id     VARCHAR(64)   NOT NULL,
    seat_id        VARCHAR(64)   NOT NULL,
    deputy_id      VARCHAR(64),
    response       VARCHAR(16)   NOT NULL,
    decline_reason VARCHAR(1000),
    presence       VARCHAR(20)   NOT NULL,
    absent_reason  VARCHAR(1000),
    checked_in_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (meeting_id, seat_id)
);
CREATE INDEX idx_meeting_seat_member ON meeting_seat (seat_id);
CREATE INDEX idx_meeting_seat_deputy ON meeting_seat (deputy_id);

-- The halls connected by video (điểm cầu); whether they are connected is in meeting_connection.
CREATE TABLE meeting_endpoint (
    meeting_id VARCHAR(64) NOT NULL,
    unit_id    VARCHAR(64) NOT NULL,
    PRIMARY KEY (meeting_id, unit_id)
);

CREATE TABLE meeting_agenda_item (
    meeting_id      VARCHAR(64)  NOT NULL,
    item_id         VARCHAR(64)  NOT NULL,
    position        INT          NOT NULL,
    title           VARCHAR(500) NOT NULL,
    presenter_id    VARCHAR(64),
    planned_minutes INT          NOT NULL,
    PRIMARY KEY (meeting_id, item_id)
);

CREATE TABLE meeting_document (
    meeting_id          VARCHAR(64)  NOT NULL,
    document_id         VARCHAR(64)  NOT NULL,
    item_id             VARCHAR(64),
    title               VARCHAR(500) NOT NULL,
    eoffice_document_id VARCHAR(64),
    file_key            VARCHAR(100),
    visible_from        TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (meeting_id, document_id)
);

CREATE TABLE meeting_document_comment (
    meeting_id  VARCHAR(64)   NOT NULL,
    document_id VARCHAR(64)   NOT NULL,
    comment_id  VARCHAR(64)   NOT NULL,
    author_id   VARCHAR(64)   NOT NULL,
    text        VARCHAR(5000) NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (meeting_id, comment_id)
);

CREATE TABLE meeting_floor_request (
    meeting_id       VARCHAR(64) NOT NULL,
    request_id       VARCHAR(64) NOT NULL,
    item_id          VARCHAR(64) NOT NULL,
    seat_id          VARCHAR(64) NOT NULL,
    speaker_id       VARCHAR(64) NOT NULL,
    kind             VARCHAR(20) NOT NULL,
    state            VARCHAR(16) NOT NULL,
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE,
    speaking_seconds INT,
    spoke_seconds    BIGINT,
    PRIMARY KEY (meeting_id, request_id)
);

CREATE TABLE meeting_vote (
    meeting_id      VARCHAR(64)   NOT NULL,
    vote_id         VARCHAR(64)   NOT NULL,
    item_id         VARCHAR(64)   NOT NULL,
    question        VARCHAR(1000) NOT NULL,
    secret          BOOLEAN       NOT NULL,
    base            VARCHAR(16)   NOT NULL,
    open            BOOLEAN       NOT NULL,
    entitled        INT           NOT NULL,
    ballots         INT           NOT NULL,
    yes_count       INT           NOT NULL,
    no_count        INT           NOT NULL,
    abstain_count   INT           NOT NULL,
    present         INT,
    base_count      INT,
    not_voted       INT,
    yes_percent     DOUBLE PRECISION,
    no_percent      DOUBLE PRECISION,
    abstain_percent DOUBLE PRECISION,
    adopted         BOOLEAN,
    opened_seq      BIGINT        NOT NULL,
    PRIMARY KEY (meeting_id, vote_id)
);

-- Who voted; the choice only for named votes (a secret vote's choices are counted in meeting_vote alone).
CREATE TABLE meeting_ballot (
    meeting_id VARCHAR(64) NOT NULL,
    vote_id    VARCHAR(64) NOT NULL,
    seat_id    VARCHAR(64) NOT NULL,
    voter_id   VARCHAR(64) NOT NULL,
    choice     VARCHAR(10),
    written    BOOLEAN     NOT NULL,
    PRIMARY KEY (meeting_id, vote_id, seat_id)
);

CREATE TABLE meeting_notification (
    official_id VARCHAR(64)   NOT NULL,
    meeting_id  VARCHAR(64)   NOT NULL,
    seq         BIGINT        NOT NULL,
    text        VARCHAR(2000) NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (official_id, meeting_id, seq)
);

-- Video attendance per official or endpoint, one row per connection (from Jitsi's event_sync).
CREATE TABLE meeting_connection (
    meeting_id      VARCHAR(64)  NOT NULL,
    participant     VARCHAR(100) NOT NULL,
    occupant_jid    VARCHAR(300) NOT NULL,
    joined_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    left_at         TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (meeting_id, participant, occupant_jid, joined_at)
);
