package vn.egov.backbone.eoffice.document.api;

import java.util.regex.Pattern;

/**
 * Số và ký hiệu: what a document number looks like, one definition for registration (what a clerk may
 * type) and for search (which word of a query is a number rather than words). A number of up to seven
 * digits, optionally the year of a normative document, a slash, and a notation that starts with a letter
 * and holds letters (Vietnamese ones too), digits, {@code .} and {@code -}: {@code 1588/QĐ-TTg},
 * {@code 13/2023/NĐ-CP}, {@code 1234567/UBND-VP}, {@code 45/BC}.
 */
public final class DocumentNumber {
    private static final Pattern WELL_FORMED = Pattern.compile("\\d{1,7}(/\\d{4})?/\\p{L}[\\p{L}\\p{M}\\p{N}.\\-]{0,60}");
    private static final Pattern SPACED_SLASH = Pattern.compile("\\s*/\\s*");

    private DocumentNumber() {
    }

    /** The number as registration stores it: trimmed, no spaces around its slashes ({@code 12 / QĐ-UB}). */
    public static String normalise(String number) {
        return number == null ? "" : SPACED_SLASH.matcher(number.strip()).replaceAll("/");
    }

    /** Whether the (normalised) text is a document number. */
    public static boolean isWellFormed(String number) {
        return WELL_FORMED.matcher(number).matches();
    }
}
