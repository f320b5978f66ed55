package vn.egov.backbone.meetings.meeting.api;

/** How people attend: in the room, through video endpoints (hội nghị truyền hình), or both. */
public enum MeetingKind {
    IN_PERSON, VIDEO_CONFERENCE, HYBRID;

    public boolean usesVideo() {
        return this != IN_PERSON;
    }
}
