package vn.egov.backbone.meetings.conference;

/**
 * How Backbone names who is in a Jitsi room: the {@code context.user.id} of the join token, which
 * event_sync sends back as {@code occupant.id} ({@code include_user_info}).
 */
public final class ConferenceParticipant {
    public static final String OFFICIAL = "official:";
    public static final String ENDPOINT = "endpoint:";
    public static final String GUEST = "guest:";

    private ConferenceParticipant() {
    }

    public static String official(String officialId) {
        return OFFICIAL + officialId;
    }

    public static String endpoint(String unitId) {
        return ENDPOINT + unitId;
    }
}
