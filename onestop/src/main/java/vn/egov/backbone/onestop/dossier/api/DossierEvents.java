package vn.egov.backbone.onestop.dossier.api;

import org.axonframework.serialization.Revision;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Applicant;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Channel;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Consent;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Identity;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.PaymentMethod;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.ProcedureTerms;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What happens to a dossier. The raw facts any service-index formula needs (channel, dates, digitised
 * components, payment method, step results, lateness, rating) are in the events, so KPIs can be
 * recomputed by replay under any formula.
 */
public final class DossierEvents {
    private DossierEvents() {
    }

    /** Timeliness of a step or of the dossier, as the control slip records it. */
    public enum Timeliness { EARLY, ON_TIME, LATE }

    /**
     * Revision 2: stored with the applicant's fields sealed with the dossier's own key ({@code sealed},
     * {@code SealedApplicant}), so that erasing the key erases the applicant from the event store; revision
     * 1 stored it in clear. Read, both give the applicant (or {@code [đã xóa]} once erased); the payload's
     * shape outside the store (API, audit trail, Kafka) is unchanged.
     *
     * <p>{@code identity} and {@code consent} were added on 2026-12-04 (an addition, no new revision): events
     * stored before read as an identity nobody verified and no consent to be told.
     */
    @Revision("2")
    public record DossierSubmitted(String dossierId, String trackingCode, ProcedureTerms procedure, Channel channel,
                                   Applicant applicant, int components, String filedAtUnitId, Instant at,
                                   Identity identity, Consent consent) {
        public DossierSubmitted {
            identity = identity == null ? Identity.UNVERIFIED : identity;
            consent = consent == null ? Consent.NONE : consent;
        }

        public DossierSubmitted(String dossierId, String trackingCode, ProcedureTerms procedure, Channel channel,
                                Applicant applicant, int components, String filedAtUnitId, Instant at) {
            this(dossierId, trackingCode, procedure, channel, applicant, components, filedAtUnitId, at, null, null);
        }
    }

    /** @param appointmentOn when the result is promised: the processing days counted in working days */
    public record DossierReceived(String dossierId, LocalDate receivedOn, LocalDate appointmentOn, int digitisedComponents,
                                  int reusedComponents) {
    }

    public record DossierRefused(String dossierId, String reason) {
    }

    public record SupplementRequested(String dossierId, String reason, LocalDate requestedOn) {
    }

    /**
     * The applicant supplied what was asked, online (signed in with VNeID). Stored with {@code note} sealed with
     * the dossier's key, like the applicant: erased with it.
     */
    public record SupplementProvided(String dossierId, String note, java.util.List<DossierCommands.SuppliedFile> files) {
    }

    /**
     * The clock resumes; the appointment and the deadlines of open steps move by the working days the
     * dossier waited. A supplement asked for at reception (before the clock started) moves nothing:
     * {@code appointmentOn} is then null.
     *
     * @param stepsDueOn the new deadline of each open step (null in events recorded before steps moved)
     */
    public record SupplementReceived(String dossierId, LocalDate receivedOn, int pausedWorkingDays,
                                     LocalDate appointmentOn, java.util.Map<String, LocalDate> stepsDueOn) {
    }

    public record ProcessingStepStarted(String dossierId, String stepId, String agencyId, String task,
                                        LocalDate startedOn, LocalDate dueOn) {
    }

    public record ProcessingStepCompleted(String dossierId, String stepId, String agencyId, LocalDate completedOn,
                                          Timeliness timeliness, String note) {
    }

    public record PaymentRequested(String dossierId, long amountVnd, String purpose) {
    }

    public record PaymentReceived(String dossierId, long amountVnd, PaymentMethod method) {
    }

    public record ProcessingStopped(String dossierId, String reason) {
    }

    public record DossierWithdrawn(String dossierId, String reason) {
    }

    public record DossierResolved(String dossierId, LocalDate resolvedOn, LocalDate appointmentOn,
                                  Timeliness timeliness, boolean resultDigitised) {
    }

    public record ResultReturned(String dossierId, LocalDate returnedOn) {
    }

    /** The lateness stays on record: the first appointment is kept, the new one added. */
    public record ApologyIssued(String dossierId, String reason, LocalDate missedAppointmentOn,
                                LocalDate newAppointmentOn) {
    }

    /**
     * The applicant's personal data was erased: its key is gone, what was sealed with it reads {@code [đã xóa]}.
     * Who did it, for which unit and when are in the metadata.
     *
     * @param legalBasis the request or rule it was done under
     */
    public record ApplicantDataErased(String dossierId, String legalBasis) {
    }

    public record SatisfactionRated(String dossierId, int score) {
    }
}
