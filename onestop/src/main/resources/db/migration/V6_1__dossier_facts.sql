-- The raw facts of every dossier that the service KPIs are computed from (projection "dossier-kpis").
CREATE TABLE dossier_fact (
    dossier_id            VARCHAR(64)  PRIMARY KEY,
    procedure_code        VARCHAR(30)  NOT NULL,
    offered_online        BOOLEAN      NOT NULL,
    competent_agency_id   VARCHAR(64)  NOT NULL,
    channel               VARCHAR(10)  NOT NULL,
    received_on           DATE,
    refused               BOOLEAN      NOT NULL,
    components            INT          NOT NULL,
    digitised_components  INT          NOT NULL,
    reused_components     INT          NOT NULL,
    resolved_on           DATE,
    timeliness            VARCHAR(10),
    result_digitised      BOOLEAN,
    fee_requested         BOOLEAN      NOT NULL,
    paid_online           BOOLEAN,
    satisfaction          INT,
    late_steps            INT          NOT NULL,
    steps                 INT          NOT NULL
);
CREATE INDEX idx_dossier_fact_agency ON dossier_fact (competent_agency_id, received_on);
CREATE INDEX idx_dossier_fact_resolved ON dossier_fact (competent_agency_id, resolved_on);
