package vn.egov.backbone.notifications.outbox.api;

import java.util.List;

/**
 * What a message tells, with the variables its template may use. The dossier kinds go to the applicant who
 * agreed to be told; the others to the officials concerned, on the channels they chose.
 */
public enum NotificationKind {
    DOSSIER_RECEIVED("name", "trackingCode", "procedure", "appointmentOn", "link"),
    SUPPLEMENT_REQUESTED("name", "trackingCode", "procedure", "reason", "link"),
    RESULT_READY("name", "trackingCode", "procedure", "resolvedOn", "link"),
    DOSSIER_LATE("name", "trackingCode", "procedure", "reason", "newAppointmentOn", "link"),
    SUPPLEMENT_PROVIDED("trackingCode", "procedure", "files", "link"),
    DOCUMENT_ASSIGNED("number", "subject", "deadline", "link"),
    DOCUMENT_DUE_TOMORROW("number", "subject", "deadline", "link"),
    DOCUMENT_OVERDUE("number", "subject", "deadline", "link"),
    DRAFT_TO_REVIEW("subject", "link"),
    DRAFT_TO_APPROVE("subject", "link"),
    MEETING_INVITATION("meeting", "startsAt", "location", "link"),
    MEETING_RESCHEDULED("meeting", "startsAt", "location", "link"),
    MEETING_CANCELLED("meeting", "startsAt", "reason"),
    MEETING_REMINDER_DAY("meeting", "startsAt", "location", "link"),
    MEETING_REMINDER_HOUR("meeting", "startsAt", "location", "link");

    private final List<String> variables;

    NotificationKind(String... variables) {
        this.variables = List.of(variables);
    }

    /** The names a template of this kind may use, as {@code {name}}. */
    public List<String> variables() {
        return variables;
    }
}
