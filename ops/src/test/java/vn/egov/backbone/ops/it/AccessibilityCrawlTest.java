package vn.egov.backbone.ops.it;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.eoffice.document.EOfficeApiTest;
import vn.egov.backbone.meetings.meeting.MeetingsApiTest;
import vn.egov.backbone.onestop.dossier.DossiersApiTest;
import vn.egov.backbone.ops.support.Browser;
import vn.egov.backbone.ops.support.RunningBackbone;
import vn.egov.backbone.ops.support.Vneid;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Signs in as each role and visits every page reachable from its menu and from one object of each kind (an
 * incoming document with a file, an outgoing draft, a meeting, a dossier and its handling record) — and the
 * citizens' pages, signed out and signed in with VNeID — in Vietnamese and in English, at 1366×768 and on a
 * 1024×768 tablet (the citizens' pages also on a 390×844 phone). It fails on an HTTP status of 400 or more, a
 * message key left untranslated ({@code ??key??}), an English message of the bundles on a Vietnamese page, an
 * error in the browser's console, a page that scrolls sideways, or a serious or critical violation that axe-core
 * (Deque's rules, WCAG 2 A and AA) finds. Screenshots of every page, in Vietnamese, go to
 * {@code ops/target/screenshots/crawl}. Seen failing: the search page's sort picker had no accessible name; the
 * province's administrator was offered work files and the exchange log, which answered 409 (no agency).
 */
class AccessibilityCrawlTest {
    static final String CLIENT = Vneid.CLIENT;
    /** One page of each shape: identifiers and tracking codes in a path are one page however many objects exist. */
    static final Pattern IDENTIFIER = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|HS\\d{6}-[A-Z0-9]{4,}");
    /** Links that download a file or leave Backbone's pages, which a crawl of pages does not open. */
    static final Pattern NOT_A_PAGE = Pattern.compile(".*(/api/|/attachments/|/file|/package|/export|/logout|/oauth2/|\\.pdf|\\.xml|\\.csv|\\.ics).*");

    /**
     * WCAG 2 A and AA rules; only violations are gathered and sent back, as only they are read (axe-core's
     * {@code resultTypes}: passes and the rest are cut to one node each instead of every node of the page). Run
     * with {@code axe.run} in the page ("legacy mode"): the newer path analyses frame by frame and then opens a
     * new tab, injects axe there again and merges — for pages that have no frames (none of ours has) that was
     * most of axe's cost in the crawl. The check at the start of the test shows the rules still find violations.
     */
    static AxeBuilder axe() {
        AxeRunOnlyOptions wcag = new AxeRunOnlyOptions();
        wcag.setType("tag");
        wcag.setValues(List.of("wcag2a", "wcag2aa"));
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(wcag);
        options.setResultTypes(List.of("violations"));
        return new AxeBuilder().withOptions(options).setLegacyMode(true);
    }

    @TempDir
    static Path dataDir;
    static MockOAuth2Server vneid;
    static RunningBackbone backbone;
    static Browser browser;
    static Map<String, String> englishMessages;
    static String trackingCode;
    /** The shapes visited in each language and size after the first. */
    final Set<String> visited = new LinkedHashSet<>();

    @BeforeAll
    static void start() throws IOException {
        Browser.assumeInstalled();
        vneid = new MockOAuth2Server();
        vneid.start();
        Map<String, Object> settings = Vneid.settings(vneid);
        backbone = RunningBackbone.start(List.of(), settings, dataDir);
        Province province = new Province(backbone);
        Official clerk = province.official("vanthu.axe", "Nguyễn Thị Thu", "TP.UBND", "RECORDS_CLERK", "NONE");
        Official leader = province.official("lanhdao.axe", "Lê Văn Hùng", "TP.UBND", "LEADER", "NONE");
        Official specialist = province.official("chuyenvien.axe", "Trần Văn Nam", "TP.UBND", "SPECIALIST", "NONE");
        Official secretary = province.official("thuky.axe", "Hà Thị Lan", "TP.UBND", "MEETING_SECRETARY", "NONE");
        Official desk = province.official("motcua.axe", "Vàng Thị Mỷ", "TP.001.UBND", "RECORDS_CLERK", "NONE");
        province.official("quantri.axe", "Đỗ Thị Hạnh", "TP", "ADMINISTRATOR", "NONE");

        // one object of each kind, with enough on it that its page shows its parts
        Api.Response incoming = clerk.api().post("/api/v1/documents/incoming", Map.of("number", "215/SNV-TCBC",
                "issuer", "Sở Nội vụ", "issuedOn", LocalDate.now().minusDays(1).toString(), "type", "CONG_VAN",
                "subject", "Hướng dẫn sắp xếp tổ chức bộ máy cấp xã", "urgency", "URGENT", "classification", "NONE"));
        assertThat(incoming.status()).as(incoming.toString()).isEqualTo(201);
        String incomingId = incoming.body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> clerk.api().get("/api/v1/documents/" + incomingId).status() == 200);
        assertThat(EOfficeApiTest.upload(clerk, incomingId, "huong-dan.pdf", EOfficeApiTest.pdf()).status()).isEqualTo(201);
        Api.Response draft = specialist.api().post("/api/v1/documents/outgoing", Map.of("type", "CONG_VAN",
                "subject", "Về việc cử cán bộ dự tập huấn chuyển đổi số", "body", "Đề nghị cử 02 cán bộ tham dự.",
                "internalRecipients", List.of(province.unitId("TP.SNV")), "externalRecipients", List.of("Bộ Nội vụ")));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        Api.Response meeting = secretary.api().post("/api/v1/meetings", MeetingsApiTest.meeting(
                "Phiên họp UBND tỉnh thường kỳ tháng 12/2026", "HYBRID", leader.id(), province.unitId("TP.UBND"),
                Instant.now().plus(1, ChronoUnit.DAYS), List.of(specialist.id()), secretary.id(), List.of("COMMUNE")));
        assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
        Api.Response dossier = desk.api().post("/api/v1/dossiers", DossiersApiTest.dossier("HT-02", province.unitId("TP.001")));
        assertThat(dossier.status()).as(dossier.toString()).isEqualTo(201);
        trackingCode = dossier.body().get("trackingCode").asText();

        englishMessages = englishMessages();
        browser = Browser.open(backbone.baseUrl());
        // a crawl reads what a loaded page has; waiting for links a page does not have costs seconds a page
        browser.driver().manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (backbone != null) {
            backbone.close();
        }
        if (vneid != null) {
            vneid.shutdown();
        }
    }

    @Test
    void everyPageOfEveryRoleIsReadableAndAccessible() {
        // the rules as configured still see what they must: an image without a text and a button without a name
        browser.driver().get("data:text/html;charset=utf-8,<!doctype html><html lang=vi><title>t</title><main>"
                + "<img src='data:,'><button></button></main></html>");
        assertThat(axe().analyze(browser.driver()).getViolations()).extracting(Rule::getId, Rule::getImpact)
                .contains(tuple("image-alt", "critical"), tuple("button-name", "critical"));
        List<String> problems = new ArrayList<>();
        Set<String> checkedByAxe = new LinkedHashSet<>();
        List<int[]> officeSizes = List.of(new int[] {1366, 768}, new int[] {1024, 768});
        // the unit administrator of the province, and the system's own administrator (the event chain's page)
        for (String user : List.of("vanthu.axe", "lanhdao.axe", "chuyenvien.axe", "thuky.axe", "motcua.axe", "quantri.axe",
                "admin")) {
            browser.signOut();
            browser.signIn(user, user.equals("admin") ? RunningBackbone.ADMIN_PASSWORD : "mật-khẩu-" + user);
            crawl(user, officeSizes, problems, checkedByAxe);
        }
        List<int[]> citizenSizes = List.of(new int[] {1366, 768}, new int[] {1024, 768}, new int[] {390, 844});
        browser.signOut();
        crawl("khách", citizenSizes, problems, checkedByAxe, "/public/dossiers/new", "/public/dossiers",
                "/public/dossiers/" + trackingCode, "/public/sign-in");
        vneid.enqueueCallback(new DefaultOAuth2TokenCallback("vneid", "vneid-4711", "JWT", List.of(CLIENT),
                Map.of("id_number", "001190054321", "name", "Phạm Thị Hoa"), 3600));
        browser.go("/public/sign-in");
        browser.clickAndWait(By.id("sign-in-vneid"));
        // a dossier of their own, so that its page is crawled too
        browser.go("/citizen/dossiers/new");
        new Select(browser.find(By.id("procedureCode"))).selectByValue("HT-01");
        new Select(browser.find(By.id("communeId"))).selectByVisibleText("Xã Tân Lập");
        browser.clickAndWait(By.id("submit-dossier"));
        assertThat(browser.text("submitted-code")).startsWith("HS");
        crawl("công dân", citizenSizes, problems, checkedByAxe, "/citizen/dossiers", "/citizen/dossiers/new");

        assertThat(checkedByAxe).as("the crawl reached the menus' pages and one object of each kind").contains(
                "/", "/documents", "/meetings", "/search", "/dossiers", "/kpi", "/admin/units", "/admin/officials",
                "/documents/{id}", "/meetings/{id}", "/dossiers/new", "/dossiers/{id}", "/dossiers/{id}/receipt", "/public/dossiers/{id}",
                "/public/dossiers/new", "/citizen/dossiers", "/citizen/dossiers/{id}", "/admin/event-chain", "/account",
                "/admin/officials/{id}");
        assertThat(problems).isEmpty();
    }

    /**
     * The pages the signed-in user reaches: the menu's (or {@code starts}), then one of each shape linked from
     * them, then one of each shape linked from those — each in every language and size.
     */
    private void crawl(String user, List<int[]> sizes, List<String> problems, Set<String> checkedByAxe, String... starts) {
        Map<String, String> pages = new LinkedHashMap<>();
        if (starts.length == 0) {
            browser.go("/");
            pages.put("/", "/");
            links("header nav a, #nav-account").forEach(path -> pages.putIfAbsent(shape(path), path));
        } else {
            for (String start : starts) {
                pages.put(shape(start), start);
            }
        }
        // in Vietnamese at the first size, the pages whose content depends on the role for every role, the others
        // once, following the links in each page's main part two steps from the menu; then each shape once in
        // English and once at each other size, as one role's page has the other roles' words and width; axe once
        // per shape
        int[] first = sizes.getFirst();
        browser.driver().get("about:blank");
        browser.driver().manage().window().setSize(new Dimension(first[0], first[1]));
        Map<String, Integer> depth = new HashMap<>();
        pages.keySet().forEach(shape -> depth.put(shape, 0));
        for (int next = 0; next < pages.size(); next++) {
            Map.Entry<String, String> page = List.copyOf(pages.entrySet()).get(next);
            if (shownPerRole(page.getKey()) || visited.add("vi " + first[0] + " " + page.getKey())) {
                visit(user, page.getKey(), page.getValue(), "vi", first, problems, checkedByAxe);
            } else if (depth.get(page.getKey()) < 2) {
                browser.go(page.getValue()); // checked for another role: only its links are wanted
            }
            if (depth.get(page.getKey()) < 2) {
                for (String link : links("main a[href]")) {
                    if (pages.putIfAbsent(shape(link), link) == null) {
                        depth.put(shape(link), depth.get(page.getKey()) + 1);
                    }
                }
            }
        }
        for (int[] size : sizes) {
            // a live page's open event stream made Chromium take a minute over the next page after a resize
            browser.driver().get("about:blank");
            browser.driver().manage().window().setSize(new Dimension(size[0], size[1]));
            for (String language : size == first ? List.of("en") : List.of("vi")) {
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    if (visited.add(language + " " + size[0] + " " + page.getKey())) {
                        visit(user, page.getKey(), page.getValue(), language, size, problems, checkedByAxe);
                    }
                }
            }
        }
    }

    /**
     * Pages whose content depends on the role: the home page and the work queues (counts), and an object's page
     * (the actions the viewer may take). Lists and forms are checked once, for the first role that reaches them.
     */
    private static boolean shownPerRole(String shape) {
        return shape.equals("/") || shape.equals("/documents/inbox") || shape.contains("{id}");
    }

    private void visit(String user, String shape, String path, String language, int[] size, List<String> problems,
                       Set<String> checkedByAxe) {
        browser.console();
        browser.go(path + (path.contains("?") ? "&" : "?") + "lang=" + language);
        String where = user + " " + language + " " + size[0] + " " + path;
        JavascriptExecutor script = (JavascriptExecutor) browser.driver();
        long status = ((Number) script.executeScript(
                "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : 0;")).longValue();
        if (status >= 400) {
            problems.add(where + ": HTTP " + status);
        }
        String text = browser.find(By.tagName("body")).getText();
        if (text.contains("??") || text.contains("Whitelabel")) {
            problems.add(where + ": an untranslated key or Spring's error page");
        }
        if (language.equals("vi")) {
            englishMessages.forEach((key, english) -> {
                if (text.contains(english)) {
                    problems.add(where + ": English message " + key + " \"" + english + "\"");
                }
            });
        }
        long overflow = ((Number) script.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
        if (overflow > 1) {
            problems.add(where + ": scrolls sideways by " + overflow + " px");
        }
        for (String message : browser.console()) {
            if (message.startsWith("SEVERE")) {
                problems.add(where + ": console " + message);
            }
        }
        if (language.equals("vi")) {
            browser.screenshot("crawl/" + (user + shape + "-" + size[0]).replaceAll("[^\\p{L}0-9.-]+", "_"));
        }
        if (language.equals("vi") && size[0] == 1366 && checkedByAxe.add(shape)) {
            Results results = axe().analyze(browser.driver());
            for (Rule violation : results.getViolations()) {
                if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
                    problems.add(where + ": axe " + violation.getImpact() + " " + violation.getId() + " — "
                            + violation.getHelp() + " (" + violation.getNodes().size() + "×: "
                            + violation.getNodes().getFirst().getTarget() + ")");
                }
            }
        }
    }

    /** The paths of this origin's pages the elements link to (read in one script: a page may hold hundreds). */
    @SuppressWarnings("unchecked")
    private List<String> links(String selector) {
        String origin = URI.create(backbone.baseUrl()).getAuthority();
        List<String> hrefs = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return [...document.querySelectorAll(arguments[0])].filter(a => !a.hasAttribute('download'))"
                        + ".map(a => a.href).filter(h => h.startsWith('http'));", selector);
        List<String> paths = new ArrayList<>();
        for (String href : hrefs) {
            URI uri = URI.create(href);
            if (origin.equals(uri.getAuthority()) && uri.getRawQuery() == null && !NOT_A_PAGE.matcher(uri.getRawPath()).matches()) {
                paths.add(uri.getRawPath());
            }
        }
        return paths;
    }

    static String shape(String path) {
        return IDENTIFIER.matcher(path).replaceAll("{id}");
    }

    /**
     * The English messages of every bundle that a Vietnamese page must never show: those whose Vietnamese
     * differs and that are phrases (two words or more), not names both languages share.
     */
    static Map<String, String> englishMessages() throws IOException {
        Map<String, String> messages = new LinkedHashMap<>();
        for (String bundle : List.of("messages", "messages-eoffice", "messages-meetings", "messages-onestop",
                "messages-search", "messages-notifications")) {
            Properties vietnamese = load(bundle + ".properties");
            Properties english = load(bundle + "_en.properties");
            for (String key : english.stringPropertyNames()) {
                if (english.getProperty(key).equals(vietnamese.getProperty(key))) {
                    continue;
                }
                // the longest stretch between the arguments, as a page shows it
                String sentence = "";
                for (String part : english.getProperty(key).split("\\{[^}]*}|'")) {
                    sentence = part.trim().length() > sentence.length() ? part.trim() : sentence;
                }
                if (sentence.split("\\s+").length >= 2 && sentence.matches("[\\x20-\\x7e]+")) {
                    messages.put(key, sentence.length() > 40 ? sentence.substring(0, 40) : sentence);
                }
            }
        }
        assertThat(messages).as("the bundles were found").hasSizeGreaterThan(100);
        return messages;
    }

    private static Properties load(String resource) {
        try (InputStream in = AccessibilityCrawlTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
