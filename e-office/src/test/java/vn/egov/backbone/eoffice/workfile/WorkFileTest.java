package vn.egov.backbone.eoffice.workfile;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.egov.backbone.core.privacy.SubjectKeys;
import vn.egov.backbone.core.testing.InMemorySubjectKeys;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.CloseWorkFile;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.DestroyWorkFile;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.FileDocument;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.OpenWorkFile;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.TransferWorkFileToArchive;
import vn.egov.backbone.eoffice.workfile.api.WorkFileCommands.UnfileDocument;
import vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.DocumentFiled;
import vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.DocumentUnfiled;
import vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.WorkFileClosed;
import vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.WorkFileDestroyed;
import vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.WorkFileOpened;
import vn.egov.backbone.eoffice.workfile.api.WorkFileEvents.WorkFileTransferredToArchive;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WorkFileTest {
    private static final String ID = "file-1";
    private static final WorkFileOpened OPENED = new WorkFileOpened(ID, "ubnd-tinh", 2026, "03.12",
            "Hồ sơ triển khai chuyển đổi số cấp xã năm 2026", 10, "chuyen-vien");
    private static final LocalDate CLOSED_ON = LocalDate.of(2026, 12, 30);

    private final Set<String> codes = new HashSet<>();
    private AggregateTestFixture<WorkFile> fixture;
    private final SubjectKeys keys = InMemorySubjectKeys.create();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WorkFile.class);
        fixture.registerInjectableResource(keys);
        fixture.registerInjectableResource((WorkFileCodes) (agency, year, code, id) -> {
            if (!codes.add(agency + year + code)) {
                throw new BusinessRuleViolation(WorkFileError.CODE_TAKEN, year, code);
            }
        });
    }

    @Test
    void opensFromTheFileListAndRefusesATakenSymbolOrBadInput() {
        fixture.givenNoPriorActivity()
                .when(new OpenWorkFile(ID, "ubnd-tinh", 2026, " 03.12 ", "Hồ sơ triển khai chuyển đổi số cấp xã năm 2026",
                        10, "chuyen-vien"))
                .expectEvents(OPENED);
        fixture.givenNoPriorActivity()
                .when(new OpenWorkFile("file-2", "ubnd-tinh", 2026, "03.12", "Trùng ký hiệu", null, "chuyen-vien"))
                .expectException(BusinessRuleViolation.class);
        fixture.givenNoPriorActivity()
                .when(new OpenWorkFile("file-3", "ubnd-tinh", 2026, "", "Không ký hiệu", null, "chuyen-vien"))
                .expectException(IllegalArgumentException.class);
        fixture.givenNoPriorActivity()
                .when(new OpenWorkFile("file-4", "ubnd-tinh", 2026, "03.13", "Thời hạn sai", 0, "chuyen-vien"))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void documentsComeAndGoWhileOpenButOnlyOnce() {
        fixture.given(OPENED).when(new FileDocument(ID, "doc-1")).expectEvents(new DocumentFiled(ID, "doc-1"));
        fixture.given(OPENED, new DocumentFiled(ID, "doc-1")).when(new FileDocument(ID, "doc-1"))
                .expectException(BusinessRuleViolation.class);
        fixture.given(OPENED, new DocumentFiled(ID, "doc-1")).when(new UnfileDocument(ID, "doc-1"))
                .expectEvents(new DocumentUnfiled(ID, "doc-1"));
        fixture.given(OPENED).when(new UnfileDocument(ID, "doc-9")).expectException(BusinessRuleViolation.class);
    }

    @Test
    void aClosedFileIsReadOnlyAndDueInTheArchiveWithinAYear() {
        fixture.given(OPENED).when(new CloseWorkFile(ID, CLOSED_ON)).expectException(BusinessRuleViolation.class);
        fixture.given(OPENED, new DocumentFiled(ID, "doc-1"), new DocumentFiled(ID, "doc-2"))
                .when(new CloseWorkFile(ID, CLOSED_ON))
                .expectEvents(new WorkFileClosed(ID, CLOSED_ON, 2, CLOSED_ON.plusYears(1)));
        WorkFileClosed closed = new WorkFileClosed(ID, CLOSED_ON, 1, CLOSED_ON.plusYears(1));
        fixture.given(OPENED, new DocumentFiled(ID, "doc-1"), closed).when(new FileDocument(ID, "doc-3"))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(OPENED, new DocumentFiled(ID, "doc-1"), closed).when(new UnfileDocument(ID, "doc-1"))
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void onlyAClosedFileGoesToTheArchiveAndIsKeptForItsRetention() {
        fixture.given(OPENED).when(new TransferWorkFileToArchive(ID, CLOSED_ON)).expectException(BusinessRuleViolation.class);
        LocalDate transfer = LocalDate.of(2027, 6, 1);
        fixture.given(OPENED, new DocumentFiled(ID, "doc-1"), new WorkFileClosed(ID, CLOSED_ON, 1, CLOSED_ON.plusYears(1)))
                .when(new TransferWorkFileToArchive(ID, transfer))
                .expectEvents(new WorkFileTransferredToArchive(ID, transfer, LocalDate.of(2037, 6, 1)));
    }

    @Test
    void anArchivedFileIsDestroyedWithItsDocumentsOnlyOnceItsRetentionIsOver() {
        LocalDate transfer = LocalDate.of(2027, 6, 1);
        LocalDate keepUntil = LocalDate.of(2037, 6, 1);
        Object[] archived = {OPENED, new DocumentFiled(ID, "doc-1"), new DocumentFiled(ID, "doc-2"),
                new WorkFileClosed(ID, CLOSED_ON, 2, CLOSED_ON.plusYears(1)),
                new WorkFileTransferredToArchive(ID, transfer, keepUntil)};
        String decision = "Quyết định số 15/QĐ-UBND ngày 02/6/2037 về việc hủy tài liệu hết giá trị";
        keys.seal("doc-1", "Nội dung".getBytes(StandardCharsets.UTF_8));
        fixture.given(archived).when(new DestroyWorkFile(ID, keepUntil.minusDays(1), decision))
                .expectException(BusinessRuleViolation.class);
        assertThat(keys.erased("doc-1")).as("refused: nothing erased").isFalse();
        fixture.given(archived).when(new DestroyWorkFile(ID, keepUntil, decision))
                .expectEvents(new WorkFileDestroyed(ID, "ubnd-tinh", keepUntil, decision, List.of("doc-1", "doc-2")));
        // the documents' text goes with them: their keys are erased
        assertThat(keys.erased("doc-1")).isTrue();
        assertThat(keys.erased("doc-2")).isTrue();
        // not before the end of its retention, not without a decision, not twice
        fixture.given(archived).when(new DestroyWorkFile(ID, keepUntil.minusDays(1), decision))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(archived).when(new DestroyWorkFile(ID, keepUntil, " "))
                .expectException(IllegalArgumentException.class).expectNoEvents();
        fixture.given(archived).andGiven(new WorkFileDestroyed(ID, "ubnd-tinh", keepUntil, decision, List.of("doc-1", "doc-2")))
                .when(new DestroyWorkFile(ID, keepUntil, decision)).expectException(BusinessRuleViolation.class);
        // a file still open, or kept permanently, is never destroyed
        fixture.given(OPENED).when(new DestroyWorkFile(ID, keepUntil, decision)).expectException(BusinessRuleViolation.class);
        WorkFileOpened permanent = new WorkFileOpened(ID, "ubnd-tinh", 2026, "01.01", "Hồ sơ quy hoạch tỉnh", null, "chuyen-vien");
        fixture.given(permanent, new DocumentFiled(ID, "doc-1"), new WorkFileClosed(ID, CLOSED_ON, 1, CLOSED_ON.plusYears(1)),
                        new WorkFileTransferredToArchive(ID, transfer, null))
                .when(new DestroyWorkFile(ID, LocalDate.of(2100, 1, 1), decision))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
    }
}
