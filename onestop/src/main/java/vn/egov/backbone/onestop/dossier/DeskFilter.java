package vn.egov.backbone.onestop.dossier;

import vn.egov.backbone.onestop.dossier.api.DossierStatus;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the desk's list is narrowed to, as a clerk asks for it at the counter: a status, a procedure, the
 * dossier's code or the applicant's name or identity number ({@code text}), the days it was submitted, and
 * only the open dossiers past their appointment. Every part may be absent; the list then shows all.
 */
public record DeskFilter(DossierStatus status, String procedureCode, String text, LocalDate from, LocalDate to,
                  boolean overdueOnly) {
    /** The statuses of a dossier still being worked on: past its appointment in one of these, it is late. */
    static final Set<DossierStatus> OPEN = Set.of(DossierStatus.RECEIVED, DossierStatus.IN_PROCESS,
            DossierStatus.PAYMENT_REQUESTED);
    /** The longest text the list is searched with: a code, a name or an identity number fits easily. */
    static final int TEXT_LENGTH = 200;

    public DeskFilter {
        procedureCode = procedureCode == null || procedureCode.isBlank() ? null : procedureCode.strip();
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > TEXT_LENGTH) {
            text = text.substring(0, TEXT_LENGTH);
        }
    }

    static DeskFilter of(DossierStatus status) {
        return new DeskFilter(status, null, null, null, null, false);
    }

    /** Whether anything narrows the list (its page then says so, and offers to show all). */
    public boolean narrows() {
        return status != null || procedureCode != null || text != null || from != null || to != null || overdueOnly;
    }
}
