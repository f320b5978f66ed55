package vn.egov.backbone.ops.it;

import vn.egov.backbone.meetings.meeting.MeetingsApiTest;
import vn.egov.backbone.eoffice.document.EOfficeApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.core.testing.MovableClock;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.core.testing.RunningNode;
import vn.egov.backbone.ops.support.RunningBackbone;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The findings of the security review (issue "Security: one upload must not take the province down"),
 * each attacked again the way the reviewer did: across agencies, against the system administrator, on
 * one's own account, through a meeting, by locking others out, by racing a revocation, and with
 * malformed requests. The compression bombs are in {@link UploadBombTest}; the generated sweep of every
 * write endpoint is {@link AuthorisationMatrixTest}.
 */
class SecurityApiTest {
    @TempDir
    static Path dataDir;
    static RunningBackbone backbone;
    static Province province;
    static Official clerk, leader, specialist, snvClerk, snvAdmin, snvSpecialist, provinceAdmin, communeSecretary,
            communeChair, uncleared, topSecretLeader;

    @BeforeAll
    static void start() {
        backbone = RunningBackbone.start(List.of(), Map.of("backbone.jitsi.base-url", "https://hop.thunghiem.gov.vn"),
                dataDir, MovableClock.Source.class);
        province = new Province(backbone);
        clerk = province.official("vanthu.an", "Nguyễn Thị Thu", "TP.UBND", "RECORDS_CLERK", "CONFIDENTIAL");
        leader = province.official("lanhdao.an", "Lê Văn Hùng", "TP.UBND", "LEADER", "NONE");
        topSecretLeader = province.official("lanhdao.mat", "Trần Văn Mật", "TP.UBND", "LEADER", "TOP_SECRET");
        specialist = province.official("chuyenvien.an", "Phạm Văn An", "TP.UBND.VP", "SPECIALIST", "NONE");
        uncleared = province.official("chuyenvien.khong", "Hoàng Thị Bình", "TP.UBND.VP", "SPECIALIST", "NONE");
        snvClerk = province.official("vanthu.snv.an", "Vũ Thị Lan", "TP.SNV", "RECORDS_CLERK", "NONE");
        snvSpecialist = province.official("chuyenvien.snv.an", "Đỗ Văn Sơn", "TP.SNV", "SPECIALIST", "NONE");
        snvAdmin = province.official("quantri.snv", "Đặng Quốc Khánh", "TP.SNV", "ADMINISTRATOR", "NONE");
        provinceAdmin = province.official("quantri.tinh", "Bùi Thị Hạnh", "TP", "ADMINISTRATOR", "NONE");
        communeSecretary = province.official("thuky.xa", "Lò Văn Páo", "TP.001", "MEETING_SECRETARY", "NONE");
        communeChair = province.official("chutich.xa", "Hà Thị Xuân", "TP.001", "LEADER", "NONE");
    }

    @AfterAll
    static void stop() {
        backbone.close();
    }

    static String idOf(String username) {
        return StreamSupport.stream(backbone.admin().get("/api/v1/officials").body().spliterator(), false)
                .filter(o -> o.path("username").asText().equals(username)).findFirst().orElseThrow().get("id").asText();
    }

    /** An outgoing document of the provincial People's Committee, drafted, approved and issued. */
    static String issuedByTheProvince(String subject) {
        Api.Response draft = specialist.api().post("/api/v1/documents/outgoing", Map.of("type", "CONG_VAN",
                "subject", subject, "externalRecipients", List.of("Bộ Nội vụ")));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        String id = draft.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> specialist.api().get("/api/v1/documents/" + id).status() == 200);
        assertThat(specialist.api().post("/api/v1/documents/" + id + "/submission", Map.of("approverId", leader.id())).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                leader.api().post("/api/v1/documents/" + id + "/approval", Map.of()).status() == 204);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                clerk.api().post("/api/v1/documents/" + id + "/issue", Map.of()).status() == 200);
        return id;
    }

    // ---- 2. acting on another agency's document ------------------------------------------------

    /**
     * Every refusal carries a stable code and a detail in the language the client asks for (Accept-Language),
     * Vietnamese by default — also the answers no controller gives: an unknown address, a method the address
     * does not take, a missing sign-in.
     */
    @Test
    void refusalsCarryACodeAndSpeakTheClientsLanguage() {
        Api admin = backbone.admin();
        Map<String, Object> blankUnit = Map.of("code", "TP.TRONG", "name", " ", "kind", "COMMUNE",
                "parentId", province.unitId("TP"));
        Api.Response invalid = admin.post("/api/v1/units", blankUnit);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("code").asText()).isEqualTo("request.invalid-fields");
        assertThat(invalid.body().get("detail").asText()).isEqualTo("Yêu cầu có trường không hợp lệ.");
        assertThat(invalid.body().at("/errors/name").asText()).isEqualTo("không được để trống");
        Api.Response invalidInEnglish = admin.header("Accept-Language", "en-GB,en;q=0.9").post("/api/v1/units", blankUnit);
        assertThat(invalidInEnglish.body().get("detail").asText()).isEqualTo("The request has invalid fields.");
        assertThat(invalidInEnglish.body().at("/errors/name").asText()).isEqualTo("must not be blank");

        Map<String, Object> takenCode = Map.of("code", "TP", "name", "Xã Trùng Mã Tỉnh", "kind", "COMMUNE",
                "parentId", province.unitId("TP"));
        Api.Response vietnamese = admin.post("/api/v1/units", takenCode);
        assertThat(vietnamese.status()).isEqualTo(409);
        assertThat(vietnamese.body().get("code").asText()).isEqualTo("unit.code-taken");
        assertThat(vietnamese.body().get("detail").asText()).isEqualTo("Mã đơn vị “TP” đã được đơn vị khác sử dụng.");
        Api.Response english = admin.header("Accept-Language", "en-GB,en;q=0.9").post("/api/v1/units", takenCode);
        assertThat(english.body().get("code").asText()).isEqualTo("unit.code-taken");
        assertThat(english.body().get("detail").asText()).isEqualTo("The unit code “TP” is already used by another unit.");
        Api.Response unsupportedLanguage = admin.header("Accept-Language", "fr-FR").post("/api/v1/units", takenCode);
        assertThat(unsupportedLanguage.body().get("detail").asText()).isEqualTo(vietnamese.body().get("detail").asText());
        Api.Response garbledLanguage = admin.header("Accept-Language", ";;;q=x").post("/api/v1/units", takenCode);
        assertThat(garbledLanguage.body().get("detail").asText()).isEqualTo(vietnamese.body().get("detail").asText());

        Api.Response unknown = admin.get("/api/v1/khong-co-gi-o-day");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("code").asText()).isEqualTo("request.not-found");
        assertThat(unknown.body().get("detail").asText()).isEqualTo("Không tìm thấy địa chỉ này.");
        Api.Response wrongMethod = admin.raw("PATCH", "/api/v1/units", "application/json", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.body().get("code").asText()).isEqualTo("request.method-not-allowed");
        assertThat(wrongMethod.body().get("detail").asText()).isEqualTo("Địa chỉ này không nhận phương thức PATCH.");
        Api.Response anonymous = Api.anonymous(backbone.baseUrl()).header("Accept-Language", "en").get("/api/v1/units");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().get("code").asText()).isEqualTo("request.unauthenticated");
        assertThat(anonymous.body().get("detail").asText()).isEqualTo("Sign in with HTTP Basic or a bearer token.");
        Api.Response notAllowed = specialist.api().post("/api/v1/units", takenCode);
        assertThat(notAllowed.status()).isEqualTo(403);
        assertThat(notAllowed.body().get("code").asText()).isEqualTo("identity.role-required-in-unit");
        assertThat(notAllowed.body().get("detail").asText()).isEqualTo("Việc này cần vai trò Quản trị tại đơn vị liên quan.");
    }

    @Test
    void aDraftCannotReplaceAnotherAgencysDocumentNorTellWhetherItExists() {
        String provinceDocument = issuedByTheProvince("Về việc tổng kết công tác năm 2026");
        for (String target : List.of(provinceDocument, UUID.randomUUID().toString())) {
            Api.Response draft = snvClerk.api().post("/api/v1/documents/outgoing", Map.of("type", "CONG_VAN",
                    "subject", "Văn bản thay thế", "externalRecipients", List.of("Bộ Nội vụ"),
                    "replacesDocumentId", target));
            assertThat(draft.status()).as(draft.toString()).isEqualTo(404);
        }
        Api.Response original = clerk.api().get("/api/v1/documents/" + provinceDocument);
        assertThat(original.body().at("/document/status").asText()).as(original.toString()).isEqualTo("ISSUED");
    }

    // ---- 3, 4. administrators -------------------------------------------------------------------

    @Test
    void aUnitAdministratorCannotTouchTheSystemAdministrator() {
        String adminId = idOf("admin");
        Api.Response reset = provinceAdmin.api().put("/api/v1/officials/" + adminId + "/password",
                Map.of("newPassword", "mật-khẩu-chiếm-quyền-2026"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(403);
        assertThat(provinceAdmin.api().post("/api/v1/officials/" + adminId + "/deactivation", Map.of()).status())
                .isEqualTo(403);
        assertThat(backbone.admin().get("/api/v1/me").status()).as("the old password still signs in").isEqualTo(200);
        // within their scope they still administer
        assertThat(provinceAdmin.api().put("/api/v1/officials/" + snvSpecialist.id() + "/details",
                Map.of("fullName", "Đỗ Văn Sơn", "position", "Chuyên viên chính")).status()).isEqualTo(204);
    }

    @Test
    void nobodyRaisesTheirOwnRights() {
        String me = snvAdmin.id();
        assertThat(snvAdmin.api().put("/api/v1/officials/" + me + "/clearance", Map.of("clearance", "TOP_SECRET")).status())
                .isEqualTo(403);
        assertThat(snvAdmin.api().post("/api/v1/officials/" + me + "/roles",
                Map.of("unitId", province.unitId("TP.SNV"), "role", "RECORDS_CLERK")).status()).isEqualTo(403);
        assertThat(snvAdmin.api().put("/api/v1/officials/" + me + "/password",
                Map.of("newPassword", "mật-khẩu-mới-2026")).status()).isEqualTo(403);
        // nor through someone else: no clearance above their own, no account made with it
        assertThat(snvAdmin.api().put("/api/v1/officials/" + snvSpecialist.id() + "/clearance",
                Map.of("clearance", "SECRET")).status()).isEqualTo(403);
        Api.Response puppet = snvAdmin.api().post("/api/v1/officials", Map.of("username", "bu.nhin", "fullName", "Bù Nhìn",
                "unitId", province.unitId("TP.SNV"), "password", "mật-khẩu-bù-nhìn", "clearance", "TOP_SECRET"));
        assertThat(puppet.status()).as(puppet.toString()).isEqualTo(403);
        JsonNode self = snvAdmin.api().get("/api/v1/officials/" + me).body();
        assertThat(self.get("clearance").asText()).isEqualTo("NONE");
        assertThat(self.get("roles").findValuesAsText("role")).containsExactly("ADMINISTRATOR");
    }

    // ---- 5, 6. meetings -------------------------------------------------------------------------

    @Test
    void aCommunesSecretaryCannotDraftInAProvinceAgency() {
        String meetingId = meeting(communeSecretary, communeChair, "TP.001", List.of());
        Api.Response notice = communeSecretary.api().post("/api/v1/meetings/" + meetingId + "/conclusion", Map.of(
                "agencyId", province.unitId("TP.SNV"), "subject", "Thông báo kết luận", "body", "Nội dung"));
        assertThat(notice.status()).as(notice.toString()).isEqualTo(403);
        assertThat(snvClerk.api().get("/api/v1/documents?direction=OUTGOING").body().findValuesAsText("subject"))
                .doesNotContain("Thông báo kết luận");
    }

    @Test
    void aClassifiedDocumentReachesNoMeetingInviteeWithoutTheClearance() {
        Map<String, Object> incoming = EOfficeApiTest.incoming("Kế hoạch bảo vệ bí mật nhà nước", "CONFIDENTIAL");
        String secret = EOfficeApiTest.register(clerk, incoming);
        await().atMost(Duration.ofSeconds(30)).until(() -> topSecretLeader.api().get("/api/v1/documents/" + secret).status() == 200);
        String meetingId = meeting(topSecretLeader, topSecretLeader, "TP.UBND", List.of(uncleared.id()));
        Api.Response attached = topSecretLeader.api().post("/api/v1/meetings/" + meetingId + "/documents",
                Map.of("eofficeDocumentId", secret));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(409);
        assertThat(uncleared.api().get("/api/v1/meetings/" + meetingId).body().get("documents").toString())
                .doesNotContain(secret).doesNotContain("bí mật nhà nước");
    }

    static String meeting(Official secretary, Official chair, String hostCode, List<String> invitees) {
        Api.Response created = secretary.api().post("/api/v1/meetings", MeetingsApiTest.meeting("Họp giao ban",
                "IN_PERSON", chair.id(), province.unitId(hostCode), Instant.now().plus(Duration.ofDays(1)), invitees,
                secretary.id(), List.of()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> secretary.api().get("/api/v1/meetings/" + id).status() == 200);
        return id;
    }

    // ---- 7. lockout, the officials list ---------------------------------------------------------

    @Test
    void wrongPasswordsFromAStrangerSlowTheStrangerButCutOffNoToken() {
        Official victim = province.official("nan.nhan", "Nạn Nhân", "TP.SNV", "SPECIALIST", "NONE");
        Api.Response issued = victim.api().post("/api/v1/me/tokens", Map.of("name", "Tích hợp"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        Api token = Api.bearer(backbone.baseUrl(), issued.body().get("token").asText());
        Api guesser = Api.basic(backbone.baseUrl(), "nan.nhan", "đoán-mò-mật-khẩu");
        for (int i = 0; i < 8; i++) {
            assertThat(guesser.get("/api/v1/me").status()).isEqualTo(401);
        }
        assertThat(token.get("/api/v1/me").status()).as("the API token still works").isEqualTo(200);
        // the address that guessed waits, even with the right password, and may try again later
        assertThat(victim.api().get("/api/v1/me").status()).isEqualTo(401);
        backbone.bean(MovableClock.class).advance(Duration.ofMinutes(16));
        assertThat(victim.api().get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void officialsSeeNamesAndUnitsOfOthersButNoClearances() {
        JsonNode listed = specialist.api().get("/api/v1/officials").body();
        assertThat(listed.size()).isGreaterThan(5);
        assertThat(listed.findValues("clearance")).isEmpty();
        assertThat(listed.findValues("username")).isEmpty();
        assertThat(listed.findValues("roles")).isEmpty();
        assertThat(listed.findValuesAsText("fullName")).contains("Lê Văn Hùng");
        assertThat(specialist.api().get("/api/v1/officials/" + topSecretLeader.id()).body().has("clearance")).isFalse();
        assertThat(backbone.admin().get("/api/v1/officials/" + topSecretLeader.id()).body().get("clearance").asText())
                .isEqualTo("TOP_SECRET");
    }

    // ---- 8. revocation, sessions, work files, classified handling -------------------------------

    @Test
    void aWithdrawnRoleOrClearanceFailsTheVeryNextRequest() {
        Official reader = province.official("doc.mat", "Người Đọc Mật", "TP.UBND", "RECORDS_CLERK", "CONFIDENTIAL");
        String secret = EOfficeApiTest.register(clerk, EOfficeApiTest.incoming("Phương án phòng thủ dân sự", "CONFIDENTIAL"));
        await().atMost(Duration.ofSeconds(30)).until(() -> reader.api().get("/api/v1/documents/" + secret).status() == 200);
        assertThat(backbone.admin().put("/api/v1/officials/" + reader.id() + "/clearance", Map.of("clearance", "NONE"))
                .status()).isEqualTo(204);
        assertThat(reader.api().get("/api/v1/documents/" + secret).status()).isEqualTo(404);
        assertThat(backbone.admin().delete("/api/v1/officials/" + reader.id() + "/roles?unitId="
                + province.unitId("TP.UBND") + "&role=RECORDS_CLERK").status()).isEqualTo(204);
        Api.Response register = reader.api().post("/api/v1/documents/incoming",
                EOfficeApiTest.incoming("Công văn sau khi bị thu hồi quyền", "NONE"));
        assertThat(register.status()).as(register.toString()).isEqualTo(403);
    }

    @Test
    void aPasswordResetEndsTheWebSession() throws Exception {
        Official official = province.official("phien.web", "Phiên Làm Việc", "TP.UBND", "SPECIALIST", "NONE");
        Browserless web = Browserless.signIn(backbone.baseUrl(), "phien.web", "mật-khẩu-phien.web");
        assertThat(web.sessionCookie()).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
        assertThat(web.get("/").statusCode()).isEqualTo(200);
        assertThat(backbone.admin().put("/api/v1/officials/" + official.id() + "/password",
                Map.of("newPassword", "mật-khẩu-được-đặt-lại")).status()).isEqualTo(204);
        HttpResponse<String> after = web.get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void anotherAgencysWorkFilesAreNotListed() {
        Api.Response listed = clerk.api().get("/api/v1/work-files?agencyId=" + province.unitId("TP.SNV"));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(404);
        assertThat(snvClerk.api().get("/api/v1/work-files?agencyId=" + province.unitId("TP.SNV")).status()).isEqualTo(200);
    }

    @Test
    void aClassifiedDocumentIsAssignedOnlyToTheCleared() {
        String secret = EOfficeApiTest.register(clerk, EOfficeApiTest.incoming("Báo cáo an ninh chính trị nội bộ", "CONFIDENTIAL"));
        await().atMost(Duration.ofSeconds(30)).until(() -> topSecretLeader.api().get("/api/v1/documents/" + secret).status() == 200);
        Api.Response assigned = topSecretLeader.api().post("/api/v1/documents/" + secret + "/assignment", Map.of(
                "lead", Map.of("kind", "OFFICIAL", "id", uncleared.id())));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(409);
        Api.Response toClerk = topSecretLeader.api().post("/api/v1/documents/" + secret + "/assignment", Map.of(
                "lead", Map.of("kind", "OFFICIAL", "id", clerk.id())));
        assertThat(toClerk.status()).as(toClerk.toString()).isEqualTo(204);
    }

    // ---- 9. headers and exposure ----------------------------------------------------------------

    @Test
    void pagesAndAnswersCarryTheBrowserPolicies() throws Exception {
        for (String path : List.of("/login", "/api/v1/me", "/actuator/health")) {
            Api.Response answer = Api.anonymous(backbone.baseUrl()).get(path);
            String csp = answer.header("Content-Security-Policy");
            assertThat(csp).as(path).contains("script-src 'self' 'nonce-").contains("object-src 'none'")
                    .contains("frame-ancestors 'self'").contains("https://hop.thunghiem.gov.vn");
            assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
                    .doesNotContain("unsafe-inline");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(answer.header("Permissions-Policy")).contains("geolocation=()");
        }
        // an inline script runs only with the nonce of its own answer
        Browserless web = Browserless.signIn(backbone.baseUrl(), "chuyenvien.an", "mật-khẩu-chuyenvien.an");
        HttpResponse<String> search = web.get("/search");
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(search.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertThat(nonce.find()).isTrue();
        assertThat(search.body()).contains("<script nonce=\"" + nonce.group(1) + "\"");
        assertThat(search.body()).doesNotContain("onclick=");
    }

    @Test
    void healthDetailsAndIndexCountsAreForAdministratorsOnly() {
        JsonNode forOfficial = specialist.api().get("/actuator/health").body();
        assertThat(forOfficial.get("status").asText()).isEqualTo("UP");
        assertThat(forOfficial.has("components")).isFalse();
        JsonNode forAdmin = backbone.admin().get("/actuator/health").body();
        assertThat(forAdmin.at("/components/eventStore/status").asText()).isEqualTo("UP");
        assertThat(forAdmin.at("/components/attachmentStore/status").asText()).isEqualTo("UP");
        assertThat(forAdmin.at("/components/scanReading/status").asText()).isEqualTo("UP");
        assertThat(forAdmin.at("/components/scanReading/details/engine").asText()).isEqualTo("tesseract (vie)");
        assertThat(specialist.api().get("/api/v1/search/status").body().get("documents").isNull()).isTrue();
        assertThat(backbone.admin().get("/api/v1/search/status").body().get("documents").isInt()).isTrue();
    }

    @Test
    void readinessGoesDownWhenAttachmentsCannotBeStored() throws IOException {
        Api anonymous = Api.anonymous(backbone.baseUrl());
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        Path attachments = dataDir.resolve("attachments");
        Path aside = dataDir.resolve("attachments-aside");
        Files.createDirectories(attachments);
        Files.move(attachments, aside);
        Files.writeString(attachments, "not a directory");
        try {
            assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(503);
        } finally {
            Files.delete(attachments);
            Files.move(aside, attachments);
        }
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    // ---- 10. malformed requests -----------------------------------------------------------------

    @Test
    void malformedRequestsAreAnswered4xxNever500() {
        Api anonymous = Api.anonymous(backbone.baseUrl());
        for (String path : List.of("/api/v1/public/dossiers", "/login", "/api/v1/documents/incoming", "/documents")) {
            Api.Response noBoundary = anonymous.raw("POST", path, "multipart/form-data", "--x\r\n");
            assertThat(noBoundary.status()).as(path + " " + noBoundary).isEqualTo(400);
        }
        String id = EOfficeApiTest.register(clerk, EOfficeApiTest.incoming("Công văn nhận tệp hỏng", "NONE"));
        Api.Response broken = clerk.api().raw("POST", "/api/v1/documents/" + id + "/attachments",
                "multipart/form-data; boundary=abc", "--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 cut off");
        assertThat(broken.status()).as(broken.toString()).isBetween(400, 499);
        Api.Response repeated = clerk.api().raw("POST", "/api/v1/documents/" + id + "/return",
                "application/json", "{\"reason\":\"a\",\"reason\":\"b\"}");
        assertThat(repeated.status()).as(repeated.toString()).isEqualTo(400);
        Api.Response nullRole = backbone.admin().raw("POST", "/api/v1/officials", "application/json",
                "{\"username\":\"vai.tro.rong\",\"fullName\":\"Vai Trò Rỗng\",\"unitId\":\"" + province.unitId("TP.SNV")
                        + "\",\"password\":\"mật-khẩu-vai-trò\",\"roles\":[null]}");
        assertThat(nullRole.status()).as(nullRole.toString()).isEqualTo(400);
        assertThat(nullRole.body().get("code").asText()).isEqualTo("request.invalid-fields");
        Api.Response missingParameter = backbone.admin().delete("/api/v1/officials/" + clerk.id() + "/roles");
        assertThat(missingParameter.status()).isEqualTo(400);
        assertThat(missingParameter.body().path("code").asText()).as(missingParameter.toString()).isEqualTo("request.missing-parameter");
    }

    /**
     * A page that takes a file, sent a plain form (a form without its enctype, a script): Spring's argument resolver
     * throws "Current request is not a multipart request", which none of Spring's resolvers turns into a status — it
     * was a 500 with a stack trace in the log, on both upload pages, whatever the id.
     */
    @Test
    void anUploadPageSentAPlainFormAnswers400InVietnamese() throws Exception {
        String id = EOfficeApiTest.register(clerk, EOfficeApiTest.incoming("Công văn gửi nhầm kiểu biểu mẫu", "NONE"));
        Browserless web = Browserless.signIn(backbone.baseUrl(), "vanthu.an", "mật-khẩu-vanthu.an");
        for (String path : List.of("/documents/" + id + "/attachments", "/meetings/" + UUID.randomUUID() + "/documents")) {
            HttpResponse<String> plain = web.postForm(path, "note=kh%C3%B4ng+c%C3%B3+t%E1%BB%87p");
            assertThat(plain.statusCode()).as(path + " " + plain.body()).isEqualTo(400);
            assertThat(plain.body()).as(path).contains("Không đọc được nội dung gửi lên").doesNotContain("Lỗi hệ thống");
        }
    }

    /**
     * A page's form with an id nobody created (typed or forged): the system administrator passes the role check on
     * any unit, so the command reached an aggregate that does not exist, and Axon's "aggregate not found" was a 500
     * on the pages (the API answered 404). Now the page comes back with the reason.
     */
    @Test
    void aPageFormForAUnitThatDoesNotExistShowsTheReason() throws Exception {
        Browserless web = Browserless.signIn(backbone.baseUrl(), "admin", RunningNode.ADMIN_PASSWORD);
        String nobody = UUID.randomUUID().toString();
        for (var form : Map.of("/admin/units/dissolution", "unitId=" + nobody,
                "/admin/units/" + nobody + "/name", "name=X%C3%A3+Kh%C3%B4ng+C%C3%B3").entrySet()) {
            HttpResponse<String> answer = web.postForm(form.getKey(), form.getValue());
            assertThat(answer.statusCode()).as(form.getKey() + " " + answer.body()).isEqualTo(302);
            String location = answer.headers().firstValue("Location").orElseThrow();
            assertThat(web.get(URI.create(location).getPath()).body()).as(form.getKey())
                    .contains("Không tìm thấy").doesNotContain("Lỗi hệ thống");
        }
    }

    /** A browser's session without a browser: the sign-in form with its CSRF token, then pages with the cookie. */
    record Browserless(HttpClient http, String baseUrl, String sessionCookie) {
        static Browserless signIn(String baseUrl, String username, String password) throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String form = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
            assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
            String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
            String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                    .findFirst().orElse("");
            return new Browserless(http, baseUrl, cookie);
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** A form posted as a page posts it, with the CSRF token the home page carries. */
        HttpResponse<String> postForm(String path, String form) throws Exception {
            Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(get("/").body());
            assertThat(csrf.find()).as("the home page carries a CSRF token").isTrue();
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + csrf.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
