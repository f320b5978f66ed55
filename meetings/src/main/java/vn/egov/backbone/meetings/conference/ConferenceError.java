package vn.egov.backbone.meetings.conference;

import vn.egov.backbone.core.shared.ErrorCode;

/** Why a video-conference request (a join, a reservation, a recording, a prosody callback) is refused. Messages: {@code error.conference.*} in the module's bundles. */
public enum ConferenceError implements ErrorCode {
    JIBRI_NOT_CONFIGURED, JIBRI_BUSY, JIBRI_FAILED, JIBRI_UNREACHABLE, IN_PERSON, MEETING_STATUS, OPENS_BEFORE, TIME_OVER,
    NO_RESERVATION, INVITEES_ONLY, OFFICIAL_NOT_FOUND, NOT_AN_ENDPOINT, ENDPOINT_OWN_UNIT, NOT_CONFIGURED, OPENS_AT,
    ROOM_REQUIRED, NOT_A_ROOM, ROOM_NOT_OURS, NO_MEETING_IN_ROOM, WRONG_EVENT, OCCUPANT_JID_REQUIRED, EPOCH_SECONDS,
    NO_PUBLIC_KEY, NO_EVENT_SYNC_ENDPOINT;

    @Override
    public String feature() {
        return "conference";
    }
}
