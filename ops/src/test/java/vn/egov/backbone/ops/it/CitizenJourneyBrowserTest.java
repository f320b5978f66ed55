package vn.egov.backbone.ops.it;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.notifications.testing.Gateway;
import vn.egov.backbone.notifications.testing.Mailbox;
import vn.egov.backbone.ops.support.Browser;
import vn.egov.backbone.ops.support.RunningBackbone;
import vn.egov.backbone.ops.support.Vneid;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The citizen's whole journey in Chromium, with the world around Backbone running in the test JVM: the
 * national identity provider (an OpenID Connect server), the mail server (SMTP) and Zalo's ZNS gateway
 * (HTTP). The citizen signs in with VNeID, submits online with a verified identity and agrees to be told;
 * the commune's desk receives the dossier and the commune decides it; the citizen gets an e-mail and a
 * Zalo message at reception and at the result, and sees the dossier among their own.
 */
class CitizenJourneyBrowserTest {
    static final String CLIENT = Vneid.CLIENT;

    @TempDir
    static Path dataDir;
    static MockOAuth2Server vneid;
    static Mailbox mail;
    static Gateway zalo;
    static RunningBackbone backbone;
    static Browser browser;
    static Province province;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        vneid = new MockOAuth2Server();
        vneid.start();
        mail = new Mailbox();
        zalo = new Gateway();
        Map<String, Object> settings = Vneid.settings(vneid);
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", mail.port());
        settings.put("backbone.notifications.dispatch-every", "300ms");
        settings.put("backbone.notifications.zns.url", zalo.url("/zns"));
        settings.put("backbone.notifications.zns.access-token", "oa-token");
        settings.put("backbone.notifications.zns.templates.DOSSIER_RECEIVED", "401001");
        settings.put("backbone.notifications.zns.templates.RESULT_READY", "401003");
        backbone = RunningBackbone.start(List.of(), settings, dataDir);
        province = new Province(backbone);
        browser = Browser.open(backbone.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (backbone != null) {
            backbone.close();
        }
        if (zalo != null) {
            zalo.close();
        }
        if (mail != null) {
            mail.close();
        }
        if (vneid != null) {
            vneid.shutdown();
        }
    }

    @Test
    void aCitizenSignsInWithVneidSubmitsAndIsToldAtReceptionAndAtTheResult() throws Exception {
        Official desk = province.official("motcua.hanhtrinh", "Vàng Thị Mỷ", "TP.001.UBND", "RECORDS_CLERK", "NONE");
        Official commune = province.official("tuphap.hanhtrinh", "Lò Văn Páo", "TP.001.UBND", "SPECIALIST", "NONE");
        vneid.enqueueCallback(new DefaultOAuth2TokenCallback("vneid", "vneid-4711", "JWT", List.of(CLIENT),
                Map.of("id_number", "001190054321", "name", "Phạm Thị Hoa"), 3600));

        browser.signOut();
        browser.go("/public/sign-in");
        browser.clickAndWait(By.id("sign-in-vneid"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/citizen/dossiers");
        assertThat(browser.text("signed-in-as")).contains("Phạm Thị Hoa", "001190054321");
        browser.clickAndWait(By.id("new-dossier"));
        assertThat(browser.text("verified")).isEqualTo("Danh tính đã được xác thực qua VNeID.");
        assertThat(browser.find(By.id("idNumber")).getAttribute("value")).isEqualTo("001190054321");
        new Select(browser.find(By.id("procedureCode"))).selectByValue("HT-01");
        new Select(browser.find(By.id("communeId"))).selectByVisibleText("Xã Tân Lập");
        browser.type("phone", "0987 654 321");
        browser.type("email", "hoa.pt@gmail.com");
        browser.find(By.id("consentEmail")).click();
        browser.find(By.id("consentPhone")).click();
        browser.clickAndWait(By.id("submit-dossier"));
        String code = browser.text("submitted-code");
        browser.go("/citizen/dossiers");
        assertThat(browser.find(By.id("my-dossiers")).getText()).contains(code, "Mới");

        // the desk asks for a supplement on its page (its own browser); the citizen answers it with a scan
        var awaiting = desk.api().get("/api/v1/dossiers?status=NEW").body();
        String id = Province.find(awaiting, "tracking_code", code).get("id").asText();
        try (Browser deskBrowser = Browser.open(backbone.baseUrl())) {
            deskBrowser.signIn("motcua.hanhtrinh", "mật-khẩu-motcua.hanhtrinh");
            deskBrowser.go("/dossiers");
            deskBrowser.type("supplement-reason-" + code, "Thiếu bản chụp giấy chứng sinh");
            deskBrowser.clickAndWait(By.id("request-supplement-" + code));
            assertThat(deskBrowser.find(By.cssSelector(".notice")).getText()).startsWith("Đã gửi yêu cầu bổ sung");
            assertThat(deskBrowser.absent(By.id("receive-" + code))).as("no longer awaiting reception").isTrue();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> subjects().contains("Hồ sơ " + code + " cần bổ sung"));
        browser.go("/citizen/dossiers");
        browser.clickAndWait(By.linkText(code));
        assertThat(browser.text("supplement-reason")).isEqualTo("Thiếu bản chụp giấy chứng sinh");
        java.nio.file.Path scan = dataDir.resolve("giay-chung-sinh.pdf");
        java.nio.file.Files.writeString(scan, "%PDF-1.4\n% bản chụp giấy chứng sinh\n%%EOF\n");
        browser.find(By.id("files")).sendKeys(scan.toAbsolutePath().toString());
        // the label is one-stop's own word: e-office's "Nội dung tiến độ", under the same key, stood here before
        assertThat(browser.find(By.cssSelector("label[for=note]")).getText()).isEqualTo("Ghi chú");
        browser.type("note", "Gửi bản chụp giấy chứng sinh");
        browser.clickAndWait(By.id("send-supplement"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).startsWith("Đã gửi hồ sơ bổ sung");
        assertThat(browser.find(By.id("supplied")).getText()).contains("bo-sung-1.pdf");

        // the desk, in its page, opens what was sent, receives the supplement, then the dossier
        browser.signOut();
        browser.signIn("motcua.hanhtrinh", "mật-khẩu-motcua.hanhtrinh");
        browser.go("/dossiers");
        assertThat(browser.find(By.id("supplemented")).getText()).contains(code, "Phạm Thị Hoa", "bo-sung-1.pdf");
        String fileLink = browser.find(By.cssSelector("#supplemented a.supplied-file")).getAttribute("href");
        browser.clickAndWait(By.id("receive-supplement-" + code));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).startsWith("Đã tiếp nhận hồ sơ bổ sung");
        assertThat(desk.api().getBytes(java.net.URI.create(fileLink).getPath()).body())
                .isEqualTo(java.nio.file.Files.readAllBytes(scan));
        browser.clickAndWait(By.id("receive-" + code));
        assertThat(browser.text("receipt-code")).isEqualTo(code);

        await().atMost(Duration.ofSeconds(20)).until(() -> subjects().contains("Hồ sơ " + code + " đã được tiếp nhận"));
        await().atMost(Duration.ofSeconds(20)).until(() -> zns(code, "401001") == 1);

        assertThat(commune.api().post("/api/v1/dossiers/" + id + "/resolution", Map.of("resultDigitised", true))
                .status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> subjects().contains("Hồ sơ " + code + " đã có kết quả"));
        await().atMost(Duration.ofSeconds(20)).until(() -> zns(code, "401003") == 1);
        assertThat(zalo.received("/zns").get(0).body().get("phone").asText()).isEqualTo("84987654321");

        // back in the next day, the citizen finds it among their own
        browser.signOut();
        vneid.enqueueCallback(new DefaultOAuth2TokenCallback("vneid", "vneid-4711", "JWT", List.of(CLIENT),
                Map.of("id_number", "001190054321", "name", "Phạm Thị Hoa"), 3600));
        browser.go("/public/sign-in");
        browser.clickAndWait(By.id("sign-in-vneid"));
        assertThat(browser.find(By.id("my-dossiers")).getText()).contains(code);
    }

    /**
     * The administrator previews and saves a template from the home page; an official chooses Zalo, is told
     * in Vietnamese that a phone number is needed, gives one and is saved.
     */
    @Test
    void anAdministratorRevisesATemplateAndAnOfficialChoosesHowTheyAreTold() {
        browser.signOut();
        browser.signIn("admin", vn.egov.backbone.core.testing.RunningNode.ADMIN_PASSWORD);
        browser.clickAndWait(By.id("link-notification-templates"));
        assertThat(browser.driver().getTitle()).contains("Mẫu thông báo");
        browser.clickAndWait(By.linkText("Nhắc họp trước một ngày"));
        assertThat(browser.find(By.id("template-form")).getText()).contains("{meeting}", "{startsAt}");
        browser.type("subject", "[Nhắc họp] {meeting} lúc {startsAt}");
        browser.clickAndWait(By.id("preview"));
        assertThat(browser.text("preview-subject")).isEqualTo("[Nhắc họp] Họp giao ban tháng 12 lúc 08:00 ngày 10/12/2026");
        browser.type("subject", "[Nhắc họp] {meeting} {matKhau}");
        browser.clickAndWait(By.id("preview"));
        assertThat(browser.find(By.cssSelector(".error")).getText()).contains("Mẫu không có biến {matKhau}");
        browser.type("subject", "[Nhắc họp] {meeting} lúc {startsAt}");
        browser.clickAndWait(By.id("save"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).startsWith("Đã lưu mẫu");
        assertThat(browser.find(By.id("kinds")).getText()).contains("đã sửa");
        assertThat(browser.driver().getPageSource()).doesNotContain("??");

        province.official("chuyenvien.kenh", "Ngô Thị Kênh", "TP.UBND.VP", "SPECIALIST", "NONE");
        browser.signOut();
        browser.signIn("chuyenvien.kenh", "mật-khẩu-chuyenvien.kenh");
        browser.clickAndWait(By.id("link-notification-channels"));
        assertThat(browser.find(By.id("email")).isSelected()).as("e-mail by default").isTrue();
        browser.find(By.id("zalo")).click();
        browser.clickAndWait(By.id("save-channels"));
        assertThat(browser.find(By.cssSelector(".error")).getText())
                .isEqualTo("Cần số điện thoại di động để nhận tin nhắn SMS hoặc Zalo.");
        browser.find(By.id("zalo")).click();
        browser.type("phone", "0912 888 777");
        browser.clickAndWait(By.id("save-channels"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).isEqualTo("Đã lưu cách nhận thông báo.");
        assertThat(browser.find(By.id("zalo")).isSelected()).isTrue();
        assertThat(browser.find(By.id("phone")).getAttribute("value")).isEqualTo("84912888777");
        browser.clickAndWait(By.id("link-my-notifications"));
        assertThat(browser.text("no-entries")).isEqualTo("Chưa có thông báo nào.");
    }

    static List<String> subjects() {
        return mail.subjects();
    }

    static long zns(String code, String template) {
        return zalo.received("/zns").stream().filter(r -> r.body().get("template_id").asText().equals(template))
                .filter(r -> r.body().at("/template_data/trackingCode").asText().equals(code)).count();
    }
}
