package vn.egov.backbone.ops.support;

import no.nav.security.mock.oauth2.MockOAuth2Server;

import java.util.HashMap;
import java.util.Map;

/** The settings that make a node sign citizens in with VNeID, here an OpenID Connect server running in the test. */
public final class Vneid {
    /** The public-service portal's client at VNeID. */
    public static final String CLIENT = "backbone-cong-dich-vu-cong";

    private Vneid() {
    }

    /** A node's settings for signing in through {@code server}; more settings may be added to the map. */
    public static Map<String, Object> settings(MockOAuth2Server server) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.security.oauth2.client.registration.vneid.client-id", CLIENT);
        settings.put("spring.security.oauth2.client.registration.vneid.client-secret", "bí-mật-ứng-dụng");
        settings.put("spring.security.oauth2.client.registration.vneid.scope", "openid,profile");
        settings.put("spring.security.oauth2.client.provider.vneid.issuer-uri", server.issuerUrl("vneid").toString());
        return settings;
    }
}
