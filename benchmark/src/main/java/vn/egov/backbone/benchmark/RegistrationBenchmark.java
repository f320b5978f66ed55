package vn.egov.backbone.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * mvn -B -DskipTests package
 * mvn -B -q -pl benchmark exec:java -Dexec.args="h2"
 * mvn -B -q -pl benchmark exec:java -Dexec.args="postgres jdbc:postgresql://127.0.0.1:5432/postgres postgres"
 * </pre>
 */
public final class RegistrationBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PASSWORD = "benchmark-admin-password";
    private static final int CLIENTS = 16;
    private static final int WARMUP = 1_000;
    private static final int MEASURED = 8_000;
    private static final int PORT = 18_080;

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS)).build();
    private final String base = "http://127.0.0.1:" + PORT;

    public static void main(String[] args) throws Exception {
        String store = args.length > 0 ? args[0] : "h2";
        String adminUrl = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/postgres";
        String user = args.length > 2 ? args[2] : "postgres";
        new RegistrationBenchmark().run(store, adminUrl, user);
        System.exit(0);
    }

    void run(String store, String adminUrl, String user) throws Exception {
        Path dataDir = Files.createTempDirectory("backbone-bench-");
        List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", jar().toString(), "--server.port=" + PORT,
                "--backbone.data-dir=" + dataDir, "--logging.level.root=WARN"));
        String jdbcUrl;
        String password = "";
        if (store.equals("postgres")) {
            String database = "backbone_bench_" + System.currentTimeMillis();
            try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
                c.createStatement().execute("CREATE DATABASE " + database);
            }
            jdbcUrl = adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
            command.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=" + user, "--spring.datasource.password=" + password));
        } else {
            jdbcUrl = null;
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("backbone.log").toFile());
        builder.environment().put("BACKBONE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process backbone = builder.start();
        try {
            awaitUp();
            String clerk = prepareClerk();
            System.out.printf("Backbone up on %s (%s); clerk ready; %d clients%n", base, store, CLIENTS);
            load(clerk, WARMUP, false);
            Result result = load(clerk, MEASURED, true);
            Baseline baseline = baseline(store, jdbcUrl, user, password, dataDir);
            report(store, result, baseline);
        } finally {
            backbone.destroy();
            backbone.waitFor(30, TimeUnit.SECONDS);
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
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] latencies = new long[count];
        ConcurrentLinkedQueue<String> sampled = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(CLIENTS);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        for (int t = 0; t < CLIENTS; t++) {
            pool.submit(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        long begin = System.nanoTime();
                        HttpResponse<String> response = post("/api/v1/documents/incoming", clerk, Map.of(
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
                            while (get("/api/v1/documents/" + id, clerk).statusCode() != 200) {
                                Thread.onSpinWait();
                            }
                            lags.add((System.nanoTime() - registered) / 1_000_000);
                            sampled.add(id);
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] sorted = latencies.clone();
        java.util.Arrays.sort(sorted);
        List<Long> lagList = new ArrayList<>(lags);
        Collections.sort(lagList);
        return new Result(count, seconds, millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99),
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
        CountDownLatch done = new CountDownLatch(CLIENTS);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long started = System.nanoTime();
        for (int t = 0; t < CLIENTS; t++) {
            pool.submit(() -> {
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
                } catch (SQLException e) {
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        return new Baseline(MEASURED, (System.nanoTime() - started) / 1e9);
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

    private static long millis(long[] sortedNanos, double quantile) {
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) (sortedNanos.length * quantile))] / 1_000_000;
    }

    private String prepareClerk() throws Exception {
        String admin = basic("admin", ADMIN_PASSWORD);
        JsonNode units = JSON.readTree(get("/api/v1/units", admin).body());
        String committee = null;
        for (JsonNode unit : units) {
            if (unit.get("code").asText().equals("HS.UBND")) {
                committee = unit.get("id").asText();
            }
        }
        if (committee == null) {
            throw new IllegalStateException("The demo province has no HS.UBND");
        }
        HttpResponse<String> created = post("/api/v1/officials", admin, Map.of("username", "vanthu.bench",
                "fullName", "Văn thư đo tải", "unitId", committee, "password", "mật-khẩu-đo-tải",
                "roles", List.of(Map.of("unitId", committee, "role", "RECORDS_CLERK"))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Cannot create the clerk: " + created.body());
        }
        String clerk = basic("vanthu.bench", "mật-khẩu-đo-tải");
        // Basic auth checks a BCrypt hash on every request; a bearer token is what a peer system would use.
        HttpResponse<String> token = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            token = post("/api/v1/me/tokens", clerk, Map.of("name", "benchmark"));
            if (token.statusCode() == 201) {
                break;
            }
            Thread.sleep(100);
        }
        if (token == null || token.statusCode() != 201) {
            throw new IllegalStateException("Cannot issue a token: " + (token == null ? "" : token.body()));
        }
        String bearer = "Bearer " + JSON.readTree(token.body()).get("token").asText();
        for (int attempt = 0; attempt < 100 && get("/api/v1/me", bearer).statusCode() != 200; attempt++) {
            Thread.sleep(100);
        }
        return bearer;
    }

    private void awaitUp() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (get("/api/v1/units", basic("admin", ADMIN_PASSWORD)).statusCode() == 200
                        && JSON.readTree(get("/api/v1/units", basic("admin", ADMIN_PASSWORD)).body()).size() >= 600) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Backbone did not start within 3 minutes");
    }

    private HttpResponse<String> post(String path, String authorization, Object body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Path jar() {
        for (Path candidate : List.of(Path.of("ops/target/backbone.jar"), Path.of("../ops/target/backbone.jar"))) {
            if (Files.exists(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("Build ops/target/backbone.jar first: mvn -B -DskipTests package");
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
