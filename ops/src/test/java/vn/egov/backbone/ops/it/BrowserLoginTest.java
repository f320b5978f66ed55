package vn.egov.backbone.ops.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.egov.backbone.ops.support.Browser;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.ops.support.RunningBackbone;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs in through the real login page in Chromium, as an official on a tablet would. */
class BrowserLoginTest {
    @TempDir
    static Path dataDir;
    static RunningBackbone backbone;
    static Browser browser;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        backbone = RunningBackbone.start(List.of(), Map.of(), dataDir);
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
    void anOfficialSignsInThroughTheLoginPageAndSeesTheirWork() {
        browser.signOut();
        browser.go("/");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
        assertThat(browser.find(By.tagName("h1")).getText()).contains("Hệ thống điều hành tỉnh");
        browser.screenshot("login");

        browser.signIn("admin", "sai-mật-khẩu");
        assertThat(browser.find(By.cssSelector("p.error")).getText())
                .isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khóa.");

        browser.signIn("admin", RunningBackbone.ADMIN_PASSWORD);
        assertThat(browser.text("greeting")).isEqualTo("Xin chào, Quản trị hệ thống");
        // at 1024 px, with every menu item of an administrator: one line of menu, nothing wider than the page
        assertThat(browser.find(By.cssSelector("header.topbar")).getSize().getHeight()).as("menu height").isLessThan(70);
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                .as("horizontal overflow").isLessThanOrEqualTo(0);
        assertThat(browser.text("roles")).contains("Quản trị").contains("toàn hệ thống");
        browser.screenshot("home");

        browser.go("/admin/units");
        assertThat(browser.text("units")).contains("Tỉnh Thử Nghiệm").contains("Đặc khu Hòn Ngư");
        browser.screenshot("units");

        browser.go("/?lang=en");
        assertThat(browser.text("greeting")).isEqualTo("Hello, Quản trị hệ thống");
        browser.go("/?lang=vi");
    }

    @Test
    void anAdministratorAddsAnOfficialThroughThePageWhoThenSignsIn() {
        browser.signOut();
        browser.signIn("admin", RunningBackbone.ADMIN_PASSWORD);
        browser.go("/admin/officials");
        // a user name already taken is refused, and the form keeps what was typed but the password
        browser.type("username", "admin");
        browser.type("fullName", "Đoàn Thị Mai");
        browser.type("position", "Văn thư");
        browser.type("password", "mật-khẩu-của-mai");
        var refusedPage = browser.find(By.tagName("html"));
        browser.driver().findElements(By.cssSelector("form.card")).getLast().submit();
        browser.awaitNewPage(refusedPage);
        assertThat(browser.find(By.cssSelector("p.error")).getText()).isNotBlank();
        assertThat(browser.find(By.id("fullName")).getAttribute("value")).isEqualTo("Đoàn Thị Mai");
        assertThat(browser.find(By.id("position")).getAttribute("value")).isEqualTo("Văn thư");
        assertThat(browser.find(By.id("password")).getAttribute("value")).isEmpty();
        browser.type("username", "doanthimai");
        browser.type("password", "mật-khẩu-của-mai");
        var page = browser.find(By.tagName("html"));
        browser.driver().findElements(By.cssSelector("form.card")).getLast().submit();
        browser.awaitNewPage(page);
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Đã thêm cán bộ Đoàn Thị Mai.");
        browser.screenshot("officials");

        // her account's page: a second role until a day, a new position, then one role taken back, asked first
        browser.clickAndWait(By.linkText("Đoàn Thị Mai"));
        assertThat(browser.text("roles")).contains("Văn thư");
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("grant-role"))).selectByVisibleText("Thư ký cuộc họp");
        java.time.LocalDate through = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(30);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                browser.find(By.id("grant-valid-through")), through.toString());
        browser.clickAndWait(By.id("grant-role-submit"));
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Đã cập nhật tài khoản.");
        assertThat(browser.text("roles")).contains("Thư ký cuộc họp",
                through.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        browser.type("position", "Văn thư, kiêm thư ký cuộc họp");
        browser.clickAndWait(By.id("details-submit"));
        assertThat(browser.find(By.cssSelector("main")).getText()).contains("Đã cập nhật tài khoản.");
        assertThat(browser.find(By.id("position")).getAttribute("value")).isEqualTo("Văn thư, kiêm thư ký cuộc họp");
        var revoke = browser.find(By.cssSelector("button[id^='revoke-RECORDS_CLERK-']"));
        var before = browser.find(By.tagName("html"));
        revoke.click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
        browser.awaitNewPage(before);
        assertThat(browser.text("roles")).contains("Thư ký cuộc họp").doesNotContain("Văn thư");
        browser.screenshot("official");

        browser.signOut();
        browser.signIn("doanthimai", "mật-khẩu-của-mai");
        assertThat(browser.text("greeting")).isEqualTo("Xin chào, Đoàn Thị Mai");
        assertThat(browser.text("roles")).contains("Thư ký cuộc họp").doesNotContain("Văn thư");
        // she administers nobody: another official's page does not exist for her
        browser.go("/admin/officials/" + backbone.bean(vn.egov.backbone.core.official.OfficialQueries.class)
                .findByUsername("admin").orElseThrow().id());
        assertThat(browser.find(By.tagName("body")).getText()).doesNotContain("Giao vai trò");

        // she replaces the password her administrator gave her, from her name in the menu (before: API only)
        browser.go("/");
        browser.clickAndWait(By.id("nav-account"));
        assertThat(browser.text("account-username")).isEqualTo("doanthimai");
        for (String[] attempt : List.of(
                new String[] {"mật-khẩu-sai-rồi", "mật-khẩu-mới-của-mai", "mật-khẩu-mới-của-mai", "Mật khẩu hiện tại không đúng."},
                new String[] {"mật-khẩu-của-mai", "mật-khẩu-mới-của-mai", "mật-khẩu-khác-hẳn",
                        "Hai lần nhập mật khẩu mới không khớp nhau."})) {
            browser.type("currentPassword", attempt[0]);
            browser.type("newPassword", attempt[1]);
            browser.type("repeatedPassword", attempt[2]);
            browser.clickAndWait(By.id("change-password"));
            assertThat(browser.find(By.cssSelector("p.error")).getText()).isEqualTo(attempt[3]);
        }
        browser.type("currentPassword", "mật-khẩu-của-mai");
        browser.type("newPassword", "mật-khẩu-mới-của-mai");
        browser.type("repeatedPassword", "mật-khẩu-mới-của-mai");
        browser.clickAndWait(By.id("change-password"));
        assertThat(browser.text("password-changed")).startsWith("Đã đổi mật khẩu.");
        browser.signOut();
        browser.signIn("doanthimai", "mật-khẩu-mới-của-mai");
        assertThat(browser.text("greeting")).isEqualTo("Xin chào, Đoàn Thị Mai");
    }

    /**
     * The reorganisation on the pages: an administrator merges two communes into a new one, citing the resolution,
     * and dissolves a unit, asked first (before: API calls only). Two communes of its own, so that the seed's stay.
     */
    @Test
    void anAdministratorMergesTwoCommunesAndDissolvesAUnitOnThePage() {
        browser.signOut();
        browser.signIn("admin", RunningBackbone.ADMIN_PASSWORD);
        browser.go("/admin/units");
        for (String[] commune : List.of(new String[] {"TP.901", "Xã Thử Sáp Nhập Một"}, new String[] {"TP.902", "Xã Thử Sáp Nhập Hai"})) {
            browser.type("code", commune[0]);
            browser.type("name", commune[1]);
            new Select(browser.find(By.id("kind"))).selectByVisibleText("Xã");
            new Select(browser.find(By.id("parentId"))).selectByVisibleText("Tỉnh Thử Nghiệm");
            var page = browser.find(By.tagName("html"));
            browser.find(By.id("code")).submit();
            browser.awaitNewPage(page);
            assertThat(browser.find(By.cssSelector("main")).getText()).contains("Đã thêm đơn vị " + commune[1]);
        }
        assertThat(browser.text("units")).contains("Xã Thử Sáp Nhập Một", "Xã Thử Sáp Nhập Hai");
        Select sources = new Select(browser.find(By.id("merge-sources")));
        sources.selectByVisibleText("Xã Thử Sáp Nhập Một");
        sources.selectByVisibleText("Xã Thử Sáp Nhập Hai");
        browser.type("merge-code", "TP.903");
        browser.type("merge-name", "Xã Thử Hợp Nhất");
        new Select(browser.find(By.id("merge-kind"))).selectByVisibleText("Xã");
        new Select(browser.find(By.id("merge-parent"))).selectByVisibleText("Tỉnh Thử Nghiệm");
        browser.type("merge-basis", "Nghị quyết số 9999/NQ-UBTVQH15");
        browser.clickAndWait(By.id("merge-submit"));
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).startsWith("Đã sáp nhập thành Xã Thử Hợp Nhất");
        assertThat(browser.text("units")).contains("Xã Thử Hợp Nhất").doesNotContain("Xã Thử Sáp Nhập Một")
                .doesNotContain("Xã Thử Sáp Nhập Hai");

        new Select(browser.find(By.id("dissolve-unit"))).selectByVisibleText("Xã Thử Hợp Nhất");
        var page = browser.find(By.tagName("html"));
        browser.find(By.id("dissolve-submit")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
        browser.awaitNewPage(page);
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Đã giải thể đơn vị.");
        assertThat(browser.text("units")).doesNotContain("Xã Thử Hợp Nhất").contains("Đặc khu Hòn Ngư");
    }

    /**
     * A system administrator checks the event log from the home page: signs a checkpoint, verifies, and —
     * once someone changed an event in the database — reads in Vietnamese which event no longer matches.
     */
    @Test
    void anAdministratorVerifiesTheEventLogAndReadsWhichEventWasChanged() {
        browser.signOut();
        browser.signIn("admin", RunningBackbone.ADMIN_PASSWORD);
        browser.clickAndWait(By.id("link-event-chain"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Toàn vẹn nhật ký sự kiện");
        browser.clickAndWait(By.id("sign"));
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).startsWith("Đã ký điểm kiểm tra tại sự kiện số");
        assertThat(browser.text("checkpoints")).contains("Sự kiện số");
        browser.clickAndWait(By.id("verify"));
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).startsWith("Nhật ký nguyên vẹn: đã kiểm tra")
                .contains("khớp 1 điểm kiểm tra đã ký");

        JdbcClient jdbc = JdbcClient.create(backbone.bean(DataSource.class));
        long position = jdbc.sql("SELECT MIN(global_index) FROM domain_event_entry WHERE payload_type LIKE '%UnitCreated'")
                .query(Long.class).single();
        byte[] payload = jdbc.sql("SELECT payload FROM domain_event_entry WHERE global_index = :i").param("i", position)
                .query(byte[].class).single();
        byte[] changed = new String(payload, StandardCharsets.UTF_8).replaceFirst("\"name\":\"", "\"name\":\"X")
                .getBytes(StandardCharsets.UTF_8);
        jdbc.sql("UPDATE domain_event_entry SET payload = :p WHERE global_index = :i").param("p", changed)
                .param("i", position).update();
        try {
            browser.clickAndWait(By.id("verify"));
            assertThat(browser.find(By.cssSelector("p.error")).getText())
                    .startsWith("Phát hiện sai lệch: sự kiện số " + position + " đã bị sửa hoặc đổi chỗ")
                    .contains("loại UnitCreated");
            browser.screenshot("event-chain");
        } finally {
            jdbc.sql("UPDATE domain_event_entry SET payload = :p WHERE global_index = :i").param("p", payload)
                    .param("i", position).update();
        }
        browser.clickAndWait(By.id("verify"));
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).startsWith("Nhật ký nguyên vẹn");
    }

    /**
     * Every page under the Content-Security-Policy: nothing refused (an inline script without the
     * answer's nonce, an inline handler, a foreign resource), and the pages' own scripts still run.
     */
    @Test
    void everyPageRunsUnderTheContentSecurityPolicy() {
        browser.signOut();
        browser.signIn("admin", RunningBackbone.ADMIN_PASSWORD);
        browser.console();
        for (String path : List.of("/", "/documents", "/documents/inbox", "/documents/incoming/new",
                "/documents/outgoing/new", "/documents/overview", "/registers", "/work-files", "/search", "/kpi",
                "/meetings", "/dossiers", "/admin/units", "/admin/officials", "/admin/event-chain", "/public/dossiers",
                "/public/dossiers/new")) {
            browser.go(path);
            assertThat(browser.console()).as(path).noneMatch(line -> line.contains("Content Security Policy"));
        }
        // the KPI page's inline script draws its charts; the search page's suggests as one types
        browser.go("/kpi");
        assertThat(browser.driver().findElements(By.cssSelector("canvas")).stream()
                .anyMatch(canvas -> canvas.getAttribute("style") != null && canvas.getAttribute("style").contains("height")))
                .as("Chart.js ran (it sizes its canvases)").isTrue();
        assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));
    }

    /** English words that no Vietnamese sentence contains: one of them on a Vietnamese page is an English message. */
    private static final java.util.regex.Pattern ENGLISH = java.util.regex.Pattern.compile(
            "\\b(the|is|are|not|cannot|must|only|already|does|exist|has|have|this|that|needs|Error|Forbidden|Found|Bad|Request|Internal)\\b");

    /**
     * The known ways to make a page show an error, done as a user would: a refused form, an address that
     * does not exist, a page of a unit the official may not see, a mistyped period. Each answer is in
     * Vietnamese, with no English word and no unresolved message key ({@code ??…??}); English only with
     * {@code ?lang=en}.
     */
    @Test
    void everyErrorAPageShowsIsVietnamese() {
        Province province = new Province(backbone);
        province.official("can.bo.xa", "Lê Văn Xã", "TP.001", "SPECIALIST", "NONE");
        browser.signOut();
        browser.signIn("admin", RunningBackbone.ADMIN_PASSWORD);

        browser.go("/admin/units");
        browser.type("code", "TP");
        browser.type("name", "Tỉnh Trùng Mã");
        var page = browser.find(By.tagName("html"));
        browser.find(By.id("code")).submit();
        browser.awaitNewPage(page);
        assertVietnamese("a refused form", browser.find(By.cssSelector("p.error")).getText());

        // the unit's electronic identifier for document exchange, through its field on the same page
        browser.go("/admin/units");
        var identifier = browser.find(By.cssSelector("#units input[name=identifier]"));
        identifier.sendKeys("SAI-MA");
        page = browser.find(By.tagName("html"));
        identifier.submit();
        browser.awaitNewPage(page);
        assertThat(browser.find(By.cssSelector("p.error")).getText()).startsWith("Mã định danh điện tử phải gồm");
        identifier = browser.find(By.cssSelector("#units input[name=identifier]"));
        identifier.clear();
        identifier.sendKeys("000.00.00.H88");
        page = browser.find(By.tagName("html"));
        identifier.submit();
        browser.awaitNewPage(page);
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Đã gán mã định danh điện tử cho đơn vị.");
        assertThat(browser.find(By.cssSelector("#units input[name=identifier]")).getAttribute("value")).isEqualTo("000.00.00.H88");

        browser.go("/khong-co-trang-nay");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("404 — Không tìm thấy trang");
        assertVietnamese("an unknown address", pageText());

        browser.go("/kpi?period=2026-13");
        assertThat(browser.find(By.cssSelector("p.error")).getText()).isEqualTo("Tháng từ 01 đến 12.");
        assertVietnamese("a mistyped period", pageText());

        browser.go("/khong-co-trang-nay?lang=en");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("404 — Not found");
        browser.go("/dossiers");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("One-stop desk");
        browser.go("/public/dossiers/new");
        assertThat(browser.find(By.cssSelector("label[for=idNumber]")).getText())
                .isEqualTo("Personal identification number (12 digits)");
        browser.go("/?lang=vi");
        browser.go("/dossiers");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Bộ phận một cửa");

        browser.signOut();
        browser.signIn("can.bo.xa", "mật-khẩu-can.bo.xa");
        browser.go("/kpi?unitId=" + province.unitId("TP"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("403 — Không có quyền truy cập");
        assertVietnamese("a unit outside the official's scope", pageText());
        browser.screenshot("error-403");
    }

    private String pageText() {
        return browser.find(By.tagName("body")).getText();
    }

    private static void assertVietnamese(String what, String text) {
        assertThat(text).as(what).doesNotContain("??").doesNotContainPattern(ENGLISH)
                .containsPattern("[ăâđêôơưạảấầẩậắằẳặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]");
    }
}
