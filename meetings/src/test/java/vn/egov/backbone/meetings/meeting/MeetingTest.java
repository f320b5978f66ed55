package vn.egov.backbone.meetings.meeting;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.*;
import vn.egov.backbone.meetings.meeting.api.MeetingDetails;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.*;
import vn.egov.backbone.meetings.meeting.api.MeetingKind;
import vn.egov.backbone.meetings.meeting.api.MinutesSignatory;
import vn.egov.backbone.meetings.meeting.api.PercentBase;
import vn.egov.backbone.meetings.meeting.api.Presence;
import vn.egov.backbone.meetings.meeting.api.SpeechKind;
import vn.egov.backbone.meetings.meeting.api.VoteChoice;
import vn.egov.backbone.meetings.meeting.api.VoteResult;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of a meeting: scheduling, invitations, agenda, check-in, the floor, votes, minutes, conclusions. */
class MeetingTest {
    private static final String ID = "5f1c2d3e-aaaa-bbbb-cccc-000000000001";
    private static final Instant NOW = Instant.parse("2026-11-23T01:55:00Z");
    private static final Instant START = Instant.parse("2026-11-23T02:00:00Z");
    private static final Instant END = Instant.parse("2026-11-23T04:00:00Z");
    private static final String CHAIR = "chu-tich", SECRETARY = "thu-ky", MEMBER_A = "giam-doc-so-a",
            MEMBER_B = "giam-doc-so-b", DEPUTY = "pho-giam-doc", OUTSIDER = "nguoi-ngoai";
    private static final MeetingDetails DETAILS = new MeetingDetails("Hội nghị giao ban trực tuyến quý IV",
            MeetingKind.HYBRID, CHAIR, "ubnd-tinh", START, END, "Hội trường UBND tỉnh", List.of("xa-1", "xa-2"),
            List.of(MEMBER_A, MEMBER_B), SECRETARY, 50);
    private static final MeetingScheduled SCHEDULED = new MeetingScheduled(ID, new MeetingDetails(DETAILS.title(),
            MeetingKind.HYBRID, CHAIR, "ubnd-tinh", START, END, "Hội trường UBND tỉnh",
            List.of("ubnd-tinh", "xa-1", "xa-2"), List.of(CHAIR, MEMBER_A, MEMBER_B), SECRETARY, 50),
            "hoi-nghi-giao-ban-truc-tuyen-quy-iv-5f1c2d3e", 123456789L, "K7P2QX");
    private static final MeetingStarted STARTED = new MeetingStarted(ID, NOW);
    private static final AgendaItemAdded ITEM = new AgendaItemAdded(ID, "item-1", 1,
            "Báo cáo tình hình kinh tế - xã hội", MEMBER_A, 30);

    private AggregateTestFixture<Meeting> fixture;
    /** The box the secret ballots go into, here in memory (the node's is a table, tested in MeetingsApiTest). */
    private final Map<String, Map<VoteChoice, Integer>> boxes = new java.util.HashMap<>();
    private final BallotBox ballotBox = new BallotBox() {
        @Override
        public void open(String voteId) {
            boxes.putIfAbsent(voteId, new java.util.EnumMap<>(VoteChoice.class));
        }

        @Override
        public void deposit(String voteId, VoteChoice choice) {
            boxes.computeIfAbsent(voteId, vote -> new java.util.EnumMap<>(VoteChoice.class)).merge(choice, 1, Integer::sum);
        }

        @Override
        public Map<VoteChoice, Integer> counts(String voteId) {
            return boxes.getOrDefault(voteId, Map.of());
        }
    };

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Meeting.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(ballotBox);
    }

    private static ParticipantCheckedIn checkedIn(String seat, Presence presence, int present) {
        return new ParticipantCheckedIn(ID, seat, seat, presence, NOW, present, 3);
    }

    @Test
    void scheduleGivesTheChairASeatTheHostAnEndpointAndAnAsciiRoom() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(ID, DETAILS, SECRETARY))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(Matchers.matches(payload -> {
                    MeetingScheduled e = (MeetingScheduled) payload;
                    assertThat(e.details().inviteeIds()).containsExactly(CHAIR, MEMBER_A, MEMBER_B);
                    assertThat(e.details().endpointUnitIds()).containsExactly("ubnd-tinh", "xa-1", "xa-2");
                    assertThat(e.roomSlug()).isEqualTo("hoi-nghi-giao-ban-truc-tuyen-quy-iv-5f1c2d3e");
                    assertThat(e.checkInCode()).matches("[A-Z2-9]{6}");
                    assertThat(e.conferenceId()).isPositive();
                    return true;
                }), Matchers.andNoMore())));
    }

    @Test
    void scheduleRefusesImpossibleTimesAndEndpointsOfAnInPersonMeeting() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(ID, new MeetingDetails("Họp", MeetingKind.IN_PERSON, CHAIR, "ubnd-tinh", END,
                        START, null, List.of(), List.of(), SECRETARY, 0), SECRETARY))
                .expectException(IllegalArgumentException.class).expectExceptionMessage("endsAt: meeting.ends-before-start");
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(ID, new MeetingDetails("Họp", MeetingKind.IN_PERSON, CHAIR, "ubnd-tinh", START,
                        END, null, List.of("xa-1"), List.of(), SECRETARY, 0), SECRETARY))
                .expectException(IllegalArgumentException.class);
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(ID, new MeetingDetails(" ", MeetingKind.HYBRID, CHAIR, "ubnd-tinh", START,
                        START.plusSeconds(25 * 3600), null, List.of(), List.of(), SECRETARY, 0), SECRETARY))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void onlyTheChairOrSecretaryReschedulesOrCancelsAndOnlyBeforeTheStart() {
        fixture.given(SCHEDULED)
                .when(new RescheduleMeeting(ID, START.plusSeconds(3600), END.plusSeconds(3600), "Phòng họp số 2",
                        "Trùng lịch tiếp công dân", SECRETARY))
                .expectEvents(new MeetingRescheduled(ID, START.plusSeconds(3600), END.plusSeconds(3600), "Phòng họp số 2",
                        "Trùng lịch tiếp công dân"));
        fixture.given(SCHEDULED).when(new CancelMeeting(ID, "Hoãn", MEMBER_A)).expectException(AccessDeniedException.class);
        fixture.given(SCHEDULED, STARTED).when(new CancelMeeting(ID, "Hoãn", CHAIR))
                .expectException(BusinessRuleViolation.class);
        fixture.given(SCHEDULED).when(new CancelMeeting(ID, "Lãnh đạo đi công tác", CHAIR))
                .expectEvents(new MeetingCancelled(ID, "Lãnh đạo đi công tác"));
        fixture.given(SCHEDULED, new MeetingCancelled(ID, "Hoãn"))
                .when(new CheckIn(ID, MEMBER_A, Presence.IN_PERSON, null, SECRETARY))
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void membersAcceptDeclineWithAReasonOrSendADeputyWhoThenActsInTheSeat() {
        fixture.given(SCHEDULED).when(new RespondToInvitation(ID, MEMBER_A, true, null, MEMBER_A))
                .expectEvents(new InvitationAccepted(ID, MEMBER_A));
        fixture.given(SCHEDULED).when(new RespondToInvitation(ID, MEMBER_A, false, " ", MEMBER_A))
                .expectException(IllegalArgumentException.class);
        fixture.given(SCHEDULED).when(new RespondToInvitation(ID, MEMBER_A, false, "Đi công tác Hà Nội", MEMBER_B))
                .expectException(AccessDeniedException.class);
        fixture.given(SCHEDULED).when(new RespondToInvitation(ID, CHAIR, false, "Bận", CHAIR))
                .expectException(BusinessRuleViolation.class);
        fixture.given(SCHEDULED).when(new DelegateSeat(ID, MEMBER_A, MEMBER_B, MEMBER_A))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage("meeting.deputy-has-seat");
        fixture.given(SCHEDULED, new SeatDelegated(ID, MEMBER_A, DEPUTY))
                .when(new CheckIn(ID, MEMBER_A, Presence.IN_PERSON, "k7p2qx", DEPUTY))
                .expectEvents(new ParticipantCheckedIn(ID, MEMBER_A, DEPUTY, Presence.IN_PERSON, NOW, 1, 3));
        fixture.given(SCHEDULED, new SeatDelegated(ID, MEMBER_A, DEPUTY))
                .when(new CheckIn(ID, MEMBER_A, Presence.IN_PERSON, "K7P2QX", MEMBER_A))
                .expectException(AccessDeniedException.class);
    }

    @Test
    void checkInNeedsTheRoomCodeOrTheSecretaryAndCountsTheQuorumOnce() {
        fixture.given(SCHEDULED).when(new CheckIn(ID, MEMBER_A, Presence.IN_PERSON, "WRONG1", MEMBER_A))
                .expectException(BusinessRuleViolation.class);
        fixture.given(SCHEDULED).when(new CheckIn(ID, MEMBER_A, Presence.IN_PERSON, null, SECRETARY))
                .expectEvents(checkedIn(MEMBER_A, Presence.IN_PERSON, 1));
        fixture.given(SCHEDULED, checkedIn(MEMBER_A, Presence.IN_PERSON, 1))
                .when(new CheckIn(ID, MEMBER_A, Presence.ONLINE, null, MEMBER_A))
                .expectNoEvents();
        fixture.given(SCHEDULED, checkedIn(MEMBER_A, Presence.ONLINE, 1))
                .when(new CheckIn(ID, MEMBER_B, Presence.ONLINE, null, MEMBER_B))
                .expectEvents(checkedIn(MEMBER_B, Presence.ONLINE, 2));
        fixture.given(SCHEDULED).when(new CheckIn(ID, OUTSIDER, Presence.ONLINE, null, OUTSIDER))
                .expectException(BusinessRuleViolation.class);
        fixture.given(SCHEDULED, checkedIn(MEMBER_A, Presence.ONLINE, 1))
                .when(new MarkAbsent(ID, MEMBER_A, "Mất kết nối, xin phép vắng", SECRETARY))
                .expectEvents(new ParticipantMarkedAbsent(ID, MEMBER_A, "Mất kết nối, xin phép vắng", 0, 3));
    }

    @Test
    void theChairGivesTheFloorInTurnAndSpeakingTimeIsRecorded() {
        FloorRequested request = new FloorRequested(ID, "req-1", "item-1", MEMBER_A, MEMBER_A, SpeechKind.AGAINST, NOW);
        fixture.given(SCHEDULED, ITEM).when(new RequestFloor(ID, "req-1", "item-1", MEMBER_A, SpeechKind.AGAINST, MEMBER_A))
                .expectEvents(request);
        fixture.given(SCHEDULED, ITEM, request)
                .when(new RequestFloor(ID, "req-2", "item-1", MEMBER_A, SpeechKind.SPEECH, MEMBER_A))
                .expectException(BusinessRuleViolation.class);
        fixture.given(SCHEDULED, ITEM, request).when(new GiveFloor(ID, "req-1", 180, CHAIR))
                .expectException(BusinessRuleViolation.class); // not started
        fixture.given(SCHEDULED, ITEM, STARTED, request).when(new GiveFloor(ID, "req-1", 180, MEMBER_B))
                .expectException(AccessDeniedException.class);
        fixture.given(SCHEDULED, ITEM, STARTED, request).when(new GiveFloor(ID, "req-1", 180, CHAIR))
                .expectEvents(new FloorGiven(ID, "req-1", MEMBER_A, 180, NOW));
        FloorRequested second = new FloorRequested(ID, "req-2", "item-1", MEMBER_B, MEMBER_B, SpeechKind.FOR, NOW);
        fixture.given(SCHEDULED, ITEM, STARTED, request,
                        new FloorGiven(ID, "req-1", MEMBER_A, 180, NOW.minusSeconds(95)), second)
                .when(new GiveFloor(ID, "req-2", 120, SECRETARY))
                .expectEvents(new SpeechEnded(ID, "req-1", 95, NOW), new FloorGiven(ID, "req-2", MEMBER_B, 120, NOW));
        fixture.given(SCHEDULED, ITEM, request, new FloorRequestWithdrawn(ID, "req-1"))
                .when(new WithdrawFloorRequest(ID, "req-1", MEMBER_A))
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void oneNamedVotePerPresentSeatNoneAfterClosingAndTheResultCounted() {
        VoteOpened opened = new VoteOpened(ID, "vote-1", "item-1", "Thông qua báo cáo?", false, PercentBase.PRESENT,
                List.of(CHAIR, MEMBER_A, MEMBER_B));
        fixture.given(SCHEDULED, ITEM, STARTED)
                .when(new OpenVote(ID, "vote-1", "item-1", "Thông qua báo cáo?", false, PercentBase.PRESENT, SECRETARY))
                .expectEvents(opened);
        fixture.given(SCHEDULED, ITEM, STARTED, opened)
                .when(new CastVote(ID, "vote-1", MEMBER_A, VoteChoice.YES, false, MEMBER_A))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage("meeting.check-in-before-voting");
        fixture.given(SCHEDULED, ITEM, STARTED, checkedIn(MEMBER_A, Presence.IN_PERSON, 1), opened)
                .when(new CastVote(ID, "vote-1", MEMBER_A, VoteChoice.YES, false, MEMBER_A))
                .expectEvents(new VoteCast(ID, "vote-1", MEMBER_A, MEMBER_A, VoteChoice.YES, false));
        fixture.given(SCHEDULED, ITEM, STARTED, checkedIn(MEMBER_A, Presence.IN_PERSON, 1), opened,
                        new VoteCast(ID, "vote-1", MEMBER_A, MEMBER_A, VoteChoice.YES, false))
                .when(new CastVote(ID, "vote-1", MEMBER_A, VoteChoice.NO, false, MEMBER_A))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage("meeting.already-voted");
        fixture.given(SCHEDULED, ITEM, STARTED, opened)
                .when(new CastVote(ID, "vote-1", OUTSIDER, VoteChoice.YES, false, OUTSIDER))
                .expectException(AccessDeniedException.class);
        fixture.given(SCHEDULED, ITEM, STARTED, checkedIn(MEMBER_B, Presence.ONLINE, 1), opened)
                .when(new CastVote(ID, "vote-1", MEMBER_B, VoteChoice.YES, false, MEMBER_A))
                .expectException(AccessDeniedException.class);
        fixture.given(SCHEDULED, ITEM, STARTED, checkedIn(MEMBER_A, Presence.IN_PERSON, 1), opened,
                        new VoteClosed(ID, "vote-1", VoteResult.count(3, 1, PercentBase.PRESENT, 0, 0, 0)))
                .when(new CastVote(ID, "vote-1", MEMBER_A, VoteChoice.YES, false, MEMBER_A))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage("meeting.vote-closed");
        // Two present (chair, A) and B absent with a written opinion: the base "present" counts the three who took part.
        fixture.given(SCHEDULED, ITEM, STARTED, checkedIn(CHAIR, Presence.IN_PERSON, 1),
                        checkedIn(MEMBER_A, Presence.ONLINE, 2), opened,
                        new VoteCast(ID, "vote-1", CHAIR, CHAIR, VoteChoice.YES, false),
                        new VoteCast(ID, "vote-1", MEMBER_A, MEMBER_A, VoteChoice.ABSTAIN, false),
                        new VoteCast(ID, "vote-1", MEMBER_B, MEMBER_B, VoteChoice.YES, true))
                .when(new CloseVote(ID, "vote-1", CHAIR))
                .expectEvents(new VoteClosed(ID, "vote-1",
                        new VoteResult(3, 3, 3, 2, 0, 1, 0, 66.67, 0.0, 33.33, true)));
    }

    @Test
    void aWrittenOpinionIsForAnAbsentMemberAndASecretBallotLeavesTheSeatOutOfTheBox() {
        VoteOpened secret = new VoteOpened(ID, "vote-2", "item-1", "Bầu trưởng ban?", true, PercentBase.ENTITLED,
                List.of(CHAIR, MEMBER_A, MEMBER_B));
        fixture.given(SCHEDULED, ITEM, STARTED, checkedIn(MEMBER_A, Presence.IN_PERSON, 1), secret)
                .when(new CastVote(ID, "vote-2", MEMBER_A, VoteChoice.NO, true, MEMBER_A))
                .expectException(BusinessRuleViolation.class);
        // the seat's event carries no choice, and no event carries the choice: it is counted in the box
        fixture.given(SCHEDULED, ITEM, STARTED, checkedIn(MEMBER_A, Presence.IN_PERSON, 1), secret)
                .when(new CastVote(ID, "vote-2", MEMBER_A, VoteChoice.NO, false, MEMBER_A))
                .expectEvents(new VoteCast(ID, "vote-2", MEMBER_A, MEMBER_A, null, false));
        assertThat(boxes.get("vote-2")).isEqualTo(Map.of(VoteChoice.NO, 1));
        fixture.given(SCHEDULED, ITEM, STARTED, secret)
                .when(new CastVote(ID, "vote-2", MEMBER_B, VoteChoice.YES, true, SECRETARY))
                .expectEvents(new VoteCast(ID, "vote-2", MEMBER_B, MEMBER_B, null, true));
        assertThat(boxes.get("vote-2")).isEqualTo(Map.of(VoteChoice.NO, 1, VoteChoice.YES, 1));
        boxes.clear();
        ballotBox.deposit("vote-2", VoteChoice.NO);
        fixture.given(SCHEDULED, ITEM, STARTED, checkedIn(MEMBER_A, Presence.IN_PERSON, 1), secret,
                        new VoteCast(ID, "vote-2", MEMBER_A, MEMBER_A, null, false))
                .when(new CloseVote(ID, "vote-2", SECRETARY))
                .expectEvents(new VoteClosed(ID, "vote-2", new VoteResult(3, 1, 3, 0, 1, 0, 2, 0.0, 33.33, 0.0, false)));
        // a meeting stored before the box: its SecretBallotDeposited events still count
        boxes.clear();
        fixture.given(SCHEDULED, ITEM, STARTED, checkedIn(MEMBER_A, Presence.IN_PERSON, 1), secret,
                        new VoteCast(ID, "vote-2", MEMBER_A, MEMBER_A, null, false),
                        new SecretBallotDeposited(ID, "vote-2", VoteChoice.NO))
                .when(new CloseVote(ID, "vote-2", SECRETARY))
                .expectEvents(new VoteClosed(ID, "vote-2", new VoteResult(3, 1, 3, 0, 1, 0, 2, 0.0, 33.33, 0.0, false)));
        fixture.given(SCHEDULED, ITEM, STARTED, secret)
                .when(new OpenVote(ID, "vote-3", "item-1", "Câu khác", false, PercentBase.PRESENT, CHAIR))
                .expectException(BusinessRuleViolation.class);
        fixture.given(SCHEDULED, ITEM, STARTED, secret).when(new EndMeeting(ID, CHAIR))
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void approvedMinutesAreSignedOnceByTheSecretaryAndOnceByTheChairEachOnTheOthersFile() {
        MinutesDrafted draft = new MinutesDrafted(ID, 1, "Biên bản: hội nghị thống nhất các nội dung.");
        MinutesApproved approved = new MinutesApproved(ID, 1);
        String first = "a".repeat(64);
        String second = "b".repeat(64);
        MinutesSigned bySecretary = new MinutesSigned(ID, 1, MinutesSignatory.SECRETARY, SECRETARY, first,
                "Biên bản (đã ký).pdf", 1000, "CN=Thư ký");
        fixture.given(SCHEDULED, STARTED, draft)
                .when(new SignMinutes(ID, 1, MinutesSignatory.SECRETARY, null, first, "Biên bản (đã ký).pdf", 1000, "CN=Thư ký", SECRETARY))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage("meeting.minutes-not-approved");
        fixture.given(SCHEDULED, STARTED, draft, approved)
                .when(new SignMinutes(ID, 1, MinutesSignatory.CHAIR, null, first, "Biên bản.pdf", 1000, "CN=X", SECRETARY))
                .expectException(AccessDeniedException.class);
        fixture.given(SCHEDULED, STARTED, draft, approved)
                .when(new SignMinutes(ID, 1, MinutesSignatory.SECRETARY, null, "../../etc/passwd", "Biên bản.pdf", 1000, "CN=X", SECRETARY))
                .expectException(IllegalArgumentException.class);
        fixture.given(SCHEDULED, STARTED, draft, approved)
                .when(new SignMinutes(ID, 1, MinutesSignatory.SECRETARY, null, first, "Biên bản (đã ký).pdf", 1000, "CN=Thư ký", SECRETARY))
                .expectEvents(bySecretary);
        fixture.given(SCHEDULED, STARTED, draft, approved, bySecretary)
                .when(new SignMinutes(ID, 1, MinutesSignatory.SECRETARY, first, second, "Biên bản.pdf", 1000, "CN=Thư ký", SECRETARY))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage("meeting.minutes-already-signed");
        // the chair signed the file as it was before the secretary's signature: that would leave it out
        fixture.given(SCHEDULED, STARTED, draft, approved, bySecretary)
                .when(new SignMinutes(ID, 1, MinutesSignatory.CHAIR, null, second, "Biên bản.pdf", 1000, "CN=Chủ trì", CHAIR))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage("meeting.minutes-signed-meanwhile");
        fixture.given(SCHEDULED, STARTED, draft, approved, bySecretary)
                .when(new SignMinutes(ID, 1, MinutesSignatory.CHAIR, first, second, "Biên bản (đã ký).pdf", 1200, "CN=Chủ trì", CHAIR))
                .expectEvents(new MinutesSigned(ID, 1, MinutesSignatory.CHAIR, CHAIR, second, "Biên bản (đã ký).pdf", 1200, "CN=Chủ trì"));
    }

    @Test
    void minutesAreDraftedBySecretaryApprovedByChairThenFinalAndTheConclusionGoesOutOnce() {
        MinutesDrafted draft = new MinutesDrafted(ID, 1, "Biên bản: hội nghị thống nhất các nội dung.");
        fixture.given(SCHEDULED).when(new DraftMinutes(ID, "Biên bản", SECRETARY))
                .expectException(BusinessRuleViolation.class);
        fixture.given(SCHEDULED, STARTED).when(new DraftMinutes(ID, "Biên bản: hội nghị thống nhất các nội dung.", SECRETARY))
                .expectEvents(draft);
        fixture.given(SCHEDULED, STARTED, draft).when(new DraftMinutes(ID, "Sửa", MEMBER_A))
                .expectException(AccessDeniedException.class);
        fixture.given(SCHEDULED, STARTED, draft).when(new ApproveMinutes(ID, 1, SECRETARY))
                .expectException(AccessDeniedException.class);
        fixture.given(SCHEDULED, STARTED, draft, new MinutesDrafted(ID, 2, "Bản sửa"))
                .when(new ApproveMinutes(ID, 1, CHAIR))
                .expectException(BusinessRuleViolation.class);
        fixture.given(SCHEDULED, STARTED, draft).when(new ApproveMinutes(ID, 1, CHAIR))
                .expectEvents(new MinutesApproved(ID, 1));
        fixture.given(SCHEDULED, STARTED, draft, new MinutesApproved(ID, 1)).when(new DraftMinutes(ID, "Sửa", SECRETARY))
                .expectException(BusinessRuleViolation.class);
        ConclusionNoticeRequested notice = new ConclusionNoticeRequested(ID, "doc-1", "vp-ubnd", SECRETARY,
                "Thông báo kết luận của Chủ tịch UBND tỉnh", "Kết luận: giao các sở triển khai.");
        fixture.given(SCHEDULED, STARTED, new MeetingEnded(ID, NOW))
                .when(new IssueConclusionNotice(ID, "doc-1", "vp-ubnd", "Thông báo kết luận của Chủ tịch UBND tỉnh",
                        "Kết luận: giao các sở triển khai.", SECRETARY))
                .expectEvents(notice);
        fixture.given(SCHEDULED, STARTED, new MeetingEnded(ID, NOW), notice)
                .when(new IssueConclusionNotice(ID, "doc-2", "vp-ubnd", "Lần hai", "Nội dung", SECRETARY))
                .expectException(BusinessRuleViolation.class);
        fixture.given(SCHEDULED)
                .when(new IssueConclusionNotice(ID, "doc-1", "vp-ubnd", "Sớm", "Nội dung", SECRETARY))
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void agendaAndDocumentsAreTheRunnersAndMembersCommentOnlyOnceADocumentIsOpen() {
        fixture.given(SCHEDULED).when(new AddAgendaItem(ID, "item-1", "Báo cáo tình hình kinh tế - xã hội", MEMBER_A, 30, SECRETARY))
                .expectEvents(ITEM);
        fixture.given(SCHEDULED).when(new AddAgendaItem(ID, "item-1", "Báo cáo", null, 30, MEMBER_A))
                .expectException(AccessDeniedException.class);
        AgendaItemAdded second = new AgendaItemAdded(ID, "item-2", 2, "Tờ trình dự toán", MEMBER_B, 20);
        fixture.given(SCHEDULED, ITEM, second).when(new MoveAgendaItem(ID, "item-2", 1, CHAIR))
                .expectEvents(new AgendaItemMoved(ID, "item-2", 1));
        MeetingDocumentAttached later = new MeetingDocumentAttached(ID, "md-1", "item-1", "Dự thảo báo cáo", "eo-1", null,
                NOW.plusSeconds(3600));
        fixture.given(SCHEDULED, ITEM)
                .when(new AttachMeetingDocument(ID, "md-1", "item-1", "Dự thảo báo cáo", "eo-1", null, NOW.plusSeconds(3600), SECRETARY))
                .expectEvents(later);
        fixture.given(SCHEDULED, ITEM)
                .when(new AttachMeetingDocument(ID, "md-1", "item-1", "Cả hai", "eo-1", "sha256-abc", null, SECRETARY))
                .expectException(IllegalArgumentException.class);
        fixture.given(SCHEDULED, ITEM, later)
                .when(new CommentOnMeetingDocument(ID, "md-1", "c-1", "Đề nghị bổ sung số liệu", MEMBER_A))
                .expectException(BusinessRuleViolation.class);
        fixture.given(SCHEDULED, ITEM, later)
                .when(new CommentOnMeetingDocument(ID, "md-1", "c-1", "Ý kiến", OUTSIDER))
                .expectException(AccessDeniedException.class);
        fixture.given(SCHEDULED, ITEM, later)
                .when(new CommentOnMeetingDocument(ID, "md-1", "c-1", "Đã rà soát", SECRETARY))
                .expectEvents(new MeetingDocumentCommented(ID, "md-1", "c-1", SECRETARY, "Đã rà soát", NOW));
    }

    @Test
    void roomAndRecordingEventsAreRecordedOnceAndRecordingIsTheSecretarys() {
        fixture.given(SCHEDULED).when(new RecordRoomOpened(ID, NOW)).expectEvents(new ConferenceRoomOpened(ID, NOW));
        fixture.given(SCHEDULED, new ConferenceRoomOpened(ID, NOW)).when(new RecordRoomOpened(ID, NOW)).expectNoEvents();
        fixture.given(SCHEDULED, STARTED).when(new RecordRecordingStarted(ID, "jibri-1", CHAIR))
                .expectException(AccessDeniedException.class);
        fixture.given(SCHEDULED, STARTED).when(new RecordRecordingStarted(ID, "jibri-1", SECRETARY))
                .expectEvents(new RecordingStarted(ID, "jibri-1"));
        fixture.given(SCHEDULED, STARTED, new RecordingStarted(ID, "jibri-1"))
                .when(new RecordRecordingStopped(ID, SECRETARY))
                .expectEvents(new RecordingStopped(ID, "jibri-1"));
    }

    @Test
    void roomSlugsAreAsciiWhateverTheTitle() {
        assertThat(RoomSlug.of("Họp Ban Chỉ đạo chuyển đổi số — Đặc khu Phú Quốc", "ABCDEF12-0000"))
                .isEqualTo("hop-ban-chi-dao-chuyen-doi-so-dac-khu-phu-quoc-abcdef12");
        assertThat(RoomSlug.of("Hội nghị", "1")).isEqualTo("hoi-nghi-1");
        assertThat(RoomSlug.of("!!!", "x-y")).isEqualTo("hop-xy");
        assertThat(RoomSlug.of("Hội nghị trực tuyến toàn tỉnh triển khai nhiệm vụ phát triển kinh tế", "aa"))
                .matches("[a-z0-9-]+").hasSizeLessThanOrEqualTo(51);
    }
}
