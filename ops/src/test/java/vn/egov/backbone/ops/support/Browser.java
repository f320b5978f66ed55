package vn.egov.backbone.ops.support;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium driven by chromium-driver through Selenium, headless, as an official's browser.
 * On CI ({@code CI=true}) a missing browser fails the test; elsewhere the test is skipped with a message.
 * Screenshots land in {@code ops/target/screenshots}.
 *
 * <p>The browser is Chromium's headless shell (Debian's {@code chromium-headless-shell}, built from the same
 * Chromium source as {@code chromium}: the same Blink and V8, without the desktop browser around them), as
 * Puppeteer uses by default for tests: the browser tests took a fifth to over a quarter less CPU with it than with
 * {@code chromium --headless=new} (README, "Tests and how long they take"). Where only {@code chromium} is
 * installed, that is used. The shell is started as its binary, not through Debian's launcher script
 * {@code /usr/bin/chromium-headless-shell}: the script does not {@code exec} it, and ChromeDriver's quit then
 * waited 20 s for the browser to end at every close.
 */
public final class Browser implements AutoCloseable {
    private static final String HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final String baseUrl;

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    public static void assumeInstalled() {
        boolean installed = (new File(HEADLESS_SHELL).canExecute() || new File(CHROMIUM).canExecute())
                && new File(CHROMEDRIVER).canExecute();
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(installed, "Chromium and chromium-driver are not installed"
                    + " (apt-get install chromium-headless-shell chromium-driver)");
        }
        assertThat(installed).as("CI installs chromium, its headless shell and chromium-driver (.ci/run)").isTrue();
    }

    public static Browser open(String baseUrl) {
        ChromeOptions options = new ChromeOptions();
        if (new File(HEADLESS_SHELL).canExecute()) {
            options.setBinary(HEADLESS_SHELL);
        } else {
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new");
        }
        options.addArguments("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1024,900",
                // one renderer process for the pages of Backbone: Chromium started a new one for nearly every page
                // opened by address (to keep the old one for "back"), 66 in the crawl instead of 5
                "--disable-features=BackForwardCache,ProactivelySwapBrowsingInstance");
        // the console, to see what the Content-Security-Policy refused
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return new Browser(driver, baseUrl);
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(baseUrl + path);
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    /** Clicks something that loads a new page, and waits until the new page has replaced the old one. */
    public void clickAndWait(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        awaitNewPage(page);
    }

    /**
     * Waits until {@code oldPage} is gone and the new document has loaded. Chromium reports a node of
     * a replaced document either as stale or as "not belonging to the document": both mean gone.
     */
    public void awaitNewPage(WebElement oldPage) {
        // asked every 50 ms, not WebDriverWait's 500: a page loads here in far less, and every journey waits so often
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(50));
        wait.until(d -> {
            try {
                oldPage.getTagName();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        wait.until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState")));
    }

    /** Console messages since the last call: errors, and what the Content-Security-Policy refused. */
    public java.util.List<String> console() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    /** Whether the page has no such element, asked without the implicit wait (which an absent element waits out in full). */
    public boolean absent(By by) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return driver.findElements(by).isEmpty();
        } finally {
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        }
    }

    /** The text of an element; on a live page a part replaced between finding and reading it is found again. */
    public String text(String id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(By.id(id)).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                if (attempt == 10) {
                    throw replaced;
                }
            }
        }
    }

    /** Types into a field, emptying it first if it holds something (a form that edits what was saved). */
    public void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        // WebDriver's clear focuses, empties and leaves the field: about 80 ms a field, and most fields a journey fills
        // are empty (132 clears in the browser tests, read from ChromeDriver's log); asking for the value costs less
        String value = field.getDomProperty("value");
        if (value != null && !value.isEmpty()) {
            field.clear();
        }
        field.sendKeys(text);
    }

    public void signIn(String username, String password) {
        if (!driver.getCurrentUrl().contains("/login")) {
            go("/login");
        }
        type("username", username);
        driver.findElement(By.id("password")).sendKeys(password);
        clickAndWait(By.id("login-submit"));
    }

    public void signOut() {
        // leave the page first: with a live page's event stream open, ChromeDriver took a minute over the next page;
        // then every cookie of the browser (WebDriver's "delete all cookies" deletes only the current page's)
        driver.get("about:blank");
        ((ChromeDriver) driver).executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        go("/login");
    }

    public void screenshot(String name) {
        try {
            Path directory = Path.of("target", "screenshots");
            Path file = directory.resolve(name + ".png");
            Files.createDirectories(file.getParent());
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
