package vn.egov.backbone.meetings.meeting.api;

/** What the percentages of a vote are taken of: the members present when it closes, or all entitled members. */
public enum PercentBase {
    PRESENT, ENTITLED
}
