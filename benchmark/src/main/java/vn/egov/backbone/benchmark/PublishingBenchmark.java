package vn.egov.backbone.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event distribution on a real Kafka broker in this JVM (KRaft), with {@code ops/target/backbone.jar}
 * in its own process publishing to it:
 * <ol>
 *   <li>lag under load: 16 clients (or as many as the fourth argument says) register incoming documents as fast as the node takes them for 30
 *       seconds (each registration is a command and two or three events); a consumer here reads every
 *       topic and measures, per event, the time from the event's timestamp in the event store to its
 *       arrival;</li>
 *   <li>publishing capacity: the publisher is replayed from the start of the event store
 *       ({@code POST /api/v1/admin/processors/kafka-publisher/replay}) and the consumer counts how fast
 *       the whole history arrives.</li>
 * </ol>
 *
 * <pre>
 * mvn -B -DskipTests install
 * mvn -B -q -Pbenchmarks -pl benchmark compile exec:java -Dbenchmark.main=vn.egov.backbone.benchmark.PublishingBenchmark -Dexec.args="postgres"
 * mvn -B -q -Pbenchmarks -pl benchmark compile exec:java -Dbenchmark.main=vn.egov.backbone.benchmark.PublishingBenchmark \
 *     -Dexec.args="postgres jdbc:postgresql://127.0.0.1:5432/postgres postgres 4"
 * </pre>
 */
public final class PublishingBenchmark {
    private static final int PORT = 18_082;
    private static final int MAX_CLIENTS = 16;
    private static final Duration LOAD = Duration.ofSeconds(30);
    private static final List<String> TOPICS = List.of("backbone.documents", "backbone.dossiers", "backbone.meetings",
            "backbone.units-officials");

    private final int clients;
    private final ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicBoolean measuring = new AtomicBoolean();

    public static void main(String[] args) throws Exception {
        String store = args.length > 0 ? args[0] : "h2";
        String adminUrl = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/postgres";
        String user = args.length > 2 ? args[2] : "postgres";
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : MAX_CLIENTS;
        new PublishingBenchmark(clients).run(store, adminUrl, user);
        System.exit(0);
    }

    PublishingBenchmark(int clients) {
        this.clients = Math.min(MAX_CLIENTS, Math.max(1, clients));
    }

    void run(String store, String adminUrl, String user) throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6, TOPICS.toArray(String[]::new));
        broker.afterPropertiesSet();
        AtomicBoolean consuming = new AtomicBoolean(true);
        Thread consumer = Thread.ofPlatform().start(() -> consume(broker.getBrokersAsString(), consuming));
        try (BackboneProcess backbone = BackboneProcess.start(store, adminUrl, user, PORT, MAX_CLIENTS,
                List.of("--backbone.kafka.bootstrap-servers=" + broker.getBrokersAsString()))) {
            String clerk = backbone.official("vanthu.kafka", "Văn thư đo tải Kafka", backbone.unitId("HS.UBND"), "RECORDS_CLERK");
            backbone.settle();
            System.out.printf("Backbone up (%s), publishing to %s%n", store, broker.getBrokersAsString());

            // 1. Lag under load.
            lags.clear();
            measuring.set(true);
            long before = received.get();
            Load load = register(backbone, clerk);
            Thread.sleep(3000); // the last events arrive
            measuring.set(false);
            List<Long> sorted = new ArrayList<>(lags);
            sorted.sort(null);
            long events = received.get() - before;
            System.out.printf("| load | commands | commands/s | errors | events received | events/s | lag p50 ms | p90 ms | p99 ms | max ms |%n");
            System.out.printf("| %d clients, %d s | %d | %.0f | %d | %d | %.0f | %d | %d | %d | %d |%n", clients,
                    LOAD.toSeconds(), load.commands(), load.commands() / load.seconds(), load.errors(), events,
                    sorted.size() / load.seconds(), quantile(sorted, 0.5), quantile(sorted, 0.9), quantile(sorted, 0.99),
                    sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1));

            // 2. Capacity: the whole event store published again.
            // Everything published so far (the seeded province, the load) arrives once more.
            long history = received.get();
            long start = history;
            long began = System.nanoTime();
            BackboneProcess.Response replay = backbone.post("/api/v1/admin/processors/kafka-publisher/replay",
                    BackboneProcess.ADMIN, Map.of());
            if (replay.statusCode() != 202) {
                throw new IllegalStateException("replay: " + replay.statusCode() + " " + replay.body());
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (received.get() - start < history && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("| replay of the event store | events | seconds | events/s |%n");
            System.out.printf("| to Kafka | %d | %.1f | %.0f |%n", received.get() - start, seconds, (received.get() - start) / seconds);
        } finally {
            consuming.set(false);
            consumer.join(5000);
            broker.destroy();
        }
    }

    record Load(int commands, int errors, double seconds) {
    }

    private Load register(BackboneProcess backbone, String clerk) throws InterruptedException {
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        String run = UUID.randomUUID().toString().substring(0, 8);
        long end = System.nanoTime() + LOAD.toNanos();
        double seconds = BackboneProcess.runClients(clients, errors, () -> {
            while (System.nanoTime() < end) {
                int i = sent.incrementAndGet();
                BackboneProcess.Response response = backbone.post("/api/v1/documents/incoming", clerk, Map.of(
                        "number", i + "/BC-" + run, "issuer", "Sở Tài chính",
                        "issuedOn", LocalDate.now().minusDays(1).toString(), "type", "BAO_CAO",
                        "subject", "Báo cáo tình hình thực hiện nhiệm vụ tài chính tháng " + (i % 12 + 1),
                        "urgency", "NORMAL"));
                if (response.statusCode() != 201) {
                    errors.incrementAndGet();
                }
            }
        });
        return new Load(sent.get(), errors.get(), seconds);
    }

    private void consume(String servers, AtomicBoolean consuming) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(TOPICS);
            while (consuming.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    received.incrementAndGet();
                    if (measuring.get()) {
                        JsonNode envelope = BackboneProcess.JSON.readTree(record.value());
                        lags.add(Duration.between(Instant.parse(envelope.get("time").asText()), Instant.now()).toMillis());
                    }
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
    }

    private static long quantile(List<Long> sorted, double q) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * q)));
    }
}
