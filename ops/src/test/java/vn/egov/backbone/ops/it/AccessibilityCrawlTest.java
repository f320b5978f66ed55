package vn.egov.backbone.ops.it;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.ops.support.Browser;
import vn.egov.backbone.ops.support.RunningBackbone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page an official reaches from the menu, as a records clerk and as an administrator, in Vietnamese and in
 * English, at 1366×768 and at a tablet's 1024×768: no error page, no message key left untranslated
 * ({@code ??key??}), no horizontal scrolling of the page, and no serious or critical violation that axe-core
 * (Deque's rules, WCAG 2 A and AA) finds. Seen failing: the search page's sort picker had no accessible name.
 * Not crawled yet: the pages of one object of each kind (a document, a meeting, a dossier) and the citizens'.
 */
class AccessibilityCrawlTest {
    @TempDir
    static Path dataDir;
    static RunningBackbone backbone;
    static Browser browser;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        backbone = RunningBackbone.start(List.of(), Map.of(), dataDir);
        Province province = new Province(backbone);
        province.official("vanthu.axe", "Nguyễn Thị Thu", "TP.UBND", "RECORDS_CLERK", "NONE");
        province.official("quantri.axe", "Đỗ Thị Hạnh", "TP", "ADMINISTRATOR", "NONE");
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
    void everyMenuPageOfEveryRoleIsReadableAndAccessible() {
        List<String> problems = new ArrayList<>();
        Set<String> checkedByAxe = new LinkedHashSet<>();
        // the records clerk's menu holds every page but the administration's, the administrator's those too
        for (String user : List.of("vanthu.axe", "quantri.axe")) {
            browser.signOut();
            browser.signIn(user, "mật-khẩu-" + user);
            Set<String> pages = new LinkedHashSet<>();
            pages.add("/");
            for (WebElement link : browser.driver().findElements(By.cssSelector("header nav a"))) {
                pages.add(java.net.URI.create(link.getAttribute("href")).getPath());
            }
            // Vietnamese at 1366 px with axe (a page's structure is the same in English and for every role: each
            // page is checked once), English at 1366 px for its words, Vietnamese on a 1024 px tablet for its width
            for (String[] pass : new String[][] {{"vi", "1366"}, {"en", "1366"}, {"vi", "1024"}}) {
                browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(Integer.parseInt(pass[1]), 768));
                for (String page : pages) {
                    browser.go(page + "?lang=" + pass[0]);
                    String where = user + " " + pass[0] + " " + pass[1] + " " + page;
                    String text = browser.find(By.tagName("body")).getText();
                    if (text.contains("??") || text.contains("Whitelabel") || text.contains("Internal Server Error")) {
                        problems.add(where + ": an error or an untranslated key");
                    }
                    long overflow = ((Number) ((JavascriptExecutor) browser.driver()).executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
                    if (overflow > 1) {
                        problems.add(where + ": scrolls sideways by " + overflow + " px");
                    }
                    if (pass[0].equals("vi") && pass[1].equals("1366") && checkedByAxe.add(page)) {
                        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa")).analyze(browser.driver());
                        for (Rule violation : results.getViolations()) {
                            if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
                                problems.add(where + ": axe " + violation.getImpact() + " " + violation.getId() + " — "
                                        + violation.getHelp() + " (" + violation.getNodes().size() + "×: "
                                        + violation.getNodes().getFirst().getTarget() + ")");
                            }
                        }
                    }
                }
            }
        }
        assertThat(checkedByAxe).as("the crawl reached the menu's pages").contains("/", "/documents", "/meetings",
                "/search", "/dossiers", "/kpi", "/admin/units", "/admin/officials");
        assertThat(problems).isEmpty();
    }
}
