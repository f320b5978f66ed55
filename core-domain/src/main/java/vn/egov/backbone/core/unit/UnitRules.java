package vn.egov.backbone.core.unit;

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
            throw new IllegalArgumentException("name: must not be blank");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name: at most " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }

    static String requireCode(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code: must not be blank");
        }
        String trimmed = code.strip();
        if (trimmed.length() > MAX_CODE_LENGTH || !trimmed.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("code: letters, digits, '.', '_' or '-', at most " + MAX_CODE_LENGTH);
        }
        return trimmed;
    }

    static void requireParentKind(UnitKind kind, UnitKind parentKind) {
        if (parentKind == null) {
            if (!kind.allowedParents().isEmpty()) {
                throw new BusinessRuleViolation("A unit of kind " + kind + " needs a parent of kind " + kind.allowedParents());
            }
            return;
        }
        if (!kind.allowedParents().contains(parentKind)) {
            throw new BusinessRuleViolation("A unit of kind " + kind + " cannot be placed under a " + parentKind
                    + (kind.allowedParents().isEmpty() ? " (it is a root of the tree)" : "; allowed: " + kind.allowedParents()));
        }
    }
}
