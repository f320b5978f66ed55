package vn.egov.backbone.core.shared;

/**
 * An error that names its cause with a stable code and the values its message needs. The API puts the
 * code into the Problem Details ({@code code}) and the message, in the request's language, into
 * {@code detail}; pages show the message (see {@link ErrorMessages}).
 */
public interface CodedError {
    Refusal refusal();

    default ErrorCode errorCode() {
        return refusal().code();
    }

    /** Values for the message's numbered placeholders. */
    default Object[] arguments() {
        return refusal().arguments();
    }

    default String code() {
        return errorCode().code();
    }

    /** The field of the request the error is about, or {@code null}. */
    default String field() {
        return null;
    }
}
