package vn.egov.backbone.notifications.preference.api;

/** Events of officials' notification choices. Stored forever: never change their meaning. */
public final class PreferenceEvents {
    private PreferenceEvents() {
    }

    /** @param phone in 84… form, or null */
    public record ChannelsChosen(String officialId, boolean email, boolean sms, boolean zalo, String phone) {
    }
}
