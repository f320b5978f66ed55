package vn.egov.backbone.search.query;

import vn.egov.backbone.eoffice.attachment.OfficeFiles;
import vn.egov.backbone.eoffice.attachment.ScanPages;
import vn.egov.backbone.eoffice.document.EOfficeApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.core.testing.RunningNode;
import vn.egov.backbone.core.testing.MovableClock;
import vn.egov.backbone.search.testing.SearchModuleNode;
import vn.egov.backbone.meetings.meeting.MeetingsApiTest;
import vn.egov.backbone.onestop.dossier.DossiersApiTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Search as officials use it, through the API: documents registered by the records clerk are found
 * at once, with or without diacritics and by number, and nothing — hit, count, facet, highlight,
 * suggestion or similar document — reveals a word of a document the official may not read.
 */
class SearchApiTest {
    @TempDir
    static Path dataDir;
    static RunningNode backbone;
    static Province province;
    static Official clerk;
    static Official leader;
    static Official specialist;
    static Official snvClerk;
    static Official snvSpecialist;
    static String classifiedId;

    @BeforeAll
    static void start() {
        backbone = RunningNode.start(SearchModuleNode.class, Map.of(), dataDir, MovableClock.Source.class);
        province = new Province(backbone);
        clerk = province.official("vanthu.tk", "Nguyễn Thị Thu", "TP.UBND", "RECORDS_CLERK", "CONFIDENTIAL");
        leader = province.official("lanhdao.tk", "Lê Văn Hùng", "TP.UBND", "LEADER", "CONFIDENTIAL");
        specialist = province.official("chuyenvien.tk", "Phạm Văn An", "TP.UBND.VP", "SPECIALIST", "NONE");
        snvClerk = province.official("vanthu.snv.tk", "Vũ Thị Lan", "TP.SNV", "RECORDS_CLERK", "NONE");
        snvSpecialist = province.official("chuyenvien.snv.tk", "Đặng Văn Khoa", "TP.SNV", "SPECIALIST", "NONE");
        register(clerk, "1588/QĐ-TTg", "Thủ tướng Chính phủ", "QUYET_DINH",
                "Quyết định phê duyệt quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050",
                "Phê duyệt quy hoạch tỉnh với các nội dung chủ yếu về phát triển kinh tế - xã hội.", "NONE");
        register(clerk, "45/UBND-KT", "Ủy ban nhân dân tỉnh", "CONG_VAN",
                "Về việc đôn đốc giải ngân vốn đầu tư công năm 2026",
                "Đề nghị các sở, ngành đẩy nhanh tiến độ giải ngân vốn đầu tư công.", "NONE");
        classifiedId = register(clerk, "12/KH-BCH", "Bộ Chỉ huy quân sự tỉnh", "KE_HOACH",
                "Kế hoạch diễn tập khu vực phòng thủ tỉnh năm 2026 (phương án Trường Sơn)",
                "Phương án Trường Sơn: lực lượng, địa bàn và thời gian diễn tập.", "CONFIDENTIAL");
        register(snvClerk, "210/SNV-TCBC", "Sở Nội vụ", "CONG_VAN",
                "Hướng dẫn sắp xếp tổ chức bộ máy cấp xã sau hợp nhất",
                "Sở Nội vụ hướng dẫn việc sắp xếp tổ chức bộ máy và biên chế cấp xã.", "NONE");
        await().atMost(Duration.ofSeconds(30)).until(() -> total(leader, "") == 3 && total(snvSpecialist, "") == 1);
    }

    @AfterAll
    static void stop() {
        backbone.close();
    }

    static String register(Official by, String number, String issuer, String type, String subject, String body,
                           String classification) {
        Map<String, Object> document = new HashMap<>();
        document.put("number", number);
        document.put("issuer", issuer);
        document.put("issuedOn", LocalDate.now().minusDays(5).toString());
        document.put("type", type);
        document.put("subject", subject);
        document.put("body", body);
        document.put("urgency", "NORMAL");
        document.put("classification", classification);
        Api.Response created = by.api().post("/api/v1/documents/incoming", document);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    static JsonNode search(Official who, String query) {
        Api.Response response = who.api().get("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    static long total(Official who, String query) {
        return search(who, query).get("total").asLong();
    }

    static List<String> subjects(JsonNode result) {
        List<String> subjects = new ArrayList<>();
        result.get("hits").forEach(h -> subjects.add(h.get("subject").asText()));
        return subjects;
    }

    /** A meeting's minutes are found by those who sat in it, typed without diacritics; not by their agency's others. */
    @Test
    void minutesAreFoundByTheMeetingsMembersOnly() {
        Official chair = province.official("chutich.timkiem", "Trần Quốc Hưng", "TP.UBND", "LEADER", "NONE");
        Official secretary = province.official("thuky.timkiem", "Nguyễn Thị Mai", "TP.UBND", "MEETING_SECRETARY", "NONE");
        Official member = province.official("giamdoc.snv.timkiem", "Phạm Thị Hoa", "TP.SNV", "LEADER", "NONE");
        Official outsider = province.official("chuyenvien.snv.timkiem", "Vũ Đức Long", "TP.SNV", "SPECIALIST", "NONE");
        Api.Response created = secretary.api().post("/api/v1/meetings", MeetingsApiTest.meeting(
                "Phiên họp thường kỳ về dự toán", "IN_PERSON", chair.id(), province.unitId("TP.UBND"),
                Instant.now().plus(Duration.ofHours(1)), List.of(member.id()), secretary.id(), List.of()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String base = "/api/v1/meetings/" + created.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> secretary.api().get(base).status() == 200);
        assertThat(secretary.api().post(base + "/start", Map.of()).status()).isEqualTo(204);
        assertThat(secretary.api().put(base + "/minutes", Map.of("text", "Biên bản phiên họp: thông qua dự toán 2027.")).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode found = member.api().get("/api/v1/search?q=bien+ban+du+toan+2027&kind=MEETING").body();
            assertThat(found.get("hits").findValuesAsText("id")).contains(created.body().get("id").asText());
            assertThat(found.at("/hits/0/kind").asText()).isEqualTo("MEETING");
        });
        assertThat(outsider.api().get("/api/v1/search?q=bien+ban+du+toan+2027&kind=MEETING").body().get("hits")
                .findValuesAsText("id")).doesNotContain(created.body().get("id").asText());
        String meetingId = created.body().get("id").asText();
        assertStatus(member, meetingId, "MEETING_MINUTES_DRAFTED");
        assertThat(chair.api().post(base + "/minutes/approval", Map.of("version", 1)).status()).isEqualTo(204);
        assertStatus(member, meetingId, "MEETING_MINUTES_APPROVED");

        // A deputy sent in a member's place finds the meeting; a cancelled one says so.
        Official deputy = province.official("phogiamdoc.snv.timkiem", "Đỗ Văn Tâm", "TP.SNV", "LEADER", "NONE");
        Api.Response later = secretary.api().post("/api/v1/meetings", MeetingsApiTest.meeting(
                "Phiên họp chuyên đề về chuyển đổi số", "IN_PERSON", chair.id(), province.unitId("TP.UBND"),
                Instant.now().plus(Duration.ofDays(2)), List.of(member.id()), secretary.id(), List.of()));
        String laterId = later.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> member.api().get("/api/v1/meetings/" + laterId).status() == 200);
        assertThat(member.api().post("/api/v1/meetings/" + laterId + "/delegation",
                Map.of("deputyId", deputy.id())).status()).isEqualTo(204);
        assertStatus(deputy, laterId, "MEETING_SCHEDULED");
        assertThat(secretary.api().post("/api/v1/meetings/" + laterId + "/cancellation", Map.of("reason", "Hoãn"))
                .status()).isEqualTo(204);
        assertStatus(member, laterId, "MEETING_CANCELLED");
    }

    /** Dossiers are found by the agencies that work them, by their public metadata only (never by the applicant). */
    @Test
    void dossiersAreFoundByTheirAgenciesWithTheirPublicMetadataOnly() {
        Official desk = province.official("motcua.hoabinh.tk", "Trần Thị Ngọc", "TP.002.UBND", "RECORDS_CLERK", "NONE");
        Official communeOfficer = province.official("tuphap.tanlap.tk", "Lò Văn Páo", "TP.001.UBND", "SPECIALIST", "NONE");
        Official otherCommuneOfficer = province.official("tuphap.donghung.tk", "Hà Thị Xuân", "TP.003.UBND", "SPECIALIST", "NONE");
        Map<String, Object> request = DossiersApiTest.dossier("HT-03", province.unitId("TP.001"));
        request.put("applicant", Map.of("name", "Mùa A Chứ", "idNumber", "011090077777"));
        Api.Response registered = desk.api().post("/api/v1/dossiers", request);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.body().get("id").asText();
        String code = registered.body().get("trackingCode").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> communeOfficer.api().get("/api/v1/dossiers/" + id).status() == 200);
        String procedure = communeOfficer.api().get("/api/v1/dossiers/" + id).body().at("/dossier/procedure_name").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response search = communeOfficer.api().get("/api/v1/search?q=" + code + "&kind=DOSSIER");
            assertThat(search.status()).as(search.toString()).isEqualTo(200);
            JsonNode byCode = search.body();
            assertThat(byCode.get("hits").findValuesAsText("id")).containsExactly(id);
            assertThat(byCode.at("/hits/0/subject").asText()).isEqualTo(procedure);
        });
        // The desk that received it finds it too; another commune does not; nobody finds it by the applicant.
        assertThat(desk.api().get("/api/v1/search?q=" + code).body().get("hits").findValuesAsText("id")).contains(id);
        assertThat(otherCommuneOfficer.api().get("/api/v1/search?q=" + code).body().get("total").asInt()).isZero();
        assertThat(communeOfficer.api().get("/api/v1/search?q=Mua+A+Chu").body().get("hits").findValuesAsText("id"))
                .doesNotContain(id);
        assertThat(communeOfficer.api().get("/api/v1/search?q=011090077777").body().get("total").asInt()).isZero();
        JsonNode statuses = communeOfficer.api().get("/api/v1/search?q=" + code).body().at("/facets/status");
        assertThat(statuses.findValuesAsText("label")).contains("Được tiếp nhận");
    }

    /** What search says of a record's status follows the record through its life: documents and dossiers. */
    @Test
    void theStatusFoundFollowsTheRecordThroughItsLife() {
        // an incoming document: registered, assigned, completed; another returned to its sender
        String incoming = register(clerk, "88/UBND-VP", "Văn phòng Ủy ban nhân dân tỉnh", "CONG_VAN",
                "Về việc theo dõi trạng thái văn bản đến trong tìm kiếm", "Nội dung theo dõi.", "NONE");
        assertStatus(leader, incoming, "REGISTERED");
        assertThat(leader.api().post("/api/v1/documents/" + incoming + "/assignment", Map.of(
                "lead", Map.of("kind", "OFFICIAL", "id", specialist.id()))).status()).isEqualTo(204);
        assertStatus(leader, incoming, "ASSIGNED");
        await().atMost(Duration.ofSeconds(30)).until(() -> specialist.api().post("/api/v1/documents/" + incoming
                + "/completion", Map.of("result", "Đã xử lý")).status() == 204);
        assertStatus(leader, incoming, "COMPLETED");
        String misaddressed = register(clerk, "89/UBND-VP", "Văn phòng Ủy ban nhân dân tỉnh", "CONG_VAN",
                "Về việc gửi nhầm văn bản theo dõi trạng thái", "Nội dung gửi nhầm.", "NONE");
        assertThat(clerk.api().post("/api/v1/documents/" + misaddressed + "/return", Map.of("reason", "Gửi nhầm"))
                .status()).isEqualTo(204);
        assertStatus(leader, misaddressed, "RETURNED_TO_SENDER");

        // an outgoing document: drafted, submitted, returned, approved, issued, recalled
        Api.Response draft = specialist.api().post("/api/v1/documents/outgoing", Map.of("type", "CONG_VAN",
                "subject", "Về việc theo dõi trạng thái văn bản đi trong tìm kiếm", "body", "Nội dung dự thảo."));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        String outgoing = draft.body().get("id").asText();
        assertStatus(specialist, outgoing, "DRAFT");
        assertThat(specialist.api().post("/api/v1/documents/" + outgoing + "/submission",
                Map.of("approverId", leader.id())).status()).isEqualTo(204);
        assertStatus(specialist, outgoing, "AWAITING_APPROVAL");
        assertThat(leader.api().post("/api/v1/documents/" + outgoing + "/draft-return", Map.of("comment", "Bổ sung căn cứ"))
                .status()).isEqualTo(204);
        assertStatus(specialist, outgoing, "RETURNED");
        assertThat(specialist.api().put("/api/v1/documents/" + outgoing + "/draft", Map.of("type", "CONG_VAN",
                "subject", "Về việc theo dõi trạng thái văn bản đi trong tìm kiếm (bổ sung)")).status()).isEqualTo(204);
        assertThat(specialist.api().post("/api/v1/documents/" + outgoing + "/submission",
                Map.of("approverId", leader.id())).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> leader.api().post("/api/v1/documents/" + outgoing + "/approval",
                Map.of()).status() == 204);
        assertStatus(specialist, outgoing, "APPROVED");
        await().atMost(Duration.ofSeconds(30)).until(() -> clerk.api().post("/api/v1/documents/" + outgoing + "/issue",
                Map.of()).status() == 200);
        assertStatus(specialist, outgoing, "ISSUED");
        assertThat(clerk.api().post("/api/v1/documents/" + outgoing + "/recall", Map.of("reason", "Sai căn cứ")).status())
                .isEqualTo(204);
        assertStatus(specialist, outgoing, "RECALLED");

        // a dossier through every status, and two that end otherwise
        Official desk = province.official("motcua.hoabinh.theodoi", "Trần Thị Ngọc", "TP.002.UBND", "RECORDS_CLERK", "NONE");
        Official officer = province.official("tuphap.tanlap.theodoi", "Lò Văn Páo", "TP.001.UBND", "SPECIALIST", "NONE");
        String dossier = fileDossier(desk);
        assertStatus(officer, dossier, "DOSSIER_RECEIVED");
        String step = officer.api().post("/api/v1/dossiers/" + dossier + "/steps", Map.of("agencyId",
                province.unitId("TP.001.UBND"), "task", "Thẩm định hồ sơ", "days", 1)).body().get("id").asText();
        assertStatus(officer, dossier, "DOSSIER_IN_PROCESS");
        assertThat(officer.api().post("/api/v1/dossiers/" + dossier + "/supplement-request",
                Map.of("reason", "Thiếu bản sao giấy tờ")).status()).isEqualTo(204);
        assertStatus(officer, dossier, "DOSSIER_SUPPLEMENT_REQUESTED");
        assertThat(desk.api().post("/api/v1/dossiers/" + dossier + "/supplement", Map.of()).status()).isEqualTo(204);
        assertThat(officer.api().post("/api/v1/dossiers/" + dossier + "/payment-request",
                Map.of("amountVnd", 50000, "purpose", "Lệ phí")).status()).isEqualTo(204);
        assertStatus(officer, dossier, "DOSSIER_PAYMENT_REQUESTED");
        assertThat(desk.api().post("/api/v1/dossiers/" + dossier + "/payment", Map.of("method", "CASH")).status())
                .isEqualTo(204);
        assertThat(officer.api().post("/api/v1/dossiers/" + dossier + "/steps/" + step + "/completion", Map.of())
                .status()).isEqualTo(204);
        assertThat(officer.api().post("/api/v1/dossiers/" + dossier + "/resolution", Map.of("resultDigitised", false))
                .status()).isEqualTo(204);
        assertStatus(officer, dossier, "DOSSIER_RESOLVED");
        assertThat(desk.api().post("/api/v1/dossiers/" + dossier + "/result-return", Map.of()).status()).isEqualTo(204);
        assertStatus(officer, dossier, "DOSSIER_RESULT_RETURNED");
        String stopped = fileDossier(desk);
        assertThat(officer.api().post("/api/v1/dossiers/" + stopped + "/stop", Map.of("reason", "Người nộp đề nghị dừng"))
                .status()).isEqualTo(204);
        assertStatus(officer, stopped, "DOSSIER_STOPPED");
        String withdrawn = fileDossier(desk);
        assertThat(desk.api().post("/api/v1/dossiers/" + withdrawn + "/withdrawal", Map.of("reason", "Rút hồ sơ"))
                .status()).isEqualTo(204);
        assertStatus(officer, withdrawn, "DOSSIER_WITHDRAWN");
    }

    private String fileDossier(Official desk) {
        Api.Response filed = desk.api().post("/api/v1/dossiers", DossiersApiTest.dossier("HT-03", province.unitId("TP.001")));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.body().get("id").asText();
    }

    /** The record as search shows it to this official, by its id among the hits of a search for everything. */
    private static void assertStatus(Official who, String id, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode hits = who.api().get("/api/v1/search?size=100&q=").body().get("hits");
            JsonNode hit = null;
            for (JsonNode candidate : hits) {
                if (candidate.get("id").asText().equals(id)) {
                    hit = candidate;
                }
            }
            assertThat(hit).as("found: " + id).isNotNull();
            assertThat(hit.get("status").asText()).isEqualTo(status);
        });
    }

    /** A work file destroyed once its retention is over takes its documents' words out of the index. */
    @Test
    void theDocumentsOfADestroyedWorkFileLeaveTheIndex() {
        String kept = register(clerk, "31/KH-UBND", "Ủy ban nhân dân tỉnh", "KE_HOACH",
                "Kế hoạch chỉnh lý tài liệu lưu trữ phông Ủy ban", "Chỉnh lý tài liệu lưu trữ hết giá trị.", "NONE");
        Api.Response opened = specialist.api().post("/api/v1/work-files", Map.of("code", "09.07",
                "title", "Hồ sơ chỉnh lý tài liệu lưu trữ", "retentionYears", 1));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String file = opened.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> specialist.api().get("/api/v1/work-files/" + file).status() == 200);
        assertThat(specialist.api().post("/api/v1/work-files/" + file + "/documents", Map.of("documentId", kept)).status())
                .isEqualTo(204);
        assertThat(specialist.api().post("/api/v1/work-files/" + file + "/closure", Map.of()).status()).isEqualTo(204);
        assertThat(clerk.api().post("/api/v1/work-files/" + file + "/archive-transfer", Map.of()).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(subjects(search(leader, "\"chỉnh lý tài liệu lưu trữ phông\""))).contains(
                        "Kế hoạch chỉnh lý tài liệu lưu trữ phông Ủy ban"));
        MovableClock clock = backbone.bean(MovableClock.class);
        clock.advance(Duration.ofDays(2 * 366));
        try {
            assertThat(leader.api().post("/api/v1/work-files/" + file + "/destruction",
                    Map.of("decision", "Quyết định số 3/QĐ-UBND về việc hủy tài liệu hết giá trị")).status()).isEqualTo(204);
        } finally {
            clock.reset();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(search(leader, "\"chỉnh lý tài liệu lưu trữ phông\"").get("total").asLong()).isZero());
    }

    @Test
    void aNewDocumentIsFoundAtOnceWithoutDiacriticsAndByItsNumber() {
        String subject = "Thông báo kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với xã Hòa Bình";
        register(clerk, "301/TB-UBND", "Ủy ban nhân dân tỉnh", "THONG_BAO", subject, "Kết luận về chuyển đổi số.", "NONE");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> subjects(search(specialist, "thong bao ket luan xa hoa binh")).contains(subject));

        JsonNode byNumber = search(specialist, "301/tb-ubnd");
        assertThat(byNumber.get("hits").get(0).get("subject").asText()).isEqualTo(subject);
        assertThat(byNumber.get("hits").get(0).get("number").asText()).isEqualTo("301/TB-UBND");
        JsonNode plain = search(specialist, "don doc giai ngan");
        assertThat(plain.get("total").asLong()).isEqualTo(1);
        JsonNode hit = plain.get("hits").get(0);
        assertThat(hit.get("kind").asText()).isEqualTo("INCOMING");
        assertThat(hit.get("highlights").toString()).contains("<mark>đôn</mark> <mark>đốc</mark>");
        assertThat(search(specialist, "1588/QD-TTG").get("hits").get(0).get("number").asText()).isEqualTo("1588/QĐ-TTg");
        assertThat(search(specialist, "\"quy hoạch tỉnh\" -\"tầm nhìn\"").get("total").asLong()).isZero();
    }

    @Test
    void nothingLeaksAWordOfAClassifiedDocumentOrOfAnotherAgency() {
        // the specialist has no clearance: "Trường Sơn" appears only in the classified plan
        JsonNode asSpecialist = search(specialist, "truong son");
        assertThat(asSpecialist.get("total").asLong()).isZero();
        assertThat(asSpecialist.get("hits")).isEmpty();
        asSpecialist.get("facets").forEach(values -> assertThat(values).isEmpty());
        assertThat(specialist.api().get("/api/v1/search/suggest?q=ke%20hoach%20dien").body()).isEmpty();
        assertThat(specialist.api().get("/api/v1/search/" + classifiedId + "/similar").status()).isEqualTo(404);
        JsonNode everything = search(specialist, "");
        assertThat(everything.toString()).doesNotContain("Trường Sơn", "Bộ Chỉ huy quân sự", "KE_HOACH", "CONFIDENTIAL",
                "Sở Nội vụ hướng dẫn");

        // the leader of the agency with the clearance reads it, and gets it as a suggestion
        assertThat(subjects(search(leader, "truong son"))).singleElement().asString().contains("phương án Trường Sơn");
        assertThat(leader.api().get("/api/v1/search/suggest?q=ke%20hoach%20dien").body().toString()).contains("diễn tập");

        // another agency's specialist sees only that agency's documents, in hits and in facet counts
        JsonNode asSnv = search(snvSpecialist, "");
        assertThat(asSnv.get("total").asLong()).isEqualTo(1);
        assertThat(asSnv.get("facets").get("agency")).singleElement()
                .satisfies(v -> assertThat(v.get("value").asText()).isEqualTo(snvSpecialist.unitId()));
        assertThat(search(snvSpecialist, "quy hoach tinh").get("total").asLong()).isZero();
        assertThat(search(snvSpecialist, "to chuc bo may").get("hits").get(0).get("issuer").asText()).isEqualTo("Sở Nội vụ");
    }

    @Test
    void aRoleTakenAwayStopsShowingDocumentsAtOnce() {
        Official temporary = province.official("tangcuong.tk", "Trịnh Văn Hải", "TP.UBND.VP", "SPECIALIST", "NONE");
        assertThat(total(temporary, "giai ngan")).isEqualTo(1);
        Api admin = backbone.admin();
        assertThat(admin.delete("/api/v1/officials/" + temporary.id() + "/roles?unitId=" + temporary.unitId()
                + "&role=SPECIALIST").status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> total(temporary, "giai ngan") == 0);
        assertThat(total(temporary, "")).isZero();
    }

    @Test
    void theTextOfAttachedOfficeDocumentsIsFound() throws java.io.IOException {
        String id = register(clerk, "88/UBND-NN", "Ủy ban nhân dân tỉnh", "CONG_VAN", "Về việc chuẩn bị mùa mưa lũ năm 2026",
                "Các sở, ngành chủ động chuẩn bị.", "NONE");
        assertThat(EOfficeApiTest.upload(clerk, id, "phương-án.docx", OfficeFiles.docx(
                "Phương án ứng phó triều cường và nước dâng tại các xã ven biển.")).status()).isEqualTo(201);
        assertThat(EOfficeApiTest.upload(clerk, id, "danh-sách.xlsx", OfficeFiles.xlsx(
                "Danh sách điểm có nguy cơ sạt lở đất", "Thôn Khe Ngang")).status()).isEqualTo(201);
        assertThat(EOfficeApiTest.upload(clerk, id, "kế-hoạch.odt", OfficeFiles.odt(
                "Kế hoạch tiêu thoát nước chống ngập úng đô thị.")).status()).isEqualTo(201);
        // each file's words, typed without diacritics, find the document they are attached to
        for (String words : List.of("trieu cuong nuoc dang", "sat lo dat khe ngang", "ngap ung do thi")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(subjects(search(specialist, words))).as(words).contains("Về việc chuẩn bị mùa mưa lũ năm 2026"));
        }
    }

    @Test
    void theWordsOfAScannedLetterAreFoundWithAndWithoutDiacritics() {
        String id = register(clerk, "91/UBND-TNMT", "Ủy ban nhân dân tỉnh", "CONG_VAN", "Công văn gửi kèm bản quét",
                "Xem tệp đính kèm.", "NONE");
        byte[] scan = ScanPages.png(ScanPages.page("Đề nghị kiểm tra hiện trạng kè chắn sóng thôn Cửa Tùng và báo cáo "
                + "thiệt hại do bão số 12 gây ra.", ScanPages.font("Liberation Serif", 50f), 1.0, 0.002, 1));
        assertThat(EOfficeApiTest.upload(clerk, id, "ban-quet.png", scan).status()).isEqualTo(201);
        // read in the background: generous for a busy machine, where a page takes seconds
        for (String words : List.of("kè chắn sóng Cửa Tùng", "ke chan song cua tung")) {
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                    assertThat(subjects(search(specialist, words))).as(words).contains("Công văn gửi kèm bản quét"));
        }
    }

    @Test
    void anAgencyKeepsTheArchivesOfTheAgenciesMergedIntoIt() {
        // 2025: Sở Kế hoạch và Đầu tư and Sở Tài chính merge into one Sở Tài chính
        Api admin = backbone.admin();
        String provinceId = province.unitId("TP");
        String planning = createAgency(admin, "TP.SKHDT", "Sở Kế hoạch và Đầu tư", provinceId);
        String finance = createAgency(admin, "TP.STC", "Sở Tài chính", provinceId);
        Official planningClerk = province.official("vanthu.skhdt", "Ngô Thị Hạnh", "TP.SKHDT", "RECORDS_CLERK", "NONE");
        Official financeSpecialist = province.official("chuyenvien.stc", "Trịnh Văn Lộc", "TP.STC", "SPECIALIST", "NONE");
        String subject = "Báo cáo tình hình thu hút đầu tư trực tiếp nước ngoài sáu tháng đầu năm";
        String id = register(planningClerk, "77/BC-SKHĐT", "Sở Kế hoạch và Đầu tư", "BAO_CAO", subject,
                "Tổng vốn đăng ký cấp mới và điều chỉnh của các dự án có vốn đầu tư nước ngoài.", "NONE");
        await().atMost(Duration.ofSeconds(30)).until(() -> total(planningClerk, "thu hut dau tu") == 1);
        assertThat(total(financeSpecialist, "thu hut dau tu")).isZero();
        assertThat(financeSpecialist.api().get("/api/v1/documents/" + id).status()).isEqualTo(404);

        Api.Response merged = admin.post("/api/v1/units/mergers", Map.of("code", "TP.STC2", "name", "Sở Tài chính",
                "kind", "AGENCY", "parentId", provinceId, "sourceUnitIds", List.of(planning, finance),
                "legalBasis", "Quyết định số 1002/QĐ-UBND ngày 28/02/2025"));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(201);

        // the finance specialist now works in the merged agency and finds the planning department's report,
        // in search and in the document itself; another agency still finds nothing
        await().atMost(Duration.ofSeconds(30)).until(() -> subjects(search(financeSpecialist, "thu hut dau tu")).contains(subject));
        assertThat(financeSpecialist.api().get("/api/v1/documents/" + id).status()).isEqualTo(200);
        assertThat(total(snvSpecialist, "thu hut dau tu")).isZero();
    }

    private static String createAgency(Api admin, String code, String name, String parentId) {
        Api.Response created = admin.post("/api/v1/units", Map.of("code", code, "name", name, "kind", "AGENCY",
                "parentId", parentId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/v1/units/" + id).status() == 200);
        return id;
    }

    @Test
    void filtersFacetsAndPaging() {
        JsonNode all = search(leader, "");
        assertThat(all.get("facets").get("type").toString()).contains("\"label\":\"Quyết định\"", "\"label\":\"Kế hoạch\"");
        JsonNode decisions = specialist.api().get("/api/v1/search?type=QUYET_DINH&sort=DATE").body();
        assertThat(subjects(decisions)).allSatisfy(s -> assertThat(s).startsWith("Quyết định"));
        JsonNode pageTwo = leader.api().get("/api/v1/search?size=2&page=2&sort=DATE").body();
        assertThat(pageTwo.get("hits").size()).isEqualTo((int) Math.min(2, pageTwo.get("total").asLong() - 2));
    }

    @Test
    void badSearchesAreToldWhatIsWrong() {
        for (String query : List.of("size=0", "size=101", "page=0", "page=500&size=100", "type=THU_TINH", "sort=RANDOM",
                "from=2026-02-01&to=2026-01-01", "from=hôm-qua")) {
            Api.Response response = specialist.api().get("/api/v1/search?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.raw().headers().firstValue("Content-Type").orElse("")).contains("problem+json");
            assertThat(response.body().get("detail").asText()).as(query).isNotBlank();
        }
        assertThat(specialist.api().get("/api/v1/search?q=" + "a".repeat(501)).status()).isEqualTo(400);
        assertThat(Api.anonymous(backbone.baseUrl()).get("/api/v1/search?q=x").status()).isEqualTo(401);
    }

    /** Records like one the official reads: within what they may read, never the record itself, 1 to 20 of them. */
    @Test
    void similarRecordsStayWithinTheReadersViewAndAskedCount() {
        String id = search(specialist, "").get("hits").get(0).get("id").asText();
        Api.Response similar = specialist.api().get("/api/v1/search/" + id + "/similar?count=3");
        assertThat(similar.status()).as(similar.toString()).isEqualTo(200);
        assertThat(similar.body().size()).isBetween(1, 3);
        similar.body().forEach(hit -> assertThat(hit.get("id").asText()).isNotEqualTo(id).isNotEqualTo(classifiedId));
        for (String count : List.of("0", "21", "-1")) {
            Api.Response refused = specialist.api().get("/api/v1/search/" + id + "/similar?count=" + count);
            assertThat(refused.status()).as(count).isEqualTo(400);
            assertThat(refused.body().get("code").asText()).isEqualTo("search.count-range");
            assertThat(refused.body().get("detail").asText()).isEqualTo("Số gợi ý từ 1 đến 20.");
        }
    }
}
