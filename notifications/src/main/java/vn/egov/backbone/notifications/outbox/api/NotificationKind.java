package vn.egov.backbone.notifications.outbox.api;

import java.util.List;

/**
 * What a message tells, with the variables its template may use. Citizens' kinds go to the applicant who
 * agreed to be told; officials' kinds to the official concerned, on the channels they chose.
 */
public enum NotificationKind {
    DOSSIER_RECEIVED(Audience.CITIZEN, "name", "trackingCode", "procedure", "appointmentOn", "link"),
    SUPPLEMENT_REQUESTED(Audience.CITIZEN, "name", "trackingCode", "procedure", "reason", "link"),
    RESULT_READY(Audience.CITIZEN, "name", "trackingCode", "procedure", "resolvedOn", "link"),
    DOSSIER_LATE(Audience.CITIZEN, "name", "trackingCode", "procedure", "reason", "newAppointmentOn", "link"),
    SUPPLEMENT_PROVIDED(Audience.OFFICIAL, "trackingCode", "procedure", "files", "link"),
    DOCUMENT_ASSIGNED(Audience.OFFICIAL, "number", "subject", "deadline", "link"),
    DOCUMENT_DUE_TOMORROW(Audience.OFFICIAL, "number", "subject", "deadline", "link"),
    DOCUMENT_OVERDUE(Audience.OFFICIAL, "number", "subject", "deadline", "link"),
    DRAFT_TO_REVIEW(Audience.OFFICIAL, "subject", "link"),
    DRAFT_TO_APPROVE(Audience.OFFICIAL, "subject", "link"),
    MEETING_INVITATION(Audience.OFFICIAL, "meeting", "startsAt", "location", "link"),
    MEETING_RESCHEDULED(Audience.OFFICIAL, "meeting", "startsAt", "location", "link"),
    MEETING_CANCELLED(Audience.OFFICIAL, "meeting", "startsAt", "reason"),
    MEETING_REMINDER_DAY(Audience.OFFICIAL, "meeting", "startsAt", "location", "link"),
    MEETING_REMINDER_HOUR(Audience.OFFICIAL, "meeting", "startsAt", "location", "link");

    public enum Audience { CITIZEN, OFFICIAL }

    private final Audience audience;
    private final List<String> variables;

    NotificationKind(Audience audience, String... variables) {
        this.audience = audience;
        this.variables = List.of(variables);
    }

    public Audience audience() {
        return audience;
    }

    /** The names a template of this kind may use, as {@code {name}}. */
    public List<String> variables() {
        return variables;
    }
}
