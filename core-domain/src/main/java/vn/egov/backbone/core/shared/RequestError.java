package vn.egov.backbone.core.shared;

/** Refusals of a request as such, whatever the feature (its headers, its form, its body). Messages: {@code error.request.*} in the module's bundles. */
public enum RequestError implements ErrorCode {
    IF_MATCH_FORMAT, UNREADABLE_BODY, INVALID_INPUT, INVALID_VALUE, INVALID_FIELDS, MISSING_PARAMETER,
    MALFORMED_MULTIPART, CONCURRENT_UPDATE, UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE,
    UNSUPPORTED_MEDIA_TYPE, TOO_LARGE, TOO_MANY_REQUESTS, INTERNAL_ERROR, UNAVAILABLE, NOT_SERVED_HERE;

    @Override
    public String feature() {
        return "request";
    }
}
