package vn.egov.backbone.notifications.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.RunningNode;
import vn.egov.backbone.notifications.testing.Gateway;
import vn.egov.backbone.notifications.testing.NotificationsNode;
import vn.egov.backbone.notifications.testing.Officials;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mail server that accepts the connection and then says nothing (a hung relay, a firewall that swallows
 * packets): each attempt costs the configured timeout and is retried; the dispatcher goes on with the other
 * messages, here an SMS to an official who chose SMS.
 */
class SilentMailServerTest {
    @TempDir
    static Path dataDir;
    static ServerSocket silent;
    static final List<Socket> held = new CopyOnWriteArrayList<>();
    static Gateway gateway;
    static RunningNode backbone;

    @BeforeAll
    static void start() throws Exception {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept()); // accepted, never answered
                } catch (java.io.IOException closed) {
                    return;
                }
            }
        });
        gateway = new Gateway();
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", silent.getLocalPort());
        settings.put("spring.mail.properties.mail.smtp.timeout", 1000);
        settings.put("spring.mail.properties.mail.smtp.connectiontimeout", 1000);
        settings.put("backbone.notifications.dispatch-every", "300ms");
        settings.put("backbone.notifications.first-retry-after", "1s");
        settings.put("backbone.notifications.sms.url", gateway.url("/sms"));
        backbone = RunningNode.start(NotificationsNode.class, settings, dataDir);
    }

    @AfterAll
    static void stop() throws Exception {
        backbone.close();
        gateway.close();
        silent.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    @Test
    void aHungMailServerCostsATimeoutPerAttemptAndTheOtherMessagesStillGo() {
        Province province = new Province(backbone);
        Api admin = backbone.admin();
        String unit = province.unitId("TP.UBND");
        String clerk = official("vanthu.im", unit, "RECORDS_CLERK", null);
        String byMail = official("chuyenvien.thu", province.unitId("TP.UBND.VP"), "SPECIALIST", "thu@tinh.gov.vn");
        String bySms = official("chuyenvien.sms", province.unitId("TP.UBND.VP"), "SPECIALIST", null);
        official("lanhdao.im", unit, "LEADER", null);
        Api smsApi = Api.basic(backbone.baseUrl(), "chuyenvien.sms", "mật-khẩu-chuyenvien.sms");
        assertThat(smsApi.put("/api/v1/me/notification-channels", Map.of("email", false, "sms", true, "zalo", false,
                "phone", "0911222333")).status()).isEqualTo(200);
        Api clerkApi = Api.basic(backbone.baseUrl(), "vanthu.im", "mật-khẩu-vanthu.im");
        Api leader = Api.basic(backbone.baseUrl(), "lanhdao.im", "mật-khẩu-lanhdao.im");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String id = clerkApi.post("/api/v1/documents/incoming", Map.of("number", "77/UBND", "issuer", "UBND xã",
                "issuedOn", today.toString(), "type", "CONG_VAN", "subject", "Về việc thử máy chủ thư im lặng",
                "urgency", "NORMAL", "classification", "NONE")).body().get("id").asText();
        assertThat(leader.post("/api/v1/documents/" + id + "/assignment", Map.of("instruction", "Xử lý.",
                "lead", Map.of("kind", "OFFICIAL", "id", byMail),
                "cooperating", List.of(Map.of("kind", "OFFICIAL", "id", bySms)))).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(20)).until(() -> !gateway.received("/sms").isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> mailAttempts(admin, id).size() >= 2);
        List<JsonNode> attempts = mailAttempts(admin, id);
        assertThat(attempts).allSatisfy(attempt -> {
            assertThat(attempt.get("outcome").asText()).isEqualTo("RETRY");
            assertThat(attempt.get("answer").asText()).containsIgnoringCase("timed out");
        });
        assertThat(clerk).isNotBlank();
    }

    static List<JsonNode> mailAttempts(Api admin, String documentId) {
        JsonNode log = admin.get("/api/v1/admin/notifications?about=" + documentId).body();
        return StreamSupport.stream(log.spliterator(), false).filter(n -> n.get("channel").asText().equals("EMAIL"))
                .flatMap(n -> StreamSupport.stream(n.get("history").spliterator(), false)).toList();
    }

    static String official(String username, String unitId, String role, String email) {
        return Officials.register(backbone, username, "Cán bộ " + username, unitId, role, "NONE", email).id();
    }
}
