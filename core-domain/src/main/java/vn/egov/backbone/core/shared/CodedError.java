package vn.egov.backbone.core.shared;

/**
 * An error that names its cause with a stable code and the values its message needs. The API puts the
 * code into the Problem Details ({@code code}) and the message, in the request's language, into
 * {@code detail}; pages show the message (see {@link ErrorMessages}).
 */
public interface CodedError {
    ErrorCode errorCode();

    /** Values for the message's numbered placeholders. */
    Object[] arguments();

    default String code() {
        return errorCode().code();
    }

    /** The field of the request the error is about, or {@code null}. */
    default String field() {
        return null;
    }

    /** How the error reads in a log: the code and its arguments, never a user's language. */
    static String describe(ErrorCode code, Object[] arguments) {
        return arguments.length == 0 ? code.code() : code.code() + " " + java.util.Arrays.toString(arguments);
    }
}
