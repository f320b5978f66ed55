package vn.egov.backbone.meetings.meeting.api;

/** Attendance states of a seat (MISA's "Có mặt trực tiếp / Có mặt trực tuyến / Vắng mặt / Chưa điểm danh"). */
public enum Presence {
    NOT_CHECKED_IN, IN_PERSON, ONLINE, ABSENT;

    public boolean present() {
        return this == IN_PERSON || this == ONLINE;
    }
}
