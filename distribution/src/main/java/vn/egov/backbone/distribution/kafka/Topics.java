package vn.egov.backbone.distribution.kafka;

import java.util.List;

/**
 * One topic per bounded context, named {@code <prefix><context>}: documents (e-office), dossiers (the
 * one-stop desk), meetings, units and officials (core), and notifications (templates and officials' choice
 * of channels). The context is read from the event's package.
 */
final class Topics {
    static final List<String> CONTEXTS = List.of("documents", "dossiers", "meetings", "units-officials", "notifications");

    private Topics() {
    }

    static String contextOf(Class<?> payloadType) {
        String name = payloadType.getName();
        if (name.startsWith("vn.egov.backbone.eoffice.")) {
            return "documents";
        }
        if (name.startsWith("vn.egov.backbone.meetings.")) {
            return "meetings";
        }
        if (name.startsWith("vn.egov.backbone.onestop.")) {
            return "dossiers"; // dossiers and the procedure catalogue they are received under
        }
        if (name.startsWith("vn.egov.backbone.core.")) {
            return "units-officials";
        }
        // A module added later publishes under its own name rather than stopping the publisher.
        String[] parts = name.split("\\.");
        return parts.length > 4 && name.startsWith("vn.egov.backbone.") ? parts[3] : "other";
    }
}
