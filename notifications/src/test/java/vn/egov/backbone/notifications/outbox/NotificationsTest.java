package vn.egov.backbone.notifications.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.core.testing.MovableClock;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.core.testing.RunningNode;
import vn.egov.backbone.notifications.testing.Gateway;
import vn.egov.backbone.notifications.testing.Mailbox;
import vn.egov.backbone.notifications.testing.Officials;
import vn.egov.backbone.notifications.testing.NotificationsNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications as the people concerned receive them: the mail really crosses SMTP to an SMTP server in the
 * test JVM (GreenMail), the Zalo and SMS messages reach HTTP gateways in the test JVM that answer as Zalo's
 * ZNS API and a brandname SMS gateway do, failures included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // so that PostgresNotificationsTest (ops) can start its own backbone
public class NotificationsTest {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final AtomicInteger NUMBERS = new AtomicInteger(400);
    static final String OA_SECRET = "khoa-bi-mat-cua-oa";

    @TempDir
    static Path dataDir;
    static Mailbox mail;
    static Gateway gateway;
    static RunningNode backbone;
    static MovableClock clock;
    static Province province;
    static Official clerk;
    static Official leader;
    static Official specialist;
    static Official secretSpecialist;
    static Official desk;
    static Official communeOfficer;

    @BeforeAll
    protected void start() throws Exception {
        startOn(List.of(), Map.of());
    }

    /** Starts the backbone with these profiles and database settings (none: the embedded H2 defaults). */
    protected static void startOn(List<String> profiles, Map<String, Object> database) throws Exception {
        mail = new Mailbox();
        gateway = new Gateway();
        Map<String, Object> settings = new HashMap<>(database);
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", mail.port());
        settings.put("backbone.notifications.from", "thongbao@tinh.gov.vn");
        settings.put("backbone.notifications.public-url", "https://dichvucong.tinh.gov.vn");
        settings.put("backbone.notifications.dispatch-every", "300ms");
        settings.put("backbone.notifications.first-retry-after", "1s");
        settings.put("backbone.notifications.zns.url", gateway.url("/zns"));
        settings.put("backbone.notifications.zns.access-token", "oa-access-token-thu-nghiem");
        settings.put("backbone.notifications.zns.oa-secret-key", OA_SECRET);
        settings.put("backbone.notifications.zns.templates.DOSSIER_RECEIVED", "301001");
        settings.put("backbone.notifications.zns.templates.RESULT_READY", "301003");
        settings.put("backbone.notifications.sms.url", gateway.url("/sms"));
        settings.put("backbone.notifications.sms.api-key", "sms-key-thu-nghiem");
        settings.put("backbone.notifications.sms.brandname", "UBND TINH");
        settings.put("backbone.notifications.per-recipient-per-hour", 5);
        backbone = RunningNode.start(NotificationsNode.class, profiles, settings, dataDir, MovableClock.Source.class);
        clock = backbone.bean(MovableClock.class);
        province = new Province(backbone);
        clerk = official("vanthu.tb", "Nguyễn Thị Thu", "TP.UBND", "RECORDS_CLERK", "SECRET", "vanthu.tb@tinh.gov.vn");
        leader = official("lanhdao.tb", "Lê Văn Hùng", "TP.UBND", "LEADER", "SECRET", "lanhdao.tb@tinh.gov.vn");
        specialist = official("chuyenvien.tb", "Phạm Văn An", "TP.UBND.VP", "SPECIALIST", "NONE", "an.pv@tinh.gov.vn");
        secretSpecialist = official("chuyenvien.mat", "Hoàng Văn Mật", "TP.UBND.VP", "SPECIALIST", "SECRET",
                "mat.hv@tinh.gov.vn");
        desk = official("motcua.tb", "Trần Thị Ngọc", "TP.002.UBND", "RECORDS_CLERK", "NONE", null);
        communeOfficer = official("tuphap.tb", "Lò Văn Páo", "TP.001.UBND", "SPECIALIST", "NONE", null);
    }

    @AfterAll
    void stop() {
        backbone.close();
        mail.close();
        gateway.close();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    static Official official(String username, String name, String unitCode, String role, String clearance, String email) {
        return Officials.register(backbone, username, name, province.unitId(unitCode), role, clearance, email);
    }

    static LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    static String registerIncoming(String subject, String classification) {
        Map<String, Object> body = new HashMap<>();
        body.put("number", NUMBERS.incrementAndGet() + "/UBND-VP");
        body.put("issuer", "UBND huyện cũ");
        body.put("issuedOn", today().minusDays(2).toString());
        body.put("type", "CONG_VAN");
        body.put("subject", subject);
        body.put("urgency", "NORMAL");
        body.put("classification", classification);
        Api.Response created = clerk.api().post("/api/v1/documents/incoming", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    static List<MimeMessage> mailTo(String address) {
        return mail.to(address);
    }

    static List<MimeMessage> mailTo(String address, String subjectPart) {
        return mail.to(address, subjectPart);
    }

    static String text(MimeMessage message) {
        return Mailbox.text(message);
    }

    static String subject(MimeMessage message) {
        return Mailbox.subject(message);
    }

    @Test
    void anOfficialIsToldOfTheirAssignmentAndRemindedTheDayBeforeTheDeadline() {
        // (each test its own recipients: the hourly limit per recipient counts across tests)
        String id = registerIncoming("Về việc rà soát hồ sơ đất đai tồn đọng năm 2026", "NONE");
        LocalDate deadline = today().plusDays(4);
        Api.Response assigned = leader.api().post("/api/v1/documents/" + id + "/assignment", Map.of(
                "instruction", "Giao đồng chí An chủ trì.", "lead", Map.of("kind", "OFFICIAL", "id", specialist.id()),
                "deadline", deadline.toString()));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("an.pv@tinh.gov.vn", "Văn bản giao xử lý").size() == 1);
        MimeMessage assignment = mailTo("an.pv@tinh.gov.vn", "Văn bản giao xử lý").get(0);
        String body = text(assignment);
        assertThat(body).contains("rà soát hồ sơ đất đai", "https://dichvucong.tinh.gov.vn/documents/" + id);
        assertThat(mailTo("an.pv@tinh.gov.vn", "Ngày mai đến hạn")).as("not yet the day before").isEmpty();

        // the day before the deadline, at 08:01 in Vietnam: reminded, once
        Instant dayBefore = deadline.minusDays(1).atTime(8, 1).atZone(VIETNAM).toInstant();
        clock.advance(Duration.between(Instant.now(), dayBefore));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("an.pv@tinh.gov.vn", "Ngày mai đến hạn").size() == 1);
        assertThat(text(mailTo("an.pv@tinh.gov.vn", "Ngày mai đến hạn").get(0)))
                .contains("rà soát hồ sơ đất đai");
        // (other tests' reminders fall due too when the clock moves: count this official's mail only)
        int mails = mailTo("an.pv@tinh.gov.vn").size();
        settle();
        assertThat(mailTo("an.pv@tinh.gov.vn", "Ngày mai đến hạn")).hasSize(1);
        assertThat(mailTo("an.pv@tinh.gov.vn")).hasSize(mails);

        // the delivery log says it went, where (masked) and what the SMTP server answered
        JsonNode log = backbone.admin().get("/api/v1/admin/notifications?about=" + id).body();
        assertThat(log.findValues("kind").stream().map(JsonNode::asText).toList())
                .contains("DOCUMENT_ASSIGNED", "DOCUMENT_DUE_TOMORROW");
        assertThat(log.findValues("state").stream().map(JsonNode::asText).distinct().toList()).containsExactly("SENT");
        assertThat(log.toString()).doesNotContain("an.pv@").contains("a***@tinh.gov.vn", "SMTP: accepted");
        // an official reads the messages sent to them, not the whole log
        assertThat(specialist.api().get("/api/v1/me/notifications").body().size()).isGreaterThanOrEqualTo(2);
        assertThat(specialist.api().get("/api/v1/admin/notifications").status()).isEqualTo(403);
    }

    @Test
    void aClassifiedDocumentIsNamedByItsNumberOnly() {
        String secretSubject = "Phương án bố trí lực lượng bảo vệ mục tiêu trọng yếu";
        String id = registerIncoming(secretSubject, "SECRET");
        Api.Response assigned = leader.api().post("/api/v1/documents/" + id + "/assignment", Map.of(
                "instruction", "Giao xử lý theo quy chế bảo vệ bí mật nhà nước.",
                "lead", Map.of("kind", "OFFICIAL", "id", secretSpecialist.id()),
                "deadline", today().plusDays(2).toString()));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("mat.hv@tinh.gov.vn", "Văn bản giao xử lý").size() == 1);
        MimeMessage told = mailTo("mat.hv@tinh.gov.vn", "Văn bản giao xử lý").get(0);
        assertThat(text(told)).contains("văn bản mật", "/UBND-VP").doesNotContain("lực lượng", "mục tiêu");
        for (MimeMessage any : mail.all()) {
            assertThat(subject(any) + text(any)).doesNotContain("lực lượng bảo vệ", "quy chế bảo vệ");
        }
        assertThat(gateway.all().toString()).doesNotContain("lực lượng bảo vệ");
        assertThat(backbone.admin().get("/api/v1/admin/notifications?about=" + id).body().toString())
                .doesNotContain("lực lượng bảo vệ");
    }

    @Test
    void aCitizenWhoAgreedIsToldAtReceptionAndAtTheResultByMailAndZaloAndAFailingGatewayIsRetried() throws Exception {
        // Zalo's gateway fails the first message (a 502 from its edge): it is tried again a second later
        gateway.failZns(new Gateway.Answer(502, "<html>Bad Gateway</html>"));
        Map<String, Object> request = dossier("Đinh Thị Lụa", "0912 345 678", "lua.dt@gmail.com", true, true);
        Api.Response registered = desk.api().post("/api/v1/dossiers", request);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.body().get("id").asText();
        String code = registered.body().get("trackingCode").asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("lua.dt@gmail.com", "đã được tiếp nhận").size() == 1);
        assertThat(text(mailTo("lua.dt@gmail.com", "đã được tiếp nhận").get(0)))
                .contains("Đinh Thị Lụa", code, "https://dichvucong.tinh.gov.vn/public/dossiers/" + code);
        await().atMost(Duration.ofSeconds(20)).until(() -> znsFor(code, "301001").size() == 2);
        Gateway.Received zns = znsFor(code, "301001").get(1);
        assertThat(zns.headers().get("Access_token")).containsExactly("oa-access-token-thu-nghiem");
        assertThat(zns.body().get("phone").asText()).isEqualTo("84912345678");
        assertThat(zns.body().at("/template_data/trackingCode").asText()).isEqualTo(code);
        assertThat(zns.body().at("/template_data/appointmentOn").asText()).matches("\\d\\d/\\d\\d/\\d{4}");
        assertThat(zns.body().get("tracking_id").asText()).isEqualTo(znsFor(code, "301001").get(0).body().get("tracking_id").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> logOf(id).toString().contains("\"SENT\""));
        JsonNode zalo = StreamSupport.stream(logOf(id).spliterator(), false)
                .filter(n -> n.get("channel").asText().equals("ZALO")).findFirst().orElseThrow();
        assertThat(zalo.get("state").asText()).isEqualTo("SENT");
        assertThat(zalo.get("history").findValues("outcome").stream().map(JsonNode::asText).toList())
                .containsExactly("RETRY", "SENT");
        assertThat(zalo.get("history").get(0).get("answer").asText()).contains("HTTP 502");

        // the commune decides, the result is ready: told again on both channels
        String step = communeOfficer.api().post("/api/v1/dossiers/" + id + "/steps", Map.of("agencyId",
                province.unitId("TP.001.UBND"), "task", "Thẩm định", "days", 1)).body().get("id").asText();
        assertThat(communeOfficer.api().post("/api/v1/dossiers/" + id + "/steps/" + step + "/completion",
                Map.of("note", "Đủ điều kiện")).status()).isEqualTo(204);
        assertThat(communeOfficer.api().post("/api/v1/dossiers/" + id + "/resolution", Map.of("resultDigitised", true))
                .status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("lua.dt@gmail.com", "đã có kết quả").size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> znsFor(code, "301003").size() == 1);
        // the officials' side of it reaches nobody: desk and commune have no address and chose nothing
        assertThat(mailTo("lua.dt@gmail.com")).hasSize(2);

        // Zalo reports the result's message on the phone: delivered. A receipt not signed with the OA's key is refused.
        await().atMost(Duration.ofSeconds(30)).until(() -> zaloEntry(id, "RESULT_READY").get("state").asText().equals("SENT"));
        JsonNode result = zaloEntry(id, "RESULT_READY");
        String msgId = result.get("history").get(0).get("answer").asText().replace("ZNS msg_id ", "");
        String tracking = result.get("id").asText();
        String webhook = backbone.baseUrl() + "/webhooks/zalo";
        assertThat(Gateway.postReceipt(webhook, tracking, msgId, "khoa-doan-mo")).isEqualTo(401);
        assertThat(Gateway.postReceipt(webhook, tracking, "m-khac", OA_SECRET)).as("another message's id").isEqualTo(200);
        assertThat(zaloEntry(id, "RESULT_READY").get("state").asText()).isEqualTo("SENT");
        assertThat(Gateway.postReceipt(webhook, tracking, msgId, OA_SECRET)).isEqualTo(200);
        JsonNode delivered = zaloEntry(id, "RESULT_READY");
        assertThat(delivered.get("state").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.get("history").findValues("outcome").stream().map(JsonNode::asText).toList())
                .containsExactly("SENT", "DELIVERED");
        Api.Response unsigned = Api.anonymous(backbone.baseUrl()).post("/webhooks/zalo", Map.of("event_name", "user_received_message"));
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.body().get("code").asText()).isEqualTo("delivery-receipt.signature-invalid");
    }

    static JsonNode zaloEntry(String aboutId, String kind) {
        return StreamSupport.stream(logOf(aboutId).spliterator(), false)
                .filter(n -> n.get("channel").asText().equals("ZALO") && n.get("kind").asText().equals(kind))
                .findFirst().orElseThrow();
    }

    @Test
    void whoCannotBeReachedOnZaloGetsAnSmsAndWhoDidNotAgreeGetsNothing() {
        gateway.failZns(new Gateway.Answer(200, "{\"error\":-118,\"message\":\"Zalo account not existed\"}"));
        Api.Response registered = desk.api().post("/api/v1/dossiers", dossier("Vi Văn Sáng", "0387654321", null, false, true));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String code = registered.body().get("trackingCode").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.received("/sms").stream()
                .anyMatch(r -> r.body().get("text").asText().contains(code)));
        Gateway.Received sms = gateway.received("/sms").stream()
                .filter(r -> r.body().get("text").asText().contains(code)).findFirst().orElseThrow();
        assertThat(sms.body().get("to").asText()).isEqualTo("84387654321");
        assertThat(sms.body().get("brandname").asText()).isEqualTo("UBND TINH");
        assertThat(sms.headers().get("Authorization")).containsExactly("Bearer sms-key-thu-nghiem");
        String id = registered.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> logOf(id).findValues("outcome").stream()
                .map(JsonNode::asText).toList().containsAll(List.of("FALLBACK", "SENT")));

        // no consent: the applicant's e-mail and phone are on the dossier, but nothing is sent to them
        Api.Response silent = desk.api().post("/api/v1/dossiers", dossier("Hà Văn Im", "0977000111", "im.hv@gmail.com",
                false, false));
        String silentCode = silent.body().get("trackingCode").asText();
        settle();
        assertThat(mailTo("im.hv@gmail.com")).isEmpty();
        assertThat(gateway.all().toString()).doesNotContain(silentCode, "84977000111");
    }

    @Test
    void anAdministratorRevisesATemplateWithAPreviewAndTheNextMessageUsesIt() {
        JsonNode before = Province.find(backbone.admin().get("/api/v1/admin/notification-templates").body(), "kind",
                "DOCUMENT_ASSIGNED");
        try {
            revisedTemplateIsUsed();
        } finally { // the other tests read the default subject
            backbone.admin().put("/api/v1/admin/notification-templates/DOCUMENT_ASSIGNED", Map.of("subject",
                    before.get("subject").asText(), "body", before.get("body").asText(), "shortText", before.get("shortText").asText()));
        }
    }

    private void revisedTemplateIsUsed() {
        Official reader = official("chuyenvien.mau", "Trịnh Văn Mẫu", "TP.UBND.VP", "SPECIALIST", "NONE", "mau.tv@tinh.gov.vn");
        Api admin = backbone.admin();
        Api.Response unknown = admin.post("/api/v1/admin/notification-templates/DOCUMENT_ASSIGNED/preview", Map.of(
                "subject", "Giao việc {number}", "body", "{number} {password}", "shortText", "{number}"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("code").asText()).isEqualTo("notification-template.unknown-variable");
        assertThat(unknown.body().get("detail").asText()).contains("{password}", "{number}, {subject}, {deadline}, {link}");
        assertThat(specialist.api().put("/api/v1/admin/notification-templates/DOCUMENT_ASSIGNED", Map.of(
                "subject", "x", "body", "x", "shortText", "x")).status()).isEqualTo(403);

        Api.Response preview = admin.post("/api/v1/admin/notification-templates/DOCUMENT_ASSIGNED/preview", Map.of(
                "subject", "[Giao việc] {number}", "body", "Văn bản: {subject}\nHạn: {deadline}", "shortText", "Giao {number}"));
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.body().get("subject").asText()).isEqualTo("[Giao việc] 125/UBND-VP");
        Api.Response revised = admin.put("/api/v1/admin/notification-templates/DOCUMENT_ASSIGNED", Map.of(
                "subject", "[Giao việc] {number}", "body", "Văn bản: {subject}\nHạn: {deadline}\n{link}", "shortText", "Giao {number}"));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.body().get("revised").asBoolean()).isTrue();

        // a value is never read as a template: a subject naming a variable stays as typed
        String id = registerIncoming("Về việc điền {link} và {number} vào biểu mẫu", "NONE");
        assertThat(leader.api().post("/api/v1/documents/" + id + "/assignment", Map.of("instruction", "Xử lý.",
                "lead", Map.of("kind", "OFFICIAL", "id", reader.id()))).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("mau.tv@tinh.gov.vn", "[Giao việc]").size() == 1);
        assertThat(text(mailTo("mau.tv@tinh.gov.vn", "[Giao việc]").get(0)))
                .contains("Văn bản: Về việc điền {link} và {number} vào biểu mẫu", "Hạn: không có");
        assertThat(admin.get("/api/v1/admin/notification-templates").body().toString()).contains("[Giao việc] {number}");
    }

    @Test
    void anOfficialChoosesZaloAndWithoutAnApprovedTemplateTheMessageGoesBySms() {
        Official clerkOnZalo = official("vanthu.zalo", "Vũ Thị Lan", "TP.UBND.VP", "SPECIALIST", "NONE", "lan.vt@tinh.gov.vn");
        Api.Response missingPhone = clerkOnZalo.api().put("/api/v1/me/notification-channels",
                Map.of("email", false, "sms", false, "zalo", true));
        assertThat(missingPhone.status()).isEqualTo(400);
        assertThat(missingPhone.body().get("code").asText()).isEqualTo("notification-preference.phone-required");
        assertThat(clerkOnZalo.api().put("/api/v1/me/notification-channels",
                Map.of("email", false, "sms", false, "zalo", true, "phone", "12345")).body().get("code").asText())
                .isEqualTo("notification-preference.phone-format");
        Api.Response chosen = clerkOnZalo.api().put("/api/v1/me/notification-channels",
                Map.of("email", false, "sms", false, "zalo", true, "phone", "+84 903 111 222"));
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        assertThat(chosen.body().get("phone").asText()).isEqualTo("84903111222");

        String id = registerIncoming("Về việc kiểm kê tài sản công cuối năm", "NONE");
        assertThat(leader.api().post("/api/v1/documents/" + id + "/assignment", Map.of("instruction", "Xử lý.",
                "lead", Map.of("kind", "OFFICIAL", "id", clerkOnZalo.id()))).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.received("/sms").stream()
                .anyMatch(r -> r.body().get("to").asText().equals("84903111222")));
        assertThat(mailTo("lan.vt@tinh.gov.vn")).as("e-mail switched off").isEmpty();
        assertThat(logOf(id).findValues("outcome").stream().map(JsonNode::asText).toList()).contains("FALLBACK", "SENT");
    }

    @Test
    void aFloodOfMessagesToOnePersonWaitsForTheNextHour() {
        Official busy = official("chuyenvien.ban", "Đặng Văn Bận", "TP.UBND.VP", "SPECIALIST", "NONE", "ban.dv@tinh.gov.vn");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = registerIncoming("Về việc số " + i + " trong đợt rà soát", "NONE");
            assertThat(leader.api().post("/api/v1/documents/" + id + "/assignment", Map.of("instruction", "Xử lý.",
                    "lead", Map.of("kind", "OFFICIAL", "id", busy.id()))).status()).isEqualTo(204);
            ids.add(id);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("ban.dv@tinh.gov.vn").size() == 5);
        settle();
        assertThat(mailTo("ban.dv@tinh.gov.vn")).hasSize(5);
        JsonNode waiting = backbone.admin().get("/api/v1/admin/notifications?recipient=" + busy.id()).body();
        assertThat(waiting.findValues("state").stream().map(JsonNode::asText).filter("PENDING"::equals).count()).isEqualTo(2);

        // an hour later the rest goes
        clock.advance(Duration.ofMinutes(61));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("ban.dv@tinh.gov.vn").size() == 7);
    }

    @Test
    void aReplayOfTheProjectionSendsNothingAgain() {
        Official reader = official("chuyenvien.phatlai", "Mai Văn Lại", "TP.UBND.VP", "SPECIALIST", "NONE", "lai.mv@tinh.gov.vn");
        String id = registerIncoming("Về việc chuẩn bị báo cáo kinh tế - xã hội", "NONE");
        assertThat(leader.api().post("/api/v1/documents/" + id + "/assignment", Map.of("instruction", "Xử lý.",
                "lead", Map.of("kind", "OFFICIAL", "id", reader.id()))).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> logOf(id).findValues("state").stream()
                .anyMatch(state -> state.asText().equals("SENT")));
        // a dossier too: its decisions are another handler of the same processing group, with tables of its own
        String dossierId = desk.api().post("/api/v1/dossiers", dossier("Phan Văn Dựng", "0912000444", "dung.pv@gmail.com",
                true, false)).body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("dung.pv@gmail.com").size() == 1);
        // (what other tests left waiting may go meanwhile: count what concerns this document only)
        int mails = mailTo("lai.mv@tinh.gov.vn").size();
        int logged = logOf(id).size();

        JdbcClient jdbc = JdbcClient.create(backbone.bean(DataSource.class));
        long head = jdbc.sql("SELECT MAX(global_index) FROM domain_event_entry").query(Long.class).single();
        // damage what the decisions know: only the rebuild brings the rows back (and proves each handler's reset
        // happened, which the processor's position alone does not: it still shows the old one for a moment)
        jdbc.sql("DELETE FROM notification_document WHERE document_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM notification_dossier WHERE dossier_id = :id").param("id", dossierId).update();
        Api.Response replay = backbone.admin().post("/api/v1/admin/processors/notifications/replay", Map.of());
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT COUNT(*) FROM notification_document"
                + " WHERE document_id = :id").param("id", id).query(Long.class).single() == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT COUNT(*) FROM notification_dossier"
                + " WHERE dossier_id = :id").param("id", dossierId).query(Long.class).single() == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> backbone.admin().get("/api/v1/admin/processors/notifications")
                .body().path("position").asLong() >= head);
        settle();
        assertThat(mailTo("lai.mv@tinh.gov.vn")).hasSize(mails);
        assertThat(logOf(id).size()).isEqualTo(logged);
        assertThat(mailTo("dung.pv@gmail.com")).hasSize(1);
    }

    @Test
    void erasingTheApplicantsDataEmptiesTheirMessagesInTheLog() {
        Api.Response registered = desk.api().post("/api/v1/dossiers", dossier("Lương Thị Xóa", "0988777666",
                "xoa.lt@gmail.com", true, false));
        String id = registered.body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("xoa.lt@gmail.com").size() == 1);
        assertThat(logOf(id).toString()).contains("x***@gmail.com");

        Api.Response erased = backbone.admin().post("/api/v1/dossiers/" + id + "/personal-data-erasure",
                Map.of("legalBasis", "Đơn yêu cầu xóa dữ liệu cá nhân ngày 04/12/2026"));
        assertThat(erased.status()).as(erased.toString()).isIn(200, 204);
        await().atMost(Duration.ofSeconds(20)).until(() -> !logOf(id).toString().contains("gmail.com"));
        JsonNode entry = logOf(id).get(0);
        assertThat(entry.get("state").asText()).isEqualTo("SENT");
        assertThat(entry.get("address").isNull()).isTrue();
        assertThat(entry.get("history").get(0).get("answer").isNull()).isTrue();
    }

    /**
     * Odd contact data (two phone numbers typed in one field, longer than any phone) must not stop the
     * projection: the next dossier's applicant is still told.
     */
    @Test
    void oddContactDataDoesNotStopTheDecisions() {
        Api.Response odd = desk.api().post("/api/v1/dossiers", dossier("Trịnh Văn Lạ", "0912 345 678 hoặc 0987 654 321 (nhà)",
                "la.tv@gmail.com", true, true));
        assertThat(odd.status()).as(odd.toString()).isEqualTo(201);
        Api.Response next = desk.api().post("/api/v1/dossiers", dossier("Mạc Thị Sau", "0912000222", "sau.mt@gmail.com",
                true, false));
        assertThat(next.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("sau.mt@gmail.com").size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("la.tv@gmail.com").size() == 1);
    }

    /**
     * A citizen's online supplement is new work for the competent agency's desk: its records clerks are told.
     * (The citizen's side — VNeID sign-in and the upload — is one-stop's; here its command is sent as that page sends it.)
     */
    @Test
    void theDeskIsToldWhenACitizenSupplementsOnline() {
        Official clerkOfCommune = official("motcua.tanlap.tb", "Vàng Thị Mỷ", "TP.001.UBND", "RECORDS_CLERK", "NONE",
                "my.vt@tanlap.gov.vn");
        Api.Response registered = desk.api().post("/api/v1/dossiers", dossier("Hoàng Văn Bổ", "0912000333", null, false, false));
        String id = registered.body().get("id").asText();
        String code = registered.body().get("trackingCode").asText();
        assertThat(communeOfficer.api().post("/api/v1/dossiers/" + id + "/supplement-request",
                Map.of("reason", "Thiếu tờ khai")).status()).isEqualTo(204);
        backbone.bean(org.axonframework.commandhandling.gateway.CommandGateway.class).sendAndWait(
                new vn.egov.backbone.onestop.dossier.api.DossierCommands.ProvideSupplement(id, "Gửi tờ khai",
                        List.of(new vn.egov.backbone.onestop.dossier.api.DossierCommands.SuppliedFile(
                                "a".repeat(64), "bo-sung-1.pdf", "application/pdf", 1234))));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("my.vt@tanlap.gov.vn", "đã gửi bổ sung hồ sơ " + code).size() == 1);
        assertThat(text(mailTo("my.vt@tanlap.gov.vn").get(0))).contains("(1 tệp)", "https://dichvucong.tinh.gov.vn/dossiers")
                .doesNotContain("Hoàng Văn Bổ");
        assertThat(clerkOfCommune.id()).isNotBlank();
    }

    static Map<String, Object> dossier(String name, String phone, String email, boolean byEmail, boolean byPhone) {
        Map<String, Object> applicant = new HashMap<>(Map.of("name", name, "idNumber", "001090012345",
                "address", "Thôn Đông, xã Tân Lập", "phone", phone));
        if (email != null) {
            applicant.put("email", email);
        }
        Map<String, Object> request = new HashMap<>();
        request.put("procedureCode", "HT-02");
        request.put("communeId", province.unitId("TP.001"));
        request.put("channel", "DESK");
        request.put("applicant", applicant);
        request.put("components", 2);
        request.put("digitisedComponents", 2);
        request.put("reusedComponents", 0);
        request.put("consent", Map.of("email", byEmail, "phone", byPhone));
        return request;
    }

    static List<Gateway.Received> znsFor(String trackingCode, String templateId) {
        return gateway.received("/zns").stream()
                .filter(r -> r.body().get("template_id").asText().equals(templateId))
                .filter(r -> r.body().at("/template_data/trackingCode").asText().equals(trackingCode)).toList();
    }

    /**
     * Until every event stored so far was decided on and the dispatcher then finished two runs: what was to
     * be sent by now has been sent (instead of sleeping and hoping).
     */
    static void settle() {
        JdbcClient jdbc = JdbcClient.create(backbone.bean(DataSource.class));
        long head = jdbc.sql("SELECT MAX(global_index) FROM domain_event_entry").query(Long.class).single();
        await().atMost(Duration.ofSeconds(30)).until(() -> backbone.admin().get("/api/v1/admin/processors/notifications")
                .body().path("position").asLong() >= head);
        Dispatcher dispatcher = backbone.bean(Dispatcher.class);
        long runs = dispatcher.completedRuns();
        await().atMost(Duration.ofSeconds(30)).until(() -> dispatcher.completedRuns() >= runs + 2);
    }

    static JsonNode logOf(String aboutId) {
        return backbone.admin().get("/api/v1/admin/notifications?about=" + aboutId).body();
    }
}
