package vn.egov.backbone.core.shared;

/**
 * An argument of an error message that is itself a message of the bundle, so that it reads in the
 * request's language too: {@code Label.field("issuer")} is "Cơ quan ban hành" or "Issuer".
 */
public record Label(String key) {
    /** The name of a request's field as the forms show it: {@code field.<name>} in the bundles. */
    public static Label field(String name) {
        return new Label("field." + name);
    }
}
