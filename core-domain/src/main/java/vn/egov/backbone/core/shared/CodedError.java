package vn.egov.backbone.core.shared;

/**
 * An error that names its cause with a stable code, which the API puts into the Problem Details
 * ({@code code}) so that a client can act on it without reading the message.
 */
public interface CodedError {
    String code();
}
