package vn.egov.backbone.eoffice.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.core.testing.RunningNode;
import vn.egov.backbone.eoffice.testing.EOfficeNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * edXML exchange between two agencies, as the national axis would carry it: the province's
 * committee exports an issued decision, a commune imports it, status packages travel back, a recall
 * withdraws the commune's copy; and hostile or broken packages register nothing.
 */
public class EdXmlExchangeApiTest {
    @TempDir
    static Path dataDir;
    static RunningNode backbone;
    static Official provinceClerk;
    static Official leader;
    static Official drafter;
    static Official communeClerk;
    static Province province;

    @BeforeAll
    static void start() {
        backbone = RunningNode.start(EOfficeNode.class, Map.of("backbone.exchange.max-package-size", "2MB"), dataDir);
        province = new Province(backbone);
        provinceClerk = province.official("vanthu.tinh", "Nguyễn Thị Thu", "TP.UBND", "RECORDS_CLERK", "NONE");
        leader = province.official("chu.tich", "Lê Văn Hùng", "TP.UBND", "LEADER", "NONE");
        drafter = province.official("chuyenvien", "Phạm Văn An", "TP.UBND.VP", "SPECIALIST", "NONE");
        communeClerk = province.official("vanthu.xa", "Trần Thị Hoa", "TP.002.UBND", "RECORDS_CLERK", "NONE");
    }

    @AfterAll
    static void stop() {
        backbone.close();
    }

    static Api.Response importPackage(Official clerk, byte[] xml) {
        return clerk.api().raw("POST", "/api/v1/exchange/edxml", "application/xml", xml);
    }

    static JsonNode messages(Official official, String documentId) {
        return official.api().get("/api/v1/exchange/messages?documentId=" + documentId).body();
    }

    static byte[] statusPackage(Official official, String documentId, String code) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode m : messages(official, documentId)) {
                if (m.get("direction").asText().equals("OUT") && m.get("kind").asText().equals("STATUS")
                        && code.equals(m.get("statusCode").asText())) {
                    found[0] = m;
                    return true;
                }
            }
            return false;
        });
        HttpResponse<byte[]> content = official.api().getBytes("/api/v1/exchange/messages/" + found[0].get("id").asText()
                + "/content");
        assertThat(content.statusCode()).isEqualTo(200);
        return content.body();
    }

    static List<String> externalStatuses(Official official, String documentId) {
        List<String> codes = new ArrayList<>();
        official.api().get("/api/v1/documents/" + documentId).body().get("history").forEach(step -> {
            if (step.get("type").asText().equals("ExternalStatusReceived")) {
                codes.add(step.get("details").get("statusCode").asText());
            }
        });
        return codes;
    }

    @Test
    void exportImportStatusesAndRecallBetweenTwoAgencies() throws IOException {
        Api.Response draft = drafter.api().post("/api/v1/documents/outgoing", Map.of("type", "QUYET_DINH",
                "subject", "Quyết định giao chỉ tiêu số hóa hồ sơ năm 2027 cho các xã",
                "body", "Điều 1. Giao chỉ tiêu số hóa hồ sơ thủ tục hành chính năm 2027.",
                "urgency", "URGENT", "dueOn", LocalDate.now().plusDays(30).toString()));
        String id = draft.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> drafter.api().get("/api/v1/documents/" + id).status() == 200);
        byte[] pdf = vn.egov.backbone.eoffice.document.EOfficeApiTest.pdf();
        Api.Response attached = vn.egov.backbone.eoffice.document.EOfficeApiTest.upload(drafter, id, "quyết-định-giao-chỉ-tiêu.pdf", pdf);
        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        String sha = attached.body().get("sha256").asText();
        assertThat(drafter.api().post("/api/v1/documents/" + id + "/submission", Map.of("approverId", leader.id())).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                leader.api().post("/api/v1/documents/" + id + "/approval", Map.of()).status() == 204);
        await().atMost(Duration.ofSeconds(30)).until(() -> provinceClerk.api().get("/api/v1/documents/" + id).body()
                .get("document").get("status").asText().equals("APPROVED"));
        Api.Response issued = provinceClerk.api().post("/api/v1/documents/" + id + "/issue", Map.of());
        String notation = issued.body().get("notation").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> provinceClerk.api().get("/api/v1/documents/" + id).body()
                .get("document").get("status").asText().equals("ISSUED"));

        HttpResponse<byte[]> exported = provinceClerk.api().getBytes("/api/v1/documents/" + id + "/edxml?to=TP.002.UBND");
        assertThat(exported.statusCode()).isEqualTo(200);
        String xml = new String(exported.body(), StandardCharsets.UTF_8);
        assertThat(xml).contains("http://www.mic.gov.vn/TBT/QCVN_102_2016").contains("<edXML:CodeNotation>QĐ-UBND")
                .contains("Quyết định giao chỉ tiêu");

        Api.Response imported = importPackage(communeClerk, exported.body());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String received = imported.body().get("documentId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> communeClerk.api().get("/api/v1/documents/" + received).status() == 200);
        JsonNode page = communeClerk.api().get("/api/v1/documents/" + received).body();
        JsonNode sent = provinceClerk.api().get("/api/v1/documents/" + id).body().get("document");
        JsonNode got = page.get("document");
        assertThat(got.get("number").asText()).isEqualTo(notation);
        assertThat(got.get("issuer").asText()).isEqualTo("Ủy ban nhân dân tỉnh Thử Nghiệm");
        for (String field : List.of("issuedOn", "type", "subject", "body", "urgency", "dueOn")) {
            assertThat(got.get(field)).as(field).isEqualTo(sent.get(field));
        }
        assertThat(got.get("channel").asText()).isEqualTo("EDXML");
        assertThat(page.get("attachments")).singleElement().satisfies(a -> {
            assertThat(a.get("sha256").asText()).isEqualTo(sha);
            assertThat(a.get("fileName").asText()).isEqualTo("quyết-định-giao-chỉ-tiêu.pdf");
        });

        // The commune answers "arrived" (01) and "accepted" (03) the same day; the province records them on its document.
        assertThat(importPackage(provinceClerk, statusPackage(communeClerk, received, "01")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> externalStatuses(provinceClerk, id).contains("01"));
        Api.Response accepted = importPackage(provinceClerk, statusPackage(communeClerk, received, "03"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> externalStatuses(provinceClerk, id).contains("03"));
        // and at once "awaiting assignment" (04): registered, it waits for the commune leader
        assertThat(importPackage(provinceClerk, statusPackage(communeClerk, received, "04")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> externalStatuses(provinceClerk, id).contains("04"));

        // Importing the same package again is refused as a duplicate, and logged as refused.
        Api.Response again = importPackage(communeClerk, exported.body());
        assertThat(again.status()).isEqualTo(409);

        // The province recalls: status 13 goes out, the commune withdraws its copy and agrees (15).
        assertThat(provinceClerk.api().post("/api/v1/documents/" + id + "/recall", Map.of("reason", "Sai chỉ tiêu")).status())
                .isEqualTo(204);
        Api.Response recall = importPackage(communeClerk, statusPackage(provinceClerk, id, "13"));
        assertThat(recall.status()).as(recall.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> communeClerk.api().get("/api/v1/documents/" + received).body()
                .get("document").get("status").asText().equals("WITHDRAWN"));
        assertThat(importPackage(provinceClerk, statusPackage(communeClerk, received, "15")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> externalStatuses(provinceClerk, id).contains("15"));

        // Every package that crossed, both ways, is in the log with its SHA-256.
        JsonNode log = messages(provinceClerk, id);
        assertThat(log.size()).isGreaterThanOrEqualTo(4);
        log.forEach(entry -> assertThat(entry.get("sha256").asText()).hasSize(64));
    }

    @Test
    void brokenHostileOversizedAndMisaddressedPackagesRegisterNothing() throws IOException {
        int before = communeClerk.api().get("/api/v1/documents?limit=500").body().size();
        String ns = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><edXML xmlns=\""
                + ns + "\"><Subject>&x;</Subject></edXML>";
        Api.Response refusedXxe = importPackage(communeClerk, xxe.getBytes(StandardCharsets.UTF_8));
        assertThat(refusedXxe.status()).isEqualTo(400);
        assertThat(refusedXxe.body().get("detail").asText()).contains("DOCTYPE");
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;\">]><edXML xmlns=\"" + ns + "\">&c;</edXML>";
        assertThat(importPackage(communeClerk, laughs.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(importPackage(communeClerk, "<edXML xmlns=\"".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(importPackage(communeClerk, new byte[3 * 1024 * 1024]).status()).isEqualTo(413);
        assertThat(importPackage(communeClerk, documentPackage("TP.999", bomb())).status()).as("misaddressed").isEqualTo(400);
        Api.Response refusedBomb = importPackage(communeClerk, documentPackage("TP.002.UBND", bomb()));
        assertThat(refusedBomb.status()).isEqualTo(400);
        assertThat(refusedBomb.body().get("detail").asText()).contains("bomb");
        assertThat(provinceClerk.api().raw("POST", "/api/v1/exchange/edxml", "application/xml",
                documentPackage("TP.002.UBND", null)).status()).as("not the commune's clerk").isIn(400, 403);

        assertThat(communeClerk.api().get("/api/v1/documents?limit=500").body().size()).isEqualTo(before);
        JdbcClient jdbc = JdbcClient.create(backbone.bean(javax.sql.DataSource.class));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_message WHERE outcome = 'REFUSED'").query(Long.class).single())
                .isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incoming_document_key").query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM document_view WHERE direction = 'INCOMING'").query(Long.class).single());
    }

    @Test
    void aPackageWithOddButReadableValuesIsRegisteredAsTheSenderWroteItWithWarnings() {
        // as another system really sent one: a due date before the issue date, a type we do not know,
        // mixed prefixes, a page count no document has
        String ns = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
        byte[] odd = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><edXML:edXML xmlns:edXML=\"" + ns + "\">"
                + "<edXML:edXMLEnvelope><edXML:edXMLHeader><MessageHeader xmlns=\"" + ns + "\">"
                + "<From><OrganId>000.00.00.H41</OrganId><OrganName>Sở Tư pháp tỉnh Nghệ An</OrganName></From>"
                + "<To><OrganId>TP.002.UBND</OrganId></To><DocumentId>000.00.00.H41,2026/11/20,77/STP-HCTP</DocumentId>"
                + "<Code><CodeNumber>77</CodeNumber><CodeNotation>STP-HCTP</CodeNotation></Code>"
                + "<PromulgationInfo><Place>Nghệ An</Place><PromulgationDate>2026/11/20</PromulgationDate></PromulgationInfo>"
                + "<DocumentType><Type>99</Type><TypeName>Phiếu xin ý kiến</TypeName></DocumentType>"
                + "<Subject>Phiếu xin ý kiến về hồ sơ lý lịch tư pháp</Subject>"
                + "<SignerInfo><Competence>KT. GIÁM ĐỐC</Competence><Position>Phó Giám đốc</Position>"
                + "<FullName>Nguyễn Văn Bình</FullName></SignerInfo><DueDate>2026/11/18</DueDate>"
                + "<OtherInfo><Priority>0</Priority><PageAmount>-3</PageAmount>"
                + "<Appendixes><Appendix>Phụ lục: danh sách hồ sơ đề nghị</Appendix></Appendixes></OtherInfo>"
                + "<SteeringType>1</SteeringType><ToPlaces><Place>UBND các xã, phường</Place><Place>Lưu: VT</Place></ToPlaces>"
                + "</MessageHeader></edXML:edXMLHeader></edXML:edXMLEnvelope></edXML:edXML>").getBytes(StandardCharsets.UTF_8);
        Api.Response imported = importPackage(communeClerk, odd);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String id = imported.body().get("documentId").asText();

        JsonNode document = communeClerk.api().get("/api/v1/documents/" + id).body();
        assertThat(document.at("/document/dueOn").asText()).as("the sender's due date, kept: " + document).isEqualTo("2026-11-18");
        assertThat(document.at("/document/type").asText()).isEqualTo("CONG_VAN");
        assertThat(document.at("/document/pageCount").isNull()).isTrue();
        assertThat(document.get("history").findValuesAsText("type")).contains("ReceivedWithWarnings");
        String page = communeClerk.api().get("/documents/" + id).raw().body();
        assertThat(page).contains("Văn bản nhận qua trục có điểm bất thường", "Hạn trả lời trước ngày ban hành.",
                "Loại văn bản không xác định, ghi nhận là công văn.", "Số trang không hợp lệ, không ghi nhận.")
                .doesNotContain("warning.");
        // everything else the package says about the document is kept and shown
        assertThat(page).contains("Theo gói tin của nơi gửi", "KT. GIÁM ĐỐC, Phó Giám đốc, Nguyễn Văn Bình", "Nghệ An",
                "UBND các xã, phường; Lưu: VT", "Phụ lục: danh sách hồ sơ đề nghị");
    }

    @Test
    void theExchangeLogListsAnAgencysPackagesRefusedOnesWithTheirReasonInVietnamese() {
        // refused: a type-less package whose DocumentId cannot be answered is fine; a package without a subject is not
        String ns = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
        byte[] noSubject = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><edXML xmlns=\"" + ns + "\"><edXMLEnvelope>"
                + "<edXMLHeader><MessageHeader><From><OrganId>000.00.00.H41</OrganId><OrganName>Sở Tư pháp</OrganName></From>"
                + "<To><OrganId>TP.002.UBND</OrganId></To><DocumentId>000.00.00.H41,2026/11/21,78/STP-HCTP</DocumentId>"
                + "<Code><CodeNumber>78</CodeNumber><CodeNotation>STP-HCTP</CodeNotation></Code>"
                + "<PromulgationInfo><PromulgationDate>2026/11/21</PromulgationDate></PromulgationInfo>"
                + "</MessageHeader></edXMLHeader></edXMLEnvelope></edXML>").getBytes(StandardCharsets.UTF_8);
        assertThat(importPackage(communeClerk, noSubject).status()).isEqualTo(400);

        JsonNode refused = communeClerk.api().get("/api/v1/exchange/messages?outcome=REFUSED&counterpart=h41").body();
        assertThat(refused.isArray()).as(refused.toString()).isTrue();
        JsonNode entry = StreamSupport.stream(refused.spliterator(), false)
                .filter(e -> "000.00.00.H41,2026/11/21,78/STP-HCTP".equals(e.path("edxmlDocumentId").asText()))
                .findFirst().orElseThrow(() -> new AssertionError(refused.toString()));
        assertThat(entry.get("counterpart").asText()).isEqualTo("000.00.00.H41");
        assertThat(entry.get("detail").asText()).startsWith("Gói tin edXML không hợp lệ").contains("Subject");
        assertThat(entry.get("documentId").isNull()).isTrue();
        // the clerk of the agency that refused it may download it; another agency's clerk neither sees nor reads it
        assertThat(communeClerk.api().getBytes("/api/v1/exchange/messages/" + entry.get("id").asText() + "/content")
                .statusCode()).isEqualTo(200);
        JsonNode provinces = provinceClerk.api().get("/api/v1/exchange/messages?outcome=REFUSED").body();
        assertThat(provinces.findValuesAsText("id")).doesNotContain(entry.get("id").asText());
        assertThat(provinceClerk.api().getBytes("/api/v1/exchange/messages/" + entry.get("id").asText() + "/content")
                .statusCode()).isEqualTo(403);
        // a specialist reads no agency's log
        Api.Response specialist = drafter.api().get("/api/v1/exchange/messages");
        assertThat(specialist.status()).isEqualTo(403);
        assertThat(specialist.body().get("code").asText()).isEqualTo("exchange.log-readers-only");
        assertThat(communeClerk.api().get("/api/v1/exchange/messages?from=2026-12-02&to=2026-12-01").status()).isEqualTo(400);

        String page = communeClerk.api().get("/exchange?outcome=REFUSED&counterpart=000.00.00.H41").raw().body();
        assertThat(page).contains("Sổ liên thông văn bản (edXML)", "Bị từ chối", "000.00.00.H41,2026/11/21,78/STP-HCTP",
                "Gói tin edXML không hợp lệ");
        assertThat(communeClerk.api().get("/documents").raw().body()).as("the menu leads there")
                .contains("href=\"/exchange\"");
    }

    @Test
    void packagesAreRoutedByTheAgencysElectronicIdentifier() {
        String commune = province.unitId("TP.002.UBND");
        assertThat(backbone.admin().put("/api/v1/units/" + commune + "/exchange-identifier",
                Map.of("identifier", "000.02.31.H99")).status()).isEqualTo(204);
        byte[] addressed = new String(senderPackage("000.00.00.H41,2026/11/28,95/STP-HCTP", 0, null, null, List.of(),
                "Công văn gửi theo mã định danh"), StandardCharsets.UTF_8)
                .replace("<edXML:OrganId>TP.002.UBND</edXML:OrganId>", "<edXML:OrganId>000.02.31.H99</edXML:OrganId>")
                .getBytes(StandardCharsets.UTF_8);
        Api.Response received = importPackage(communeClerk, addressed);
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        // an identifier that is not the commune's is still refused
        byte[] elsewhere = new String(addressed, StandardCharsets.UTF_8).replace("000.02.31.H99", "000.02.31.H98")
                .replace("95/STP-HCTP", "96/STP-HCTP").getBytes(StandardCharsets.UTF_8);
        assertThat(importPackage(communeClerk, elsewhere).status()).isEqualTo(400);
    }

    @Test
    void revocationAndReplacementPackagesActOnTheDocumentsTheyName() {
        String first = "000.00.00.H41,2026/11/24,80/STP-HCTP";
        Api.Response received = importPackage(communeClerk, senderPackage(first, 0, null, null, List.of(),
                "Công văn về lịch tiếp công dân tháng 12"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String firstId = received.body().get("documentId").asText();

        // revocation (BussinessDocType 1): the document it names is withdrawn, with the sender's reason
        Api.Response revoked = importPackage(communeClerk, senderPackage("000.00.00.H41,2026/11/25,81/STP-HCTP", 1, first,
                "Thu hồi do gửi nhầm nơi nhận", List.of(), "Thu hồi công văn số 80/STP-HCTP"));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.body().get("kind").asText()).isEqualTo("REVOCATION");
        assertThat(revoked.body().get("documentId").asText()).isEqualTo(firstId);
        JsonNode withdrawn = communeClerk.api().get("/api/v1/documents/" + firstId).body();
        assertThat(withdrawn.at("/document/status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("history").findValuesAsText("reason")).contains("Thu hồi do gửi nhầm nơi nhận");
        // and the sender is answered that the recall is accepted (15), as for a recall status (13)
        await().atMost(Duration.ofSeconds(30)).until(() -> messages(communeClerk, firstId).findValuesAsText("statusCode")
                .contains("15"));
        // naming a document never received is refused, and logged
        assertThat(importPackage(communeClerk, senderPackage("000.00.00.H41,2026/11/25,82/STP-HCTP", 1,
                "000.00.00.H41,2020/01/01,1/STP", null, List.of(), "Thu hồi")).status()).isEqualTo(404);

        // replacement (BussinessDocType 3): the new document is registered, the one it replaces says so
        String second = "000.00.00.H41,2026/11/24,83/STP-HCTP";
        String secondId = importPackage(communeClerk, senderPackage(second, 0, null, null, List.of(),
                "Kế hoạch kiểm tra công tác hộ tịch")).body().get("documentId").asText();
        Api.Response replacing = importPackage(communeClerk, senderPackage("000.00.00.H41,2026/11/26,84/STP-HCTP", 3, null,
                "Thay thế do sai thời gian kiểm tra", List.of(second, "000.00.00.H41,2020/01/01,2/STP"),
                "Kế hoạch kiểm tra công tác hộ tịch (thay thế)"));
        assertThat(replacing.status()).as(replacing.toString()).isEqualTo(201);
        String replacementId = replacing.body().get("documentId").asText();
        JsonNode old = communeClerk.api().get("/api/v1/documents/" + secondId).body();
        JsonNode step = StreamSupport.stream(old.get("history").spliterator(), false)
                .filter(h -> h.get("type").asText().equals("IncomingDocumentReplacedBySender")).findFirst().orElseThrow();
        assertThat(step.at("/details/replacementDocumentId").asText()).isEqualTo(replacementId);
        String oldPage = communeClerk.api().get("/documents/" + secondId).raw().body();
        assertThat(oldPage).contains("Nơi gửi đã thay thế văn bản này bằng văn bản khác", "/documents/" + replacementId);
        String newPage = communeClerk.api().get("/documents/" + replacementId).raw().body();
        assertThat(newPage).as("one of the replaced documents was never received")
                .contains("Văn bản này thay thế một văn bản mà cơ quan chưa nhận qua trục.");
    }

    /**
     * An update package (BussinessDocType 2) updates the document its Bussiness/DocumentId names: the sender's new
     * details, the register number kept, a step in its history, the sender answered 15; one that updates only the
     * receivers (BussinessDocumentInfo as VNPT's SDK writes it) leaves the details; naming a document never received
     * is refused. Before: every update package was refused ("not applied yet").
     */
    @Test
    void anUpdatePackageUpdatesTheDocumentItNames() {
        String original = "000.00.00.H41,2026/11/27,85/STP-HCTP";
        Api.Response received = importPackage(communeClerk, senderPackage(original, 0, null, null, List.of(),
                "Công văn về lịch tiếp công dân tháng 1"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String id = received.body().get("documentId").asText();
        long number = received.body().get("registerNumber").asLong();

        Api.Response updated = importPackage(communeClerk, senderPackage("000.00.00.H41,2026/11/28,85/STP-HCTP", 2, original,
                "Sửa ngày tiếp công dân", List.of(), "Công văn về lịch tiếp công dân tháng 1 (sửa đổi ngày tiếp)"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.body().get("kind").asText()).isEqualTo("UPDATE");
        assertThat(updated.body().get("documentId").asText()).isEqualTo(id);
        JsonNode document = communeClerk.api().get("/api/v1/documents/" + id).body();
        assertThat(document.at("/document/subject").asText()).isEqualTo("Công văn về lịch tiếp công dân tháng 1 (sửa đổi ngày tiếp)");
        assertThat(document.at("/document/number").asText()).isEqualTo("85/STP-HCTP");
        assertThat(document.at("/document/registerNumber").asLong()).as("the register entry keeps its number").isEqualTo(number);
        assertThat(document.get("history").findValuesAsText("type")).contains("IncomingDocumentUpdatedBySender");
        assertThat(document.get("history").findValuesAsText("reason")).contains("Sửa ngày tiếp công dân");
        await().atMost(Duration.ofSeconds(30)).until(() -> messages(communeClerk, id).findValuesAsText("statusCode").contains("15"));

        byte[] receiversOnly = new String(senderPackage("000.00.00.H41,2026/11/29,85/STP-HCTP", 2, original, null, List.of(),
                "Tiêu đề không áp dụng"), StandardCharsets.UTF_8).replace("<edXML:Paper>0</edXML:Paper>",
                "<edXML:BussinessDocumentInfo><edXML:DocumentInfo>0</edXML:DocumentInfo><edXML:DocumentReceiver>1"
                        + "</edXML:DocumentReceiver></edXML:BussinessDocumentInfo><edXML:Paper>0</edXML:Paper>")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(importPackage(communeClerk, receiversOnly).status()).isEqualTo(200);
        JsonNode after = communeClerk.api().get("/api/v1/documents/" + id).body();
        assertThat(after.at("/document/subject").asText()).isEqualTo("Công văn về lịch tiếp công dân tháng 1 (sửa đổi ngày tiếp)");
        assertThat(after.get("history").findValuesAsText("reason")).contains("Cập nhật danh sách nơi nhận");

        assertThat(importPackage(communeClerk, senderPackage("000.00.00.H41,2026/11/29,86/STP-HCTP", 2,
                "000.00.00.H41,2020/01/01,9/STP", null, List.of(), "Cập nhật")).status()).isEqualTo(404);
    }

    /** A document package from Sở Tư pháp Nghệ An to the commune, of a kind (BussinessDocType). */
    public static byte[] senderPackage(String documentId, int businessType, String businessDocumentId, String reason,
                                List<String> replaced, String subject) {
        String ns = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
        String[] parts = documentId.split(",", 3);
        String[] code = parts[2].split("/", 2);
        StringBuilder replacements = new StringBuilder();
        if (!replaced.isEmpty()) {
            replacements.append("<edXML:ReplacementInfoList>");
            replaced.forEach(id -> replacements.append("<edXML:ReplacementInfo><edXML:DocumentId>").append(id)
                    .append("</edXML:DocumentId><edXML:OrganIdList><edXML:OrganId>TP.002.UBND</edXML:OrganId>"
                            + "</edXML:OrganIdList></edXML:ReplacementInfo>"));
            replacements.append("</edXML:ReplacementInfoList>");
        }
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><edXML:edXML xmlns:edXML=\"" + ns + "\"><edXML:edXMLEnvelope>"
                + "<edXML:edXMLHeader><edXML:MessageHeader><edXML:From><edXML:OrganId>000.00.00.H41</edXML:OrganId>"
                + "<edXML:OrganName>Sở Tư pháp tỉnh Nghệ An</edXML:OrganName></edXML:From>"
                + "<edXML:To><edXML:OrganId>TP.002.UBND</edXML:OrganId></edXML:To>"
                + "<edXML:DocumentId>" + documentId + "</edXML:DocumentId>"
                + "<edXML:Code><edXML:CodeNumber>" + code[0] + "</edXML:CodeNumber><edXML:CodeNotation>" + code[1]
                + "</edXML:CodeNotation></edXML:Code><edXML:PromulgationInfo><edXML:Place>Nghệ An</edXML:Place>"
                + "<edXML:PromulgationDate>" + parts[1] + "</edXML:PromulgationDate></edXML:PromulgationInfo>"
                + "<edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>"
                + "<edXML:Subject>" + subject + "</edXML:Subject></edXML:MessageHeader>"
                + "<edXML:TraceHeaderList><edXML:TraceHeader><edXML:OrganId>000.00.00.H41</edXML:OrganId>"
                + "<edXML:Timestamp>2026/11/26 08:00:00</edXML:Timestamp></edXML:TraceHeader><edXML:Bussiness>"
                + "<edXML:DocumentId>" + (businessDocumentId == null ? documentId : businessDocumentId) + "</edXML:DocumentId>"
                + "<edXML:BussinessDocType>" + businessType + "</edXML:BussinessDocType>"
                + (reason == null ? "" : "<edXML:BussinessDocReason>" + reason + "</edXML:BussinessDocReason>")
                + "<edXML:Paper>0</edXML:Paper>" + replacements + "</edXML:Bussiness></edXML:TraceHeaderList>"
                + "</edXML:edXMLHeader></edXML:edXMLEnvelope></edXML:edXML>").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("tài-liệu.pdf"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    static byte[] documentPackage(String to, byte[] attachment) {
        String ns = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
        String attachments = attachment == null ? "" : "<AttachmentEncoded><Attachment><ContentId>cid:1</ContentId>"
                + "<AttachmentName>tài-liệu.pdf</AttachmentName><ContentType>application/zip</ContentType>"
                + "<edXML:ContentTransferEncoded xmlns:edXML=\"" + ns + "\">" + Base64.getEncoder().encodeToString(attachment)
                + "</edXML:ContentTransferEncoded></Attachment></AttachmentEncoded>";
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><edXML xmlns=\"" + ns + "\"><edXMLEnvelope><edXMLHeader>"
                + "<MessageHeader><From><OrganId>000.00.00.G22</OrganId><OrganName>Văn phòng Chính phủ</OrganName></From>"
                + "<To><OrganId>" + to + "</OrganId></To><DocumentId>000.00.00.G22,2026/11/02,999/VPCP-KSTT</DocumentId>"
                + "<Code><CodeNumber>999</CodeNumber><CodeNotation>VPCP-KSTT</CodeNotation></Code>"
                + "<PromulgationInfo><Place>Hà Nội</Place><PromulgationDate>2026/11/02</PromulgationDate></PromulgationInfo>"
                + "<DocumentType><Type>1</Type><TypeName>Công văn</TypeName></DocumentType>"
                + "<Subject>V/v đẩy mạnh số hóa hồ sơ</Subject></MessageHeader></edXMLHeader></edXMLEnvelope>"
                + attachments + "</edXML>").getBytes(StandardCharsets.UTF_8);
    }
}
