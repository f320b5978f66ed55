package vn.egov.backbone.meetings.conference;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * How Backbone talks to the province's Jitsi ({@code backbone.jitsi.*}). Without a base URL and a
 * signing key, meetings work in person and the video panel says Jitsi is not configured.
 *
 * @param baseUrl          the Jitsi web address, e.g. {@code https://hop.hoason.gov.vn}
 * @param tenant           the province's tenant: rooms are {@code <baseUrl>/<tenant>/<room>} and tokens carry it as {@code sub}
 * @param appId            prosody's {@code app_id}: the tokens' {@code iss}
 * @param audience         the tokens' {@code aud} ({@code asap_accepted_audiences})
 * @param appSecret        HS256 shared secret ({@code app_secret}); or
 * @param privateKeyFile   an RSA private key (PEM, PKCS#8) for RS256, whose public key is served at {@code /asap/...}
 * @param keyId            the {@code kid} of that key
 * @param notBeforeMargin  tokens are valid from the start minus this
 * @param expiryMargin     and until the planned end plus this
 * @param callbackSecret   what prosody's mod_reservations and event_sync send as {@code Authorization: Bearer ...}
 * @param jibriUrl         Jibri's HTTP API, e.g. {@code http://127.0.0.1:2222}
 * @param jicofoUrl        jicofo's REST address for its health, e.g. {@code http://127.0.0.1:8888}
 * @param jvbUrl           the videobridge's private HTTP address, e.g. {@code http://127.0.0.1:8080}
 */
@ConfigurationProperties("backbone.jitsi")
public record JitsiProperties(String baseUrl, String tenant, @DefaultValue("backbone") String appId,
                              @DefaultValue("jitsi") String audience, String appSecret, String privateKeyFile,
                              String keyId, @DefaultValue("15m") Duration notBeforeMargin,
                              @DefaultValue("30m") Duration expiryMargin, String callbackSecret, String jibriUrl,
                              @DefaultValue Jibri jibri, String jicofoUrl, String jvbUrl) {

    /** The XMPP login Jibri uses to join the room as the recorder ({@code callLoginParams}). */
    public record Jibri(String domain, String username, String password) {
    }

    public boolean configured() {
        return present(baseUrl) && (present(appSecret) || present(privateKeyFile));
    }

    public boolean rs256() {
        return present(privateKeyFile);
    }

    /** The tokens' {@code sub}: the tenant when there is one, otherwise the Jitsi domain. */
    public String subject() {
        return present(tenant) ? tenant.toLowerCase(java.util.Locale.ROOT) : URI.create(baseUrl).getHost();
    }

    /** Where a room is: {@code <baseUrl>/<tenant>/<room>}. */
    public String roomUrl(String room) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/" + (present(tenant) ? tenant.toLowerCase(java.util.Locale.ROOT) + "/" : "") + room;
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
