package vn.egov.backbone.meetings.meeting.api;

public enum MeetingStatus {
    SCHEDULED, IN_PROGRESS, ENDED, CANCELLED
}
