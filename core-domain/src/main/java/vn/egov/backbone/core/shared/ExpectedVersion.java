package vn.egov.backbone.core.shared;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its aggregate version ({@code "7"}); a
 * write that sends it back in {@code If-Match} applies only if nobody changed the aggregate since,
 * and otherwise answers 409. Without If-Match the write applies to the current state.
 */
public final class ExpectedVersion {
    private ExpectedVersion() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** @return the version in an If-Match header, or null when there is none (or it is {@code *}) */
    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInput("If-Match", RequestError.IF_MATCH_FORMAT);
        }
    }
}
