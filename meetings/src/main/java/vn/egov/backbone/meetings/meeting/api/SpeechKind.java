package vn.egov.backbone.meetings.meeting.api;

/** What a speaker asks the floor for. A point of order goes ahead of the queue. */
public enum SpeechKind {
    SPEECH, FOR, AGAINST, POINT_OF_ORDER
}
