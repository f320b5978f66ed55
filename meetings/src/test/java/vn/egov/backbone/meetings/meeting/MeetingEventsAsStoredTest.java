package vn.egov.backbone.meetings.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.AddAgendaItem;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.ApproveMinutes;
import vn.egov.backbone.meetings.meeting.api.MeetingCommands.CloseVote;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.AgendaItemAdded;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingCancelled;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingEnded;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingScheduled;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MinutesApproved;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.VoteClosed;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored events are forever: meetings rebuilt from events exactly as the event store held them before the
 * meeting was split into its parts ({@code events/meetings-as-stored.json}: payload type, revision and
 * JSON of every meeting event of a run of {@code MeetingsApiTest}, taken from its H2 event store with the
 * code of commit f039b3f). They are read with Axon's Jackson serializer, as the event store reads them,
 * and the meeting decides again what it decided then: the same vote result from the same ballots and
 * presences, the same minutes approval, and an agenda that goes on where it stopped.
 */
class MeetingEventsAsStoredTest {
    private static final Instant NOW = Instant.parse("2026-12-03T03:00:00Z");
    private static final Map<String, List<Object>> streams = new LinkedHashMap<>();

    @BeforeAll
    static void readTheStoredEvents() throws Exception {
        JsonMapper json = JsonMapper.builder().findAndAddModules().build();
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(json).build();
        try (InputStream in = MeetingEventsAsStoredTest.class.getResourceAsStream("/events/meetings-as-stored.json")) {
            for (JsonNode stored : json.readTree(in)) {
                byte[] payload = json.writeValueAsBytes(stored.get("payload"));
                String revision = stored.get("revision").isNull() ? null : stored.get("revision").asText();
                Object event = serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class,
                        stored.get("type").asText(), revision));
                streams.computeIfAbsent(stored.get("aggregate").asText(), id -> new ArrayList<>()).add(event);
            }
        }
    }

    private static AggregateTestFixture<Meeting> fixture() {
        AggregateTestFixture<Meeting> fixture = new AggregateTestFixture<>(Meeting.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        // meetings stored before the ballot box keep their secret ballots in their events: the box is empty
        fixture.registerInjectableResource(new BallotBox() {
            @Override
            public void open(String voteId) {
                throw new AssertionError("no vote opens here");
            }

            @Override
            public void deposit(String voteId, vn.egov.backbone.meetings.meeting.api.VoteChoice choice) {
                throw new AssertionError("no ballot is cast here");
            }

            @Override
            public java.util.Map<vn.egov.backbone.meetings.meeting.api.VoteChoice, Integer> counts(String voteId) {
                return java.util.Map.of();
            }
        });
        return fixture;
    }

    @Test
    void theStoredStreamsCoverAMeetingsWholeLife() {
        assertThat(streams).hasSizeGreaterThanOrEqualTo(5);
        List<Class<?>> kinds = new ArrayList<>();
        streams.values().stream().flatMap(List::stream).map(Object::getClass).distinct().forEach(kinds::add);
        assertThat(kinds).contains(MeetingScheduled.class, VoteClosed.class, MinutesApproved.class, MeetingEnded.class,
                MeetingCancelled.class);
        assertThat(kinds.size()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aClosedVoteIsCountedAgainToTheSameResult() {
        int checked = 0;
        for (List<Object> events : streams.values()) {
            String chair = ((MeetingScheduled) events.getFirst()).details().chairId();
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i) instanceof VoteClosed closed) {
                    fixture().given(events.subList(0, i))
                            .when(new CloseVote(closed.meetingId(), closed.voteId(), chair))
                            .expectSuccessfulHandlerExecution()
                            .expectEvents(closed);
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void approvedMinutesAreApprovedAgainOnTheSameVersion() {
        int checked = 0;
        for (List<Object> events : streams.values()) {
            String chair = ((MeetingScheduled) events.getFirst()).details().chairId();
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i) instanceof MinutesApproved approved) {
                    fixture().given(events.subList(0, i))
                            .when(new ApproveMinutes(approved.meetingId(), approved.version(), chair))
                            .expectEvents(approved);
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void everyStoredMeetingLoadsAndItsAgendaGoesOnWhereItStopped() {
        for (Map.Entry<String, List<Object>> stream : streams.entrySet()) {
            List<Object> events = stream.getValue();
            String chair = ((MeetingScheduled) events.getFirst()).details().chairId();
            AddAgendaItem next = new AddAgendaItem(stream.getKey(), "muc-moi", "Nội dung bổ sung", null, 15, chair);
            boolean over = events.stream().anyMatch(e -> e instanceof MeetingEnded || e instanceof MeetingCancelled);
            long items = events.stream().filter(AgendaItemAdded.class::isInstance).count();
            var result = fixture().given(events).when(next);
            if (over) {
                result.expectException(vn.egov.backbone.core.shared.BusinessRuleViolation.class);
            } else {
                result.expectEvents(new AgendaItemAdded(stream.getKey(), "muc-moi", (int) items + 1,
                        "Nội dung bổ sung", null, 15));
            }
        }
    }
}
