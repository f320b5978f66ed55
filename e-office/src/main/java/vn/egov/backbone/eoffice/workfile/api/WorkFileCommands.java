package vn.egov.backbone.eoffice.workfile.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Work files (hồ sơ công việc, Nghị định 30 Điều 28–31): opened from the year's file list, filled, closed, archived. */
public final class WorkFileCommands {
    private WorkFileCommands() {
    }

    /**
     * @param code           the file's symbol in the agency's annual file list (danh mục hồ sơ), e.g. {@code 03.12}
     * @param retentionYears how long the file is kept; {@code null} for permanent (vĩnh viễn)
     */
    public record OpenWorkFile(String workFileId, String agencyId, int year, String code, String title,
                               Integer retentionYears, String keeperId) {
    }

    public record FileDocument(@TargetAggregateIdentifier String workFileId, String documentId) {
    }

    public record UnfileDocument(@TargetAggregateIdentifier String workFileId, String documentId) {
    }

    public record CloseWorkFile(@TargetAggregateIdentifier String workFileId, LocalDate closedOn) {
    }

    public record TransferWorkFileToArchive(@TargetAggregateIdentifier String workFileId, LocalDate transferredOn) {
    }

    /**
     * Destroys an archived file whose retention period is over (tiêu hủy tài liệu hết giá trị), by a
     * decision of the head of the agency.
     *
     * @param decision the destruction decision, e.g. {@code Quyết định số 15/QĐ-UBND ngày 02/3/2027}
     */
    public record DestroyWorkFile(@TargetAggregateIdentifier String workFileId, LocalDate destroyedOn, String decision) {
    }
}
