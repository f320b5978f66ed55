package vn.egov.backbone.ops.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import vn.egov.backbone.ops.support.RunningBackbone;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Signs in through the real login page in Debian's Chromium (driven by chromium-driver through
 * Selenium), as an official on a tablet would. Screenshots land in {@code ops/target/screenshots}.
 * On CI ({@code CI=true}) a missing browser fails the test; elsewhere it skips with a message.
 */
class BrowserLoginTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @TempDir
    static Path dataDir;
    static RunningBackbone backbone;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(installed, "Chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        }
        assertThat(installed).as("CI installs chromium and chromium-driver (.ci/run)").isTrue();
        backbone = RunningBackbone.start(List.of(), Map.of(), dataDir);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1024,768");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (backbone != null) {
            backbone.close();
        }
    }

    @Test
    void anOfficialSignsInThroughTheLoginPageAndSeesTheirWork() throws IOException {
        browser.manage().deleteAllCookies();
        browser.get(backbone.baseUrl() + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Hệ thống điều hành tỉnh");
        screenshot("login");

        signIn("admin", "sai-mật-khẩu");
        assertThat(browser.findElement(By.cssSelector("p.error")).getText())
                .isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khóa.");

        signIn("admin", RunningBackbone.ADMIN_PASSWORD);
        assertThat(browser.findElement(By.id("greeting")).getText()).isEqualTo("Xin chào, Quản trị hệ thống");
        assertThat(browser.findElement(By.id("roles")).getText()).contains("Quản trị").contains("toàn hệ thống");
        screenshot("home");

        browser.get(backbone.baseUrl() + "/admin/units");
        assertThat(browser.findElement(By.id("units")).getText()).contains("Tỉnh Thử Nghiệm").contains("Đặc khu Hòn Ngư");
        screenshot("units");

        browser.get(backbone.baseUrl() + "/?lang=en");
        assertThat(browser.findElement(By.id("greeting")).getText()).isEqualTo("Hello, Quản trị hệ thống");
        browser.get(backbone.baseUrl() + "/?lang=vi");
    }

    @Test
    void anAdministratorAddsAnOfficialThroughThePageWhoThenSignsIn() throws IOException {
        browser.manage().deleteAllCookies();
        browser.get(backbone.baseUrl() + "/login");
        signIn("admin", RunningBackbone.ADMIN_PASSWORD);
        browser.get(backbone.baseUrl() + "/admin/officials");
        browser.findElement(By.id("username")).sendKeys("doanthimai");
        browser.findElement(By.id("fullName")).sendKeys("Đoàn Thị Mai");
        browser.findElement(By.id("position")).sendKeys("Văn thư");
        browser.findElement(By.id("password")).sendKeys("mật-khẩu-của-mai");
        browser.findElements(By.cssSelector("form.card")).getLast().submit();
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Đã thêm cán bộ Đoàn Thị Mai.");
        screenshot("officials");

        browser.findElement(By.cssSelector("header form button")).click(); // sign out
        browser.get(backbone.baseUrl() + "/login");
        signIn("doanthimai", "mật-khẩu-của-mai");
        assertThat(browser.findElement(By.id("greeting")).getText()).isEqualTo("Xin chào, Đoàn Thị Mai");
    }

    private static void signIn(String username, String password) {
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    private static void screenshot(String name) throws IOException {
        Path directory = Path.of("target", "screenshots");
        Files.createDirectories(directory);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
