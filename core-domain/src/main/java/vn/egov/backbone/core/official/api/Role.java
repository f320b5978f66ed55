package vn.egov.backbone.core.official.api;

/** What an official may do in a unit (and in the units below it). */
public enum Role {
    /** văn thư: registers, numbers, dispatches and files documents. */
    RECORDS_CLERK,
    /** chuyên viên: processes what is assigned. */
    SPECIALIST,
    /** lãnh đạo: assigns, approves, signs; chairs meetings. */
    LEADER,
    /** thư ký cuộc họp: runs paperless meetings. */
    MEETING_SECRETARY,
    /** quản trị: administers units and officials. */
    ADMINISTRATOR
}
