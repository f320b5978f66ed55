package vn.egov.backbone.onestop.citizen;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.backbone.core.testing.MovableClock;
import vn.egov.backbone.core.testing.RunningNode;
import vn.egov.backbone.onestop.testing.OneStopNode;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity provider is down when the node starts, and comes back. Seen failing with Spring Boot's own
 * registration repository, which reads the provider's discovery document while the application starts: the start
 * failed, "java.net.ConnectException: Connection refused".
 */
class ProviderUnreachableTest {
    static final String CLIENT = "backbone-dichvucong";

    @TempDir
    Path dataDir;

    @Test
    void theNodeStartsWithoutItAndCitizensSignInOnceItIsBack() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort(); // nothing listens here until the provider "comes back"
        }
        Map<String, Object> settings = new HashMap<>();
        String registration = "spring.security.oauth2.client.registration.vneid.";
        settings.put(registration + "client-id", CLIENT);
        settings.put(registration + "client-secret", "bí-mật-của-ứng-dụng");
        settings.put(registration + "scope", "openid,profile");
        settings.put("spring.security.oauth2.client.provider.vneid.issuer-uri", "http://127.0.0.1:" + port + "/vneid");
        settings.put("backbone.public.id-number-claim", "so_dinh_danh");
        settings.put("backbone.public.name-claim", "ho_ten");
        MockOAuth2Server vneid = new MockOAuth2Server();
        try (RunningNode backbone = RunningNode.start(OneStopNode.class, settings, dataDir, MovableClock.Source.class)) {
            MovableClock clock = backbone.bean(MovableClock.class);
            HttpResponse<String> signIn = new CitizenSignInTest.Browser().get(backbone.baseUrl() + "/public/sign-in");
            assertThat(signIn.statusCode()).isEqualTo(200);
            assertThat(signIn.body()).contains("id=\"sign-in-vneid\"");

            HttpResponse<String> refused = new CitizenSignInTest.Browser().get(backbone.baseUrl() + "/citizen/dossiers");
            assertThat(refused.uri().getPath()).isEqualTo("/public/sign-in");
            assertThat(refused.uri().getQuery()).isEqualTo("unavailable");
            assertThat(refused.body()).contains("không kết nối được với VNeID");

            vneid.start(InetAddress.getByName("127.0.0.1"), port);
            // tried again only after the pause: a provider that is down is not asked at every citizen's click
            assertThat(new CitizenSignInTest.Browser().get(backbone.baseUrl() + "/citizen/dossiers").uri().getQuery())
                    .isEqualTo("unavailable");
            clock.advance(ProviderRegistrations.RETRY_AFTER);
            vneid.enqueueCallback(new DefaultOAuth2TokenCallback("vneid", "vneid-subject-001090077777", "JWT", List.of(CLIENT),
                    Map.of("so_dinh_danh", "001090077777", "ho_ten", "Đinh Thị Trở Lại"), 3600));
            HttpResponse<String> signedIn = new CitizenSignInTest.Browser().get(backbone.baseUrl() + "/citizen/dossiers");
            assertThat(signedIn.uri().getPath()).as(signedIn.body()).isEqualTo("/citizen/dossiers");
            assertThat(signedIn.body()).contains("Đinh Thị Trở Lại");
        } finally {
            vneid.shutdown();
        }
    }
}
