package vn.egov.backbone.meetings.meeting;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Jitsi room names for meetings. Jitsi lowercases and percent-encodes room names, and a token's
 * {@code room} claim must equal the encoded name: Vietnamese letters would make them differ. So the
 * room is the title folded to ASCII ({@code đ} to {@code d}, marks dropped), {@code [a-z0-9-]} only,
 * with the start of the meeting id to make it unique.
 */
public final class RoomSlug {
    private static final int TITLE_PART = 48;

    private RoomSlug() {
    }

    public static String of(String title, String meetingId) {
        String folded = Normalizer.normalize(title.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (folded.length() > TITLE_PART) {
            folded = folded.substring(0, TITLE_PART).replaceAll("-+$", "");
        }
        String suffix = meetingId.replaceAll("[^a-zA-Z0-9]", "").toLowerCase(Locale.ROOT);
        suffix = suffix.substring(0, Math.min(8, suffix.length()));
        return folded.isEmpty() ? "hop-" + suffix : folded + "-" + suffix;
    }
}
