package vn.egov.backbone.meetings.meeting.api;

/** Who signs the minutes (NĐ 30, Phụ lục III, the form of a biên bản): the secretary who kept them and the chair. */
public enum MinutesSignatory {
    SECRETARY, CHAIR
}
