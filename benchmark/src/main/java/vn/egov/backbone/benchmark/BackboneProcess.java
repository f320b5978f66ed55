package vn.egov.backbone.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ops/target/backbone.jar} started as its own process for a benchmark, on H2 or on a fresh
 * PostgreSQL database, with the demo province, and an HTTP client to talk to it as peers would.
 *
 * <p>The client is Apache HttpClient's classic (blocking) one: each client thread sends on its own
 * kept-alive connection and reads the answer itself. The JDK's {@code HttpClient} hands every
 * request to a selector thread and back; on two cores shared with the backbone and the database,
 * that load generator took 0.6 ms of CPU per request, a fifth of what the backbone itself needed.
 */
final class BackboneProcess implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN_PASSWORD = "benchmark-admin-password";
    static final String ADMIN = basic("admin", ADMIN_PASSWORD);

    final String base;
    final Path dataDir;
    /** The PostgreSQL database's URL, or null on H2. */
    final String jdbcUrl;
    private final Process process;
    private final CloseableHttpClient http;

    /** An answer of the backbone: its status and its body as text. */
    record Response(int statusCode, String body) {
    }

    /**
     * @param store    {@code h2} or {@code postgres}
     * @param adminUrl a PostgreSQL server's database to create the benchmark's own database from
     * @param extra    more {@code --name=value} arguments for the application
     */
    static BackboneProcess start(String store, String adminUrl, String user, int port, int clients,
                                 List<String> extra) throws Exception {
        Path dataDir = Files.createTempDirectory("backbone-bench-");
        String jdbcUrl = null;
        if (store.equals("postgres")) {
            String database = "backbone_bench_" + System.currentTimeMillis();
            try (Connection c = DriverManager.getConnection(adminUrl, user, "")) {
                c.createStatement().execute("CREATE DATABASE " + database);
            }
            jdbcUrl = adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        }
        return launch(dataDir, jdbcUrl, user, port, clients, extra);
    }

    /** The backbone again on the data directory and PostgreSQL database of an earlier start. */
    static BackboneProcess restart(Path dataDir, String jdbcUrl, String user, int port, int clients,
                                   List<String> extra) throws Exception {
        return launch(dataDir, jdbcUrl, user, port, clients, extra);
    }

    private static BackboneProcess launch(Path dataDir, String jdbcUrl, String user, int port, int clients,
                                          List<String> extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBin()));
        command.addAll(words(System.getProperty("benchmark.jvm-args", "")));
        command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port,
                "--backbone.data-dir=" + dataDir, "--logging.level.root=WARN"));
        if (jdbcUrl != null) {
            command.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=" + user, "--spring.datasource.password="));
        }
        command.addAll(extra);
        // To compare settings without rebuilding, e.g. -Dbenchmark.args=--axon.timeout.enabled=true
        command.addAll(words(System.getProperty("benchmark.args", "")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("backbone.log").toFile()));
        builder.environment().put("BACKBONE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(clients + 4).setMaxConnPerRoute(clients + 4).build())
                .setDefaultRequestConfig(org.apache.hc.client5.http.config.RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMinutes(10)).build())
                .disableAutomaticRetries().disableCookieManagement().build();
        BackboneProcess backbone = new BackboneProcess("http://127.0.0.1:" + port, dataDir, jdbcUrl, builder.start(), http);
        backbone.awaitUp();
        return backbone;
    }

    private BackboneProcess(String base, Path dataDir, String jdbcUrl, Process process, CloseableHttpClient http) {
        this.base = base;
        this.dataDir = dataDir;
        this.jdbcUrl = jdbcUrl;
        this.process = process;
        this.http = http;
    }

    Response post(String path, String authorization, Object body) throws IOException {
        return send(path, authorization, "application/json", JSON.writeValueAsString(body));
    }

    Response send(String path, String authorization, String contentType, String body) throws IOException {
        HttpPost post = new HttpPost(base + path);
        post.setEntity(new StringEntity(body, ContentType.parse(contentType).withCharset(StandardCharsets.UTF_8)));
        return execute(post, authorization);
    }

    Response get(String path, String authorization) throws IOException {
        return execute(new HttpGet(base + path), authorization);
    }

    private Response execute(HttpUriRequestBase request, String authorization) throws IOException {
        request.setHeader("Authorization", authorization);
        return http.execute(request, response -> new Response(response.getCode(),
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
    }

    JsonNode getJson(String path, String authorization) throws IOException, InterruptedException {
        Response response = get(path, authorization);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The id of the demo province's unit with this code. */
    String unitId(String code) throws Exception {
        for (JsonNode unit : getJson("/api/v1/units", ADMIN)) {
            if (unit.get("code").asText().equals(code)) {
                return unit.get("id").asText();
            }
        }
        throw new IllegalStateException("The demo province has no unit " + code);
    }

    /**
     * The administrator's bearer token, issued once: polling with Basic would check a BCrypt hash on
     * every request and take CPU from what is being measured.
     */
    String adminToken() throws Exception {
        if (adminToken == null) {
            adminToken = bearer(ADMIN);
        }
        return adminToken;
    }

    private String adminToken;

    /**
     * Creates an official with one role in a unit and returns a bearer token for them: Basic checks a
     * BCrypt hash on every request, a token is what a peer system would use.
     */
    String official(String username, String fullName, String unitId, String role) throws Exception {
        String password = "mật-khẩu-" + username;
        Response created = post("/api/v1/officials", ADMIN, Map.of("username", username,
                "fullName", fullName, "unitId", unitId, "password", password,
                "roles", List.of(Map.of("unitId", unitId, "role", role))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Cannot create " + username + ": " + created.body());
        }
        return bearer(basic(username, password));
    }

    /** A bearer token for the official signing in with {@code basic}, once it works. */
    private String bearer(String basic) throws Exception {
        Response token = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            token = post("/api/v1/me/tokens", basic, Map.of("name", "benchmark"));
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
                Response units = get("/api/v1/units", ADMIN);
                if (units.statusCode() == 200 && JSON.readTree(units.body()).size() >= 600) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Backbone did not start within 3 minutes; see " + dataDir.resolve("backbone.log"));
    }

    /**
     * Waits until every projection has caught up and stands still (a first start seeds a province:
     * hundreds of events the projections and the search index still work through), so that a
     * measurement does not share the machine with that catching up.
     */
    void settle() throws Exception {
        settle(Duration.ofMinutes(5));
    }

    void settle(Duration atMost) throws Exception {
        String previous = "";
        Instant deadline = Instant.now().plus(atMost);
        while (Instant.now().isBefore(deadline)) {
            List<Long> positions = new ArrayList<>();
            getJson("/api/v1/admin/processors", adminToken()).forEach(p -> positions.add(p.path("position").asLong(-1)));
            String now = positions.toString();
            if (now.equals(previous) && positions.stream().distinct().count() == 1) {
                return;
            }
            previous = now;
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The projections did not settle within " + atMost);
    }

    /** What each of the concurrent clients does until there is no work left. */
    interface Client {
        void run() throws Exception;
    }

    /**
     * Runs {@code clients} clients at once and waits until all are done; a client that throws counts
     * one error. Returns how many seconds it took.
     */
    static double runClients(int clients, AtomicInteger errors, Client client) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch done = new CountDownLatch(clients);
        long started = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            pool.submit(() -> {
                try {
                    client.run();
                } catch (Exception e) {
                    errors.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        return (System.nanoTime() - started) / 1e9;
    }

    static long millis(long[] sortedNanos, double quantile) {
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) (sortedNanos.length * quantile))] / 1_000_000;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> words(String line) {
        return line.isBlank() ? List.of() : List.of(line.strip().split("\\s+"));
    }

    private static Path jar() {
        String chosen = System.getProperty("benchmark.jar");
        if (chosen != null) {
            // another build of the backbone, e.g. an earlier commit's, measured by this benchmark
            return Path.of(chosen).toAbsolutePath();
        }
        for (Path candidate : List.of(Path.of("ops/target/backbone.jar"), Path.of("../ops/target/backbone.jar"))) {
            if (Files.exists(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("Build ops/target/backbone.jar first: mvn -B -DskipTests install");
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            http.close();
        } catch (IOException ignored) {
            // the process goes anyway
        }
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
