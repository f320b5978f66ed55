package vn.egov.backbone.eoffice.document;

import vn.egov.backbone.eoffice.attachment.ScanPages;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.egov.backbone.eoffice.signature.TestCertificates;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.core.testing.DatabaseDump;
import vn.egov.backbone.core.testing.MovableClock;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.core.testing.RunningNode;
import vn.egov.backbone.eoffice.testing.EOfficeNode;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Official correspondence driven through the API by the people who do it: the records clerk, the
 * leader, the specialists of a department, and the clerk of another agency receiving a dispatch.
 */
public class EOfficeApiTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    static final AtomicInteger SENDER_NUMBERS = new AtomicInteger(100);

    @TempDir
    static Path dataDir;
    static RunningNode backbone;
    static Province province;
    static Official clerk;
    static Official leader;
    static Official specialist;
    static Official colleague;
    static Official snvClerk;
    static Official snvLeader;
    static Official outsider;
    static Official secretClerk;
    static Official confidentialLeader;

    @BeforeAll
    static void start() {
        backbone = RunningNode.start(EOfficeNode.class, Map.of("backbone.attachments.max-size", "1MB"), dataDir,
                MovableClock.Source.class);
        province = new Province(backbone);
        clerk = province.official("vanthu.tinh", "Nguyễn Thị Thu", "TP.UBND", "RECORDS_CLERK", "NONE");
        secretClerk = province.official("vanthu.mat", "Trần Văn Mật", "TP.UBND", "RECORDS_CLERK", "SECRET");
        leader = province.official("pho.chu.tich", "Lê Văn Hùng", "TP.UBND", "LEADER", "TOP_SECRET");
        confidentialLeader = province.official("chanh.van.phong", "Đỗ Thị Hạnh", "TP.UBND", "LEADER", "CONFIDENTIAL");
        specialist = province.official("chuyenvien.an", "Phạm Văn An", "TP.UBND.VP", "SPECIALIST", "NONE");
        colleague = province.official("chuyenvien.binh", "Hoàng Thị Bình", "TP.UBND.VP", "SPECIALIST", "NONE");
        snvClerk = province.official("vanthu.snv", "Vũ Thị Lan", "TP.SNV", "RECORDS_CLERK", "NONE");
        snvLeader = province.official("giam.doc.snv", "Đặng Quốc Khánh", "TP.SNV", "LEADER", "NONE");
        outsider = province.official("chuyenvien.xa", "Bùi Văn Tâm", "TP.001.UBND", "SPECIALIST", "NONE");
    }

    @AfterAll
    static void stop() {
        backbone.close();
    }

    public static Map<String, Object> incoming(String subject, String classification) {
        Map<String, Object> body = new HashMap<>();
        body.put("number", SENDER_NUMBERS.incrementAndGet() + "/QĐ-TTg");
        body.put("issuer", "Thủ tướng Chính phủ");
        body.put("issuedOn", TODAY.minusDays(3).toString());
        body.put("type", "QUYET_DINH");
        body.put("subject", subject);
        body.put("urgency", "URGENT");
        body.put("classification", classification);
        body.put("dueOn", TODAY.plusDays(14).toString());
        body.put("pageCount", 4);
        return body;
    }

    public static String register(Official by, Map<String, Object> body) {
        Api.Response created = by.api().post("/api/v1/documents/incoming", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> by.api().get("/api/v1/documents/" + id).status() == 200);
        return id;
    }

    static List<String> inboxIds(Official official, String tab) {
        List<String> ids = new ArrayList<>();
        official.api().get("/api/v1/inbox?tab=" + tab).body().forEach(e -> ids.add(e.get("document").get("id").asText()));
        return ids;
    }

    @Test
    void registerAssignForwardAndCompleteAnIncomingDocument() {
        Map<String, Object> body = incoming("Phê duyệt Chương trình chuyển đổi số cấp xã giai đoạn 2026-2030", "NONE");
        Api.Response created = clerk.api().post("/api/v1/documents/incoming", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(created.body().get("registerYear").asInt()).isEqualTo(TODAY.getYear());
        assertThat(created.body().get("registerNumber").asLong()).isPositive();

        // The incoming register is one sequence, whatever the type: a report registered next comes after it
        Map<String, Object> report = incoming("Báo cáo tình hình thực hiện nhiệm vụ chuyển đổi số", "NONE");
        report.put("type", "BAO_CAO");
        String reportId = register(clerk, report);
        List<Long> numbers = StreamSupport.stream(clerk.api().get("/api/v1/registers/" + province.unitId("TP.UBND") + "/"
                        + TODAY.getYear() + "/incoming").body().spliterator(), false)
                .map(entry -> entry.get("registerNumber").asLong()).toList();
        assertThat(numbers).as("the printed register lists the numbers in order").isSorted();
        assertThat(reportId).isNotEqualTo(id);

        Api.Response duplicate = clerk.api().post("/api/v1/documents/incoming", body);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("code").asText()).isEqualTo("incoming.already-registered");
        assertThat(duplicate.body().get("detail").asText()).contains("đã được vào sổ");

        // the API reads its writes: the registration answered once the read model shows the document
        Api.Response registered = leader.api().get("/api/v1/documents/" + id);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(registered.body().at("/document/status").asText()).isEqualTo("REGISTERED");
        Api.Response assigned = leader.api().post("/api/v1/documents/" + id + "/assignment", Map.of(
                "instruction", "Giao Văn phòng chủ trì tham mưu, báo cáo trước hạn.",
                "lead", Map.of("kind", "UNIT", "id", specialist.unitId()),
                "forInformation", List.of(Map.of("kind", "OFFICIAL", "id", confidentialLeader.id())),
                "deadline", TODAY.plusDays(3).toString()));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(204);
        assertThat(leader.api().get("/api/v1/documents/" + id).body().at("/document/status").asText()).isEqualTo("ASSIGNED");
        assertThat(specialist.api().post("/api/v1/documents/" + id + "/assignment", Map.of(
                "lead", Map.of("kind", "UNIT", "id", specialist.unitId()))).status()).isEqualTo(403);

        await().atMost(Duration.ofSeconds(30)).until(() -> inboxIds(specialist, "TODO").contains(id));
        assertThat(inboxIds(colleague, "TODO")).contains(id);
        assertThat(inboxIds(confidentialLeader, "TODO")).contains(id);
        assertThat(inboxIds(outsider, "TODO")).doesNotContain(id);
        // three days left: not yet due soon; two days later it is, and still to do
        assertThat(inboxIds(specialist, "DUE_SOON")).doesNotContain(id);
        MovableClock clock = backbone.bean(MovableClock.class);
        clock.advance(Duration.ofDays(2));
        try {
            assertThat(inboxIds(specialist, "DUE_SOON")).contains(id);
            assertThat(inboxIds(specialist, "TODO")).contains(id);
            assertThat(inboxIds(specialist, "OVERDUE")).doesNotContain(id);
        } finally {
            clock.reset();
        }

        assertThat(specialist.api().post("/api/v1/documents/" + id + "/progress",
                Map.of("note", "Đã xin ý kiến các phòng")).status()).isEqualTo(204);
        assertThat(outsider.api().post("/api/v1/documents/" + id + "/progress", Map.of("note", "Tự ý")).status())
                .isEqualTo(404);
        Api.Response forwarded = specialist.api().post("/api/v1/documents/" + id + "/forwarding",
                Map.of("toOfficialId", colleague.id(), "note", "Chị Bình soạn văn bản trả lời"));
        assertThat(forwarded.status()).as(forwarded.toString()).isEqualTo(204);
        assertThat(specialist.api().post("/api/v1/documents/" + id + "/forwarding",
                Map.of("toOfficialId", outsider.id())).status()).isIn(403, 409);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                colleague.api().post("/api/v1/documents/" + id + "/completion",
                        Map.of("result", "Đã tham mưu Kế hoạch triển khai")).status() == 204);
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxIds(colleague, "DONE").contains(id));

        JsonNode page = leader.api().get("/api/v1/documents/" + id).body();
        assertThat(page.get("document").get("status").asText()).isEqualTo("COMPLETED");
        assertThat(page.get("document").get("number").asText()).isEqualTo(body.get("number"));
        List<String> steps = new ArrayList<>();
        page.get("history").forEach(s -> steps.add(s.get("type").asText()));
        assertThat(steps).containsExactly("IncomingDocumentRegistered", "IncomingDocumentAssigned", "ProgressRecorded",
                "AssignmentForwarded", "ProcessingCompleted");
        assertThat(page.get("history").get(0).get("actingName").asText()).isEqualTo("Nguyễn Thị Thu");
        assertThat(page.get("history").get(4).get("actingName").asText()).isEqualTo("Hoàng Thị Bình");

        assertThat(outsider.api().get("/api/v1/documents/" + id).status()).as("another agency's document").isEqualTo(404);
        assertThat(ids(outsider.api().get("/api/v1/documents").body())).doesNotContain(id);
    }

    @Test
    void onlyRecordsClerksRegisterAndBadInputIsRefusedClearly() {
        assertThat(specialist.api().post("/api/v1/documents/incoming", incoming("Trái quyền", "NONE")).status())
                .isEqualTo(403);
        Map<String, Object> bad = incoming("Số sai", "NONE");
        bad.put("number", "không có số");
        Api.Response badNumber = clerk.api().post("/api/v1/documents/incoming", bad);
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.body().get("errors").has("number")).isTrue();
        Map<String, Object> future = incoming("Ngày tương lai", "NONE");
        future.put("issuedOn", TODAY.plusDays(2).toString());
        assertThat(clerk.api().post("/api/v1/documents/incoming", future).status()).isEqualTo(400);
        Map<String, Object> badType = incoming("Loại sai", "NONE");
        badType.put("type", "THU_TAY");
        assertThat(clerk.api().post("/api/v1/documents/incoming", badType).status()).isEqualTo(400);
        Map<String, Object> missing = incoming(" ", "NONE");
        missing.remove("issuer");
        Api.Response missingFields = clerk.api().post("/api/v1/documents/incoming", missing);
        assertThat(missingFields.status()).isEqualTo(400);
        assertThat(missingFields.body().get("errors").has("issuer")).isTrue();
        assertThat(missingFields.body().get("errors").has("subject")).isTrue();
    }

    @Test
    void aMisaddressedDocumentGoesBackAndMayBeRegisteredAgainLater() {
        Map<String, Object> body = incoming("Gửi nhầm: đề nghị hỗ trợ kinh phí", "NONE");
        String id = register(clerk, body);
        assertThat(clerk.api().post("/api/v1/documents/" + id + "/return", Map.of("reason", "Gửi nhầm cơ quan")).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                clerk.api().get("/api/v1/documents/" + id).body().get("document").get("status").asText()
                        .equals("RETURNED_TO_SENDER"));
        assertThat(clerk.api().post("/api/v1/documents/incoming", body).status()).isEqualTo(201);
    }

    @Test
    void numbersAreContinuousAndNeverDuplicatedUnderConcurrentRegistration() throws Exception {
        Official otherClerk = province.official("vanthu.xa2", "Lý Thị Nga", "TP.002.UBND", "RECORDS_CLERK", "NONE");
        Official secondClerk = province.official("vanthu.xa2b", "Mai Văn Phúc", "TP.002.UBND", "RECORDS_CLERK", "NONE");
        int count = 24;
        Map<String, String> registeredBy = new java.util.concurrent.ConcurrentHashMap<>();
        List<Long> numbers = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Integer> statuses = vn.egov.backbone.core.testing.Concurrently.run(count, i -> {
            Official by = i % 2 == 0 ? otherClerk : secondClerk;
            Api.Response r = by.api().post("/api/v1/documents/incoming", incoming("Văn bản số " + i, "NONE"));
            if (r.status() == 201) {
                numbers.add(r.body().get("registerNumber").asLong());
                registeredBy.put(r.body().get("id").asText(), i % 2 == 0 ? "Lý Thị Nga" : "Mai Văn Phúc");
            }
            return r.status();
        });
        assertThat(statuses).containsOnly(201);
        assertThat(numbers).doesNotHaveDuplicates().hasSize(count);
        assertThat(numbers.stream().mapToLong(Long::longValue).min().orElseThrow()).isEqualTo(1);
        assertThat(numbers.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(count);
        // Registrations stored together still record each clerk as the one who registered.
        registeredBy.forEach((id, clerkName) -> {
            await().atMost(Duration.ofSeconds(30)).until(() -> otherClerk.api().get("/api/v1/documents/" + id).status() == 200);
            assertThat(otherClerk.api().get("/api/v1/documents/" + id).body().get("history").get(0).get("actingName")
                    .asText()).isEqualTo(clerkName);
        });
    }

    @Test
    void draftApproveIssueAndDispatchToAnotherAgencyThenRecall() {
        Api.Response draft = specialist.api().post("/api/v1/documents/outgoing", Map.of(
                "type", "CONG_VAN", "subject", "Về việc cử cán bộ dự tập huấn chuyển đổi số",
                "body", "Ủy ban nhân dân tỉnh đề nghị Sở Nội vụ cử 02 cán bộ tham dự.",
                "internalRecipients", List.of(province.unitId("TP.SNV")),
                "externalRecipients", List.of("Bộ Nội vụ")));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        String id = draft.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> specialist.api().get("/api/v1/documents/" + id).status() == 200);

        assertThat(specialist.api().put("/api/v1/documents/" + id + "/draft", Map.of("type", "CONG_VAN",
                "subject", "Về việc cử cán bộ dự tập huấn chuyển đổi số năm 2026",
                "internalRecipients", List.of(province.unitId("TP.SNV")))).status()).isEqualTo(204);
        assertThat(specialist.api().post("/api/v1/documents/" + id + "/submission",
                Map.of("approverId", colleague.id())).status()).as("a specialist cannot approve").isEqualTo(409);
        assertThat(specialist.api().post("/api/v1/documents/" + id + "/submission",
                Map.of("approverId", leader.id())).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxIds(leader, "TODO").contains(id));
        assertThat(clerk.api().post("/api/v1/documents/" + id + "/issue", Map.of()).status())
                .as("not approved yet").isEqualTo(409);
        assertThat(leader.api().post("/api/v1/documents/" + id + "/approval", Map.of("comment", "Đồng ý")).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                clerk.api().get("/api/v1/documents/" + id).body().get("document").get("status").asText().equals("APPROVED"));

        Api.Response issued = clerk.api().post("/api/v1/documents/" + id + "/issue", Map.of());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        String notation = issued.body().get("notation").asText();
        assertThat(notation).matches("\\d+/UBND");
        String delivered = issued.body().get("deliveries").get(0).get("incomingDocumentId").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> snvClerk.api().get("/api/v1/documents/" + delivered).status() == 200);
        JsonNode received = snvClerk.api().get("/api/v1/documents/" + delivered).body().get("document");
        assertThat(received.get("direction").asText()).isEqualTo("INCOMING");
        assertThat(received.get("number").asText()).isEqualTo(notation);
        assertThat(received.get("issuer").asText()).isEqualTo("Ủy ban nhân dân tỉnh Thử Nghiệm");
        assertThat(received.get("subject").asText()).isEqualTo("Về việc cử cán bộ dự tập huấn chuyển đổi số năm 2026");
        assertThat(received.get("registerNumber").asLong()).isPositive();
        assertThat(received.get("sourceDocumentId").asText()).isEqualTo(id);

        JsonNode outgoingPage = clerk.api().get("/api/v1/documents/" + id).body();
        assertThat(outgoingPage.get("document").get("signerName").asText()).isEqualTo("Lê Văn Hùng");
        List<Integer> versions = new ArrayList<>();
        outgoingPage.get("history").forEach(s -> {
            if (s.get("type").asText().startsWith("Draft") && s.get("details").has("content")) {
                versions.add(s.get("details").get("version").asInt());
            }
        });
        assertThat(versions).as("every draft version kept").containsExactly(1, 2);

        assertThat(clerk.api().post("/api/v1/documents/" + id + "/recall", Map.of("reason", "Sai thành phần")).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> snvClerk.api().get("/api/v1/documents/" + delivered).body()
                .get("document").get("status").asText().equals("WITHDRAWN"));
        await().atMost(Duration.ofSeconds(30)).until(() -> clerk.api().get("/api/v1/documents/" + id).body()
                .get("deliveries").get(0).get("status").asText().equals("WITHDRAWN"));
        assertThat(clerk.api().post("/api/v1/documents/" + id + "/recall", Map.of("reason", "Lần nữa")).status())
                .isEqualTo(409);
    }

    @Test
    void aQuyetDinhGetsTheTypeInItsNotationAndItsOwnSequence() {
        String id = approvedDraft("QUYET_DINH", "Quyết định thành lập Tổ công tác", "NONE", specialist);
        Api.Response issued = clerk.api().post("/api/v1/documents/" + id + "/issue", Map.of());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        assertThat(issued.body().get("notation").asText()).isEqualTo(issued.body().get("registerNumber").asLong() + "/QĐ-UBND");
    }

    @Test
    void classifiedDocumentsAreSeenOnlyWithTheClearanceAndARoleOnThem() {
        assertThat(clerk.api().post("/api/v1/documents/incoming", incoming("Mật: không đủ thẩm quyền", "SECRET")).status())
                .as("a clerk without clearance cannot register it").isEqualTo(403);
        String secret = register(secretClerk, incoming("Tối mật: phương án bảo vệ", "SECRET"));
        String confidential = register(secretClerk, incoming("Mật: kế hoạch kiểm tra", "CONFIDENTIAL"));

        await().atMost(Duration.ofSeconds(30)).until(() -> leader.api().get("/api/v1/documents/" + secret).status() == 200);
        assertThat(confidentialLeader.api().get("/api/v1/documents/" + secret).status()).isEqualTo(404);
        assertThat(confidentialLeader.api().get("/api/v1/documents/" + confidential).status()).isEqualTo(200);
        assertThat(clerk.api().get("/api/v1/documents/" + secret).status()).isEqualTo(404);
        assertThat(specialist.api().get("/api/v1/documents/" + secret).status()).isEqualTo(404);
        assertThat(ids(specialist.api().get("/api/v1/documents?limit=500").body())).doesNotContain(secret, confidential);
        assertThat(ids(clerk.api().get("/api/v1/registers/" + province.unitId("TP.UBND") + "/" + TODAY.getYear()
                + "/incoming").body())).doesNotContain(secret, confidential);

        // Assigned to the department: its specialist, without clearance, still sees nothing of it.
        assertThat(leader.api().post("/api/v1/documents/" + secret + "/assignment", Map.of(
                "lead", Map.of("kind", "UNIT", "id", specialist.unitId()))).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> leader.api().get("/api/v1/documents/" + secret).body()
                .get("document").get("status").asText().equals("ASSIGNED"));
        assertThat(inboxIds(specialist, "TODO")).doesNotContain(secret);
        assertThat(specialist.api().get("/api/v1/documents/" + secret).status()).isEqualTo(404);

        // A classified outgoing document is issued in its own register and never leaves by edXML.
        Api.Response draft = confidentialLeader.api().post("/api/v1/documents/outgoing", Map.of("type", "CONG_VAN",
                "subject", "Mật: phương án diễn tập", "classification", "CONFIDENTIAL"));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        String outgoing = draft.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                confidentialLeader.api().post("/api/v1/documents/" + outgoing + "/submission",
                        Map.of("approverId", leader.id())).status() == 204);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                leader.api().post("/api/v1/documents/" + outgoing + "/approval", Map.of()).status() == 204);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                secretClerk.api().post("/api/v1/documents/" + outgoing + "/issue", Map.of()).status() == 200);
        assertThat(clerk.api().get("/api/v1/documents/" + outgoing).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(30)).until(() -> secretClerk.api().get("/api/v1/documents/" + outgoing).body()
                .get("document").get("status").asText().equals("ISSUED"));
        assertThat(secretClerk.api().get("/api/v1/documents/" + outgoing + "/edxml?to=TP.SNV").status()).isEqualTo(409);
    }

    @Test
    void attachmentsAreStoredByContentAndCheckedByType() throws IOException {
        String id = register(clerk, incoming("Có tệp đính kèm", "NONE"));
        byte[] pdf = pdf();
        Api.Response uploaded = upload(clerk, id, "quyết-định.pdf", pdf);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.body().get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(uploaded.body().get("sha256").asText()).hasSize(64);
        String attachmentId = uploaded.body().get("attachmentId").asText();
        assertThat(dataDir.resolve("attachments").resolve(uploaded.body().get("sha256").asText().substring(0, 2))
                .resolve(uploaded.body().get("sha256").asText())).exists();

        await().atMost(Duration.ofSeconds(30)).until(() ->
                clerk.api().get("/api/v1/documents/" + id).body().get("attachments").size() == 1);
        HttpResponse<byte[]> download = clerk.api().getBytes("/api/v1/documents/" + id + "/attachments/" + attachmentId);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);

        Api.Response fake = upload(clerk, id, "hợp-đồng.pdf", "MZ\u0090\u0000 this is a windows program".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(fake.status()).isEqualTo(400);
        assertThat(fake.body().get("code").asText()).isEqualTo("attachment.type");
        assertThat(fake.body().get("detail").asText()).contains("không được chấp nhận");
        Api.Response tooBig = upload(clerk, id, "lớn.pdf", new byte[2 * 1024 * 1024]);
        assertThat(tooBig.status()).isIn(400, 413);
        assertThat(upload(outsider, id, "x.pdf", pdf).status()).isEqualTo(404);
        assertThat(clerk.api().get("/api/v1/documents/" + id).body().get("attachments").size()).isEqualTo(1);
    }

    @Test
    void aScannedLetterIsReadInTheBackgroundAndTheDocumentPageSaysHowFarItIs() {
        String id = register(clerk, incoming("Công văn nhận bằng bản quét", "NONE"));
        byte[] scan = ScanPages.png(ScanPages.page("Đề nghị Ủy ban nhân dân xã báo cáo tình hình giải phóng mặt bằng.",
                ScanPages.font("DejaVu Serif", 50f), -1.0, 0.002, 3));
        Api.Response uploaded = upload(clerk, id, "ban-quet.png", scan);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.body().get("contentType").asText()).isEqualTo("image/png");
        // the page says it is waiting or reading, then that it has been read; never an English word or a key
        String page = clerk.api().get("/documents/" + id).raw().body();
        assertThat(page).containsAnyOf("Bản quét: đang chờ nhận dạng chữ (OCR).", "Bản quét: đang nhận dạng chữ, trang 1/1.",
                "Bản quét: đã nhận dạng chữ");
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(clerk.api().get("/documents/" + id).raw().body())
                .contains("Bản quét: đã nhận dạng chữ, nội dung tìm kiếm được."));
        JsonNode attachment = clerk.api().get("/api/v1/documents/" + id).body().get("attachments").get(0);
        assertThat(attachment.at("/scan/state").asText()).isEqualTo("DONE");
        assertThat(clerk.api().get("/documents/" + id + "?lang=en").raw().body()).contains("Scan: text recognised");
    }

    @Test
    void aWorkFileIsFilledClosedReadOnlyAndTransferredToTheArchive() {
        Map<String, Object> withText = incoming("Hồ sơ: kế hoạch số hóa 2026", "NONE");
        String text = "Giao phòng Văn hóa xã Pù Nhi rà soát 1.204 hồ sơ đất đai chưa số hóa";
        withText.put("body", text);
        String first = register(clerk, withText);
        JdbcClient jdbc = JdbcClient.create(backbone.bean(DataSource.class));
        assertThat(new String(jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = :id"
                + " AND sequence_number = 0").param("id", first).query(byte[].class).single(), StandardCharsets.UTF_8))
                .as("the text is sealed in the event store").contains("\"sealed\":\"v1:").doesNotContain("Pù Nhi");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(DatabaseDump.everything(jdbc)).as("the read model shows it").contains(text));
        // its annex, and the same file attached to a document of another agency, which is not destroyed
        byte[] annex = pdfWithText("Phu luc: danh sach ho dan ban Pu Nhi can di doi nam 2026");
        assertThat(upload(clerk, first, "phu-luc.pdf", annex).status()).isEqualTo(201);
        String keptElsewhere = register(snvClerk, incoming("Văn bản của Sở Nội vụ có cùng phụ lục", "NONE"));
        assertThat(upload(snvClerk, keptElsewhere, "phu-luc.pdf", annex).status()).isEqualTo(201);
        byte[] ownAnnex = pdfWithText("Bang ke rieng cua ho so so hoa Pu Nhi, khong dau khac co");
        assertThat(upload(clerk, first, "bang-ke.pdf", ownAnnex).status()).isEqualTo(201);
        JsonNode annexes = clerk.api().get("/api/v1/documents/" + first).body().get("attachments");
        Path shared = storedFile(annexes, "phu-luc.pdf");
        Path own = storedFile(annexes, "bang-ke.pdf");
        assertThat(own).exists();
        assertThat(Path.of(own + ".txt")).as("its extracted text").exists();
        String second = register(clerk, incoming("Hồ sơ: báo cáo số hóa quý IV", "NONE"));
        Api.Response opened = specialist.api().post("/api/v1/work-files", Map.of("code", "03.12",
                "title", "Hồ sơ triển khai số hóa hồ sơ thủ tục hành chính năm " + TODAY.getYear(), "retentionYears", 10));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String file = opened.body().get("id").asText();
        assertThat(specialist.api().post("/api/v1/work-files", Map.of("code", "03.12", "title", "Trùng")).status())
                .as("one symbol per agency and year").isEqualTo(409);
        await().atMost(Duration.ofSeconds(30)).until(() -> specialist.api().get("/api/v1/work-files/" + file).status() == 200);
        for (String document : List.of(first, second)) {
            assertThat(specialist.api().post("/api/v1/work-files/" + file + "/documents", Map.of("documentId", document))
                    .status()).isEqualTo(204);
        }
        String otherAgency = register(snvClerk, incoming("Văn bản của Sở Nội vụ", "NONE"));
        assertThat(snvClerk.api().post("/api/v1/work-files/" + file + "/documents", Map.of("documentId", otherAgency))
                .status()).as("not their agency's file").isEqualTo(404);
        assertThat(clerk.api().post("/api/v1/work-files/" + file + "/archive-transfer", Map.of()).status())
                .as("an open file does not go to the archive").isEqualTo(409);
        assertThat(colleague.api().post("/api/v1/work-files/" + file + "/closure", Map.of()).status())
                .as("only the keeper or a leader closes it").isEqualTo(403);
        assertThat(specialist.api().post("/api/v1/work-files/" + file + "/closure", Map.of()).status()).isEqualTo(204);
        assertThat(specialist.api().post("/api/v1/work-files/" + file + "/documents", Map.of("documentId",
                register(clerk, incoming("Đến sau khi đóng hồ sơ", "NONE")))).status()).as("closed is read-only").isEqualTo(409);
        assertThat(specialist.api().delete("/api/v1/work-files/" + file + "/documents/" + first).status()).isEqualTo(409);
        assertThat(clerk.api().post("/api/v1/work-files/" + file + "/archive-transfer", Map.of()).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode got = specialist.api().get("/api/v1/work-files/" + file).body();
            assertThat(got.get("file").get("status").asText()).isEqualTo("ARCHIVED");
            assertThat(got.get("file").get("document_count").asInt()).isEqualTo(2);
            assertThat(got.get("file").get("keep_until").asText()).isEqualTo(TODAY.plusYears(10).toString());
            assertThat(ids(got.get("documents"))).containsExactlyInAnyOrder(first, second);
        });

        // destroyed with its documents once the ten years are over, by the leader's decision
        String decision = "Quyết định số 15/QĐ-UBND về việc hủy tài liệu hết giá trị";
        assertThat(leader.api().post("/api/v1/work-files/" + file + "/destruction", Map.of("decision", decision)).status())
                .as("kept for ten years").isEqualTo(409);
        MovableClock clock = backbone.bean(MovableClock.class);
        clock.advance(Duration.ofDays(10 * 366 + 1));
        try {
            assertThat(clerk.api().post("/api/v1/work-files/" + file + "/destruction", Map.of("decision", decision)).status())
                    .as("the head of the agency decides").isEqualTo(403);
            assertThat(leader.api().post("/api/v1/work-files/" + file + "/destruction", Map.of()).status()).isEqualTo(400);
            assertThat(leader.api().post("/api/v1/work-files/" + file + "/destruction", Map.of("decision", decision)).status())
                    .isEqualTo(204);
        } finally {
            clock.reset();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode got = specialist.api().get("/api/v1/work-files/" + file).body();
            assertThat(got.get("file").get("status").asText()).isEqualTo("DESTROYED");
            assertThat(got.get("file").get("destruction_decision").asText()).isEqualTo(decision);
            JsonNode document = clerk.api().get("/api/v1/documents/" + first).body().get("document");
            assertThat(document.get("status").asText()).isEqualTo("DESTROYED");
            assertThat(document.get("subject").asText()).isEqualTo("Hồ sơ: kế hoạch số hóa 2026"); // the register entry stays
            assertThat(document.path("body").isMissingNode() || document.get("body").isNull()).isTrue();
        });
        // Its own file and that file's text are deleted; the file another agency's document holds stays.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(own).doesNotExist());
        assertThat(Path.of(own + ".txt")).doesNotExist();
        assertThat(shared).exists();
        String keptAttachment = snvClerk.api().get("/api/v1/documents/" + keptElsewhere).body()
                .at("/attachments/0/attachmentId").asText();
        assertThat(snvClerk.api().getBytes("/api/v1/documents/" + keptElsewhere + "/attachments/" + keptAttachment)
                .statusCode()).as("the other agency still downloads it").isEqualTo(200);
        // Destroyed after its retention, the text is nowhere: its key is gone, the events read "[đã xóa]".
        assertThat(DatabaseDump.everything(jdbc)).doesNotContain("Pù Nhi");
        JsonNode registered = backbone.admin().get("/api/v1/audit/" + first).body().get(0);
        assertThat(registered.at("/payload/details/body").asText()).isEqualTo("[đã xóa]");
        assertThat(registered.at("/payload/details/subject").asText()).isEqualTo("Hồ sơ: kế hoạch số hóa 2026");
    }

    @Test
    void theLeaderSignsThenTheAgencyAndBothSignaturesVerify() throws Exception {
        signingKeys(dataDir, "pho.chu.tich");
        Api.Response draft = specialist.api().post("/api/v1/documents/outgoing", Map.of("type", "QUYET_DINH",
                "subject", "Quyết định phê duyệt kế hoạch ký số"));
        String id = draft.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> specialist.api().get("/api/v1/documents/" + id).status() == 200);
        String original = upload(specialist, id, "quyết-định.pdf", pdf()).body().get("attachmentId").asText();
        assertThat(specialist.api().post("/api/v1/documents/" + id + "/submission", Map.of("approverId", leader.id())).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                leader.api().post("/api/v1/documents/" + id + "/approval", Map.of()).status() == 204);
        await().atMost(Duration.ofSeconds(30)).until(() -> leader.api().get("/api/v1/documents/" + id).body()
                .get("document").get("status").asText().equals("APPROVED"));
        String signatures = "/api/v1/documents/" + id + "/attachments/";

        assertThat(clerk.api().post(signatures + original + "/signatures", Map.of("kind", "AGENCY",
                "password", "mã-pin-cơ-quan")).status()).as("the agency signs after the signer").isEqualTo(409);
        assertThat(leader.api().post(signatures + original + "/signatures", Map.of("kind", "SIGNER",
                "password", "sai-mã-pin")).status()).isEqualTo(400);
        assertThat(confidentialLeader.api().post(signatures + original + "/signatures", Map.of("kind", "SIGNER",
                "password", "mã-pin-ký")).status()).as("only the approving leader").isEqualTo(403);
        Api.Response signed = leader.api().post(signatures + original + "/signatures", Map.of("kind", "SIGNER",
                "password", "mã-pin-ký"));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        String signerSigned = signed.body().get("attachmentId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                clerk.api().get("/api/v1/documents/" + id).body().get("attachments").size() == 2);
        Api.Response sealed = clerk.api().post(signatures + signerSigned + "/signatures", Map.of("kind", "AGENCY",
                "password", "mã-pin-cơ-quan"));
        assertThat(sealed.status()).as(sealed.toString()).isEqualTo(201);
        String agencySigned = sealed.body().get("attachmentId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                clerk.api().get("/api/v1/documents/" + id).body().get("attachments").size() == 3);

        JsonNode report = clerk.api().get(signatures + agencySigned + "/signatures").body();
        assertThat(report).hasSize(2);
        assertThat(report.get(0).get("subject").asText()).contains("CN=Lê Văn Hùng");
        assertThat(report.get(0).get("subFilter").asText()).isEqualTo("ETSI.CAdES.detached");
        assertThat(report.get(0).get("intact").asBoolean()).isTrue();
        assertThat(report.get(0).get("coversWholeDocument").asBoolean()).as("a later signature follows").isFalse();
        assertThat(report.get(0).get("trusted").asBoolean()).as(report.get(0).toString()).isTrue();
        assertThat(report.get(0).get("trustedBy").asText()).contains("CA chuyên dùng Chính phủ thử nghiệm");
        assertThat(report.get(0).get("problem").asText()).contains("revocation not checked");
        assertThat(report.get(1).get("subject").asText()).contains("CN=Ủy ban nhân dân tỉnh Thử Nghiệm");
        assertThat(report.get(1).get("intact").asBoolean()).isTrue();
        assertThat(report.get(1).get("coversWholeDocument").asBoolean()).isTrue();
        assertThat(report.get(1).get("trusted").asBoolean()).as("self-signed").isFalse();
        assertThat(report.get(1).get("problem").asText()).contains("does not chain to a trusted certification authority");
        assertThat(clerk.api().get("/documents/" + id).raw().body()).as("the document page links the check")
                .contains("/documents/" + id + "/attachments/" + agencySigned + "/signatures");
        String page = clerk.api().get("/documents/" + id + "/attachments/" + agencySigned + "/signatures").raw().body();
        assertThat(page).as("the page says it in Vietnamese").contains("CN=Lê Văn Hùng")
                .contains("Có — CN=CA chuyên dùng Chính phủ thử nghiệm")
                .contains("Chứng thư số không do tổ chức chứng thực tin cậy cấp.");

        byte[] sealedPdf = clerk.api().getBytes(signatures + agencySigned).body();
        try (var document = org.apache.pdfbox.Loader.loadPDF(sealedPdf)) {
            var widget = document.getPage(0).getAnnotations().get(0);
            var fonts = widget.getNormalAppearanceStream().getResources().getFontNames();
            assertThat(fonts).isNotEmpty();
            String fontName = widget.getNormalAppearanceStream().getResources().getFont(fonts.iterator().next()).getName();
            assertThat(fontName).as("a Unicode font embedded for Vietnamese names").contains("DejaVuSans");
            java.nio.file.Files.createDirectories(Path.of("target", "screenshots"));
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 96),
                    "png", Path.of("target", "screenshots", "signed-pdf.png").toFile());
        }

        // A received copy whose bytes were changed after signing: the signature no longer verifies.
        byte[] tampered = sealedPdf.clone();
        String text = new String(tampered, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("/MediaBox");
        tampered[at + 1] = (byte) 'X';
        String received = register(clerk, incoming("Văn bản nhận có chữ ký số", "NONE"));
        String copy = upload(clerk, received, "bản-nhận.pdf", tampered).body().get("attachmentId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                clerk.api().get("/api/v1/documents/" + received).body().get("attachments").size() == 1);
        JsonNode check = clerk.api().get("/api/v1/documents/" + received + "/attachments/" + copy + "/signatures").body();
        assertThat(check).isNotEmpty();
        assertThat(check.get(0).get("intact").asBoolean()).isFalse();
    }

    static String approvedDraft(String type, String subject, String classification, Official drafter) {
        Api.Response draft = drafter.api().post("/api/v1/documents/outgoing", Map.of("type", type, "subject", subject,
                "classification", classification));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        String id = draft.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> drafter.api().get("/api/v1/documents/" + id).status() == 200);
        assertThat(drafter.api().post("/api/v1/documents/" + id + "/submission", Map.of("approverId", leader.id())).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                leader.api().post("/api/v1/documents/" + id + "/approval", Map.of()).status() == 204);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                clerk.api().get("/api/v1/documents/" + id).body().get("document").get("status").asText().equals("APPROVED"));
        return id;
    }

    /**
     * The province's signing keys as an operator places them: the leader's ({@code <username>.p12},
     * PIN "mã-pin-ký") issued by a CA in the trust directory, the province committee's seal
     * ({@code agency-TP.UBND.p12}, PIN "mã-pin-cơ-quan") self-signed.
     */
    public static void signingKeys(Path dir, String leaderUsername) throws Exception {
        TestCertificates.Authority ca = TestCertificates.authority("CA chuyên dùng Chính phủ thử nghiệm");
        TestCertificates.writePem(dir.resolve("trust/ca-chinh-phu.pem"), ca);
        TestCertificates.writePkcs12(dir.resolve("keys/" + leaderUsername + ".p12"),
                TestCertificates.issue(ca, "Lê Văn Hùng", "UBND tỉnh Thử Nghiệm"), "mã-pin-ký");
        TestCertificates.writePkcs12(dir.resolve("keys/agency-TP.UBND.p12"), "Ủy ban nhân dân tỉnh Thử Nghiệm",
                "UBND tỉnh Thử Nghiệm", "mã-pin-cơ-quan");
    }

    /** A PDF with its own text layer (no OCR needed), in a standard font: ASCII only. */
    static byte[] pdfWithText(String text) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 700);
                content.showText(text);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the attachment of that name is stored, as the attachment store lays files out. */
    static Path storedFile(JsonNode attachments, String fileName) {
        String sha256 = StreamSupport.stream(attachments.spliterator(), false)
                .filter(a -> a.get("fileName").asText().equals(fileName)).findFirst().orElseThrow().get("sha256").asText();
        return dataDir.resolve("attachments").resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    public static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    public static Api.Response upload(Official official, String documentId, String fileName, byte[] content) {
        return upload(official.api(), "/api/v1/documents/" + documentId + "/attachments", fileName, content);
    }

    /** A PDF posted as the browser's file field would post it. */
    public static Api.Response upload(Api api, String path, String fileName, byte[] content) {
        String boundary = "----backbone" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.raw("POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    static List<String> ids(JsonNode documents) {
        return StreamSupport.stream(documents.spliterator(), false).map(d -> d.get("id").asText()).toList();
    }
}
