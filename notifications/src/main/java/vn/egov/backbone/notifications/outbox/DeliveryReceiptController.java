package vn.egov.backbone.notifications.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.backbone.core.web.ProblemResponses;
import vn.egov.backbone.notifications.outbox.api.Channel;
import vn.egov.backbone.notifications.settings.NotificationProperties;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Zalo's delivery receipts for ZNS messages, posted to the OA's webhook: event {@code user_received_message}
 * with {@code message.msg_id}, {@code message.tracking_id} (ours) and {@code message.delivery_time}. Zalo signs
 * each post in the header {@code X-ZEvent-Signature: mac=<hex SHA-256 of app_id + the raw body + timestamp +
 * the OA's secret key>} (the rule as Chatwoot's Zalo integration checks it, {@code
 * app/jobs/webhooks/zalo_events_job.rb}). A receipt marks the message it names delivered when its tracking
 * id and Zalo's message id both match what was sent; any other signed event is acknowledged and ignored.
 */
@RestController
class DeliveryReceiptController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_RECEIPT = 64 * 1024;

    private final Outbox outbox;
    private final NotificationProperties.Zns settings;
    private final ProblemResponses problems;
    private final Clock clock;

    DeliveryReceiptController(Outbox outbox, NotificationProperties properties, ProblemResponses problems, Clock clock) {
        this.outbox = outbox;
        this.settings = properties.zns();
        this.problems = problems;
        this.clock = clock;
    }

    @PostMapping("/webhooks/zalo")
    ResponseEntity<?> zalo(InputStream request,
                           @RequestHeader(name = "X-ZEvent-Signature", required = false) String signature) throws IOException {
        if (settings.oaSecretKey().isBlank()) {
            return refuse(HttpStatus.FORBIDDEN, ReceiptError.NOT_CONFIGURED);
        }
        // a receipt is a few hundred bytes: read no more than 64 KB of whatever arrives, chunked or not
        byte[] body = request.readNBytes(MAX_RECEIPT + 1);
        if (body.length > MAX_RECEIPT) {
            return refuse(HttpStatus.PAYLOAD_TOO_LARGE, ReceiptError.UNREADABLE);
        }
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (IOException e) {
            return refuse(HttpStatus.BAD_REQUEST, ReceiptError.UNREADABLE);
        }
        if (event == null || !event.isObject()) {
            return refuse(HttpStatus.BAD_REQUEST, ReceiptError.UNREADABLE);
        }
        String expected = "mac=" + sha256(event.path("app_id").asText() + new String(body, StandardCharsets.UTF_8)
                + event.path("timestamp").asText() + settings.oaSecretKey());
        if (signature == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.strip().getBytes(StandardCharsets.UTF_8))) {
            return refuse(HttpStatus.UNAUTHORIZED, ReceiptError.SIGNATURE_INVALID);
        }
        if ("user_received_message".equals(event.path("event_name").asText())) {
            JsonNode message = event.path("message");
            String trackingId = message.path("tracking_id").asText();
            String messageId = message.path("msg_id").asText();
            if (trackingId.matches("\\d{1,18}") && !messageId.isBlank()) {
                String when = message.path("delivery_time").asText();
                outbox.delivered(Long.parseLong(trackingId), Channel.ZALO, messageId, clock.instant(),
                        "ZNS: delivered" + (when.isBlank() ? "" : " at " + deliveredAt(when)));
            }
        }
        return ResponseEntity.ok().build();
    }

    /** Zalo gives milliseconds since the epoch. */
    private static String deliveredAt(String millis) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(millis)).toString();
        } catch (NumberFormatException e) {
            return millis.length() > 40 ? millis.substring(0, 40) : millis;
        }
    }

    private ResponseEntity<?> refuse(HttpStatus status, ReceiptError error) {
        return ResponseEntity.status(status).body(problems.problem(status, error, new Object[0], LocaleContextHolder.getLocale()));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
