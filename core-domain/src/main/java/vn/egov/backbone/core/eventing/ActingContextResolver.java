package vn.egov.backbone.core.eventing;

/** Resolves who is acting for the current thread; implemented by the security layer. */
public interface ActingContextResolver {
    ActingContext current();
}
