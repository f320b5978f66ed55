package vn.egov.backbone.core.shared;

import java.util.Arrays;

/** Why a request is refused: the code and the values its message needs (carried by every {@link CodedError}). */
public record Refusal(ErrorCode code, Object[] arguments) {
    public Refusal {
        arguments = arguments.clone();
    }

    @Override
    public Object[] arguments() {
        return arguments.clone();
    }

    /** How the refusal reads in a log: the code and its arguments, never a user's language. */
    @Override
    public String toString() {
        return arguments.length == 0 ? code.code() : code.code() + " " + Arrays.toString(arguments);
    }
}
