package vn.egov.backbone.ops.it;

import vn.egov.backbone.onestop.dossier.DossiersApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.ops.support.Browser;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.ops.support.RunningBackbone;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In Chromium: a citizen types the code from the receipt and sees the dossier's status and appointment
 * without signing in; the commune prints a late dossier's apology; the province's leader opens the KPI
 * dashboard, drills down to the commune and finds the late dossier there. A citizen submits online, the
 * commune's desk receives the dossier and prints the receipt, whose QR code opens the citizen's lookup.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the dashboard's counts are of the first test's dossiers
class OneStopBrowserTest {
    @TempDir
    static Path dataDir;
    static RunningBackbone backbone;
    static Browser browser;
    static Province province;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        backbone = RunningBackbone.start(List.of(), Map.of(), dataDir);
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
    }

    @Test
    @Order(1)
    void theCitizenFollowsTheDossierAndTheLeaderDrillsDownToTheLateOne() {
        Official desk = province.official("motcua.trinh", "Trần Thị Ngọc", "TP.002.UBND", "RECORDS_CLERK", "NONE");
        Official commune = province.official("tuphap.trinh", "Lò Văn Páo", "TP.001.UBND", "SPECIALIST", "NONE");
        // the chairman leads the province's people's committee, not "the province": he reads the province's KPIs
        province.official("lanhdao.trinh", "Lê Văn Hùng", "TP.UBND", "LEADER", "NONE");
        String tanLap = province.unitId("TP.001");
        Api.Response onTime = desk.api().post("/api/v1/dossiers", DossiersApiTest.dossier("HT-02", tanLap));
        String code = onTime.body().get("trackingCode").asText();
        String late = desk.api().post("/api/v1/dossiers", DossiersApiTest.dossier("HT-01", tanLap)).body().get("id").asText();
        assertThat(commune.api().post("/api/v1/dossiers/" + late + "/apology", Map.of("reason", "Chờ xác minh",
                "extraDays", 2)).status()).isEqualTo(204);
        assertThat(commune.api().post("/api/v1/dossiers/" + late + "/resolution", Map.of()).status()).isEqualTo(204);
        String lateCode = desk.api().get("/api/v1/dossiers/" + late).body().at("/dossier/tracking_code").asText();

        browser.signOut();
        browser.go("/public/dossiers");
        browser.type("code", code);
        browser.clickAndWait(By.id("lookup-submit"));
        assertThat(browser.text("dossier-status")).isEqualTo("Được tiếp nhận");
        assertThat(browser.text("appointment")).matches("\\d{2}/\\d{2}/\\d{4}");
        assertThat(browser.find(By.id("dossier")).getText()).doesNotContain("Nguyễn Văn Bình", "001090012345");
        // On a 390 px phone: no sideways scrolling, each status with its date, a word where no step is yet.
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            browser.driver().navigate().refresh();
            Number overflow = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
            assertThat(browser.text("history")).containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} — Mới đăng ký")
                    .contains("Được tiếp nhận");
            assertThat(browser.text("no-steps")).startsWith("Hồ sơ chưa được chuyển xử lý");
            browser.screenshot("citizen-lookup-phone");
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1024, 900));
        }
        browser.type("code", "HS000000-ZZZZZZ");
        browser.clickAndWait(By.id("lookup-submit"));
        assertThat(browser.text("lookup-message")).isEqualTo("Không tìm thấy hồ sơ có mã này.");

        // The late dossier's apology, printable from the desk's list.
        browser.signIn("tuphap.trinh", "mật-khẩu-tuphap.trinh");
        browser.go("/dossiers/" + late + "/apology-letter");
        assertThat(browser.text("apology-reason")).isEqualTo("Chờ xác minh");
        assertThat(browser.text("apology-applicant")).isEqualTo("Nguyễn Văn Bình");
        browser.signOut();

        browser.signIn("lanhdao.trinh", "mật-khẩu-lanhdao.trinh");
        await().ignoreException(org.openqa.selenium.NoSuchElementException.class).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            browser.go("/kpi");
            assertThat(browser.text("kpi-unit")).isEqualTo("Tỉnh Thử Nghiệm");
            assertThat(browser.text("kpi-received")).isEqualTo("2");
            assertThat(browser.text("kpi-late")).isEqualTo("1");
        });
        // every unit of the province is offered; a mistyped period is told, in Vietnamese, on the page itself
        assertThat(new Select(browser.find(By.id("unitId"))).getOptions()).extracting(option -> option.getText().strip())
                .contains("Tỉnh Thử Nghiệm", "Ủy ban nhân dân tỉnh Thử Nghiệm", "Sở Nội vụ", "Xã Tân Lập", "Đặc khu Hòn Ngư");
        browser.type("period", "2026-Q5");
        browser.clickAndWait(By.cssSelector("#kpi-form button[type=submit]"));
        assertThat(browser.text("kpi-period-error")).contains("tháng");
        assertThat(browser.text("kpi-received")).isEqualTo("2");
        new Select(browser.find(By.id("unitId"))).selectByValue(tanLap);
        browser.clickAndWait(By.cssSelector("#kpi-form button[type=submit]"));
        assertThat(browser.text("kpi-unit")).isEqualTo("Xã Tân Lập");
        browser.clickAndWait(By.id("kpi-up"));
        browser.clickAndWait(By.linkText("Xã Tân Lập"));
        assertThat(browser.text("kpi-unit")).isEqualTo("Xã Tân Lập");
        assertThat(browser.find(By.id("kpi-late-dossiers")).getText()).contains(lateCode);
        // The charts are drawn by Chart.js, served with the app.
        await().ignoreException(org.openqa.selenium.NoSuchElementException.class).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(browser.find(By.tagName("body")).getAttribute("data-charts")).isEqualTo("2"));
        assertThat(browser.find(By.id("kpi-table")).getText()).contains("Đúng hạn");
    }

    @Test
    @Order(2)
    void aCitizenSubmitsOnlineTheCommuneReceivesItAndPrintsTheReceiptWithItsQrCode() {
        province.official("motcua.tanlap", "Vàng Thị Mỷ", "TP.001.UBND", "RECORDS_CLERK", "NONE");
        browser.signOut();
        browser.go("/public/dossiers/new");
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("procedureCode"))).selectByValue("HT-01");
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("communeId"))).selectByVisibleText("Xã Tân Lập");
        browser.type("name", "Phạm Thị Hoa");
        browser.type("idNumber", "001190054321");
        browser.type("phone", "0987654321");
        browser.clickAndWait(By.id("submit-dossier"));
        String code = browser.text("submitted-code");
        assertThat(code).matches("HS\\d{6}-[A-Z2-9]{6}");

        browser.signIn("motcua.tanlap", "mật-khẩu-motcua.tanlap");
        await().ignoreException(org.openqa.selenium.NoSuchElementException.class).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            browser.go("/dossiers");
            assertThat(browser.find(By.id("awaiting")).getText()).contains(code, "Phạm Thị Hoa");
        });
        browser.clickAndWait(By.id("receive-" + code));
        assertThat(browser.text("receipt-code")).isEqualTo(code);
        assertThat(browser.text("receipt-applicant")).isEqualTo("Phạm Thị Hoa");
        assertThat(browser.text("receipt-appointment")).matches("\\d{2}/\\d{2}/\\d{4}");
        assertThat(browser.find(By.cssSelector("#receipt-qr svg path")).getAttribute("d")).startsWith("M");
        String lookup = browser.find(By.id("receipt-lookup")).getAttribute("href");
        assertThat(lookup).endsWith("/public/dossiers/" + code);

        // What the QR code opens, for the citizen.
        browser.signOut();
        browser.driver().get(lookup);
        assertThat(browser.text("dossier-status")).isEqualTo("Được tiếp nhận");
    }

    /**
     * A commune's administrator, on a citizen's request: finds from the desk what is held about the
     * citizen's identity number and who read it, erases it (asked first), and finds nothing any more.
     */
    @Test
    @Order(3)
    void anAdministratorFindsWhatIsHeldAboutACitizenAndErasesItOnTheirRequest() {
        Official desk = province.official("motcua.baomat", "Nguyễn Thị Hạnh", "TP.002.UBND", "RECORDS_CLERK", "NONE");
        province.official("quantri.tanlap", "Đặng Văn Tâm", "TP.001.UBND", "ADMINISTRATOR", "NONE");
        Map<String, Object> request = DossiersApiTest.dossier("HT-02", province.unitId("TP.001"));
        request.put("applicant", Map.of("name", "Đinh Thị Thu Hà", "idNumber", "038197001122",
                "address", "Bản Pù Nhi, xã Tân Lập", "phone", "0911222333"));
        String code = desk.api().post("/api/v1/dossiers", request).body().get("trackingCode").asText();

        browser.signOut();
        browser.signIn("quantri.tanlap", "mật-khẩu-quantri.tanlap");
        browser.go("/dossiers");
        browser.clickAndWait(By.id("link-personal-data"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Dữ liệu cá nhân của công dân");
        browser.type("idNumber", "038197001122");
        browser.clickAndWait(By.id("find"));
        assertThat(browser.text("dossier-" + code)).contains("Đinh Thị Thu Hà", "Bản Pù Nhi, xã Tân Lập", "0911222333",
                "Đặng Văn Tâm", "Trích xuất dữ liệu");
        browser.screenshot("personal-data");

        browser.type("legalBasis-" + code, "Đơn đề nghị xóa dữ liệu của bà Đinh Thị Thu Hà ngày 03/12/2026");
        WebElement page = browser.find(By.tagName("html"));
        browser.find(By.id("erase-" + code)).click();
        Alert question = new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).startsWith("Xóa vĩnh viễn họ tên, số định danh");
        question.accept();
        browser.awaitNewPage(page);
        assertThat(browser.find(By.cssSelector("p.notice")).getText())
                .isEqualTo("Đã xóa dữ liệu cá nhân của người nộp hồ sơ " + code + ".");
        browser.type("idNumber", "038197001122");
        browser.clickAndWait(By.id("find"));
        assertThat(browser.text("nothing-held")).startsWith("Hệ thống không giữ dữ liệu nào về số định danh này");
    }
}
