package vn.egov.backbone.eoffice.exchange;

/** A package Backbone refuses: malformed, truncated, hostile or missing what a registration needs (HTTP 400). */
public class InvalidPackage extends IllegalArgumentException {
    public InvalidPackage(String message) {
        super(message);
    }

    public InvalidPackage(String message, Throwable cause) {
        super(message, cause);
    }
}
