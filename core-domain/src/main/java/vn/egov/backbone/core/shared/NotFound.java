package vn.egov.backbone.core.shared;

/** A resource that does not exist (or that the caller may not know exists); the API answers 404. */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
