package vn.egov.backbone.meetings.conference;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Prosody's callbacks (mod_reservations, event_sync) carry no signature; they are authenticated by
 * the header configured on both sides ({@code reservations_api_headers} / {@code api_headers}):
 * {@code Authorization: Bearer <backbone.jitsi.callback-secret>}. Without a configured secret every
 * callback is refused.
 */
@Component
class CallbackSecret {
    /** A callback refused for its credentials: 401 with a message prosody passes on. */
    static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final JitsiProperties jitsi;

    CallbackSecret(JitsiProperties jitsi) {
        this.jitsi = jitsi;
    }

    void check(String authorization) {
        if (!JitsiProperties.present(jitsi.callbackSecret())) {
            throw new Refused("Jitsi callbacks are not configured on this Backbone (backbone.jitsi.callback-secret)");
        }
        byte[] expected = ("Bearer " + jitsi.callbackSecret()).getBytes(StandardCharsets.UTF_8);
        byte[] given = authorization == null ? new byte[0] : authorization.strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new Refused("The callback's Authorization header is missing or wrong");
        }
    }
}
