package vn.egov.backbone.distribution.kafka;

import vn.egov.backbone.eoffice.document.EOfficeApiTest;
import vn.egov.backbone.onestop.dossier.DossiersApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.core.testing.RunningNode;
import vn.egov.backbone.distribution.testing.DistributionNode;
import vn.egov.backbone.distribution.testing.TcpProxy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Publishing to a real Kafka broker in the test JVM (KRaft): every event on its context's topic in
 * the documented envelope, keyed and ordered per aggregate, classified documents as identifiers only;
 * and with the broker down during a burst of commands, every event arrives once it is back.
 */
class KafkaPublishingTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static EmbeddedKafkaKraftBroker broker;
    /** Backbone reaches the broker through this line, which the test cuts to take Kafka away. */
    static TcpProxy line;
    static RunningNode backbone;
    static Province province;
    static Official clerk;
    static Official leader;

    @BeforeAll
    static void start() throws IOException {
        int brokerPort = TcpProxy.freePort();
        int proxyPort = TcpProxy.freePort();
        // The broker listens on its own port and tells clients to come through the line.
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("listeners", "EXTERNAL://localhost:" + brokerPort + ",CONTROLLER://localhost:0");
        broker.brokerProperty("advertised.listeners", "EXTERNAL://localhost:" + proxyPort);
        broker.afterPropertiesSet();
        line = new TcpProxy(proxyPort, brokerPort);
        line.start();
        // health's details for system administrators, as the assembled application sets them (ops's config/application.yml)
        // the broker's silence is taken as a failure after 10 s, not the default 20 s, so that the outage test can wait
        // for it: an acknowledgement from a broker on this machine takes milliseconds, seconds when it is very busy
        backbone = RunningNode.start(DistributionNode.class, Map.of("backbone.kafka.bootstrap-servers", "localhost:" + proxyPort,
                "backbone.kafka.acknowledgement-timeout", "10s",
                "management.endpoint.health.show-details", "when-authorized",
                "management.endpoint.health.roles", "SYSTEM_ADMINISTRATOR"), dataDir);
        province = new Province(backbone);
        clerk = province.official("vanthu.kafka", "Nguyễn Thị Thu", "TP.UBND", "RECORDS_CLERK", "SECRET");
        leader = province.official("lanhdao.kafka", "Lê Văn Hùng", "TP.UBND", "LEADER", "SECRET");
    }

    @AfterAll
    static void stop() {
        if (backbone != null) {
            backbone.close();
        }
        if (line != null) {
            line.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void everyEventIsPublishedInItsEnvelopeInOrderPerAggregateAndClassifiedContentStaysOut() {
        String open = EOfficeApiTest.register(clerk, EOfficeApiTest.incoming("Về việc triển khai Đề án 06 trên địa bàn tỉnh", "NONE"));
        String secret = EOfficeApiTest.register(clerk, EOfficeApiTest.incoming("Phương án bảo vệ mục tiêu trọng điểm Hòn Ngư", "SECRET"));
        for (Map.Entry<String, String> instruction : Map.of(open, "Giao Văn phòng chủ trì, báo cáo trước hạn",
                secret, "Bảo vệ mục tiêu Hòn Ngư theo phương án").entrySet()) {
            var assigned = leader.api().post("/api/v1/documents/" + instruction.getKey() + "/assignment", Map.of(
                    "instruction", instruction.getValue(), "lead", Map.of("kind", "OFFICIAL", "id", leader.id())));
            assertThat(assigned.status()).as(assigned.toString()).isEqualTo(204);
        }

        List<JsonNode> documents = new ArrayList<>();
        List<JsonNode> units = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            documents.addAll(read("backbone.documents"));
            units.addAll(read("backbone.units-officials"));
            assertThat(ofAggregate(documents, open)).hasSizeGreaterThanOrEqualTo(2);
            assertThat(ofAggregate(documents, secret)).hasSizeGreaterThanOrEqualTo(2);
            assertThat(units).anySatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("OfficialRegistered"));
        });
        // The envelope's version is the payload's revision: OfficialRegistered is at 2 (its job title renamed).
        assertThat(units).filteredOn(e -> e.get("type").asText().equals("OfficialRegistered"))
                .allSatisfy(e -> {
                    assertThat(e.get("version").asText()).isEqualTo("2");
                    assertThat(e.get("payload").has("jobTitle")).isTrue();
                });

        JsonNode registered = ofAggregate(documents, open).get(0);
        assertThat(registered.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(registered.get("type").asText()).isEqualTo("IncomingDocumentRegistered");
        assertThat(registered.get("context").asText()).isEqualTo("documents");
        assertThat(registered.get("aggregateType").asText()).isEqualTo("IncomingDocument");
        assertThat(registered.get("sequence").asLong()).isZero();
        assertThat(registered.get("eventId").asText()).isNotBlank();
        assertThat(registered.get("time").asText()).isNotBlank();
        assertThat(registered.get("actingOfficial").asText()).isEqualTo(clerk.id());
        assertThat(registered.get("actingUnit").asText()).isEqualTo(clerk.unitId());
        assertThat(registered.get("correlationId").asText()).isNotBlank();
        assertThat(registered.get("redacted").asBoolean()).isFalse();
        assertThat(registered.at("/payload/details/subject").asText()).isEqualTo("Về việc triển khai Đề án 06 trên địa bàn tỉnh");

        // In order per aggregate: the sequence numbers of one document's events only grow.
        for (String id : List.of(open, secret)) {
            List<Long> sequences = ofAggregate(documents, id).stream().map(e -> e.get("sequence").asLong()).distinct().toList();
            assertThat(sequences).isSorted().startsWith(0L, 1L);
        }

        // Classified: identifiers only, in every event of the document.
        assertThat(ofAggregate(documents, secret)).allSatisfy(e -> {
            assertThat(e.get("redacted").asBoolean()).isTrue();
            assertThat(e.at("/payload/documentId").asText()).isEqualTo(secret);
        });
        assertThat(documents.toString()).doesNotContain("Hòn Ngư", "mục tiêu");

        JsonNode health = backbone.admin().get("/actuator/health").body();
        assertThat(health.at("/components/eventPublishing/details/publishing").asText()).isEqualTo("on");
    }

    @Test
    void withTheBrokerDownCommandsStillSucceedAndEveryEventArrivesWhenItIsBack() {
        line.stop();
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            burst.add(EOfficeApiTest.register(clerk, EOfficeApiTest.incoming("Báo cáo nhanh tình hình mưa lũ số " + i, "NONE")));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(backbone.admin().get("/actuator/health").body().at("/components/eventPublishing/details/backlog")
                        .asLong()).isPositive());
        // the broker stays away until the batch's acknowledgement has timed out: the operators' health says the
        // publishing is retrying, and the retry starts with a new producer and the topics created again
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(backbone.admin().get("/actuator/health").body().at("/components/eventPublishing/details/retrying")
                        .asBoolean()).isTrue());

        line.start();
        Map<String, Set<String>> eventIdsByDocument = new HashMap<>();
        List<String> eventIds = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (JsonNode event : read("backbone.documents")) {
                eventIds.add(event.get("eventId").asText());
                if (event.get("type").asText().equals("IncomingDocumentRegistered")) {
                    eventIdsByDocument.computeIfAbsent(event.get("aggregateId").asText(), k -> new HashSet<>())
                            .add(event.get("eventId").asText());
                }
            }
            assertThat(eventIdsByDocument.keySet()).containsAll(burst);
        });
        // A document's registration may arrive twice (a batch retried), but always as the same event.
        burst.forEach(id -> assertThat(eventIdsByDocument.get(id)).hasSize(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(backbone.admin().get("/actuator/health").body().at("/components/eventPublishing/details/backlog")
                        .asLong()).isZero());
    }

    /**
     * Crypto-shredding reaches Kafka: once a dossier's applicant is erased, history published again (a new
     * cluster, an administrator's replay) carries {@code [đã xóa]}, and nothing published after the
     * erasure holds the applicant's name, number or phone. (What consumers received before stays theirs.)
     */
    @Test
    void afterAnErasureNewMessagesCarryNoneOfTheApplicantsData() {
        Official desk = province.official("motcua.kafka", "Trần Thị Mai", "TP.002.UBND", "RECORDS_CLERK", "NONE");
        Official administrator = province.official("baomat.kafka", "Vũ Văn Bảo", "TP.001.UBND", "ADMINISTRATOR", "NONE");
        Map<String, Object> request = DossiersApiTest.dossier("HT-02", province.unitId("TP.001"));
        request.put("applicant", Map.of("name", "Lương Thị Khánh Vy", "idNumber", "038196007788", "phone", "0966111222"));
        var registered = desk.api().post("/api/v1/dossiers", request);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ofAggregate(read("backbone.dossiers"), id))
                .anySatisfy(e -> assertThat(e.at("/payload/applicant/name").asText()).isEqualTo("Lương Thị Khánh Vy")));

        assertThat(administrator.api().post("/api/v1/dossiers/" + id + "/personal-data-erasure",
                Map.of("legalBasis", "Yêu cầu của chủ thể dữ liệu ngày 03/12/2026")).status()).isEqualTo(204);
        assertThat(backbone.admin().post("/api/v1/admin/processors/kafka-publisher/replay", Map.of()).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<JsonNode> published = ofAggregate(read("backbone.dossiers"), id);
            int erasure = published.stream().map(e -> e.get("type").asText()).toList().indexOf("ApplicantDataErased");
            assertThat(erasure).isNotNegative();
            List<JsonNode> since = published.subList(erasure, published.size());
            assertThat(since).anySatisfy(e -> {
                assertThat(e.get("type").asText()).isEqualTo("DossierSubmitted");
                assertThat(e.at("/payload/applicant/name").asText()).isEqualTo("[đã xóa]");
            });
            assertThat(since.toString()).doesNotContain("Lương Thị Khánh Vy", "038196007788", "0966111222");
        });
    }

    static List<JsonNode> ofAggregate(List<JsonNode> events, String aggregateId) {
        return events.stream().filter(e -> e.path("aggregateId").asText().equals(aggregateId)).toList();
    }

    @Test
    void signedCheckpointsOfTheEventChainGoOnTheirOwnTopic() throws IOException {
        var signed = backbone.admin().post("/api/v1/admin/event-chain/checkpoints", Map.of());
        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(records("backbone.event-chain-checkpoints"))
                .anySatisfy(record -> {
                    assertThat(record.key()).isEqualTo("event-chain");
                    assertThat(JSON.readTree(record.value())).isEqualTo(signed.body());
                }));
    }

    /** The events on the topic so far, each checked to be keyed by its aggregate. */
    static List<JsonNode> read(String topic) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records(topic)) {
            JsonNode event = JSON.readTree(record.value());
            assertThat(record.key()).isEqualTo(event.get("aggregateId").asText());
            events.add(event);
        }
        return events;
    }

    /**
     * Everything on the topic so far: each partition read from its beginning to the end it has when asked. No
     * consumer group: joining one, and polling until two polls came back empty, cost seconds on every read
     * (the test reads in loops until what it waits for has arrived).
     */
    static List<ConsumerRecord<String, String>> records(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
