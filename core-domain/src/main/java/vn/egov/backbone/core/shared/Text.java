package vn.egov.backbone.core.shared;

/** Small rules for text that comes from forms and requests. */
public final class Text {
    private Text() {
    }

    /** Null for a missing or blank value, the value without surrounding blanks otherwise. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
