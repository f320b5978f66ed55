package vn.egov.backbone.notifications.preference.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class PreferenceCommands {
    private PreferenceCommands() {
    }

    /**
     * An official chooses how they are told (their own choice only).
     *
     * @param phone the mobile number for SMS and Zalo; required when either is chosen
     */
    public record ChooseChannels(String officialId, boolean email, boolean sms, boolean zalo, String phone) {
        @TargetAggregateIdentifier
        public String preferencesId() {
            return idOf(officialId);
        }
    }

    public static String idOf(String officialId) {
        return "notification-preferences:" + officialId;
    }
}
