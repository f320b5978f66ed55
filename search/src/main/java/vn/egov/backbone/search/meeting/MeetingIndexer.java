package vn.egov.backbone.search.meeting;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.core.unit.UnitQueries;
import vn.egov.backbone.core.unit.api.UnitView;
import vn.egov.backbone.eoffice.document.api.Classification;
import vn.egov.backbone.meetings.meeting.api.MeetingDetails;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingCancelled;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingRescheduled;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MeetingScheduled;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MinutesApproved;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.MinutesDrafted;
import vn.egov.backbone.meetings.meeting.api.MeetingEvents.SeatDelegated;
import vn.egov.backbone.search.index.RecordKind;
import vn.egov.backbone.search.index.RecordUpdates;
import vn.egov.backbone.search.index.SearchConfiguration;

/**
 * Meetings and their minutes in the search index: the title as subject, the host unit as issuer, the
 * latest version of the minutes as body. Found by those who sat in the meeting (chair, secretary,
 * invitees and their deputies) and the host unit's officials, not by the whole agency: minutes are
 * not circulated further than the meeting. Conclusion notices are indexed as the outgoing documents
 * they are.
 */
@Component
@ProcessingGroup(SearchConfiguration.PROCESSOR)
class MeetingIndexer {
    static final String KIND = RecordKind.MEETING.name();

    private final RecordUpdates updates;
    private final UnitQueries units;

    MeetingIndexer(RecordUpdates updates, UnitQueries units) {
        this.updates = updates;
        this.units = units;
    }

    @EventHandler
    void on(MeetingScheduled e, DomainEventMessage<?> message) {
        MeetingDetails details = e.details();
        updates.apply(e.meetingId(), KIND, message, record -> {
            record.subject = details.title();
            record.issuer = units.find(details.hostUnitId()).map(UnitView::name).orElse(null);
            record.classification = Classification.NONE.name();
            record.createdOn = details.startsAt().atZone(DisplayDates.VIETNAM).toLocalDate();
            record.status = KIND + "_SCHEDULED";
            record.assignedUnits.add(details.hostUnitId());
            record.participants.add(details.chairId());
            if (details.secretaryId() != null) {
                record.participants.add(details.secretaryId());
            }
            record.participants.addAll(details.inviteeIds());
        });
    }

    @EventHandler
    void on(MeetingRescheduled e, DomainEventMessage<?> message) {
        updates.apply(e.meetingId(), KIND, message,
                record -> record.createdOn = e.startsAt().atZone(DisplayDates.VIETNAM).toLocalDate());
    }

    @EventHandler
    void on(MeetingCancelled e, DomainEventMessage<?> message) {
        updates.apply(e.meetingId(), KIND, message, record -> record.status = KIND + "_CANCELLED");
    }

    @EventHandler
    void on(SeatDelegated e, DomainEventMessage<?> message) {
        updates.apply(e.meetingId(), KIND, message, record -> record.participants.add(e.deputyId()));
    }

    @EventHandler
    void on(MinutesDrafted e, DomainEventMessage<?> message) {
        updates.apply(e.meetingId(), KIND, message, record -> record.status = KIND + "_MINUTES_DRAFTED", record -> e.text());
    }

    @EventHandler
    void on(MinutesApproved e, DomainEventMessage<?> message) {
        updates.apply(e.meetingId(), KIND, message, record -> record.status = KIND + "_MINUTES_APPROVED");
    }
}
