package vn.egov.backbone.onestop.dossier;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.privacy.SubjectKeys;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.*;
import vn.egov.backbone.onestop.dossier.api.DossierStatus;

import java.sql.Timestamp;
import java.time.Instant;

/** Read models of dossiers: the dossier, its steps, and the history of statuses the applicant sees. */
@Component
@ProcessingGroup("dossiers")
class DossierProjection {
    private final JdbcClient jdbc;
    private final SuppliedFiles suppliedFiles;

    DossierProjection(JdbcClient jdbc, SuppliedFiles suppliedFiles) {
        this.jdbc = jdbc;
        this.suppliedFiles = suppliedFiles;
    }

    @EventHandler
    void on(DossierSubmitted e, @SequenceNumber long seq) {
        jdbc.sql("INSERT INTO dossier_view (id, tracking_code, procedure_code, procedure_version, procedure_name,"
                        + " competent_agency_id, filed_at_unit_id, channel, applicant_name, applicant_id_number,"
                        + " applicant_address, applicant_phone, applicant_email, status, status_code, submitted_at, late,"
                        + " version) VALUES (:id, :code, :procedure, :procedureVersion, :procedureName, :agency, :filedAt,"
                        + " :channel, :name, :idNumber, :address, :phone, :email, 'NEW', 1, :at, FALSE, :seq)")
                .param("id", e.dossierId()).param("code", e.trackingCode()).param("procedure", e.procedure().code())
                .param("procedureVersion", e.procedure().version()).param("procedureName", e.procedure().name())
                .param("agency", e.procedure().competentAgencyId()).param("filedAt", e.filedAtUnitId())
                .param("channel", e.channel().name()).param("name", e.applicant().name())
                .param("idNumber", e.applicant().idNumber()).param("address", e.applicant().address())
                .param("phone", e.applicant().phone()).param("email", e.applicant().email())
                .param("at", Timestamp.from(e.at())).param("seq", seq).update();
        history(e.dossierId(), seq, e.at(), DossierStatus.NEW);
    }

    /** The applicant's columns say it was erased (replayed, the sealed applicant reads the same). */
    @EventHandler
    void on(ApplicantDataErased e, @SequenceNumber long seq) {
        jdbc.sql("UPDATE dossier_view SET applicant_name = :erased, applicant_id_number = :erased,"
                        + " applicant_address = :erased, applicant_phone = :erased, applicant_email = :erased,"
                        + " version = :seq WHERE id = :id")
                .param("erased", SubjectKeys.ERASED).param("seq", seq).param("id", e.dossierId()).update();
        // the files the applicant supplied go with their data
        jdbc.sql("DELETE FROM dossier_supplied_file WHERE dossier_id = :id").param("id", e.dossierId()).update();
        suppliedFiles.erase(e.dossierId());
    }

    @EventHandler
    void on(DossierReceived e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("UPDATE dossier_view SET received_on = :received, appointment_on = :appointment WHERE id = :id")
                .param("received", e.receivedOn()).param("appointment", e.appointmentOn()).param("id", e.dossierId())
                .update();
        status(e.dossierId(), DossierStatus.RECEIVED, seq, at);
    }

    @EventHandler
    void on(DossierRefused e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        status(e.dossierId(), DossierStatus.REFUSED, seq, at);
    }

    @EventHandler
    void on(SupplementRequested e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("UPDATE dossier_view SET supplement_reason = :reason WHERE id = :id").param("reason", e.reason())
                .param("id", e.dossierId()).update();
        status(e.dossierId(), DossierStatus.SUPPLEMENT_REQUESTED, seq, at);
    }

    @EventHandler
    void on(SupplementProvided e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        for (var file : e.files()) {
            jdbc.sql("INSERT INTO dossier_supplied_file (dossier_id, sha256, name, content_type, size, provided_at)"
                            + " VALUES (:id, :sha, :name, :type, :size, :at) ON CONFLICT DO NOTHING")
                    .param("id", e.dossierId()).param("sha", file.sha256()).param("name", file.name())
                    .param("type", file.contentType()).param("size", file.size()).param("at", java.sql.Timestamp.from(at))
                    .update();
        }
        jdbc.sql("UPDATE dossier_view SET version = :seq WHERE id = :id").param("seq", seq).param("id", e.dossierId()).update();
    }

    @EventHandler
    void on(SupplementReceived e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("UPDATE dossier_view SET supplement_reason = NULL WHERE id = :id").param("id", e.dossierId()).update();
        if (e.appointmentOn() == null) { // supplemented at reception, before the clock started
            status(e.dossierId(), DossierStatus.NEW, seq, at);
            return;
        }
        jdbc.sql("UPDATE dossier_view SET appointment_on = :appointment WHERE id = :id")
                .param("appointment", e.appointmentOn()).param("id", e.dossierId()).update();
        if (e.stepsDueOn() != null) {
            e.stepsDueOn().forEach((step, due) -> jdbc.sql("UPDATE dossier_step SET due_on = :due WHERE dossier_id = :id"
                    + " AND step_id = :step").param("due", due).param("id", e.dossierId()).param("step", step).update());
        }
        status(e.dossierId(), inProcessOrReceived(e.dossierId()), seq, at);
    }

    @EventHandler
    void on(ProcessingStepStarted e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("INSERT INTO dossier_step (dossier_id, step_id, agency_id, task, started_on, due_on) VALUES (:id, :step,"
                        + " :agency, :task, :started, :due)")
                .param("id", e.dossierId()).param("step", e.stepId()).param("agency", e.agencyId())
                .param("task", e.task()).param("started", e.startedOn()).param("due", e.dueOn()).update();
        status(e.dossierId(), DossierStatus.IN_PROCESS, seq, at);
    }

    @EventHandler
    void on(ProcessingStepCompleted e, @SequenceNumber long seq) {
        jdbc.sql("UPDATE dossier_step SET completed_on = :completed, timeliness = :timeliness WHERE dossier_id = :id"
                        + " AND step_id = :step")
                .param("completed", e.completedOn()).param("timeliness", e.timeliness().name())
                .param("id", e.dossierId()).param("step", e.stepId()).update();
        version(e.dossierId(), seq);
    }

    @EventHandler
    void on(PaymentRequested e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        status(e.dossierId(), DossierStatus.PAYMENT_REQUESTED, seq, at);
    }

    @EventHandler
    void on(PaymentReceived e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        status(e.dossierId(), inProcessOrReceived(e.dossierId()), seq, at);
    }

    @EventHandler
    void on(ProcessingStopped e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        status(e.dossierId(), DossierStatus.STOPPED, seq, at);
    }

    @EventHandler
    void on(DossierWithdrawn e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        status(e.dossierId(), DossierStatus.WITHDRAWN, seq, at);
    }

    @EventHandler
    void on(DossierResolved e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("UPDATE dossier_view SET resolved_on = :resolved, timeliness = :timeliness WHERE id = :id")
                .param("resolved", e.resolvedOn()).param("timeliness", e.timeliness().name()).param("id", e.dossierId())
                .update();
        status(e.dossierId(), DossierStatus.RESOLVED, seq, at);
    }

    @EventHandler
    void on(ResultReturned e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("UPDATE dossier_view SET returned_on = :returned WHERE id = :id")
                .param("returned", e.returnedOn()).param("id", e.dossierId()).update();
        status(e.dossierId(), DossierStatus.RESULT_RETURNED, seq, at);
    }

    @EventHandler
    void on(ApologyIssued e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("UPDATE dossier_view SET appointment_on = :appointment, late = TRUE WHERE id = :id")
                .param("appointment", e.newAppointmentOn()).param("id", e.dossierId()).update();
        jdbc.sql("INSERT INTO dossier_apology (dossier_id, seq, issued_at, reason, missed_on, new_appointment_on)"
                        + " VALUES (:id, :seq, :at, :reason, :missed, :appointment)")
                .param("id", e.dossierId()).param("seq", seq).param("at", Timestamp.from(at)).param("reason", e.reason())
                .param("missed", e.missedAppointmentOn()).param("appointment", e.newAppointmentOn()).update();
        version(e.dossierId(), seq);
    }

    @EventHandler
    void on(SatisfactionRated e, @SequenceNumber long seq) {
        jdbc.sql("UPDATE dossier_view SET satisfaction = :score WHERE id = :id")
                .param("score", e.score()).param("id", e.dossierId()).update();
        version(e.dossierId(), seq);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM dossier_supplied_file").update();
        jdbc.sql("DELETE FROM dossier_history").update();
        jdbc.sql("DELETE FROM dossier_apology").update();
        jdbc.sql("DELETE FROM dossier_step").update();
        jdbc.sql("DELETE FROM dossier_view").update();
    }

    private DossierStatus inProcessOrReceived(String dossierId) {
        long steps = jdbc.sql("SELECT COUNT(*) FROM dossier_step WHERE dossier_id = :id").param("id", dossierId)
                .query(Long.class).single();
        return steps == 0 ? DossierStatus.RECEIVED : DossierStatus.IN_PROCESS;
    }

    private void status(String dossierId, DossierStatus status, long seq, Instant at) {
        jdbc.sql("UPDATE dossier_view SET status = :status, status_code = :code, version = :seq WHERE id = :id")
                .param("status", status.name()).param("code", status.code()).param("seq", seq).param("id", dossierId)
                .update();
        history(dossierId, seq, at, status);
    }

    private void history(String dossierId, long seq, Instant at, DossierStatus status) {
        jdbc.sql("INSERT INTO dossier_history (dossier_id, seq, at, status_code) VALUES (:id, :seq, :at, :code)")
                .param("id", dossierId).param("seq", seq).param("at", Timestamp.from(at)).param("code", status.code())
                .update();
    }

    private void version(String dossierId, long seq) {
        jdbc.sql("UPDATE dossier_view SET version = :seq WHERE id = :id").param("seq", seq).param("id", dossierId).update();
    }
}
