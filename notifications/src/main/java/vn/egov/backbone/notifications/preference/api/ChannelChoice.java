package vn.egov.backbone.notifications.preference.api;

/**
 * How an official is told. The default, before they choose: by e-mail, to the address of their account.
 *
 * @param chosen false while it is the default
 */
public record ChannelChoice(boolean email, boolean sms, boolean zalo, String phone, boolean chosen) {
    public static final ChannelChoice DEFAULT = new ChannelChoice(true, false, false, null, false);
}
