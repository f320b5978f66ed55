package vn.egov.backbone.eoffice.incoming;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.eoffice.document.api.Assignee;
import vn.egov.backbone.eoffice.document.api.Classification;
import vn.egov.backbone.eoffice.document.api.DocumentType;
import vn.egov.backbone.eoffice.document.api.Urgency;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.AssignIncomingDocument;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.CompleteProcessing;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.ForwardAssignment;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.IncomingDetails;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.RecordProgress;
import vn.egov.backbone.eoffice.incoming.api.IncomingCommands.ReturnToSender;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.AssignmentForwarded;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.Channel;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentAssigned;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentRegistered;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.IncomingDocumentReturnedToSender;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.ProcessingCompleted;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.ProcessingOverdue;
import vn.egov.backbone.eoffice.incoming.api.IncomingEvents.ProgressRecorded;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IncomingDocumentTest {
    private static final String ID = "doc-1";
    private static final Assignee DEPARTMENT = Assignee.unit("phong-kinh-te");
    private static final Assignee SPECIALIST = Assignee.official("chuyen-vien-an");
    private static final Assignee COOPERATING = Assignee.unit("phong-van-hoa");

    private AggregateTestFixture<IncomingDocument> fixture;
    private LocalDate today;
    private IncomingDocumentRegistered registered;
    private final List<String> released = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IncomingDocument.class);
        fixture.registerInjectableResource(Clock.fixed(fixture.currentTime(), ZoneOffset.UTC));
        fixture.registerInjectableResource(new IncomingDuplicates() {
            @Override
            public void claim(String agencyId, String number, String issuer, LocalDate issuedOn, String documentId) {
            }

            @Override
            public boolean[] tryClaimAll(List<Claim> claims) {
                boolean[] all = new boolean[claims.size()];
                java.util.Arrays.fill(all, true);
                return all;
            }

            @Override
            public void release(String documentId) {
                released.add(documentId);
            }
        });
        today = LocalDate.ofInstant(fixture.currentTime(), DisplayDates.VIETNAM);
        registered = new IncomingDocumentRegistered(ID, "ubnd-tinh", today.getYear(), 1, today,
                new IncomingDetails("1588/QĐ-TTg", "Thủ tướng Chính phủ", today.minusDays(2), DocumentType.QUYET_DINH,
                        "Phê duyệt Đề án chuyển đổi số", null, Urgency.URGENT, Classification.NONE, today.plusDays(10), 3),
                Channel.MANUAL, null);
    }

    private IncomingDocumentAssigned assigned(LocalDate deadline) {
        return new IncomingDocumentAssigned(ID, "Giao Phòng Kinh tế chủ trì", DEPARTMENT, List.of(COOPERATING), List.of(),
                deadline);
    }

    @Test
    void aLeaderAssignsALeadWithCooperatingAndInformedUnitsAndADeadline() {
        LocalDate deadline = today.plusDays(5);
        fixture.given(registered)
                .when(new AssignIncomingDocument(ID, "Giao Phòng Kinh tế chủ trì", DEPARTMENT,
                        List.of(COOPERATING, DEPARTMENT), List.of(Assignee.unit("van-phong"), COOPERATING), deadline))
                .expectEvents(new IncomingDocumentAssigned(ID, "Giao Phòng Kinh tế chủ trì", DEPARTMENT,
                        List.of(COOPERATING), List.of(Assignee.unit("van-phong")), deadline))
                .expectScheduledDeadlineWithName(deadline.plusDays(1).atStartOfDay(DisplayDates.VIETNAM).toInstant(),
                        IncomingDocument.OVERDUE_DEADLINE);
    }

    @Test
    void anAssignmentNeedsALeadAndNoPastDeadline() {
        fixture.given(registered)
                .when(new AssignIncomingDocument(ID, null, null, List.of(), List.of(), null))
                .expectException(IllegalArgumentException.class).expectNoEvents();
        fixture.given(registered)
                .when(new AssignIncomingDocument(ID, null, DEPARTMENT, List.of(), List.of(), today.minusDays(1)))
                .expectException(IllegalArgumentException.class).expectNoEvents();
    }

    @Test
    void theDeadlinePassingWithoutCompletionMarksItOverdue() {
        LocalDate deadline = today.plusDays(1);
        fixture.given(registered)
                .andGivenCommands(new AssignIncomingDocument(ID, null, DEPARTMENT, List.of(), List.of(), deadline))
                .whenThenTimeElapses(Duration.ofDays(3))
                .expectEvents(new ProcessingOverdue(ID, deadline));
    }

    @Test
    void completionCancelsTheOverdueReminder() {
        LocalDate deadline = today.plusDays(1);
        fixture.given(registered)
                .andGivenCommands(new AssignIncomingDocument(ID, null, DEPARTMENT, List.of(), List.of(), deadline),
                        new CompleteProcessing(ID, DEPARTMENT, "Đã tham mưu văn bản trả lời", null))
                .whenThenTimeElapses(Duration.ofDays(3))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void assigneesRecordProgressForwardAndTheLeadCompletes() {
        fixture.given(registered, assigned(today.plusDays(5)))
                .when(new RecordProgress(ID, COOPERATING, "Đã gửi ý kiến phối hợp"))
                .expectEvents(new ProgressRecorded(ID, COOPERATING, "Đã gửi ý kiến phối hợp"));
        fixture.given(registered, assigned(today.plusDays(5)))
                .when(new ForwardAssignment(ID, DEPARTMENT, SPECIALIST, "Đồng chí An xử lý"))
                .expectEvents(new AssignmentForwarded(ID, DEPARTMENT, SPECIALIST, "Đồng chí An xử lý"));
        fixture.given(registered, assigned(today.plusDays(5)), new AssignmentForwarded(ID, DEPARTMENT, SPECIALIST, null))
                .when(new CompleteProcessing(ID, SPECIALIST, "Đã hoàn thành", "reply-1"))
                .expectEvents(new ProcessingCompleted(ID, SPECIALIST, "Đã hoàn thành", "reply-1"));
    }

    @Test
    void onlyTheLeadCompletesAndOnlyAssigneesAct() {
        fixture.given(registered, assigned(today.plusDays(5)))
                .when(new CompleteProcessing(ID, COOPERATING, "Xong", null))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(registered, assigned(today.plusDays(5)))
                .when(new RecordProgress(ID, Assignee.official("nguoi-ngoai"), "Tự ý"))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(registered)
                .when(new RecordProgress(ID, DEPARTMENT, "Chưa được giao"))
                .expectException(BusinessRuleViolation.class);
        fixture.given(registered, assigned(null), new ProcessingCompleted(ID, DEPARTMENT, "Xong", null))
                .when(new CompleteProcessing(ID, DEPARTMENT, "Lại xong", null))
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void aMisaddressedDocumentIsReturnedBeforeAssignmentAndItsKeyReleased() {
        fixture.given(registered)
                .when(new ReturnToSender(ID, "Gửi nhầm cơ quan"))
                .expectEvents(new IncomingDocumentReturnedToSender(ID, "Gửi nhầm cơ quan"));
        assertThat(released).containsExactly(ID);
        fixture.given(registered, assigned(null))
                .when(new ReturnToSender(ID, "Quá muộn"))
                .expectException(BusinessRuleViolation.class);
        fixture.given(registered, new IncomingDocumentReturnedToSender(ID, "Gửi nhầm"))
                .when(new AssignIncomingDocument(ID, null, DEPARTMENT, List.of(), List.of(), null))
                .expectException(BusinessRuleViolation.class);
    }
}
