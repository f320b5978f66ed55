package vn.egov.backbone.core.shared;

import org.springframework.security.access.AccessDeniedException;

/** A request the caller's roles do not allow; the API answers 403 (Spring Security's own type, so that
 * its handling applies unchanged). */
public class Forbidden extends AccessDeniedException implements CodedError {
    private final transient Refusal refusal;

    public Forbidden(ErrorCode errorCode, Object... arguments) {
        this(new Refusal(errorCode, arguments));
    }

    private Forbidden(Refusal refusal) {
        super(refusal.toString());
        this.refusal = refusal;
    }

    @Override
    public Refusal refusal() {
        return refusal;
    }
}
