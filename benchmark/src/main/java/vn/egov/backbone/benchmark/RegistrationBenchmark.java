package vn.egov.backbone.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Registration throughput end to end: 16 concurrent clients POST incoming documents to a running
 * {@code ops/target/backbone.jar} (started here as its own process) — HTTP, authorisation, command,
 * register numbering, event store — and the benchmark measures documents per second, latency
 * percentiles, and how long until a registered document is visible in the read model. The same run
 * inserts equivalent event rows with plain JDBC from 16 threads as a baseline.
 *
 * <pre>
 * mvn -B -DskipTests install
 * mvn -B -q -Pbenchmarks -pl benchmark compile exec:java -Dexec.args="h2"
 * mvn -B -q -Pbenchmarks -pl benchmark compile exec:java -Dexec.args="postgres jdbc:postgresql://127.0.0.1:5432/postgres postgres"
 * </pre>
 */
public final class RegistrationBenchmark {
    private static final ObjectMapper JSON = BackboneProcess.JSON;
    private static final int CLIENTS = 16;
    /** Enough for the JIT to finish compiling the request path (with 1,000, C2 was still busy measuring). */
    private static final int WARMUP = Integer.getInteger("benchmark.warmup", 5_000);
    private static final int MEASURED = Integer.getInteger("benchmark.registrations", 20_000);
    private static final int PORT = 18_080;

    private BackboneProcess backbone;

    public static void main(String[] args) throws Exception {
        String store = args.length > 0 ? args[0] : "h2";
        String adminUrl = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/postgres";
        String user = args.length > 2 ? args[2] : "postgres";
        new RegistrationBenchmark().run(store, adminUrl, user);
        System.exit(0);
    }

    void run(String store, String adminUrl, String user) throws Exception {
        try (BackboneProcess started = BackboneProcess.start(store, adminUrl, user, PORT, CLIENTS, List.of())) {
            backbone = started;
            String clerk = backbone.official("vanthu.bench", "Văn thư đo tải", backbone.unitId("HS.UBND"), "RECORDS_CLERK");
            backbone.settle();
            System.out.printf("Backbone up on %s (%s); clerk ready; %d clients%n", backbone.base, store, CLIENTS);
            load(clerk, WARMUP, false);
            backbone.settle();
            System.out.printf("Warmed up with %d registrations; measuring %d%n", WARMUP, MEASURED);
            Result result = load(clerk, MEASURED, true);
            Baseline baseline = baseline(store, backbone.jdbcUrl, user, "", backbone.dataDir);
            report(store, result, baseline);
        }
    }

    record Result(int documents, double seconds, long p50, long p90, long p99, long max, int errors,
                  List<Long> visibilityLagsMillis) {
        double perSecond() {
            return documents / seconds;
        }
    }

    record Baseline(int registrations, double seconds) {
        double perSecond() {
            return registrations / seconds;
        }
    }

    private Result load(String clerk, int count, boolean measure) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] latencies = new long[count];
        ConcurrentLinkedQueue<String> sampled = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        double seconds = BackboneProcess.runClients(CLIENTS, errors, () -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                long begin = System.nanoTime();
                BackboneProcess.Response response = post("/api/v1/documents/incoming", clerk, Map.of(
                        "number", (i + 1) + "/BC-" + run, "issuer", "Sở Tài chính",
                        "issuedOn", LocalDate.now().minusDays(1).toString(), "type", "BAO_CAO",
                        "subject", "Báo cáo tình hình thực hiện nhiệm vụ tài chính tháng " + (i % 12 + 1),
                        "urgency", "NORMAL"));
                latencies[i] = System.nanoTime() - begin;
                if (response.statusCode() != 201) {
                    errors.incrementAndGet();
                    continue;
                }
                if (measure && i % 100 == 0) {
                    // How long until the registration is visible in the read model (projection lag).
                    String id = JSON.readTree(response.body()).get("id").asText();
                    long registered = System.nanoTime();
                    // Asked again every millisecond, not in a busy loop: requests in a loop would take
                    // CPU from the projection being waited for.
                    while (get("/api/v1/documents/" + id, clerk).statusCode() != 200) {
                        Thread.sleep(1);
                    }
                    lags.add((System.nanoTime() - registered) / 1_000_000);
                    sampled.add(id);
                }
            }
        });
        long[] sorted = latencies.clone();
        java.util.Arrays.sort(sorted);
        List<Long> lagList = new ArrayList<>(lags);
        Collections.sort(lagList);
        return new Result(count, seconds, BackboneProcess.millis(sorted, 0.50), BackboneProcess.millis(sorted, 0.90),
                BackboneProcess.millis(sorted, 0.99),
                sorted[sorted.length - 1] / 1_000_000, errors.get(), lagList);
    }

    /**
     * What the same registrations cost as bare inserts: per registration, the event rows the backbone
     * writes (register number, document registered) and the duplicate key, in one transaction, from 16
     * threads, into a fresh table of the same shape.
     */
    private Baseline baseline(String store, String jdbcUrl, String user, String password, Path dataDir) throws Exception {
        String url = store.equals("postgres") ? jdbcUrl : "jdbc:h2:file:" + dataDir.resolve("baseline")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, store.equals("postgres") ? user : "sa", password)) {
            c.createStatement().execute("CREATE TABLE baseline_event (global_index BIGINT GENERATED BY DEFAULT AS IDENTITY"
                    + " PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE, aggregate_identifier VARCHAR(255)"
                    + " NOT NULL, sequence_number BIGINT NOT NULL, type VARCHAR(255), time_stamp VARCHAR(255) NOT NULL,"
                    + " payload_type VARCHAR(255) NOT NULL, payload_revision VARCHAR(255), payload BYTEA NOT NULL,"
                    + " meta_data BYTEA, UNIQUE (aggregate_identifier, sequence_number))");
            c.createStatement().execute("CREATE TABLE baseline_key (agency_id VARCHAR(64), sender_key VARCHAR(600),"
                    + " document_id VARCHAR(64), PRIMARY KEY (agency_id, sender_key))");
        }
        byte[] payload = new byte[620];
        byte[] metadata = new byte[330];
        java.util.Arrays.fill(payload, (byte) 'x');
        java.util.Arrays.fill(metadata, (byte) 'm');
        AtomicInteger next = new AtomicInteger();
        AtomicLong register = new AtomicLong();
        double seconds = BackboneProcess.runClients(CLIENTS, new AtomicInteger(), () -> {
            try (Connection c = DriverManager.getConnection(url, store.equals("postgres") ? user : "sa", password)) {
            c.setAutoCommit(false);
            PreparedStatement event = c.prepareStatement("INSERT INTO baseline_event (event_identifier,"
                    + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload, meta_data)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            PreparedStatement key = c.prepareStatement("INSERT INTO baseline_key VALUES (?, ?, ?)");
            int i;
            while ((i = next.getAndIncrement()) < MEASURED) {
                String document = UUID.randomUUID().toString();
                insert(event, "register:bench", register.incrementAndGet(), "DocumentRegister", payload, metadata);
                insert(event, document, 0, "IncomingDocument", payload, metadata);
                key.setString(1, "agency");
                key.setString(2, i + "/BC|sở tài chính|2026-11-20");
                key.setString(3, document);
                key.executeUpdate();
                c.commit();
            }
            }
        });
        return new Baseline(MEASURED, seconds);
    }

    private static void insert(PreparedStatement event, String aggregate, long sequence, String type, byte[] payload,
                               byte[] metadata) throws SQLException {
        event.setString(1, UUID.randomUUID().toString());
        event.setString(2, aggregate);
        event.setLong(3, sequence);
        event.setString(4, type);
        event.setString(5, Instant.now().toString());
        event.setString(6, "vn.egov.backbone.eoffice.incoming.api.IncomingEvents$IncomingDocumentRegistered");
        event.setBytes(7, payload);
        event.setBytes(8, metadata);
        event.executeUpdate();
    }

    private void report(String store, Result r, Baseline b) {
        List<Long> lags = r.visibilityLagsMillis();
        System.out.println();
        System.out.printf("| store | clients | registrations | per second | p50 ms | p90 ms | p99 ms | max ms | errors |"
                + " visible in read model p50 / p99 ms | raw JDBC registrations/s | ratio |%n");
        System.out.printf("| %s | %d | %d | %.0f | %d | %d | %d | %d | %d | %d / %d | %.0f | %.2f |%n", store, CLIENTS,
                r.documents(), r.perSecond(), r.p50(), r.p90(), r.p99(), r.max(), r.errors(),
                lags.isEmpty() ? -1 : lags.get(lags.size() / 2), lags.isEmpty() ? -1 : lags.get((int) (lags.size() * 0.99)),
                b.perSecond(), r.perSecond() / b.perSecond());
    }

    private BackboneProcess.Response post(String path, String authorization, Object body) throws IOException, InterruptedException {
        return backbone.post(path, authorization, body);
    }

    private BackboneProcess.Response get(String path, String authorization) throws IOException, InterruptedException {
        return backbone.get(path, authorization);
    }
}
