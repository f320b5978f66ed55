package vn.egov.backbone.core.eventing;

import com.fasterxml.jackson.databind.Module;

/**
 * A Jackson module that a bounded context contributes to how its events are stored and read back —
 * and only that: the API, the audit trail and Kafka see payloads through the application's own
 * {@code ObjectMapper}, without it. Used to seal personal data in stored events (one-stop's applicant).
 */
public interface StoredEventModule {
    Module module();
}
