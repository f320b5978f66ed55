-- Monthly counters of the service KPIs per deciding unit and procedure, kept by the "dossier-kpis"
-- projection next to its raw facts, so that a dashboard for a province over a year sums a few
-- thousand counter rows instead of scanning a million facts. Each segment of the projection keeps
-- its own rows (segment), so that segments never wait for each other; queries sum over them. The facts also keep what the late-dossier
-- drill-down lists, so that it no longer depends on another projection.
ALTER TABLE dossier_fact ADD COLUMN tracking_code VARCHAR(40);
ALTER TABLE dossier_fact ADD COLUMN procedure_name VARCHAR(500);
ALTER TABLE dossier_fact ADD COLUMN appointment_on DATE;
-- The late dossiers of the drill-down: of the province (the first 200 by date) and of one unit.
CREATE INDEX idx_dossier_fact_late ON dossier_fact (timeliness, resolved_on);
CREATE INDEX idx_dossier_fact_agency_late ON dossier_fact (competent_agency_id, timeliness, resolved_on);
-- The KPI queries read the counters now; every index on the facts is written again by each update
-- (a year of a province updates facts about ten million times in a replay).
DROP INDEX idx_dossier_fact_agency;
DROP INDEX idx_dossier_fact_resolved;

CREATE TABLE dossier_kpi_month (
    unit_id            VARCHAR(64) NOT NULL,
    month_start        DATE        NOT NULL,
    procedure_code     VARCHAR(30) NOT NULL,
    segment            INT         NOT NULL,
    received           INT         NOT NULL,
    received_online    INT         NOT NULL,
    offered_online     INT         NOT NULL,
    refused            INT         NOT NULL,
    input_digitised    INT         NOT NULL,
    reused             INT         NOT NULL,
    resolved           INT         NOT NULL,
    early              INT         NOT NULL,
    on_time            INT         NOT NULL,
    late               INT         NOT NULL,
    late_steps         INT         NOT NULL,
    results_digitised  INT         NOT NULL,
    paid               INT         NOT NULL,
    paid_online        INT         NOT NULL,
    ratings            INT         NOT NULL,
    rating_sum         INT         NOT NULL,
    satisfied          INT         NOT NULL,
    PRIMARY KEY (unit_id, month_start, procedure_code, segment)
);
CREATE INDEX idx_dossier_kpi_month ON dossier_kpi_month (month_start);

-- The counters and new columns are filled by replaying the projection from the start.
DELETE FROM dossier_fact;
DELETE FROM token_entry WHERE processor_name = 'dossier-kpis';
