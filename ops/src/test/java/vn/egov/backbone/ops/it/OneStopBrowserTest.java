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

import java.net.URI;
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
        await().ignoreException(org.openqa.selenium.NoSuchElementException.class).atMost(Duration.ofSeconds(30)).untilAsserted(() ->
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
        await().ignoreException(org.openqa.selenium.NoSuchElementException.class).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
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
        // due the next working day: marked in the desk's list, in words as well as in colour
        browser.go("/dossiers");
        WebElement row = browser.find(By.xpath("//table[@id='dossiers']//tr[td/a[text()='" + code + "']]"));
        assertThat(row.getAttribute("class")).contains("due-soon");
        assertThat(row.getText()).contains("sắp đến hạn");
        // the citizen comes back to the counter and gives their name: typed in small letters, it finds the dossier
        browser.type("q", "phạm thị hoa");
        browser.clickAndWait(By.id("apply-filter"));
        assertThat(browser.driver().findElements(By.cssSelector("#dossiers td:first-child a")))
                .extracting(WebElement::getText).contains(code);
        assertThat(browser.find(By.id("q")).getAttribute("value")).isEqualTo("phạm thị hoa");
        browser.type("q", "Trần Không Có");
        browser.clickAndWait(By.id("apply-filter"));
        assertThat(browser.text("dossiers-empty")).isEqualTo("Không có hồ sơ nào khớp với điều kiện lọc.");
        browser.clickAndWait(By.id("clear-filter"));
        assertThat(browser.find(By.id("q")).getAttribute("value")).isEmpty();

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

    /**
     * The desk's whole job on its pages, for a dossier handed in at the counter: registration (a refused form
     * comes back as typed), the receipt, the dossier's page with its handling record; the fee asked and paid,
     * a step sent to a provincial department whose specialist completes it on the same page, the dossier
     * resolved (asked first) and the result returned; the citizen's lookup says so. An official of another
     * commune gets 404 for the dossier's page, as for the API.
     */
    @Test
    @Order(4)
    void theDeskRegistersADossierHandedInAndHandlesItOnItsPageUntilTheResultIsReturned() {
        province.official("motcua.donghung", "Đinh Thị Thu", "TP.003.UBND", "RECORDS_CLERK", "NONE");
        province.official("chuyenvien.snv", "Hoàng Văn Minh", "TP.SNV", "SPECIALIST", "NONE");
        province.official("motcua.honngu", "Quàng Văn Sáng", "TP.004.UBND", "RECORDS_CLERK", "NONE");
        browser.signOut();
        browser.signIn("motcua.donghung", "mật-khẩu-motcua.donghung");
        browser.go("/dossiers");
        browser.clickAndWait(By.id("link-register"));
        new Select(browser.find(By.id("procedureCode"))).selectByValue("XD-01");
        new Select(browser.find(By.id("communeId"))).selectByVisibleText("Phường Đông Hưng");
        browser.type("name", "   "); // passes the browser's "required", not the desk's rule
        browser.type("idNumber", "001085006789");
        browser.type("phone", "0903123456");
        browser.type("components", "3");
        browser.clickAndWait(By.id("register-submit"));
        assertThat(browser.text("register-error")).isEqualTo("Cần ghi người nộp hồ sơ.");
        assertThat(new Select(browser.find(By.id("procedureCode"))).getFirstSelectedOption().getAttribute("value"))
                .as("kept as chosen").isEqualTo("XD-01");
        assertThat(browser.find(By.id("phone")).getAttribute("value")).isEqualTo("0903123456");
        assertThat(browser.find(By.id("components")).getAttribute("value")).isEqualTo("3");
        browser.type("name", "Trịnh Văn Lực");
        browser.clickAndWait(By.id("register-submit"));
        String code = browser.text("receipt-code");
        assertThat(browser.text("receipt-applicant")).isEqualTo("Trịnh Văn Lực");

        browser.go("/dossiers");
        assertThat(browser.text("nav-dossiers-pending")).as("received, waiting to be sent for processing").isEqualTo("1");
        assertThat(browser.find(By.xpath("//table[@id='dossiers']//tr[td/a[text()='" + code + "']]")).getAttribute("class"))
                .as("due in 15 working days").doesNotContain("due-soon").doesNotContain("overdue");
        browser.clickAndWait(By.linkText(code));
        String page = URI.create(browser.driver().getCurrentUrl()).getPath();
        assertThat(browser.text("record-status")).isEqualTo("Được tiếp nhận");
        assertThat(browser.text("record-procedure")).startsWith("Cấp giấy phép xây dựng nhà ở riêng lẻ");
        assertThat(browser.text("record-applicant")).contains("Trịnh Văn Lực", "001085006789", "0903123456");
        assertThat(browser.text("record-journal")).contains("Nộp hồ sơ, kênh trực tiếp", "Tiếp nhận hồ sơ, hẹn trả ngày",
                "Đinh Thị Thu");
        assertThat(browser.absent(By.id("resolve"))).as("a dossier that needs no step may be resolved at once").isFalse();

        // the fee, asked and paid at the counter
        browser.type("payment-amount", "75000");
        browser.type("payment-purpose", "Lệ phí cấp giấy phép xây dựng");
        browser.clickAndWait(By.id("request-payment"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).isEqualTo("Đã gửi yêu cầu nộp phí, lệ phí.");
        assertThat(browser.text("record-status")).isEqualTo("Yêu cầu thực hiện nghĩa vụ tài chính");
        assertThat(browser.absent(By.id("start-step"))).as("no step while the fee is due").isTrue();
        browser.clickAndWait(By.id("record-payment"));
        assertThat(browser.text("record-journal")).contains("Yêu cầu nộp phí, lệ phí 75.000 đồng",
                "Lệ phí cấp giấy phép xây dựng", "Ghi nhận đã nộp 75.000 đồng (tiền mặt)");

        // a step for the province's department of home affairs, completed by its specialist on this page
        new Select(browser.find(By.id("step-agency"))).selectByVisibleText("Sở Nội vụ");
        browser.type("step-task", "Cho ý kiến về vị trí xây dựng");
        browser.type("step-days", "2");
        browser.clickAndWait(By.id("start-step"));
        assertThat(browser.text("record-status")).isEqualTo("Đang xử lý");
        assertThat(browser.text("record-steps")).contains("Sở Nội vụ", "Cho ý kiến về vị trí xây dựng");
        assertThat(browser.absent(By.id("resolve"))).as("not resolved while a step is open").isTrue();

        // another commune's desk: the page does not exist for them
        browser.signOut();
        browser.signIn("motcua.honngu", "mật-khẩu-motcua.honngu");
        browser.go(page);
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "return performance.getEntriesByType('navigation')[0].responseStatus;")).intValue()).isEqualTo(404);
        assertThat(browser.find(By.tagName("body")).getText()).doesNotContain("Trịnh Văn Lực");
        // nor do its forms: a write sent by hand with their own session's token is refused as not found
        browser.go("/dossiers");
        Object stopped = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {method: 'POST', body: new URLSearchParams({reason: 'thử',"
                        + " _csrf: document.querySelector('input[name=_csrf]').value})}).then(r => done(r.status));",
                page + "/stop");
        assertThat(((Number) stopped).intValue()).isEqualTo(404);

        browser.signOut();
        browser.signIn("chuyenvien.snv", "mật-khẩu-chuyenvien.snv");
        browser.go("/dossiers");
        assertThat(browser.text("nav-dossiers-pending")).as("the department's open step").isEqualTo("1");
        browser.clickAndWait(By.linkText(code));
        assertThat(browser.text("record-status")).as("not stopped by the other commune").isEqualTo("Đang xử lý");
        assertThat(browser.absent(By.id("stop")) && browser.absent(By.id("start-step")) && browser.absent(By.id("withdraw")))
                .as("the department gives its opinion; the commune decides").isTrue();
        browser.type("step-note-0", "Thống nhất vị trí");
        browser.clickAndWait(By.id("complete-step-0"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).isEqualTo("Đã hoàn thành bước xử lý.");
        assertThat(browser.text("record-journal")).contains("Sở Nội vụ hoàn thành bước xử lý (trước hạn)",
                "Thống nhất vị trí", "Hoàng Văn Minh");

        // resolved (asked first: dismissed, nothing happens) and the result handed over
        browser.signOut();
        browser.signIn("motcua.donghung", "mật-khẩu-motcua.donghung");
        browser.go(page);
        browser.find(By.id("resolve")).click();
        Alert question = new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).startsWith("Xác nhận hồ sơ đã giải quyết xong?");
        question.dismiss();
        browser.go(page);
        assertThat(browser.text("record-status")).isEqualTo("Đang xử lý");
        WebElement before = browser.find(By.tagName("html"));
        browser.find(By.id("resolve")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        browser.awaitNewPage(before);
        assertThat(browser.text("record-status")).isEqualTo("Đã xử lý xong");
        assertThat(browser.text("nav-dossiers-pending")).as("a result to hand back").isEqualTo("1");
        browser.clickAndWait(By.id("return-result"));
        assertThat(browser.text("record-status")).isEqualTo("Đã trả kết quả");
        assertThat(browser.absent(By.id("nav-dossiers-pending"))).as("nothing waits any more").isTrue();
        assertThat(browser.absent(By.id("record-actions"))).as("nothing left to do").isTrue();
        assertThat(browser.text("record-journal")).contains("Giải quyết xong (trước hạn)", "Trả kết quả cho người nộp");
        browser.screenshot("onestop-dossier-record");

        browser.signOut();
        browser.go("/public/dossiers/" + code);
        assertThat(browser.text("dossier-status")).isEqualTo("Đã trả kết quả");
    }
}
