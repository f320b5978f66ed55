package vn.egov.backbone.ops.it;

import vn.egov.backbone.meetings.meeting.MeetingsApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.ops.support.Browser;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.ops.support.RunningBackbone;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paperless meeting in Chromium: the secretary opens the meeting, checks a member in, opens a vote;
 * the members vote on their tablets (the API here); the secretary closes the vote and the result is on
 * the room screen. Jitsi is not configured on this node, and the video panel says so.
 */
class MeetingsBrowserTest {
    @TempDir
    static Path dataDir;
    static RunningBackbone backbone;
    static Browser browser;
    static Province province;
    static Official chair, secretary, member;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        backbone = RunningBackbone.start(List.of(), Map.of(), dataDir);
        province = new Province(backbone);
        chair = province.official("chutich", "Trần Quốc Hưng", "TP.UBND", "LEADER", "NONE");
        secretary = province.official("thuky", "Nguyễn Thị Mai", "TP.UBND", "MEETING_SECRETARY", "NONE");
        member = province.official("giamdoc.snv", "Phạm Thị Hoa", "TP.SNV", "LEADER", "NONE");
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

    /**
     * The secretary moves a meeting to another day and hall on its page, then cancels it, asked first; the page shows
     * the new time and place, then the reason it was cancelled; in between an invitee sends a deputy from the
     * invitation. Before, all three were API calls only: no page offered them.
     */
    @Test
    void theSecretaryMovesAMeetingThenCancelsItOnItsPage() {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Api.Response scheduled = secretary.api().post("/api/v1/meetings", MeetingsApiTest.meeting(
                "Họp bàn phương án phòng, chống rét cho gia súc", "IN_PERSON", chair.id(), province.unitId("TP.UBND"),
                start, List.of(member.id()), secretary.id(), List.of()));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        String id = scheduled.body().get("id").asText();
        browser.signOut();
        browser.signIn("thuky", "mật-khẩu-thuky");
        // a meeting scheduled to end before it starts is refused, and the form keeps what was typed and picked
        browser.go("/meetings");
        browser.type("title", "Họp giao ban tuần của Văn phòng");
        org.openqa.selenium.JavascriptExecutor form = (org.openqa.selenium.JavascriptExecutor) browser.driver();
        form.executeScript("arguments[0].value = '2027-01-05T09:00'; arguments[1].value = '2027-01-05T08:00';",
                browser.find(By.id("startsAt")), browser.find(By.id("endsAt")));
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("chairId"))).selectByVisibleText("Trần Quốc Hưng");
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("inviteeIds"))).selectByVisibleText("Phạm Thị Hoa");
        browser.type("location", "Phòng họp số 3");
        browser.clickAndWait(By.id("schedule-submit"));
        assertThat(browser.find(By.cssSelector("p.error")).getText()).isNotBlank();
        assertThat(browser.find(By.id("title")).getAttribute("value")).isEqualTo("Họp giao ban tuần của Văn phòng");
        assertThat(browser.find(By.id("startsAt")).getAttribute("value")).isEqualTo("2027-01-05T09:00");
        assertThat(browser.find(By.id("location")).getAttribute("value")).isEqualTo("Phòng họp số 3");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.find(By.id("chairId"))).getFirstSelectedOption().getText())
                .isEqualTo("Trần Quốc Hưng");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.find(By.id("inviteeIds"))).getAllSelectedOptions())
                .extracting(WebElement::getText).containsExactly("Phạm Thị Hoa");

        browser.go("/meetings/" + id);
        java.time.LocalDateTime later = java.time.LocalDateTime.ofInstant(start, java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                .plusDays(1).withHour(14).withMinute(0);
        org.openqa.selenium.JavascriptExecutor script = (org.openqa.selenium.JavascriptExecutor) browser.driver();
        // a date field is typed as the browser's locale shows it; its value is what the form sends
        script.executeScript("arguments[0].value = arguments[1];", browser.find(By.id("reschedule-starts")), later.toString());
        script.executeScript("arguments[0].value = arguments[1];", browser.find(By.id("reschedule-ends")),
                later.plusHours(2).toString());
        browser.type("reschedule-location", "Phòng họp số 2, trụ sở Ủy ban nhân dân tỉnh");
        browser.type("reschedule-reason", "Trùng lịch tiếp công dân định kỳ");
        browser.clickAndWait(By.id("reschedule-meeting"));
        assertThat(browser.find(By.cssSelector("main")).getText()).contains("Đã đổi lịch họp",
                later.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")),
                "Phòng họp số 2, trụ sở Ủy ban nhân dân tỉnh");
        assertThat(Instant.parse(member.api().get("/api/v1/meetings/" + id).body().at("/meeting/startsAt").asText()))
                .isEqualTo(later.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());

        // the agenda's order, changed on the page (before: API only)
        for (String item : List.of("Báo cáo tình hình rét đậm, rét hại", "Phương án hỗ trợ hộ chăn nuôi")) {
            assertThat(secretary.api().post("/api/v1/meetings/" + id + "/agenda", Map.of("title", item)).status())
                    .isEqualTo(201);
        }
        browser.go("/meetings/" + id);
        browser.clickAndWait(By.cssSelector("#agenda > ol > li:first-child button.move-down"));
        assertThat(browser.find(By.cssSelector("main")).getText()).contains("Đã đổi thứ tự chương trình.");
        assertThat(browser.driver().findElements(By.cssSelector("#agenda > ol > li > strong"))).extracting(WebElement::getText)
                .containsExactly("Phương án hỗ trợ hộ chăn nuôi", "Báo cáo tình hình rét đậm, rét hại");

        // the invited director cannot come and sends her deputy from the invitation (before: API only)
        province.official("phogiamdoc.snv", "Lê Văn Phúc", "TP.SNV", "SPECIALIST", "NONE");
        browser.signOut();
        browser.signIn("giamdoc.snv", "mật-khẩu-giamdoc.snv");
        browser.go("/meetings/" + id);
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("deputy"))).selectByVisibleText("Lê Văn Phúc");
        browser.clickAndWait(By.id("delegate"));
        assertThat(browser.find(By.cssSelector("main")).getText()).contains("Đã cử người dự thay.");
        browser.signOut();
        browser.signIn("thuky", "mật-khẩu-thuky");
        browser.go("/meetings/" + id);
        assertThat(browser.find(By.cssSelector("tr[data-seat='" + member.id() + "']")).getText()).contains("→ Lê Văn Phúc");

        browser.type("cancel-reason", "Thời tiết chuyển biến, tổ chức họp trực tuyến thay thế");
        WebElement page = browser.find(By.tagName("html"));
        browser.find(By.id("cancel-meeting")).click();
        org.openqa.selenium.Alert question = new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).startsWith("Hủy cuộc họp này?");
        question.accept();
        browser.awaitNewPage(page);
        assertThat(browser.text("meeting-status")).isEqualTo("Đã hủy");
        assertThat(browser.find(By.cssSelector("main")).getText())
                .contains("Thời tiết chuyển biến, tổ chức họp trực tuyến thay thế");
        assertThat(browser.absent(By.id("meeting-schedule"))).as("nothing left to move").isTrue();
    }

    @Test
    void theSecretaryChecksInOpensAVoteAndTheResultAppearsOnTheProjector() throws java.io.IOException {
        Map<String, Object> request = MeetingsApiTest.meeting("Phiên họp UBND tỉnh thường kỳ tháng 11/2026", "HYBRID",
                chair.id(), province.unitId("TP.UBND"), Instant.now().plus(10, ChronoUnit.MINUTES), List.of(member.id()),
                secretary.id(), List.of("COMMUNE"));
        Api.Response scheduled = secretary.api().post("/api/v1/meetings", request);
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        String id = scheduled.body().get("id").asText();

        browser.signOut();
        browser.signIn("thuky", "mật-khẩu-thuky");
        browser.clickAndWait(By.id("nav-meetings"));
        // the schedule form's pickers offer people, not the system's administrator; the secretary is oneself
        assertThat(new org.openqa.selenium.support.ui.Select(browser.find(By.id("chairId"))).getOptions())
                .extracting(WebElement::getText).contains("Trần Quốc Hưng").doesNotContain("Quản trị hệ thống");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.find(By.id("secretaryId"))).getFirstSelectedOption()
                .getText()).isEqualTo("Nguyễn Thị Mai");
        browser.clickAndWait(By.linkText("Phiên họp UBND tỉnh thường kỳ tháng 11/2026"));
        assertThat(browser.text("video-message")).contains("Chưa cấu hình");
        browser.find(By.cssSelector("#agenda-form input[name=title]")).sendKeys("Tờ trình kế hoạch đầu tư công năm 2027");
        browser.clickAndWait(By.id("agenda-submit"));
        // the item's document, added on the page (before: an API call only), under the item, for every member
        Path itemFile = dataDir.resolve("to-trinh-du-thao.pdf");
        java.nio.file.Files.write(itemFile, vn.egov.backbone.eoffice.document.EOfficeApiTest.pdf());
        browser.find(By.id("document-file")).sendKeys(itemFile.toAbsolutePath().toString());
        browser.type("document-title", "Dự thảo Tờ trình kế hoạch đầu tư công năm 2027");
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("document-item")))
                .selectByVisibleText("Tờ trình kế hoạch đầu tư công năm 2027");
        browser.clickAndWait(By.id("document-submit"));
        assertThat(browser.find(By.cssSelector("main")).getText()).contains("Đã thêm tài liệu họp.");
        assertThat(browser.find(By.linkText("Dự thảo Tờ trình kế hoạch đầu tư công năm 2027")).getAttribute("href"))
                .contains("/meetings/" + id + "/documents/");
        assertThat(member.api().get("/api/v1/meetings/" + id).body().findValuesAsText("title"))
                .contains("Dự thảo Tờ trình kế hoạch đầu tư công năm 2027");
        browser.clickAndWait(By.id("start-meeting"));
        assertThat(browser.text("meeting-status")).isEqualTo("Đang họp");

        // the secretary puts a delegate on the speakers' list of the item
        new org.openqa.selenium.support.ui.Select(browser.find(By.cssSelector("form.floor-request select[name=seatId]")))
                .selectByVisibleText("Phạm Thị Hoa");
        browser.clickAndWait(By.cssSelector("form.floor-request button"));
        assertThat(browser.text("speakers")).contains("Phạm Thị Hoa");

        browser.clickAndWait(By.cssSelector("tr[data-seat='" + member.id() + "'] button.check-in"));
        assertThat(browser.find(By.cssSelector("tr[data-seat='" + member.id() + "'] .presence")).getText())
                .isEqualTo("Có mặt trực tiếp");
        browser.clickAndWait(By.cssSelector("tr[data-seat='" + chair.id() + "'] button.check-in"));
        assertThat(browser.text("quorum")).contains("Có mặt 2/2", "đủ số lượng");

        browser.type("vote-question", "Thông qua Tờ trình kế hoạch đầu tư công năm 2027?");
        browser.clickAndWait(By.id("open-vote"));
        String voteId = browser.find(By.cssSelector("#votes .vote")).getAttribute("data-vote");
        for (Official voter : List.of(member, chair)) {
            Api.Response ballot = voter.api().post("/api/v1/meetings/" + id + "/votes/" + voteId + "/ballots",
                    Map.of("choice", "YES"));
            assertThat(ballot.status()).as(ballot.toString()).isEqualTo(204);
        }
        browser.go("/meetings/" + id);
        assertThat(browser.find(By.cssSelector("#votes .vote")).getText()).contains("Đã bỏ phiếu: 2/2");
        browser.clickAndWait(By.cssSelector("#votes button.close-vote"));

        browser.clickAndWait(By.id("projector-link"));
        WebElement outcome = new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("vote-outcome")));
        assertThat(outcome.getText()).isEqualTo("Thông qua");
        assertThat(browser.text("vote-result")).contains("Đồng ý: 2 (100,00%)", "Không đồng ý: 0 (0,00%)");
        assertThat(browser.text("current-item")).isEmpty();
        // the room screen follows the room without reloading: the secretary takes up the item
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("window.liveMarker = 'màn hình';");
        String item = secretary.api().get("/api/v1/meetings/" + id).body().at("/agenda/0/itemId").asText();
        assertThat(secretary.api().post("/api/v1/meetings/" + id + "/agenda/" + item + "/current", Map.of()).status())
                .isEqualTo(204);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("current-item")).getText().equals("Tờ trình kế hoạch đầu tư công năm 2027"));
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return window.liveMarker;"))
                .as("not reloaded").isEqualTo("màn hình");

        // Ending the meeting asks first: dismissed, the meeting goes on; confirmed, it ends.
        browser.go("/meetings/" + id);
        browser.find(By.id("end-meeting")).click();
        org.openqa.selenium.Alert question = new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).startsWith("Kết thúc cuộc họp?");
        question.dismiss();
        browser.go("/meetings/" + id);
        assertThat(browser.text("meeting-status")).isEqualTo("Đang họp");
        WebElement page = browser.find(By.tagName("html"));
        browser.find(By.id("end-meeting")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
        browser.awaitNewPage(page);
        assertThat(browser.text("meeting-status")).isEqualTo("Đã kết thúc");

        // The minutes: drafted from what happened, completed by the secretary, approved and signed by the chair,
        // then signed by the secretary; both signatures are checked on the page.
        browser.clickAndWait(By.id("compose-minutes"));
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).startsWith("Đã soạn dự thảo biên bản");
        String draft = browser.find(By.id("minutes-text")).getAttribute("value");
        assertThat(draft).contains("I. THÀNH PHẦN THAM DỰ", "Phạm Thị Hoa: có mặt trực tiếp",
                "Biểu quyết công khai: Thông qua Tờ trình kế hoạch đầu tư công năm 2027?", "- Kết quả: thông qua.",
                "- Tán thành: Phạm Thị Hoa, Trần Quốc Hưng.");
        browser.find(By.id("minutes-text")).sendKeys(org.openqa.selenium.Keys.END, "\nÝ kiến kết luận: giao Sở Tài chính tham mưu.");
        // Sent as the browser sends it, but with the page's own live fetch (told of the change the save made) taking
        // place before the browser follows the redirect: the notice is still there for the page that follows.
        // Seen failing in a run where the live fetch won that race, and deterministically so here without the fix.
        Object live = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; var form = document.getElementById('save-minutes').form;"
                        + " fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)), redirect: 'manual',"
                        + " credentials: 'same-origin'}).then(function () { return fetch(location.pathname,"
                        + " {credentials: 'same-origin', headers: {'X-Requested-With': 'live'}}); })"
                        + ".then(function (r) { return r.text(); }).then(function (html) { done(html.indexOf('Đã lưu biên bản.') >= 0); })");
        assertThat(live).as("the live fetch does not show the notice").isEqualTo(false);
        browser.go("/meetings/" + id);
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Đã lưu biên bản.");

        signingKeys();
        browser.signOut();
        browser.signIn("chutich", "mật-khẩu-chutich");
        browser.go("/meetings/" + id);
        assertThat(browser.text("minutes-shown")).contains("Ý kiến kết luận: giao Sở Tài chính tham mưu.");
        browser.clickAndWait(By.id("approve-minutes"));
        browser.type("minutes-password", "mã-pin-chủ-trì");
        browser.clickAndWait(By.id("sign-minutes"));
        assertThat(browser.find(By.cssSelector("p.notice")).getText()).isEqualTo("Đã ký số biên bản.");
        assertThat(browser.absent(By.id("sign-minutes"))).as("signed once").isTrue();

        browser.signOut();
        browser.signIn("thuky", "mật-khẩu-thuky");
        browser.go("/meetings/" + id);
        browser.type("minutes-password", "sai-mã-pin");
        browser.clickAndWait(By.id("sign-minutes"));
        assertThat(browser.find(By.cssSelector("p.error")).getText()).contains("Mật khẩu");
        browser.type("minutes-password", "mã-pin-thư-ký");
        browser.clickAndWait(By.id("sign-minutes"));
        assertThat(browser.text("minutes-signatures")).contains("Chủ trì", "Trần Quốc Hưng", "Thư ký", "Nguyễn Thị Mai",
                "Chứng thư số do tổ chức tin cậy cấp");
        assertThat(browser.text("minutes-file")).isEqualTo("Tải biên bản đã ký số (PDF)");
    }

    /** The chair's and the secretary's keys as an operator places them, issued by a CA the node trusts. */
    private static void signingKeys() {
        try {
            vn.egov.backbone.eoffice.signature.TestCertificates.Authority ca =
                    vn.egov.backbone.eoffice.signature.TestCertificates.authority("CA chuyên dùng Chính phủ thử nghiệm");
            vn.egov.backbone.eoffice.signature.TestCertificates.writePem(dataDir.resolve("trust/ca.pem"), ca);
            vn.egov.backbone.eoffice.signature.TestCertificates.writePkcs12(dataDir.resolve("keys/chutich.p12"),
                    vn.egov.backbone.eoffice.signature.TestCertificates.issue(ca, "Trần Quốc Hưng", "UBND tỉnh"), "mã-pin-chủ-trì");
            vn.egov.backbone.eoffice.signature.TestCertificates.writePkcs12(dataDir.resolve("keys/thuky.p12"),
                    vn.egov.backbone.eoffice.signature.TestCertificates.issue(ca, "Nguyễn Thị Mai", "UBND tỉnh"), "mã-pin-thư-ký");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The live room in two browsers: a delegate's tablet shows the vote the secretary opened, its count and its
     * result without reloading (a marker set in the page survives); cut from the network while the vote closes,
     * it shows the result once back. The channel itself: a client coming back with an old Last-Event-ID is told
     * at once; someone who may not see the meeting gets 404.
     */
    @Test
    void aDelegatesTabletFollowsTheRoomWithoutReloadingAndCatchesUpAfterLosingTheNetwork() throws Exception {
        Official delegate = province.official("daibieu.live", "Lường Văn Tỉnh", "TP.SNV", "LEADER", "NONE");
        Map<String, Object> request = MeetingsApiTest.meeting("Họp trực tiếp theo dõi biểu quyết", "IN_PERSON",
                chair.id(), province.unitId("TP.UBND"), Instant.now().plus(5, ChronoUnit.MINUTES),
                List.of(delegate.id()), secretary.id(), List.of());
        String id = secretary.api().post("/api/v1/meetings", request).body().get("id").asText();
        String base = "/api/v1/meetings/" + id;
        String item = secretary.api().post(base + "/agenda", Map.of("title", "Kế hoạch chuyển đổi số năm 2027"))
                .body().get("id").asText();
        assertThat(secretary.api().post(base + "/start", Map.of()).status()).isEqualTo(204);
        assertThat(secretary.api().post(base + "/check-ins", Map.of("seatId", delegate.id())).status()).isEqualTo(204);
        assertThat(secretary.api().post(base + "/check-ins", Map.of("seatId", chair.id())).status()).isEqualTo(204);

        try (Browser tablet = Browser.open(backbone.baseUrl())) {
            tablet.signIn("daibieu.live", "mật-khẩu-daibieu.live");
            tablet.go("/meetings/" + id);
            assertThat(tablet.text("votes")).doesNotContain("Thông qua Kế hoạch chuyển đổi số năm 2027?");
            org.openqa.selenium.JavascriptExecutor page = (org.openqa.selenium.JavascriptExecutor) tablet.driver();
            page.executeScript("window.scrollTo(0, document.body.scrollHeight); window.liveMarker = 'không tải lại';");
            long scrolled = ((Number) page.executeScript("return window.scrollY;")).longValue();

            String vote = secretary.api().post(base + "/votes", Map.of("itemId", item, "question",
                    "Thông qua Kế hoạch chuyển đổi số năm 2027?", "secret", false, "base", "ENTITLED")).body().get("id").asText();
            // the live page replaces the part it is told of: one found just before may be gone when read
            new WebDriverWait(tablet.driver(), Duration.ofSeconds(15))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d ->
                    d.findElement(By.id("votes")).getText().contains("Thông qua Kế hoạch chuyển đổi số năm 2027?"));
            assertThat(tablet.text("votes")).contains("Đã bỏ phiếu: 0/2");
            assertThat(tablet.driver().findElements(By.cssSelector("#votes .counts")))
                    .as("an open vote's live counts are the chair's and the secretary's").isEmpty();
            assertThat(page.executeScript("return window.liveMarker;")).as("not reloaded").isEqualTo("không tải lại");
            // not thrown back to the top as a reload does (the browser keeps what was in view where it was, so the
            // offset itself moves when a part above grows)
            assertThat(scrolled).isPositive();
            assertThat(((Number) page.executeScript("return window.scrollY;")).longValue()).as("scroll kept").isPositive();

            // the tablet loses the network; meanwhile the delegate's vote is cast and the vote is closed
            org.openqa.selenium.chromium.ChromiumNetworkConditions offline = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
            offline.setOffline(true);
            ((org.openqa.selenium.chrome.ChromeDriver) tablet.driver()).setNetworkConditions(offline);
            assertThat(delegate.api().post(base + "/votes/" + vote + "/ballots", Map.of("choice", "YES")).status()).isEqualTo(204);
            assertThat(chair.api().post(base + "/votes/" + vote + "/ballots", Map.of("choice", "YES")).status()).isEqualTo(204);
            assertThat(secretary.api().post(base + "/votes/" + vote + "/closure", Map.of()).status()).isEqualTo(204);
            ((org.openqa.selenium.chrome.ChromeDriver) tablet.driver()).deleteNetworkConditions();
            // after the network returns the feed may bring more than one update, each replacing the part: the
            // wait reads the part afresh and a part replaced between finding and reading is read again
            new WebDriverWait(tablet.driver(), Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElements(By.cssSelector("#votes .counts strong")).stream()
                            .anyMatch(result -> result.getText().equals("Thông qua"))
                            && d.findElement(By.id("votes")).getText().contains("Đã bỏ phiếu: 2/2"));
            assertThat(page.executeScript("return window.liveMarker;")).isEqualTo("không tải lại");
        }

        // the channel: an old Last-Event-ID is answered at once with the current version; outsiders see nothing
        long version = chair.api().get(base).body().at("/meeting/version").asLong();
        java.net.http.HttpResponse<java.io.InputStream> stream = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(backbone.baseUrl() + "/meetings/" + id + "/live"))
                        .header("Authorization", delegate.api().authorization()).header("Last-Event-ID", "1")
                        .header("Accept", "text/event-stream").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(stream.body(), java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            String id0 = null;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("id:")) {
                    id0 = line.substring(3).strip();
                    break;
                }
            }
            assertThat(id0).isNotNull();
            assertThat(Long.parseLong(id0)).isGreaterThanOrEqualTo(version > 0 ? version : 2);
        }
        Official outsider = province.official("ngoai.live", "Người Ngoài", "TP.001.UBND", "SPECIALIST", "NONE");
        java.net.http.HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(backbone.baseUrl() + "/meetings/" + id + "/live"))
                        .header("Authorization", outsider.api().authorization()).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(404);
    }

    /**
     * A tablet whose live channel is refused — a node at its limit of connections answers 503, and so does a proxy
     * in front of nodes that are restarting — comes back by itself and catches up. Chromium's EventSource gives up on
     * any answer but 200 (the HTML standard's "fail the connection"; web-platform-tests
     * {@code eventsource/request-status-error}), so the page's script has to open a new one. The channel here is a
     * server of the test's own that refuses the first request with 503 and then streams as Backbone's does; the page
     * is the meeting page's script ({@code static/js/live.js}) on a page of live parts. Seen failing without the
     * script's retry: the page stayed at the version it was loaded with.
     */
    @Test
    void aTabletRefusedItsLiveChannelComesBackAndCatchesUp() throws Exception {
        java.util.concurrent.atomic.AtomicInteger version = new java.util.concurrent.atomic.AtomicInteger(1);
        java.util.concurrent.atomic.AtomicInteger channelRequests = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.BlockingQueue<String> events = new java.util.concurrent.LinkedBlockingQueue<>();
        byte[] script;
        try (var in = getClass().getClassLoader().getResourceAsStream("static/js/live.js")) {
            assertThat(in).as("the meetings module's live.js").isNotNull();
            script = in.readAllBytes();
        }
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/js/live.js", exchange -> respond(exchange, 200, "text/javascript", script));
        server.createContext("/room", exchange -> respond(exchange, 200, "text/html; charset=utf-8", ("<!doctype html>"
                + "<html lang=vi><title>Phòng họp</title><body data-live-url=\"/live\"><p id=\"state\" data-live>phiên bản "
                + version.get() + "</p><script src=\"/js/live.js\"></script></body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        server.createContext("/live", exchange -> {
            if (channelRequests.incrementAndGet() == 1) {
                exchange.getResponseHeaders().add("Retry-After", "30");
                respond(exchange, 503, "text/plain", new byte[0]);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (var body = exchange.getResponseBody()) {
                body.write(": open\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                body.flush();
                for (String event; (event = events.poll(60, java.util.concurrent.TimeUnit.SECONDS)) != null; ) {
                    body.write(event.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    body.flush();
                }
            } catch (InterruptedException | java.io.IOException gone) {
                // the test is over, or the page went away
            }
        });
        server.start();
        try (Browser tablet = Browser.open("http://127.0.0.1:" + server.getAddress().getPort())) {
            org.openqa.selenium.JavascriptExecutor page = (org.openqa.selenium.JavascriptExecutor) tablet.driver();
            tablet.go("/room");
            page.executeScript("window.liveMarker = 'không tải lại';");
            // changed while the tablet's channel is refused: shown once it is back
            version.set(2);
            new WebDriverWait(tablet.driver(), Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("state")).getText().equals("phiên bản 2"));
            // and the new channel is listened to
            version.set(3);
            events.add("id: 3\nevent: changed\ndata: 3\n\n");
            new WebDriverWait(tablet.driver(), Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("state")).getText().equals("phiên bản 3"));
            assertThat(page.executeScript("return window.liveMarker;")).as("not reloaded").isEqualTo("không tải lại");
            assertThat(channelRequests.get()).as("refused once, then open").isEqualTo(2);
        } finally {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String type, byte[] body)
            throws java.io.IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
