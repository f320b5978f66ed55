package vn.egov.backbone.meetings.meeting.api;

/** The ballot of Vietnamese councils: Đồng ý / Không đồng ý / Không biểu quyết. */
public enum VoteChoice {
    YES, NO, ABSTAIN
}
