package vn.egov.backbone.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The live room with a hall full of tablets: 200 browsers watch one meeting's live channel
 * ({@code /meetings/{id}/live}, server-sent events) while the secretary changes the meeting 50 times (an
 * agenda item each, 400 ms apart). For each change: the time from the secretary's request to each tablet
 * being told. The baseline, in the same run: one client polling the meeting's read model every 10 ms
 * ({@code GET /api/v1/meetings/{id}}) until the change shows — as fast as anyone can learn of a change
 * without the channel. Against {@code ops/target/backbone.jar} in its own process.
 *
 * <pre>
 * mvn -B -DskipTests install
 * mvn -B -q -Pbenchmarks -pl benchmark compile exec:java -Dbenchmark.main=vn.egov.backbone.benchmark.LiveRoomBenchmark
 * </pre>
 */
public final class LiveRoomBenchmark {
    private static final int PORT = 18_083;
    private static final int TABLETS = 200;
    private static final int CHANGES = 50;

    public static void main(String[] args) throws Exception {
        String store = args.length > 0 ? args[0] : "h2";
        String adminUrl = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/postgres";
        String user = args.length > 2 ? args[2] : "postgres";
        new LiveRoomBenchmark().run(store, adminUrl, user);
        System.exit(0);
    }

    /** One tablet: the times it was told, in order. */
    static final class Tablet {
        final List<Long> toldAt = new CopyOnWriteArrayList<>();
        volatile boolean connected;
    }

    void run(String store, String adminUrl, String user) throws Exception {
        try (BackboneProcess backbone = BackboneProcess.start(store, adminUrl, user, PORT, 8, List.of())) {
            String host = backbone.unitId("HS.UBND");
            String chair = backbone.official("chutich.phong", "Chủ tịch phòng họp", host, "LEADER");
            String secretary = backbone.official("thuky.phong", "Thư ký phòng họp", host, "MEETING_SECRETARY");
            Map<String, Object> request = new HashMap<>();
            request.put("title", "Kỳ họp đo phòng họp trực tiếp");
            request.put("kind", "IN_PERSON");
            request.put("chairId", backbone.getJson("/api/v1/me", chair).get("id").asText());
            request.put("hostUnitId", host);
            request.put("startsAt", Instant.now().plus(5, ChronoUnit.MINUTES).toString());
            request.put("endsAt", Instant.now().plus(3, ChronoUnit.HOURS).toString());
            request.put("endpointKinds", List.of());
            // a delegate per tablet: one official may hold only 20 live connections on a node
            List<String> delegates = new ArrayList<>();
            List<String> delegateIds = new ArrayList<>();
            for (int i = 0; i < TABLETS; i++) {
                delegates.add("daibieu.phong." + i);
                String token = backbone.official(delegates.get(i), "Đại biểu " + (i + 1), host, "SPECIALIST");
                delegateIds.add(backbone.getJson("/api/v1/me", token).get("id").asText());
            }
            request.put("inviteeIds", delegateIds);
            request.put("secretaryId", backbone.getJson("/api/v1/me", secretary).get("id").asText());
            BackboneProcess.Response created = backbone.post("/api/v1/meetings", secretary, request);
            if (created.statusCode() != 201) {
                throw new IllegalStateException(created.body());
            }
            String meetingId = BackboneProcess.JSON.readTree(created.body()).get("id").asText();
            backbone.settle();

            // the tablets: each delegate's sign-in (HTTP Basic on the page side), one connection each
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            List<Tablet> tablets = new ArrayList<>();
            CountDownLatch connected = new CountDownLatch(TABLETS);
            for (int i = 0; i < TABLETS; i++) {
                Tablet tablet = new Tablet();
                tablets.add(tablet);
                String basic = BackboneProcess.basic(delegates.get(i), "mật-khẩu-" + delegates.get(i));
                Thread.ofVirtual().start(() -> listen(http, backbone.base + "/meetings/" + meetingId + "/live", basic,
                        tablet, connected));
            }
            if (!connected.await(3, TimeUnit.MINUTES) || tablets.stream().anyMatch(tablet -> !tablet.connected)) {
                throw new IllegalStateException("Not every tablet connected");
            }
            Thread.sleep(1000);
            System.out.printf("%d tablets connected (%s)%n", TABLETS, store);

            long[] polled = new long[CHANGES];
            List<Long> told = new ArrayList<>();
            int missed = 0;
            long version = backbone.getJson("/api/v1/meetings/" + meetingId, secretary).at("/meeting/version").asLong();
            for (int change = 0; change < CHANGES; change++) {
                long start = System.nanoTime();
                BackboneProcess.Response added = backbone.post("/api/v1/meetings/" + meetingId + "/agenda", secretary,
                        Map.of("title", "Nội dung " + (change + 1)));
                if (added.statusCode() != 201) {
                    throw new IllegalStateException(added.body());
                }
                long expected = version + change + 1;
                // the baseline: how soon the read model shows it to a client polling every 10 ms
                while (backbone.getJson("/api/v1/meetings/" + meetingId, secretary).at("/meeting/version").asLong() < expected) {
                    Thread.sleep(10);
                }
                polled[change] = System.nanoTime() - start;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                for (Tablet tablet : tablets) {
                    while (tablet.toldAt.size() <= change && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    if (tablet.toldAt.size() > change) {
                        told.add(tablet.toldAt.get(change) - start);
                    } else {
                        missed++;
                    }
                }
                Thread.sleep(400);
            }
            long[] live = told.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(live);
            Arrays.sort(polled);
            System.out.printf("Told over the live channel: %d of %d (%d missed), p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    live.length, TABLETS * CHANGES, missed, ms(live, 0.50), ms(live, 0.95), ms(live, 0.99), ms(live, 1.0));
            System.out.printf("Baseline, one client polling the read model every 10 ms: p50 %.0f ms, p99 %.0f ms%n",
                    ms(polled, 0.50), ms(polled, 0.99));
            System.out.printf("Ratio live / baseline: p50 %.2f, p99 %.2f%n", ms(live, 0.50) / ms(polled, 0.50),
                    ms(live, 0.99) / ms(polled, 0.99));
        }
    }

    private static void listen(HttpClient http, String url, String basic, Tablet tablet, CountDownLatch connected) {
        try {
            HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", basic).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                System.err.println("Tablet refused: " + response.statusCode() + " "
                        + new String(response.body().readNBytes(300), StandardCharsets.UTF_8));
                connected.countDown();
                return;
            }
            tablet.connected = true;
            connected.countDown();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("id:")) {
                        tablet.toldAt.add(System.nanoTime());
                    }
                }
            }
        } catch (Exception e) {
            connected.countDown();
        }
    }

    private static double ms(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(quantile * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }
}
