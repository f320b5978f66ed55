package vn.egov.backbone.core.unit;

import vn.egov.backbone.core.shared.InvalidInput;
import vn.egov.backbone.core.shared.BusinessRuleViolation;
import vn.egov.backbone.core.unit.api.UnitKind;

/** Rules on unit data shared by creation, renaming, moving and merging. */
final class UnitRules {
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_CODE_LENGTH = 64;

    private UnitRules() {
    }

    static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInput("name", UnitError.NAME_BLANK);
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new InvalidInput("name", UnitError.NAME_TOO_LONG, MAX_NAME_LENGTH);
        }
        return trimmed;
    }

    /**
     * An electronic identifier as QĐ 20/2020/QĐ-TTg writes them: three or four groups of two or three
     * digits or capital letters, separated by dots ({@code 000.00.00.H41}, {@code 28.22.H17}).
     */
    private static final java.util.regex.Pattern EXCHANGE_ID =
            java.util.regex.Pattern.compile("[0-9A-Z]{2,3}(\\.[0-9A-Z]{2,3}){2,3}");

    static String requireExchangeId(String identifier) {
        String trimmed = identifier == null ? "" : identifier.strip().toUpperCase(java.util.Locale.ROOT);
        if (!EXCHANGE_ID.matcher(trimmed).matches()) {
            throw new InvalidInput("identifier", UnitError.EXCHANGE_ID_FORMAT);
        }
        return trimmed;
    }

    static String requireCode(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInput("code", UnitError.CODE_BLANK);
        }
        String trimmed = code.strip();
        if (trimmed.length() > MAX_CODE_LENGTH || !trimmed.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidInput("code", UnitError.CODE_FORMAT, MAX_CODE_LENGTH);
        }
        return trimmed;
    }

    static void requireParentKind(UnitKind kind, UnitKind parentKind) {
        if (parentKind == null) {
            if (!kind.allowedParents().isEmpty()) {
                throw new BusinessRuleViolation(UnitError.PARENT_REQUIRED, kind, kind.allowedParents());
            }
            return;
        }
        if (!kind.allowedParents().contains(parentKind)) {
            throw kind.allowedParents().isEmpty() ? new BusinessRuleViolation(UnitError.ROOT_HAS_NO_PARENT, kind)
                    : new BusinessRuleViolation(UnitError.PARENT_KIND_NOT_ALLOWED, kind, parentKind, kind.allowedParents());
        }
    }
}
