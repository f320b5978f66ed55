package vn.egov.backbone.meetings.meeting;

import org.springframework.stereotype.Component;
import vn.egov.backbone.core.web.PendingWork;

/** The count on the menu's "Cuộc họp": invitations the official has not answered, meetings of theirs to prepare. */
@Component
class MeetingPendingWork implements PendingWork {
    private final MeetingActions meetings;

    MeetingPendingWork(MeetingActions meetings) {
        this.meetings = meetings;
    }

    @Override
    public long countFor(String officialId) {
        return meetings.waitingFor(officialId);
    }

    @Override
    public String menu() {
        return "meetings";
    }
}
