package vn.egov.backbone.onestop.kpi;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.PaymentMethod;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.*;

/**
 * One row of raw facts per dossier — channel, reception, digitised and reused components, steps and
 * how many were late, resolution and its timeliness, digitised result, fee and how it was paid,
 * rating — from which {@link ServiceKpis} computes every indicator for any unit and period. Its own
 * processing group, so it can be replayed alone when a formula needs a new fact.
 */
@Component
@ProcessingGroup("dossier-kpis")
class DossierFactsProjection {
    private final JdbcClient jdbc;

    DossierFactsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DossierSubmitted e) {
        jdbc.sql("INSERT INTO dossier_fact (dossier_id, procedure_code, offered_online, competent_agency_id, channel,"
                        + " refused, components, digitised_components, reused_components, fee_requested, late_steps, steps)"
                        + " VALUES (:id, :procedure, :online, :agency, :channel, FALSE, :components, 0, 0, FALSE, 0, 0)")
                .param("id", e.dossierId()).param("procedure", e.procedure().code())
                .param("online", e.procedure().fullyOnline()).param("agency", e.procedure().competentAgencyId())
                .param("channel", e.channel().name()).param("components", e.components()).update();
    }

    @EventHandler
    void on(DossierReceived e) {
        jdbc.sql("UPDATE dossier_fact SET received_on = :on, digitised_components = :digitised, reused_components = :reused"
                        + " WHERE dossier_id = :id")
                .param("on", e.receivedOn()).param("digitised", e.digitisedComponents())
                .param("reused", e.reusedComponents()).param("id", e.dossierId()).update();
    }

    @EventHandler
    void on(DossierRefused e) {
        jdbc.sql("UPDATE dossier_fact SET refused = TRUE WHERE dossier_id = :id").param("id", e.dossierId()).update();
    }

    @EventHandler
    void on(ProcessingStepStarted e) {
        jdbc.sql("UPDATE dossier_fact SET steps = steps + 1 WHERE dossier_id = :id").param("id", e.dossierId()).update();
    }

    @EventHandler
    void on(ProcessingStepCompleted e) {
        if (e.timeliness() == Timeliness.LATE) {
            jdbc.sql("UPDATE dossier_fact SET late_steps = late_steps + 1 WHERE dossier_id = :id")
                    .param("id", e.dossierId()).update();
        }
    }

    @EventHandler
    void on(PaymentRequested e) {
        jdbc.sql("UPDATE dossier_fact SET fee_requested = TRUE WHERE dossier_id = :id").param("id", e.dossierId()).update();
    }

    @EventHandler
    void on(PaymentReceived e) {
        jdbc.sql("UPDATE dossier_fact SET paid_online = :online WHERE dossier_id = :id")
                .param("online", e.method() == PaymentMethod.ONLINE).param("id", e.dossierId()).update();
    }

    @EventHandler
    void on(DossierResolved e) {
        jdbc.sql("UPDATE dossier_fact SET resolved_on = :on, timeliness = :timeliness, result_digitised = :digitised"
                        + " WHERE dossier_id = :id")
                .param("on", e.resolvedOn()).param("timeliness", e.timeliness().name())
                .param("digitised", e.resultDigitised()).param("id", e.dossierId()).update();
    }

    @EventHandler
    void on(SatisfactionRated e) {
        jdbc.sql("UPDATE dossier_fact SET satisfaction = :score WHERE dossier_id = :id")
                .param("score", e.score()).param("id", e.dossierId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM dossier_fact").update();
    }
}
