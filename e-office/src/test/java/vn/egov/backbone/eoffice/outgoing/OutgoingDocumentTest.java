package vn.egov.backbone.eoffice.outgoing;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.eoffice.document.api.Classification;
import vn.egov.backbone.eoffice.document.api.DocumentType;
import vn.egov.backbone.eoffice.document.api.Urgency;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.ApproveDraft;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.DraftContent;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.ReturnDraft;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.ReviewDraft;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.ReviseDraft;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingCommands.SubmitDraft;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftApproved;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftCreated;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftReturned;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftReviewAccepted;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftRevised;
import vn.egov.backbone.eoffice.outgoing.api.OutgoingEvents.DraftSubmitted;

import java.util.List;

class OutgoingDocumentTest {
    private static final String ID = "draft-1";
    private static final String DRAFTER = "chuyen-vien";
    private static final String HEAD = "truong-phong";
    private static final String LEADER = "pho-chu-tich";
    private static final DraftContent CONTENT = new DraftContent(DocumentType.CONG_VAN,
            "Về việc triển khai họp trực tuyến với các xã", "Kính gửi: UBND các xã", List.of("ubnd-xa-tan-lap"),
            List.of("Sở Thông tin và Truyền thông"), Urgency.NORMAL, Classification.NONE, null, null);
    private static final DraftCreated CREATED = new DraftCreated(ID, "ubnd-tinh", DRAFTER, 1, CONTENT);

    private AggregateTestFixture<OutgoingDocument> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OutgoingDocument.class);
    }

    @Test
    void everyRevisionIsANewVersion() {
        DraftContent revised = new DraftContent(DocumentType.CONG_VAN, "Về việc triển khai họp trực tuyến (sửa)",
                null, List.of(), List.of(), null, null, null, null);
        fixture.given(CREATED)
                .when(new ReviseDraft(ID, DRAFTER, revised))
                .expectEvents(new DraftRevised(ID, DRAFTER, 2, new DraftContent(DocumentType.CONG_VAN,
                        "Về việc triển khai họp trực tuyến (sửa)", null, List.of(), List.of(), Urgency.NORMAL,
                        Classification.NONE, null, null)));
        fixture.given(CREATED)
                .when(new ReviseDraft(ID, "nguoi-khac", revised))
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void reviewThenApproval() {
        fixture.given(CREATED)
                .when(new SubmitDraft(ID, DRAFTER, HEAD, LEADER))
                .expectEvents(new DraftSubmitted(ID, DRAFTER, 1, HEAD, LEADER));
        fixture.given(CREATED, new DraftSubmitted(ID, DRAFTER, 1, HEAD, LEADER))
                .when(new ReviewDraft(ID, HEAD, true, "Đạt"))
                .expectEvents(new DraftReviewAccepted(ID, HEAD, 1, "Đạt"));
        fixture.given(CREATED, new DraftSubmitted(ID, DRAFTER, 1, HEAD, LEADER), new DraftReviewAccepted(ID, HEAD, 1, null))
                .when(new ApproveDraft(ID, LEADER, "Đồng ý ban hành"))
                .expectEvents(new DraftApproved(ID, LEADER, 1, "Đồng ý ban hành"));
    }

    @Test
    void aLeaderCannotApproveBeforeTheReviewNorSomeoneElsesDraft() {
        fixture.given(CREATED, new DraftSubmitted(ID, DRAFTER, 1, HEAD, LEADER))
                .when(new ApproveDraft(ID, LEADER, null))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(CREATED, new DraftSubmitted(ID, DRAFTER, 1, null, LEADER))
                .when(new ApproveDraft(ID, "lanh-dao-khac", null))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(CREATED, new DraftSubmitted(ID, DRAFTER, 1, HEAD, LEADER))
                .when(new ReviewDraft(ID, "nguoi-khac", true, null))
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void aReturnedDraftNeedsACommentAndCanBeRevisedAgain() {
        fixture.given(CREATED, new DraftSubmitted(ID, DRAFTER, 1, null, LEADER))
                .when(new ReturnDraft(ID, LEADER, " "))
                .expectException(IllegalArgumentException.class);
        fixture.given(CREATED, new DraftSubmitted(ID, DRAFTER, 1, null, LEADER))
                .when(new ReturnDraft(ID, LEADER, "Bổ sung căn cứ pháp lý"))
                .expectEvents(new DraftReturned(ID, LEADER, 1, "Bổ sung căn cứ pháp lý"));
        fixture.given(CREATED, new DraftSubmitted(ID, DRAFTER, 1, null, LEADER), new DraftReturned(ID, LEADER, 1, "Sửa"))
                .when(new ReviseDraft(ID, DRAFTER, CONTENT))
                .expectSuccessfulHandlerExecution();
        fixture.given(CREATED, new DraftSubmitted(ID, DRAFTER, 1, null, LEADER))
                .when(new ReviseDraft(ID, DRAFTER, CONTENT))
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void submittingNeedsAnApprover() {
        fixture.given(CREATED)
                .when(new SubmitDraft(ID, DRAFTER, null, " "))
                .expectException(IllegalArgumentException.class);
    }
}
