package vn.egov.backbone.core.eventing;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;

/**
 * Every payload is stored with a revision: its {@code @Revision}, or "1" for a type that never changed
 * shape. Events stored before revisions were recorded (until 2026-12-03) have none, which the upcasters
 * read as "1". A payload that changes other than by an added field gets the next revision and an
 * upcaster from the one before ({@code docs/events.md}, "Versioning rule").
 */
public final class EventRevisions implements RevisionResolver {
    /** The revision of every payload type without {@code @Revision}, and of stored events without one. */
    public static final String FIRST = "1";
    private final AnnotationRevisionResolver annotated = new AnnotationRevisionResolver();

    @Override
    public String revisionOf(Class<?> payloadType) {
        String revision = annotated.revisionOf(payloadType);
        return revision == null ? FIRST : revision;
    }

    /** Whether a stored revision is the first ("1", or none: stored before revisions were recorded). */
    public static boolean first(String storedRevision) {
        return storedRevision == null || FIRST.equals(storedRevision);
    }
}
