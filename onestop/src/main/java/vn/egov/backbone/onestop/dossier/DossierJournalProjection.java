package vn.egov.backbone.onestop.dossier;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.eventing.ActingMetadata;
import vn.egov.backbone.core.privacy.SubjectKeys;
import vn.egov.backbone.onestop.dossier.api.DossierEvents.*;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The handling record of a dossier (nhật ký xử lý): one line per event — who, when, what, with the reason,
 * task, note or amount it carried. Its own processing group, so that on an existing installation it reads
 * the whole event store once when it first starts, and every dossier has its record, not only new ones.
 * Every dossier event writes exactly one line, so the highest line is the aggregate's version: the
 * application service waits for it as for the dossier's other read models.
 */
@Component
@ProcessingGroup(DossierJournalProjection.PROCESSING_GROUP)
class DossierJournalProjection {
    static final String PROCESSING_GROUP = "dossier-journal";

    /** What a line says happened; the pages name each in words ({@code journal.<action>}). */
    enum Action {
        SUBMITTED, RECEIVED, REFUSED, SUPPLEMENT_REQUESTED, SUPPLEMENT_PROVIDED, SUPPLEMENT_RECEIVED, STEP_STARTED,
        STEP_COMPLETED, PAYMENT_REQUESTED, PAYMENT_RECEIVED, STOPPED, WITHDRAWN, RESOLVED, RESULT_RETURNED,
        APOLOGY_ISSUED, APPLICANT_DATA_ERASED, SATISFACTION_RATED
    }

    private final JdbcClient jdbc;

    DossierJournalProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One line's facts besides who and when; each event fills the ones it has. */
    private record Line(Action action, String unitId, String note, LocalDate onDate, Long amount, String outcome) {
        static Line of(Action action) {
            return new Line(action, null, null, null, null, null);
        }

        static Line noted(Action action, String note) {
            return new Line(action, null, note, null, null, null);
        }
    }

    @EventHandler
    void on(DossierSubmitted e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        write(e.dossierId(), seq, at, actor, new Line(Action.SUBMITTED, e.filedAtUnitId(), null, null, null,
                e.channel().name()));
    }

    @EventHandler
    void on(DossierReceived e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        write(e.dossierId(), seq, at, actor, new Line(Action.RECEIVED, null, null, e.appointmentOn(), null, null));
    }

    @EventHandler
    void on(DossierRefused e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        write(e.dossierId(), seq, at, actor, Line.noted(Action.REFUSED, e.reason()));
    }

    @EventHandler
    void on(SupplementRequested e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        write(e.dossierId(), seq, at, actor, Line.noted(Action.SUPPLEMENT_REQUESTED, e.reason()));
    }

    @EventHandler
    void on(SupplementProvided e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        write(e.dossierId(), seq, at, actor, new Line(Action.SUPPLEMENT_PROVIDED, null, e.note(), null,
                (long) e.files().size(), null));
    }

    @EventHandler
    void on(SupplementReceived e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        write(e.dossierId(), seq, at, actor, new Line(Action.SUPPLEMENT_RECEIVED, null, null, e.appointmentOn(),
                null, null));
    }

    @EventHandler
    void on(ProcessingStepStarted e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        write(e.dossierId(), seq, at, actor, new Line(Action.STEP_STARTED, e.agencyId(), e.task(), e.dueOn(), null, null));
    }

    @EventHandler
    void on(ProcessingStepCompleted e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        write(e.dossierId(), seq, at, actor, new Line(Action.STEP_COMPLETED, e.agencyId(), e.note(), null, null,
                e.timeliness().name()));
    }

    @EventHandler
    void on(PaymentRequested e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        write(e.dossierId(), seq, at, actor, new Line(Action.PAYMENT_REQUESTED, null, e.purpose(), null, e.amountVnd(),
                null));
    }

    @EventHandler
    void on(PaymentReceived e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        write(e.dossierId(), seq, at, actor, new Line(Action.PAYMENT_RECEIVED, null, null, null, e.amountVnd(),
                e.method().name()));
    }

    @EventHandler
    void on(ProcessingStopped e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        write(e.dossierId(), seq, at, actor, Line.noted(Action.STOPPED, e.reason()));
    }

    @EventHandler
    void on(DossierWithdrawn e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        write(e.dossierId(), seq, at, actor, Line.noted(Action.WITHDRAWN, e.reason()));
    }

    @EventHandler
    void on(DossierResolved e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        write(e.dossierId(), seq, at, actor, new Line(Action.RESOLVED, null, null, e.appointmentOn(), null,
                e.timeliness().name()));
    }

    @EventHandler
    void on(ResultReturned e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        write(e.dossierId(), seq, at, actor, Line.of(Action.RESULT_RETURNED));
    }

    @EventHandler
    void on(ApologyIssued e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        write(e.dossierId(), seq, at, actor, new Line(Action.APOLOGY_ISSUED, null, e.reason(), e.newAppointmentOn(),
                null, null));
    }

    /** The applicant's own words (a supplement's note) go with the rest of their data. */
    @EventHandler
    void on(ApplicantDataErased e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        jdbc.sql("UPDATE dossier_journal SET note = :erased WHERE dossier_id = :id AND action = :action AND note IS NOT NULL")
                .param("erased", SubjectKeys.ERASED).param("id", e.dossierId())
                .param("action", Action.SUPPLEMENT_PROVIDED.name()).update();
        write(e.dossierId(), seq, at, actor, Line.noted(Action.APPLICANT_DATA_ERASED, e.legalBasis()));
    }

    @EventHandler
    void on(SatisfactionRated e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(ActingMetadata.ACTING_OFFICIAL) String actor) {
        write(e.dossierId(), seq, at, actor, new Line(Action.SATISFACTION_RATED, null, null, null, (long) e.score(), null));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM dossier_journal").update();
    }

    private void write(String dossierId, long seq, Instant at, String actor, Line line) {
        jdbc.sql("INSERT INTO dossier_journal (dossier_id, seq, at, actor_id, action, unit_id, note, on_date, amount, outcome)"
                        + " VALUES (:id, :seq, :at, :actor, :action, :unit, :note, :onDate, :amount, :outcome)")
                .param("id", dossierId).param("seq", seq).param("at", java.sql.Timestamp.from(at))
                .param("actor", actor).param("action", line.action().name()).param("unit", line.unitId())
                .param("note", line.note()).param("onDate", line.onDate()).param("amount", line.amount())
                .param("outcome", line.outcome()).update();
    }
}
