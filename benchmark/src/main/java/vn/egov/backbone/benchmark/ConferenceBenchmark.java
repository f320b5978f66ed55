package vn.egov.backbone.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import vn.egov.backbone.meetings.conference.JitsiProperties;
import vn.egov.backbone.meetings.conference.JoinTokens;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A province-wide video conference with 170 endpoints (the host hall, every commune, ward and special
 * zone of the demo province, and agencies up to 170), against {@code ops/target/backbone.jar} in its
 * own process with Jitsi configured:
 * <ol>
 *   <li>the time to issue all 170 endpoint join tokens: in-process (signing only) and through the API
 *       ({@code GET /api/v1/meetings/{id}/endpoint-joins}, which also authorises and reads the meeting);</li>
 *   <li>a join storm: 2,000 event_sync webhooks in 10 seconds, of which 200 (10 %) are retries of
 *       webhooks already sent, posted by 64 concurrent clients at a steady rate; then a check, from the
 *       event store (the audit API), that every connection's join and leave is recorded exactly once.</li>
 * </ol>
 *
 * <pre>
 * mvn -B -DskipTests install
 * mvn -B -q -Pbenchmarks -pl benchmark compile exec:java -Dbenchmark.main=vn.egov.backbone.benchmark.ConferenceBenchmark -Dexec.args="postgres"
 * </pre>
 */
public final class ConferenceBenchmark {
    private static final int PORT = 18_081;
    private static final int CLIENTS = 64;
    private static final int ENDPOINTS = 170;
    private static final int WEBHOOKS = 2_000;
    private static final int DUPLICATES = 200;
    private static final Duration STORM = Duration.ofSeconds(10);
    private static final String APP_SECRET = "benchmark-jitsi-app-secret-long-enough-for-hs256";
    private static final String CALLBACK = "Bearer benchmark-callback-secret";

    private BackboneProcess backbone;

    public static void main(String[] args) throws Exception {
        String store = args.length > 0 ? args[0] : "h2";
        String adminUrl = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/postgres";
        String user = args.length > 2 ? args[2] : "postgres";
        new ConferenceBenchmark().run(store, adminUrl, user);
        System.exit(0);
    }

    /** One webhook of the storm: when it is due, what it says, and which connection it belongs to. */
    record Webhook(long dueMillis, String path, Map<String, Object> body, String attendanceId) {
    }

    void run(String store, String adminUrl, String user) throws Exception {
        signingOnly();
        try (BackboneProcess started = BackboneProcess.start(store, adminUrl, user, PORT, CLIENTS, List.of(
                "--backbone.jitsi.base-url=https://hop.hoason.gov.vn", "--backbone.jitsi.tenant=hoason",
                "--backbone.jitsi.app-secret=" + APP_SECRET,
                "--backbone.jitsi.callback-secret=" + CALLBACK.substring("Bearer ".length())))) {
            backbone = started;
            String host = backbone.unitId("HS.UBND");
            String chair = backbone.official("chutich.bench", "Chủ tịch đo tải", host, "LEADER");
            String secretary = backbone.official("thuky.bench", "Thư ký đo tải", host, "MEETING_SECRETARY");
            String meetingId = schedule(host, chair, secretary);
            backbone.settle();
            JsonNode meeting = backbone.getJson("/api/v1/meetings/" + meetingId, secretary);
            List<String> endpoints = new ArrayList<>();
            meeting.get("endpoints").forEach(e -> endpoints.add(e.get("unitId").asText()));
            System.out.printf("Backbone up (%s); meeting with %d endpoints%n", store, endpoints.size());

            long[] batches = new long[30];
            for (int i = -5; i < batches.length; i++) {
                long begin = System.nanoTime();
                BackboneProcess.Response joins = backbone.get("/api/v1/meetings/" + meetingId + "/endpoint-joins", secretary);
                if (joins.statusCode() != 200 || BackboneProcess.JSON.readTree(joins.body()).size() != endpoints.size()) {
                    throw new IllegalStateException("endpoint-joins: " + joins.statusCode() + " " + joins.body());
                }
                if (i >= 0) {
                    batches[i] = System.nanoTime() - begin;
                }
            }
            Arrays.sort(batches);
            System.out.printf("| tokens for %d endpoints through the API | p50 %d ms | p99 %d ms | max %d ms |%n",
                    endpoints.size(), BackboneProcess.millis(batches, 0.5), BackboneProcess.millis(batches, 0.99),
                    batches[batches.length - 1] / 1_000_000);

            String room = "[hoason]" + meeting.at("/meeting/roomSlug").asText();
            storm(meetingId, room, endpoints);
        }
    }

    /** Signing alone, as the lower bound of issuing 170 tokens. */
    private static void signingOnly() {
        JoinTokens tokens = new JoinTokens(new JitsiProperties("https://hop.hoason.gov.vn", "hoason", "backbone",
                "jitsi", APP_SECRET, null, null, Duration.ofMinutes(15), Duration.ofMinutes(30), null, null, null,
                null, null));
        Instant start = Instant.now();
        long[] batches = new long[200];
        for (int round = -50; round < batches.length; round++) {
            long begin = System.nanoTime();
            for (int e = 0; e < ENDPOINTS; e++) {
                tokens.sign("hoi-nghi-truc-tuyen-toan-tinh-1a2b3c4d", new JoinTokens.Participant("endpoint:" + e,
                        "Điểm cầu Xã " + e, null, e == 0, false), start, start.plus(Duration.ofHours(2)));
            }
            if (round >= 0) {
                batches[round] = System.nanoTime() - begin;
            }
        }
        Arrays.sort(batches);
        System.out.printf("| tokens for %d endpoints, signing only | p50 %.1f ms | p99 %.1f ms |%n", ENDPOINTS,
                batches[batches.length / 2] / 1e6, batches[(int) (batches.length * 0.99)] / 1e6);
    }

    private String schedule(String host, String chair, String secretary) throws Exception {
        // Every commune, ward and special zone, and other units' halls (agencies, communes' people's
        // committees) until there are 170 endpoints, as many as the largest province connects.
        JsonNode units = backbone.getJson("/api/v1/units", BackboneProcess.ADMIN);
        List<String> communeLevel = List.of("COMMUNE", "WARD", "SPECIAL_ZONE");
        long communes = 0;
        for (JsonNode unit : units) {
            communes += communeLevel.contains(unit.get("kind").asText()) ? 1 : 0;
        }
        List<String> more = new ArrayList<>();
        for (JsonNode unit : units) {
            String id = unit.get("id").asText();
            if (!communeLevel.contains(unit.get("kind").asText()) && !unit.get("kind").asText().equals("PROVINCE")
                    && !id.equals(host) && more.size() < ENDPOINTS - 1 - communes) {
                more.add(id);
            }
        }
        Map<String, Object> request = new HashMap<>();
        request.put("title", "Hội nghị trực tuyến toàn tỉnh triển khai nhiệm vụ năm 2027");
        request.put("kind", "VIDEO_CONFERENCE");
        request.put("chairId", whoAmI(chair));
        request.put("hostUnitId", host);
        request.put("startsAt", Instant.now().plus(5, ChronoUnit.MINUTES).toString());
        request.put("endsAt", Instant.now().plus(3, ChronoUnit.HOURS).toString());
        request.put("endpointKinds", List.of("COMMUNE", "WARD", "SPECIAL_ZONE"));
        request.put("endpointUnitIds", more);
        request.put("inviteeIds", List.of());
        request.put("secretaryId", whoAmI(secretary));
        BackboneProcess.Response created = backbone.post("/api/v1/meetings", secretary, request);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Cannot schedule: " + created.body());
        }
        return BackboneProcess.JSON.readTree(created.body()).get("id").asText();
    }

    private String whoAmI(String authorization) throws Exception {
        return backbone.getJson("/api/v1/me", authorization).get("id").asText();
    }

    private void storm(String meetingId, String room, List<String> endpoints) throws Exception {
        List<Webhook> webhooks = plan(meetingId, room, endpoints);
        Map<String, Integer> expected = new HashMap<>();
        webhooks.stream().limit(WEBHOOKS - DUPLICATES).forEach(w -> expected.merge(w.attendanceId(), 1, Integer::sum));
        webhooks.sort((a, b) -> Long.compare(a.dueMillis(), b.dueMillis()));

        long[] latencies = new long[webhooks.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long started = System.nanoTime();
        double seconds = BackboneProcess.runClients(CLIENTS, errors, () -> {
            int i;
            while ((i = next.getAndIncrement()) < webhooks.size()) {
                Webhook webhook = webhooks.get(i);
                long wait = webhook.dueMillis() - (System.nanoTime() - started) / 1_000_000;
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                long begin = System.nanoTime();
                BackboneProcess.Response response = backbone.post(webhook.path(), CALLBACK, webhook.body());
                latencies[i] = System.nanoTime() - begin;
                if (response.statusCode() != 200) {
                    errors.incrementAndGet();
                    System.err.println(response.statusCode() + " " + response.body());
                }
            }
        });
        Arrays.sort(latencies);

        // Exactly once: each participant's stream in the event store holds one event per unique webhook.
        int lost = 0;
        int doubled = 0;
        int recorded = 0;
        for (Map.Entry<String, Integer> participant : expected.entrySet()) {
            JsonNode history = backbone.getJson("/api/v1/audit/" + URLEncoder.encode(participant.getKey(),
                    StandardCharsets.UTF_8), BackboneProcess.ADMIN);
            int events = history.size();
            recorded += events;
            lost += Math.max(0, participant.getValue() - events);
            doubled += Math.max(0, events - participant.getValue());
        }
        System.out.printf("| webhooks | of which retries | seconds | per second | p50 ms | p90 ms | p99 ms | max ms |"
                + " errors | attendance events expected | recorded | lost | doubled |%n");
        System.out.printf("| %d | %d | %.1f | %.0f | %d | %d | %d | %d | %d | %d | %d | %d | %d |%n", webhooks.size(),
                DUPLICATES, seconds, webhooks.size() / seconds, BackboneProcess.millis(latencies, 0.5),
                BackboneProcess.millis(latencies, 0.9), BackboneProcess.millis(latencies, 0.99),
                latencies[latencies.length - 1] / 1_000_000, errors.get(), WEBHOOKS - DUPLICATES, recorded, lost, doubled);
    }

    /**
     * 1,800 distinct webhooks (each endpoint connects 5 or 6 times: a join, then its leave 700 ms later),
     * spread evenly over the 10 seconds, and 200 of them sent again 300 ms after the first time.
     */
    private static List<Webhook> plan(String meetingId, String room, List<String> endpoints) {
        Random random = new Random(42);
        int unique = WEBHOOKS - DUPLICATES;
        int connections = unique / 2;
        long epoch = Instant.now().getEpochSecond();
        List<Webhook> plan = new ArrayList<>();
        long slot = STORM.toMillis() / ((connections + endpoints.size() - 1) / endpoints.size());
        for (int c = 0; c < connections; c++) {
            String unit = endpoints.get(c % endpoints.size());
            int round = c / endpoints.size();
            long joinAt = round * slot + random.nextInt((int) Math.max(1, slot - 700));
            String participant = "endpoint:" + unit;
            String attendanceId = meetingId + "|" + participant;
            long joinedAt = epoch + round * 2L;
            String jid = room.replaceFirst("^\\[[^]]+]", "") + "@conference.hop.hoason.gov.vn/" + Integer.toHexString(random.nextInt());
            plan.add(new Webhook(joinAt, "/jitsi/events/occupant/joined",
                    event("muc-occupant-joined", room, jid, participant, joinedAt, null), attendanceId));
            plan.add(new Webhook(joinAt + 700, "/jitsi/events/occupant/left",
                    event("muc-occupant-left", room, jid, participant, joinedAt, joinedAt + 1), attendanceId));
        }
        List<Webhook> originals = new ArrayList<>(plan);
        Collections.shuffle(originals, random);
        for (Webhook retried : originals.subList(0, DUPLICATES)) {
            plan.add(new Webhook(retried.dueMillis() + 300, retried.path(), retried.body(), retried.attendanceId()));
        }
        return plan;
    }

    private static Map<String, Object> event(String name, String room, String jid, String participant, long joinedAt,
                                             Long leftAt) {
        Map<String, Object> occupant = new LinkedHashMap<>();
        occupant.put("occupant_jid", jid);
        occupant.put("joined_at", joinedAt);
        occupant.put("name", "Điểm cầu");
        occupant.put("email", "");
        occupant.put("id", participant);
        if (leftAt != null) {
            occupant.put("left_at", leftAt);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_name", name);
        body.put("room_name", room);
        body.put("room_jid", room + "@conference.hop.hoason.gov.vn");
        body.put("is_breakout", false);
        body.put("occupant", occupant);
        return body;
    }
}
