package vn.egov.backbone.onestop.dossier.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import vn.egov.backbone.onestop.dossier.api.DossierCommands.Channel;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A dossier as the agencies that work on it see it, applicant's personal data included. The API's v1
 * clients read it with snake_case names (as the read model's columns were first served), so it keeps them.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DossierView(String id, String trackingCode, String procedureCode, int procedureVersion,
                          String procedureName, String competentAgencyId, String filedAtUnitId, Channel channel,
                          String applicantName, String applicantIdNumber, String applicantAddress,
                          String applicantPhone, String applicantEmail, DossierStatus status, int statusCode,
                          Instant submittedAt, LocalDate receivedOn, LocalDate appointmentOn, LocalDate resolvedOn,
                          String timeliness, LocalDate returnedOn, boolean late, Integer satisfaction, long version) {

    /** A line of a desk's list: what tells dossiers apart, without the applicant's contact details. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(String id, String trackingCode, String procedureCode, String procedureName, Channel channel,
                          String applicantName, DossierStatus status, int statusCode, Instant submittedAt,
                          LocalDate receivedOn, LocalDate appointmentOn, LocalDate resolvedOn, boolean late) {
    }

    /** A processing step (bước xử lý), in the competent agency or another one. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Step(String dossierId, String stepId, String agencyId, String task, LocalDate startedOn,
                       LocalDate dueOn, LocalDate completedOn, String timeliness) {
    }

    /** An apology for a late dossier, kept so that the letter can be printed again. */
    public record Apology(Instant issuedAt, String reason, LocalDate missedOn, LocalDate newAppointmentOn) {
    }

    /** A status the dossier took, for the applicant's history. */
    public record StatusChange(Instant at, DossierStatus status) {
    }
}
