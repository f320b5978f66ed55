package vn.egov.backbone.notifications.decision;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.meetings.meeting.api.MeetingDetails;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingCancelled;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingRescheduled;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingScheduled;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.SeatDelegated;
import vn.egov.backbone.notifications.outbox.Outbox;
import vn.egov.backbone.notifications.outbox.api.NotificationKind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static vn.egov.backbone.notifications.decision.Notifier.cut;

/**
 * Who is told what of meetings: the invited (a deputy in place of the member who delegated), of a meeting's
 * scheduling, its new time or its cancellation, and reminded a day and an hour before — reminders moved with the
 * meeting and cancelled with it. {@link Notifier} sends.
 */
@Component
@ProcessingGroup("notifications")
class MeetingNotifications {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
            .withZone(DisplayDates.VIETNAM);
    private static final Set<NotificationKind> MEETING_REMINDERS =
            EnumSet.of(NotificationKind.MEETING_REMINDER_DAY, NotificationKind.MEETING_REMINDER_HOUR);

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Notifier notifier;
    private final Clock clock;

    MeetingNotifications(JdbcClient jdbc, Outbox outbox, Notifier notifier, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.notifier = notifier;
        this.clock = clock;
    }

    @EventHandler
    void on(MeetingScheduled e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        MeetingDetails d = e.details();
        jdbc.sql("INSERT INTO notification_meeting (meeting_id, title, starts_at, location) VALUES (:id, :title, :starts,"
                        + " :location) ON CONFLICT DO NOTHING")
                .param("id", e.meetingId()).param("title", cut(d.title())).param("starts", java.sql.Timestamp.from(d.startsAt()))
                .param("location", cut(d.location())).update();
        Set<String> people = new LinkedHashSet<>(d.inviteeIds() == null ? List.of() : d.inviteeIds());
        if (d.chairId() != null) {
            people.add(d.chairId());
        }
        if (d.secretaryId() != null) {
            people.add(d.secretaryId());
        }
        for (String person : people) {
            jdbc.sql("INSERT INTO notification_meeting_person (meeting_id, official_id) VALUES (:id, :person)"
                    + " ON CONFLICT DO NOTHING").param("id", e.meetingId()).param("person", person).update();
        }
        Map<String, String> data = meetingData(e.meetingId());
        for (String person : people) {
            notifier.tellOfficial(eventId, at, NotificationKind.MEETING_INVITATION, e.meetingId(), person, data, at);
            remindMeeting(e.meetingId(), person, d.startsAt(), data);
        }
    }

    @EventHandler
    void on(MeetingRescheduled e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        jdbc.sql("UPDATE notification_meeting SET starts_at = :starts, location = COALESCE(:location, location)"
                        + " WHERE meeting_id = :id")
                .param("id", e.meetingId()).param("starts", java.sql.Timestamp.from(e.startsAt()))
                .param("location", cut(e.location())).update();
        outbox.cancelPending(e.meetingId(), MEETING_REMINDERS, clock.instant());
        Map<String, String> data = meetingData(e.meetingId());
        for (String person : meetingPeople(e.meetingId())) {
            notifier.tellOfficial(eventId, at, NotificationKind.MEETING_RESCHEDULED, e.meetingId(), person, data, at);
            remindMeeting(e.meetingId(), person, e.startsAt(), data);
        }
    }

    @EventHandler
    void on(MeetingCancelled e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        outbox.cancelPending(e.meetingId(), MEETING_REMINDERS, clock.instant());
        Map<String, String> data = meetingData(e.meetingId());
        data.remove("link");
        data.remove("location");
        data.put("reason", e.reason() == null ? "" : cut(e.reason()));
        for (String person : meetingPeople(e.meetingId())) {
            notifier.tellOfficial(eventId, at, NotificationKind.MEETING_CANCELLED, e.meetingId(), person, data, at);
        }
    }

    /** The deputy is invited and reminded in place of the member, who is no longer reminded. */
    @EventHandler
    void on(SeatDelegated e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        jdbc.sql("INSERT INTO notification_meeting_person (meeting_id, official_id) VALUES (:id, :person)"
                + " ON CONFLICT DO NOTHING").param("id", e.meetingId()).param("person", e.deputyId()).update();
        outbox.cancelPending(e.meetingId(), e.seatId(), MEETING_REMINDERS, clock.instant());
        Map<String, String> data = meetingData(e.meetingId());
        notifier.tellOfficial(eventId, at, NotificationKind.MEETING_INVITATION, e.meetingId(), e.deputyId(), data, at);
        jdbc.sql("SELECT starts_at FROM notification_meeting WHERE meeting_id = :id").param("id", e.meetingId())
                .query(java.sql.Timestamp.class).optional()
                .ifPresent(starts -> remindMeeting(e.meetingId(), e.deputyId(), starts.toInstant(), data));
    }

    private void remindMeeting(String meetingId, String person, Instant startsAt, Map<String, String> data) {
        notifier.remind(NotificationKind.MEETING_REMINDER_DAY, meetingId, person, data, startsAt.minus(Duration.ofDays(1)));
        notifier.remind(NotificationKind.MEETING_REMINDER_HOUR, meetingId, person, data, startsAt.minus(Duration.ofHours(1)));
    }

    private Map<String, String> meetingData(String meetingId) {
        Map<String, String> data = new LinkedHashMap<>();
        jdbc.sql("SELECT title, starts_at, location FROM notification_meeting WHERE meeting_id = :id").param("id", meetingId)
                .query(rs -> {
                    data.put("meeting", rs.getString(1));
                    data.put("startsAt", WHEN.format(rs.getTimestamp(2).toInstant()));
                    data.put("location", rs.getString(3) == null ? "trực tuyến" : rs.getString(3));
                });
        data.put("link", notifier.link("/meetings/" + meetingId));
        return data;
    }

    private List<String> meetingPeople(String meetingId) {
        return jdbc.sql("SELECT official_id FROM notification_meeting_person WHERE meeting_id = :id ORDER BY official_id")
                .param("id", meetingId).query(String.class).list();
    }

    /**
     * A replay rebuilds what decisions need to know; the outbox and its log stay: every key decided before is
     * decided again to nothing, and what was sent is not sent again.
     */
    @ResetHandler
    void reset() {
        for (String table : List.of("notification_meeting", "notification_meeting_person")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }
}
