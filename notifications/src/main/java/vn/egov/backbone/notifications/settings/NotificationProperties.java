package vn.egov.backbone.notifications.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Notifications' settings ({@code backbone.notifications.*}; the SMTP server is Spring's {@code spring.mail.*}).
 * A channel without its settings is off: its messages wait in the outbox, marked as such in the log.
 *
 * @param from            the sender of e-mails
 * @param publicUrl       where links in messages point (the address citizens and officials open)
 * @param maxEventAge     an event older than this when it is first decided on (a projection rebuilt from
 *                        history, a node that was down for days) tells nobody: old news is not sent
 * @param dispatchEvery   how often a node looks for due messages
 * @param firstRetryAfter the pause after a channel's first failure; it doubles with each further one
 * @param maxAttempts     after this many failed attempts a message is marked failed
 * @param perRecipientPerHour messages to one address within an hour; more wait for the next hour
 */
@Validated
@ConfigurationProperties("backbone.notifications")
public record NotificationProperties(@DefaultValue("true") boolean enabled,
                                     @DefaultValue("backbone@localhost") String from,
                                     @DefaultValue("http://localhost:8080") URI publicUrl,
                                     @NotNull @DefaultValue("2d") Duration maxEventAge,
                                     @NotNull @DefaultValue("5s") Duration dispatchEvery,
                                     @NotNull @DefaultValue("30s") Duration firstRetryAfter,
                                     @DefaultValue("8") @Min(1) @Max(30) int maxAttempts,
                                     @DefaultValue("20") @Min(1) @Max(10_000) int perRecipientPerHour,
                                     @Valid @DefaultValue Sms sms, @Valid @DefaultValue Zns zns) {

    /**
     * An SMS gateway reached over HTTP (the provider's brandname API): {@code POST url} with
     * {@code Authorization: Bearer api-key} and {@code {"to": "84…", "text": …, "brandname": …, "reference": …}}.
     */
    public record Sms(URI url, @DefaultValue("") String apiKey, @DefaultValue("") String brandname) {
        public boolean configured() {
            return url != null;
        }

        @Override
        public String toString() {
            return "Sms[url=" + url + ", brandname=" + brandname + "]";
        }
    }

    /**
     * Zalo Notification Service: {@code POST url} ({@code https://business.openapi.zalo.me/message/template})
     * with the OA's {@code access_token} header. {@code templates}: the id Zalo approved for each kind of
     * message ({@code DOSSIER_RECEIVED: "…"}); a kind without one goes by SMS. {@code fallbackErrors}: Zalo's
     * error codes after which the message goes by SMS instead (the number has no Zalo account, cannot
     * receive, …); any other error is tried again later. {@code oaSecretKey}: the OA's secret key, with which
     * Zalo signs the delivery receipts it posts to {@code /webhooks/zalo}; unset, receipts are refused.
     */
    public record Zns(URI url, @DefaultValue("") String accessToken, Map<String, String> templates,
                      @DefaultValue({"-108", "-118", "-119", "-139"}) List<Integer> fallbackErrors,
                      @DefaultValue("") String oaSecretKey) {
        public Zns {
            templates = templates == null ? Map.of() : Map.copyOf(templates);
            fallbackErrors = fallbackErrors == null ? List.of() : List.copyOf(fallbackErrors);
        }

        public boolean configured() {
            return url != null;
        }

        @Override
        public String toString() {
            return "Zns[url=" + url + ", templates=" + templates.keySet() + "]";
        }
    }
}
