package vn.egov.backbone.onestop.dossier.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A dossier as anyone holding its tracking code sees it: the status, the steps and their agencies, the
 * appointment and the history of statuses — nothing personal.
 */
public record PublicDossier(String trackingCode, String procedure, Status status, LocalDate receivedOn,
                            LocalDate appointmentOn, boolean late, StepView currentStep, List<StepView> steps,
                            List<HistoryEntry> history) {

    /** {@code code} as the national portal numbers it, {@code name} for clients, {@code label} in Vietnamese. */
    public record Status(int code, String name, String label) {
        public static Status of(DossierStatus status) {
            return new Status(status.code(), status.name(), status.label());
        }
    }

    public record StepView(String task, String agency, LocalDate startedOn, LocalDate dueOn, LocalDate completedOn,
                           String timeliness) {
    }

    public record HistoryEntry(Instant at, Status status) {
    }

    /** What an online submission answers: the code to follow the dossier by, and where to follow it. */
    public record Submitted(String trackingCode, String procedure, String competentAgency, Status status,
                            String lookup) {
    }
}
