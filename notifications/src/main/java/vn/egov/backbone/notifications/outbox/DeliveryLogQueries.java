package vn.egov.backbone.notifications.outbox;

import org.springframework.stereotype.Service;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.notifications.outbox.api.DeliveryLogEntry;

import java.util.List;

/**
 * Who reads the delivery log: system administrators all of it (addresses masked); an official the
 * messages sent to them.
 */
@Service
class DeliveryLogQueries {
    private static final int MAX = 500;

    private final Outbox outbox;
    private final Authorizer authorizer;

    DeliveryLogQueries(Outbox outbox, Authorizer authorizer) {
        this.outbox = outbox;
        this.authorizer = authorizer;
    }

    List<DeliveryLogEntry> all(String aboutId, String recipientId, int limit) {
        authorizer.require(Role.ADMINISTRATOR, null);
        return outbox.log(blankToNull(aboutId), blankToNull(recipientId), Math.max(1, Math.min(limit, MAX)));
    }

    List<DeliveryLogEntry> mine(int limit) {
        return outbox.log(null, Authorizer.currentPrincipal().officialId(), Math.max(1, Math.min(limit, MAX)));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
