package vn.egov.backbone.core.official;

import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.official.api.Role;

import java.util.List;

final class OfficialRules {
    /** What the officials' read model ({@code official_view}) holds of an e-mail address and a position. */
    static final int EMAIL_LENGTH = 255;
    static final int POSITION_LENGTH = 255;

    private OfficialRules() {
    }

    static String requireFullName(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            throw new InvalidInput("fullName", OfficialError.FULL_NAME_BLANK);
        }
        if (fullName.strip().length() > 200) {
            throw new InvalidInput("fullName", OfficialError.FULL_NAME_TOO_LONG, 200);
        }
        return fullName.strip();
    }

    static String optionalEmail(String email) {
        String value = optionalText(email, "email", EMAIL_LENGTH);
        if (value != null && !value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidInput("email", OfficialError.EMAIL_INVALID);
        }
        return value;
    }

    static String optionalPosition(String position) {
        return optionalText(position, "position", POSITION_LENGTH);
    }

    /**
     * A text no longer than its column: the pages send their forms to the aggregate without the API's size checks,
     * and an event the read model cannot write is skipped by its projection — an official nobody could see.
     */
    private static String optionalText(String text, String field, int max) {
        String value = optional(text);
        if (value != null && value.length() > max) {
            throw new InvalidInput(field, OfficialError.TEXT_TOO_LONG, vn.egov.backbone.core.shared.Label.field(field), max);
        }
        return value;
    }

    static String optional(String text) {
        return vn.egov.backbone.core.shared.Text.blankToNull(text);
    }

    static void requireRole(Role role) {
        if (role == null) {
            throw new InvalidInput("role", OfficialError.ROLE_REQUIRED, List.of(Role.values()));
        }
    }
}
