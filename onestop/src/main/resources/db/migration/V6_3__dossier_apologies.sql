-- Apologies for late dossiers (Phiếu xin lỗi và hẹn lại ngày trả kết quả), kept so that the letter
-- can be printed again; part of the "dossiers" read model.
CREATE TABLE dossier_apology (
    dossier_id        VARCHAR(64)   NOT NULL,
    seq               BIGINT        NOT NULL,
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    reason            VARCHAR(2000) NOT NULL,
    missed_on         DATE          NOT NULL,
    new_appointment_on DATE         NOT NULL,
    PRIMARY KEY (dossier_id, seq)
);
