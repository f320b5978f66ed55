package vn.egov.backbone.eoffice.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.core.testing.RunningNode;
import vn.egov.backbone.eoffice.exchange.DocumentAxisServer.Fault;
import vn.egov.backbone.eoffice.testing.EOfficeNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The connector to the national document axis against an axis in the test that behaves as the SDK's operations do
 * and fails as asked: a package in the inbox delivered twice, one that cannot be fetched at first, an
 * acknowledgement that fails, an unreadable package, one for a unit this system does not have; sends answered 500,
 * answered after the work with the answer lost, too slow; the axis down for a while. Nothing is lost and nothing is
 * registered or sent twice.
 */
class DocumentAxisTest {
    private static final String VPCP_DOCUMENT = "000.00.00.G22,2026/11/02,999/VPCP-KSTT";

    @TempDir
    static Path dataDir;
    static DocumentAxisServer axis;
    static RunningNode backbone;
    static Official communeClerk, provinceClerk;

    @BeforeAll
    static void start() {
        axis = new DocumentAxisServer();
        Map<String, Object> settings = new HashMap<>();
        settings.put("backbone.document-axis.url", axis.url());
        settings.put("backbone.document-axis.system-id", DocumentAxisServer.SYSTEM_ID);
        settings.put("backbone.document-axis.secret", DocumentAxisServer.SECRET);
        settings.put("backbone.document-axis.send-every", "200ms");
        settings.put("backbone.document-axis.receive-every", "200ms");
        settings.put("backbone.document-axis.first-retry-after", "200ms");
        settings.put("backbone.document-axis.max-retry-pause", "1s");
        settings.put("backbone.document-axis.timeout", "2s");
        settings.put("backbone.document-axis.backlog-alarm-after", "0s");
        backbone = RunningNode.start(EOfficeNode.class, settings, dataDir);
        Province province = new Province(backbone);
        communeClerk = province.official("vanthu.truc", "Trần Thị Hoa", "TP.002.UBND", "RECORDS_CLERK", "NONE");
        provinceClerk = province.official("vanthu.tinh.truc", "Nguyễn Thị Thu", "TP.UBND", "RECORDS_CLERK", "NONE");
    }

    @AfterAll
    static void stop() {
        if (backbone != null) {
            backbone.close();
        }
        if (axis != null) {
            axis.close();
        }
    }

    @Test
    void packagesFromTheAxisAreReceivedOnceAndTheAnswersReachItOnceThoughTheAxisFails() {
        axis.failNext("getEdoc", Fault.HTTP_500);
        axis.failNext("updateStatus", Fault.HTTP_500);
        axis.failNext("sendEdoc", Fault.HTTP_500, Fault.ANSWER_LOST, Fault.TOO_SLOW);
        axis.deliver("AXIS-1", "000.00.00.G22", "edoc", EdXmlExchangeApiTest.documentPackage("TP.002.UBND", null), 2);
        axis.deliver("AXIS-2", "000.00.00.G22", "edoc", "<edXML>không phải gói tin".getBytes(StandardCharsets.UTF_8), 1);
        axis.deliver("AXIS-3", "000.00.00.G22", "edoc", EdXmlExchangeApiTest.documentPackage("000.00.00.X99", null), 1);
        // one package for two of this system's agencies: each registers its own copy
        axis.deliver("AXIS-4", "000.00.00.G22", "edoc", new String(EdXmlExchangeApiTest.documentPackage("TP.002.UBND", null),
                StandardCharsets.UTF_8).replace("<To><OrganId>TP.002.UBND</OrganId></To>",
                        "<To><OrganId>TP.002.UBND</OrganId></To><To><OrganId>TP.UBND</OrganId></To>")
                .replace("999/VPCP-KSTT", "1000/VPCP-KSTT").replace("<CodeNumber>999<", "<CodeNumber>1000<")
                .getBytes(StandardCharsets.UTF_8), 1);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(axis.acknowledged())
                .containsEntry("AXIS-1", "done").containsEntry("AXIS-2", "fail").containsEntry("AXIS-3", "fail")
                .containsEntry("AXIS-4", "done"));
        for (Official clerk : List.of(communeClerk, provinceClerk)) {
            assertThat(entries(clerk, "IN")).as(clerk.toString())
                    .filteredOn(entry -> entry.path("edxmlDocumentId").asText().equals("000.00.00.G22,2026/11/02,1000/VPCP-KSTT")
                            && entry.path("outcome").asText().equals("ACCEPTED")).hasSize(1);
        }
        // the first delivery was acknowledged after a failed attempt, and the axis delivered it once more
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(received()).hasSize(1));

        // the commune answers as NĐ 30 asks (arrived, registered); the answers reach the axis once each
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(axis.sent()).filteredOn(sent -> sent.messageType().equals("status")).hasSizeGreaterThanOrEqualTo(1);
            assertThat(outgoing()).isNotEmpty().allSatisfy(entry -> assertThat(entry.path("axisState").asText()).isEqualTo("SENT"));
        });
        assertThat(axis.sent()).extracting(DocumentAxisServer.Sent::from)
                .containsOnly(organId("TP.002.UBND"), organId("TP.UBND"));
        assertThat(axis.sent()).as("one message per package, whatever the retries").hasSize(outgoing().size());
        assertThat(axis.sent().stream().mapToInt(sent -> sent.attempts().get()).sum())
                .as("the first answer lost, so that package was sent twice under one id").isGreaterThan(axis.sent().size());
        assertThat(received()).hasSize(1);
        Health health = backbone.bean("documentAxis", HealthIndicator.class).health();
        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.getDetails().get("waiting")).isEqualTo(0L);
    }

    @Test
    void anAxisDownKeepsThePackagesWaitingAndHealthShowsItUntilItIsBack() {
        axis.down(true);
        axis.deliver("AXIS-10", "000.00.00.G22", "edoc", EdXmlExchangeApiTest.senderPackage(
                "000.00.00.H41,2026/11/20,77/STP-VP", 0, null, null, List.of(), "V/v góp ý dự thảo quy chế"), 1);
        // nothing comes in while the axis is down; a package produced here waits
        JsonNode imported = communeClerk.api().raw("POST", "/api/v1/exchange/edxml", "application/xml",
                EdXmlExchangeApiTest.senderPackage("000.00.00.H41,2026/11/21,78/STP-VP", 0, null, null, List.of(),
                        "V/v báo cáo tình hình thi hành pháp luật")).body();
        assertThat(imported.path("documentId").asText()).isNotBlank();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Health health = backbone.bean("documentAxis", HealthIndicator.class).health();
            assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
            assertThat((Long) health.getDetails().get("waiting")).isPositive();
            assertThat((String) health.getDetails().get("lastSendError")).contains("503");
        });

        axis.down(false);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(axis.acknowledged()).containsEntry("AXIS-10", "done");
            Health health = backbone.bean("documentAxis", HealthIndicator.class).health();
            assertThat(health.getStatus().getCode()).isEqualTo("UP");
            assertThat(health.getDetails().get("waiting")).isEqualTo(0L);
        });
    }

    /**
     * An answer of many megabytes (a wrong URL, a broken proxy) is refused once it passes the client's bound, as a
     * failure of that run; before, each answer was read whole into memory, whatever its size.
     */
    @Test
    void anAnswerLargerThanTheClientReadsIsAFailureOfThatRunOnly() {
        axis.failNext("getReceivedEdocList", Fault.HUGE_ANSWER);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                (String) backbone.bean("documentAxis", HealthIndicator.class).health().getDetails().get("lastReceiveError"))
                .contains("getReceivedEdocList").contains("larger than"));
        axis.deliver("AXIS-20", "000.00.00.G22", "edoc", EdXmlExchangeApiTest.senderPackage(
                "000.00.00.H41,2026/11/22,79/STP-VP", 0, null, null, List.of(), "V/v rà soát thủ tục hành chính"), 1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(axis.acknowledged()).containsEntry("AXIS-20", "done");
            assertThat(backbone.bean("documentAxis", HealthIndicator.class).health().getDetails())
                    .doesNotContainKey("lastReceiveError");
        });
    }

    /**
     * An answer that stops halfway (a link gone silent without closing: a VPN or NAT dropping the connection) is given
     * up after the configured timeout, as a failure of that run.
     */
    @Test
    void anAnswerThatStopsHalfwayIsGivenUpAfterTheTimeout() {
        axis.failNext("getReceivedEdocList", Fault.STALLED_ANSWER);
        await().atMost(Duration.ofMillis(DocumentAxisServer.STALL_MILLIS / 2)).untilAsserted(() -> assertThat(
                (String) backbone.bean("documentAxis", HealthIndicator.class).health().getDetails().get("lastReceiveError"))
                .contains("getReceivedEdocList").contains("no bytes of the answer for 2000 ms"));
        axis.deliver("AXIS-30", "000.00.00.G22", "edoc", EdXmlExchangeApiTest.senderPackage(
                "000.00.00.H41,2026/11/23,80/STP-VP", 0, null, null, List.of(), "V/v kiểm tra công tác văn thư"), 1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(axis.acknowledged()).containsEntry("AXIS-30", "done"));
    }

    private static List<JsonNode> received() {
        return entries("IN").stream().filter(entry -> VPCP_DOCUMENT.equals(entry.path("edxmlDocumentId").asText())
                && entry.path("outcome").asText().equals("ACCEPTED")).toList();
    }

    /** What the two agencies produced: their answers to what they received. */
    private static List<JsonNode> outgoing() {
        List<JsonNode> both = new java.util.ArrayList<>(entries(communeClerk, "OUT"));
        both.addAll(entries(provinceClerk, "OUT"));
        return both;
    }

    private static List<JsonNode> entries(String direction) {
        return entries(communeClerk, direction);
    }

    private static List<JsonNode> entries(Official clerk, String direction) {
        JsonNode list = clerk.api().get("/api/v1/exchange/messages?direction=" + direction).body();
        return StreamSupport.stream(list.spliterator(), false).toList();
    }

    private static String organId(String unitCode) {
        return backbone.bean(vn.egov.backbone.core.unit.UnitQueries.class)
                .find(new Province(backbone).unitId(unitCode)).orElseThrow().organId();
    }
}
