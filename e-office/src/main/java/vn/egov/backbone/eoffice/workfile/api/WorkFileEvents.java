package vn.egov.backbone.eoffice.workfile.api;

import java.time.LocalDate;
import java.util.List;

public final class WorkFileEvents {
    private WorkFileEvents() {
    }

    public record WorkFileOpened(String workFileId, String agencyId, int year, String code, String title,
                                 Integer retentionYears, String keeperId) {
    }

    public record DocumentFiled(String workFileId, String documentId) {
    }

    public record DocumentUnfiled(String workFileId, String documentId) {
    }

    /** Closed files are read-only; they are due in the agency archive within a year (Điều 30). */
    public record WorkFileClosed(String workFileId, LocalDate closedOn, int documentCount, LocalDate archiveDueOn) {
    }

    public record WorkFileTransferredToArchive(String workFileId, LocalDate transferredOn, LocalDate keepUntil) {
    }

    /**
     * The file and its documents are destroyed: read models keep only the register entry of each
     * document, and the search index forgets them.
     */
    public record WorkFileDestroyed(String workFileId, String agencyId, LocalDate destroyedOn, String decision,
                                    List<String> documentIds) {
    }
}
