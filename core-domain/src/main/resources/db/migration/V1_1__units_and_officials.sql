-- Read models of the administrative tree and officials (projections: dropped and rebuilt by replay),
-- and the two tables written in the command's own transaction: unit codes and credentials.

CREATE TABLE unit_view (
    id          VARCHAR(64)  PRIMARY KEY,
    code        VARCHAR(64)  NOT NULL,
    name        VARCHAR(255) NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    parent_id   VARCHAR(64),
    status      VARCHAR(16)  NOT NULL,
    merged_into VARCHAR(64),
    version     BIGINT       NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_unit_view_parent ON unit_view (parent_id);

-- Claimed when a unit is created; unique across the tree, never released (codes identify agencies in exchanges).
CREATE TABLE unit_code (
    code    VARCHAR(64) PRIMARY KEY,
    unit_id VARCHAR(64) NOT NULL
);

CREATE TABLE official_view (
    id         VARCHAR(64)  PRIMARY KEY,
    username   VARCHAR(64)  NOT NULL,
    full_name  VARCHAR(200) NOT NULL,
    email      VARCHAR(255),
    position   VARCHAR(255),
    unit_id    VARCHAR(64),
    clearance  VARCHAR(16)  NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    version    BIGINT       NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_official_view_unit ON official_view (unit_id);
CREATE INDEX idx_official_view_username ON official_view (username);

CREATE TABLE official_role_view (
    official_id VARCHAR(64) NOT NULL,
    unit_id     VARCHAR(64),
    role        VARCHAR(32) NOT NULL,
    valid_until TIMESTAMP WITH TIME ZONE
);
CREATE INDEX idx_official_role_official ON official_role_view (official_id);

-- Secrets stay out of the event stream. Written in the same transaction as OfficialRegistered.
CREATE TABLE official_credential (
    official_id     VARCHAR(64)  PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL UNIQUE,
    password_hash   VARCHAR(100) NOT NULL,
    failed_attempts INT          NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Personal API tokens for bearer authentication; only a SHA-256 of the token is kept.
CREATE TABLE api_token (
    id           VARCHAR(64)  PRIMARY KEY,
    official_id  VARCHAR(64)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL UNIQUE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX idx_api_token_official ON api_token (official_id);
