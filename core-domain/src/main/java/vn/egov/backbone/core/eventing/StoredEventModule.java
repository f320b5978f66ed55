package vn.egov.backbone.core.eventing;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Jackson module that a bounded context contributes to how its events are stored and read back —
 * and only that: the API, the audit trail and Kafka see payloads through the application's own
 * {@code ObjectMapper}, without it. Used to seal erasable data in stored events ({@code core.privacy.SealedFields}).
 */
public interface StoredEventModule {
    /** @param plain the application's mapper, without any stored-event module: to write and read all the rest */
    Module module(ObjectMapper plain);
}
