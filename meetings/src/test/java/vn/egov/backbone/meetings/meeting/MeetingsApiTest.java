package vn.egov.backbone.meetings.meeting;

import vn.egov.backbone.eoffice.document.EOfficeApiTest;
import vn.egov.backbone.eoffice.signature.TestCertificates;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.meetings.testing.JitsiStub;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.core.testing.RunningNode;
import vn.egov.backbone.meetings.testing.MeetingsNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A province-to-commune meeting through the API and Jitsi's own interfaces: scheduling with every
 * commune as an endpoint, join tokens checked by an independent JWT library against the rules of
 * prosody's token plugin, mod_reservations, event_sync webhooks (retried, malformed, unauthenticated),
 * check-in, votes, minutes, the conclusion notice in e-office, and recording through a Jibri stub.
 */
public class MeetingsApiTest {
    static final String APP_SECRET = "bí-mật-ký-token-jitsi-thử-nghiệm-2026-đủ-dài";
    static final String CALLBACK_SECRET = "callback-secret-thu-nghiem";

    @TempDir
    static Path dataDir;
    static JitsiStub jitsiStub;
    static RunningNode backbone;
    static Province province;
    static Official chair, secretary, memberSnv, memberVp, communeOfficer, otherCommuneOfficer, outsider;

    @BeforeAll
    static void start() {
        jitsiStub = new JitsiStub();
        Map<String, Object> jitsi = new HashMap<>();
        jitsi.put("backbone.jitsi.base-url", "https://hop.thunghiem.gov.vn");
        jitsi.put("backbone.jitsi.tenant", "ThuNghiem");
        jitsi.put("backbone.jitsi.app-id", "backbone-tp");
        jitsi.put("backbone.jitsi.audience", "jitsi");
        jitsi.put("backbone.jitsi.app-secret", APP_SECRET);
        jitsi.put("backbone.jitsi.callback-secret", CALLBACK_SECRET);
        jitsi.put("backbone.jitsi.jibri-url", jitsiStub.url());
        jitsi.put("backbone.jitsi.jibri.domain", "recorder.hop.thunghiem.gov.vn");
        jitsi.put("backbone.jitsi.jibri.username", "recorder");
        jitsi.put("backbone.jitsi.jibri.password", "mat-khau-recorder");
        jitsi.put("backbone.jitsi.jicofo-url", jitsiStub.url());
        jitsi.put("backbone.jitsi.jvb-url", "http://127.0.0.1:9");
        backbone = RunningNode.start(MeetingsNode.class, jitsi, dataDir);
        province = new Province(backbone);
        chair = province.official("chutich.hop", "Trần Quốc Hưng", "TP.UBND", "LEADER", "NONE");
        secretary = province.official("thuky.hop", "Nguyễn Thị Mai", "TP.UBND", "MEETING_SECRETARY", "NONE");
        memberSnv = province.official("giamdoc.snv.hop", "Phạm Thị Hoa", "TP.SNV", "LEADER", "NONE");
        memberVp = province.official("chanhvp.hop", "Đỗ Văn Thành", "TP.UBND.VP", "LEADER", "NONE");
        communeOfficer = province.official("canbo.tanlap.hop", "Lò Văn Páo", "TP.001", "SPECIALIST", "NONE");
        otherCommuneOfficer = province.official("canbo.hoabinh.hop", "Hà Thị Xuân", "TP.002", "SPECIALIST", "NONE");
        outsider = province.official("chuyenvien.snv.hop", "Vũ Đức Long", "TP.SNV", "SPECIALIST", "NONE");
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        String fixture = System.getProperty("backbone.write-meeting-events");
        if (fixture != null) {
            writeMeetingEventsAsStored(java.nio.file.Path.of(fixture));
        }
        backbone.close();
        jitsiStub.close();
    }

    /**
     * Every meeting's events exactly as the event store holds them (payload type, revision, JSON), for
     * {@code MeetingEventsAsStoredTest} in the meetings module, which rebuilds meetings from them:
     * {@code mvn -pl meetings -am verify -Dtest=MeetingsApiTest -Dsurefire.failIfNoSpecifiedTests=false
     * -Dbackbone.write-meeting-events=$PWD/meetings/src/test/resources/events/meetings-as-stored.json}
     */
    private static void writeMeetingEventsAsStored(java.nio.file.Path target) throws java.io.IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var rows = org.springframework.jdbc.core.simple.JdbcClient.create(backbone.bean(javax.sql.DataSource.class))
                .sql("SELECT aggregate_identifier, sequence_number, payload_type, payload_revision, payload"
                        + " FROM domain_event_entry WHERE type = 'Meeting' ORDER BY aggregate_identifier, sequence_number")
                .query().listOfRows();
        var events = json.createArrayNode();
        for (var row : rows) {
            var event = events.addObject();
            event.put("aggregate", (String) row.get("aggregate_identifier"));
            event.put("sequence", ((Number) row.get("sequence_number")).longValue());
            event.put("type", (String) row.get("payload_type"));
            event.put("revision", (String) row.get("payload_revision"));
            event.set("payload", json.readTree((byte[]) row.get("payload")));
        }
        java.nio.file.Files.createDirectories(target.getParent());
        json.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), events);
    }

    static String schedule(String title, String kind, Instant startsAt, List<String> endpointKinds) {
        Api.Response created = secretary.api().post("/api/v1/meetings", meeting(title, kind, chair.id(),
                province.unitId("TP.UBND"), startsAt, List.of(memberSnv.id(), memberVp.id()), secretary.id(), endpointKinds));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    /** A schedule request of two hours in the People's Committee's hall. */
    public static Map<String, Object> meeting(String title, String kind, String chairId, String hostUnitId, Instant startsAt,
                                       List<String> inviteeIds, String secretaryId, List<String> endpointKinds) {
        Map<String, Object> request = new HashMap<>();
        request.put("title", title);
        request.put("kind", kind);
        request.put("chairId", chairId);
        request.put("hostUnitId", hostUnitId);
        request.put("startsAt", startsAt.toString());
        request.put("endsAt", startsAt.plus(2, ChronoUnit.HOURS).toString());
        request.put("location", "Hội trường tầng 3, UBND tỉnh");
        request.put("endpointKinds", endpointKinds);
        request.put("inviteeIds", inviteeIds);
        request.put("secretaryId", secretaryId);
        return request;
    }

    static Api jitsi(String secret) {
        Api api = Api.anonymous(backbone.baseUrl());
        return secret == null ? api : api.header("Authorization", "Bearer " + secret);
    }

    static DecodedJWT verified(String token, String room) {
        return JWT.require(Algorithm.HMAC256(APP_SECRET)).withIssuer("backbone-tp").withAudience("jitsi")
                .withSubject("thunghiem").withClaim("room", room).build().verify(token);
    }

    @Test
    void everyCommuneIsAnEndpointAndTokensFollowProsodysRules() {
        Instant start = Instant.now().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String id = schedule("Hội nghị trực tuyến giao ban quý IV — Đặc khu Hòn Ngư", "VIDEO_CONFERENCE", start,
                List.of("COMMUNE", "WARD", "SPECIAL_ZONE"));
        JsonNode meeting = secretary.api().get("/api/v1/meetings/" + id).body();
        String room = meeting.at("/meeting/roomSlug").asText();
        assertThat(room).matches("[a-z0-9-]+").startsWith("hoi-nghi-truc-tuyen-giao-ban-quy-iv-dac-khu-hon-")
                .endsWith("-" + id.substring(0, 8)).hasSizeLessThanOrEqualTo(57);
        assertThat(meeting.get("endpoints")).hasSize(5); // the host's hall and the four communes, wards and zones

        JsonNode chairJoin = chair.api().get("/api/v1/meetings/" + id + "/join").body();
        assertThat(chairJoin.get("url").asText()).startsWith("https://hop.thunghiem.gov.vn/thunghiem/" + room + "?jwt=");
        assertThat(chairJoin.get("roomName").asText()).isEqualTo("thunghiem/" + room);
        assertThat(chairJoin.get("domain").asText()).isEqualTo("hop.thunghiem.gov.vn");
        DecodedJWT chairToken = verified(chairJoin.get("jwt").asText(), room);
        assertThat(chairToken.getHeaderClaim("typ").asString()).isEqualTo("JWT");
        assertThat(chairToken.getAlgorithm()).isEqualTo("HS256");
        assertThat(chairToken.getNotBeforeAsInstant()).isEqualTo(start.minus(15, ChronoUnit.MINUTES));
        assertThat(chairToken.getExpiresAtAsInstant()).isEqualTo(start.plus(150, ChronoUnit.MINUTES));
        Map<String, Object> context = chairToken.getClaim("context").asMap();
        assertThat(context.get("user")).isEqualTo(Map.of("id", "official:" + chair.id(), "name", "Trần Quốc Hưng",
                "email", "", "avatar", "", "moderator", "true"));
        assertThat(((Map<?, ?>) context.get("features")).get("recording")).isEqualTo("false");

        DecodedJWT memberToken = verified(memberSnv.api().get("/api/v1/meetings/" + id + "/join").body().get("jwt").asText(), room);
        assertThat(((Map<?, ?>) memberToken.getClaim("context").asMap().get("user")).get("moderator")).isEqualTo("false");
        DecodedJWT secretaryToken = verified(secretary.api().get("/api/v1/meetings/" + id + "/join").body().get("jwt").asText(), room);
        assertThat(((Map<?, ?>) secretaryToken.getClaim("context").asMap().get("features")).get("recording")).isEqualTo("true");
        assertThat(((Map<?, ?>) secretaryToken.getClaim("context").asMap().get("user")).get("moderator")).isEqualTo("false");

        // A token is for this room only: prosody would refuse it for another.
        String token = chairJoin.get("jwt").asText();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verified(token, "phong-khac"))
                .isInstanceOf(JWTVerificationException.class);

        // Endpoints: a hall's screen moderates nothing (jitsi-conformance: "the host unit's hall likewise
        // unless the chair sits there"); each commune's own officials get its join.
        List<JsonNode> endpoints = List.copyOf(iterable(secretary.api().get("/api/v1/meetings/" + id + "/endpoint-joins").body()));
        assertThat(endpoints).hasSize(5);
        assertThat(endpoints).noneMatch(e -> e.get("moderator").asBoolean());
        String hostHall = province.unitId("TP.UBND");
        assertThat(chair.api().get("/api/v1/meetings/" + id + "/endpoints/" + hostHall + "/join").body().get("moderator")
                .asBoolean()).as("the chair runs the meeting from the host's hall").isTrue();
        assertThat(secretary.api().get("/api/v1/meetings/" + id + "/endpoints/" + hostHall + "/join").body().get("moderator")
                .asBoolean()).isFalse();
        // an official of the host unit who is not invited gets no token for its hall
        Official uninvited = province.official("chuyenvien.vp.khongmoi", "Lê Thị Thu", "TP.UBND", "SPECIALIST", "NONE");
        Api.Response refusedHall = uninvited.api().get("/api/v1/meetings/" + id + "/endpoints/" + hostHall + "/join");
        assertThat(refusedHall.status()).isEqualTo(403);
        assertThat(refusedHall.body().get("code").asText()).isEqualTo("conference.invitees-only");
        String tanLap = province.unitId("TP.001");
        JsonNode communeJoin = communeOfficer.api().get("/api/v1/meetings/" + id + "/endpoints/" + tanLap + "/join").body();
        DecodedJWT communeToken = verified(communeJoin.get("jwt").asText(), room);
        assertThat(communeToken.getClaim("context").asMap().get("user")).isEqualTo(Map.of("id", "endpoint:" + tanLap,
                "name", "Điểm cầu Xã Tân Lập", "email", "", "avatar", "", "moderator", "false"));
        assertThat(otherCommuneOfficer.api().get("/api/v1/meetings/" + id + "/endpoints/" + tanLap + "/join").status()).isEqualTo(403);
        assertThat(communeOfficer.api().get("/api/v1/meetings/" + id + "/endpoint-joins").status()).isEqualTo(403);

        // The meeting page embeds the room with Jitsi's IFrame API and the official's own token.
        String page = memberSnv.api().get("/meetings/" + id).raw().body();
        assertThat(page).contains("https://hop.thunghiem.gov.vn/external_api.js", "JitsiMeetExternalAPI",
                "thunghiem/" + room);

        // Only invitees; only in the time window.
        assertThat(outsider.api().get("/api/v1/meetings/" + id + "/join").status()).isEqualTo(404);
        String later = schedule("Họp chuẩn bị kỳ họp HĐND", "HYBRID", Instant.now().plus(3, ChronoUnit.HOURS), List.of());
        Api.Response early = chair.api().get("/api/v1/meetings/" + later + "/join");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("code").asText()).isEqualTo("conference.opens-at");
        assertThat(early.body().get("detail").asText()).startsWith("Phòng họp trực tuyến mở lúc");
        String inPerson = schedule("Họp tổ công tác", "IN_PERSON", Instant.now().plus(5, ChronoUnit.MINUTES), List.of());
        assertThat(chair.api().get("/api/v1/meetings/" + inPerson + "/join").status()).isEqualTo(409);
        // an in-person meeting's page has no video panel: the paperless panel takes the width
        String inPersonPage = chair.api().get("/meetings/" + inPerson).raw().body();
        assertThat(inPersonPage).doesNotContain("id=\"video\"").contains("meeting-layout no-video");
        assertThat(page).contains("id=\"video\"");
    }

    @Test
    void onlyScheduledMeetingsOpenRoomsThroughModReservations() {
        String id = schedule("Hội nghị triển khai chuyển đổi số cấp xã", "HYBRID",
                Instant.now().plus(5, ChronoUnit.MINUTES), List.of("COMMUNE"));
        String room = secretary.api().get("/api/v1/meetings/" + id).body().at("/meeting/roomSlug").asText();
        String form = "name=" + "%5Bthunghiem%5D" + room + "&start_time=2026-11-22T08%3A00%3A00.000Z&mail_owner=chutich%40thunghiem.gov.vn";

        assertThat(jitsi(null).raw("POST", "/jitsi/reservations/conference", "application/x-www-form-urlencoded", form).status())
                .isEqualTo(401);
        assertThat(jitsi("sai").raw("POST", "/jitsi/reservations/conference", "application/x-www-form-urlencoded", form).status())
                .isEqualTo(401);
        Api.Response unknown = jitsi(CALLBACK_SECRET).raw("POST", "/jitsi/reservations/conference",
                "application/x-www-form-urlencoded", "name=%5Bthunghiem%5Dphong-la&start_time=x&mail_owner=a");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("code").asText()).isEqualTo("conference.no-meeting-in-room");
        assertThat(unknown.body().get("message").asText()).contains("Không có cuộc họp nào được lên lịch");

        Api.Response reserved = jitsi(CALLBACK_SECRET).raw("POST", "/jitsi/reservations/conference",
                "application/x-www-form-urlencoded", form);
        assertThat(reserved.status()).as(reserved.toString()).isEqualTo(200);
        long conferenceId = reserved.body().get("id").asLong();
        assertThat(reserved.body().get("name").asText()).isEqualTo("[thunghiem]" + room);
        assertThat(reserved.body().get("duration").asLong()).isBetween(2 * 3600L, 3 * 3600L);
        assertThat(reserved.body().get("max_occupants").asInt()).isEqualTo(3 + 3 + 10); // seats, endpoints, spare
        assertThat(jitsi(CALLBACK_SECRET).get("/jitsi/reservations/conference/" + conferenceId).body().get("name").asText())
                .isEqualTo("[thunghiem]" + room);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                secretary.api().get("/api/v1/meetings/" + id).body().at("/meeting/roomOpen").asBoolean());
        assertThat(jitsi(CALLBACK_SECRET).delete("/jitsi/reservations/conference/" + conferenceId).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !secretary.api().get("/api/v1/meetings/" + id).body().at("/meeting/roomOpen").asBoolean());

        // A cancelled meeting opens no room; the reason reaches the user as the message.
        assertThat(secretary.api().post("/api/v1/meetings/" + id + "/cancellation", Map.of("reason", "Hoãn do bão số 9"))
                .status()).isEqualTo(204);
        Api.Response refused = jitsi(CALLBACK_SECRET).raw("POST", "/jitsi/reservations/conference",
                "application/x-www-form-urlencoded", form);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("code").asText()).isEqualTo("conference.meeting-status");
        assertThat(refused.body().get("message").asText()).isEqualTo("Cuộc họp trong phòng này đã hủy.");
        assertThat(memberSnv.api().get("/api/v1/meetings/notifications").body().toString()).contains("Hoãn do bão số 9");
    }

    /**
     * jitsi-meet {@code resources/prosody-plugins/mod_reservations.lua}: prosody posts the room's node as
     * {@code name} ({@code jid.node(room_jid)}, before mod_muc_domain_mapper: the bare slug in a tenant
     * deployment), checks that the answer's {@code name} is the one it sent, and keeps the room until
     * {@code expires_at = start_time + duration} ({@code set_status_success}), refusing it after that
     * ("Reservation expired") and destroying a running one then.
     */
    @Test
    void prosodyKeepsTheRoomUntilTheMeetingsEndPlusItsMarginWhicheverNameItSends() {
        Instant start = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String id = schedule("Hội nghị trực tuyến về phòng chống dịch bệnh gia súc", "VIDEO_CONFERENCE", start,
                List.of("COMMUNE"));
        String room = secretary.api().get("/api/v1/meetings/" + id).body().at("/meeting/roomSlug").asText();
        Instant closes = start.plus(2, ChronoUnit.HOURS).plus(30, ChronoUnit.MINUTES); // the end plus the 30-minute margin
        for (String name : List.of(room, "[thunghiem]" + room, room.toUpperCase(java.util.Locale.ROOT))) {
            Api.Response reserved = jitsi(CALLBACK_SECRET).raw("POST", "/jitsi/reservations/conference",
                    "application/x-www-form-urlencoded", "name=" + java.net.URLEncoder.encode(name,
                            java.nio.charset.StandardCharsets.UTF_8) + "&start_time=2026-12-03T08%3A00%3A00.000Z"
                            + "&mail_owner=focus%40auth.hop.thunghiem.gov.vn");
            assertThat(reserved.status()).as(name + ": " + reserved).isEqualTo(200);
            assertThat(reserved.body().get("name").asText().toLowerCase(java.util.Locale.ROOT))
                    .as("prosody drops an answer naming another room").isEqualTo(name.toLowerCase(java.util.Locale.ROOT));
            Instant startTime = Instant.parse(reserved.body().get("start_time").asText());
            Instant expiresAt = startTime.plusSeconds(reserved.body().get("duration").asLong());
            assertThat(expiresAt).as("prosody's expires_at").isEqualTo(closes);
        }
    }

    /**
     * jitsi-contrib {@code event_sync/mod_event_sync_component.lua}: room events carry {@code is_breakout}
     * and the main room's name for breakout rooms; prosody's JSON encoder writes an empty table as
     * {@code {}} (so {@code all_occupants} of an emptied room is an object); occupants carry their own
     * {@code joined_at}, which attendance keeps.
     */
    @Test
    void eventSyncAsProsodySendsItBreakoutRoomsEmptyTablesAndItsOwnTimes() {
        String id = schedule("Hội nghị trực tuyến tổng kết phong trào thi đua", "VIDEO_CONFERENCE",
                Instant.now().plus(5, ChronoUnit.MINUTES), List.of("COMMUNE"));
        String room = "[thunghiem]" + secretary.api().get("/api/v1/meetings/" + id).body().at("/meeting/roomSlug").asText();
        long now = Instant.now().getEpochSecond();
        assertThat(jitsi(CALLBACK_SECRET).post("/jitsi/events/room/created", Map.of("event_name", "muc-room-created",
                "room_name", room, "room_jid", room + "@conference.hop.thunghiem.gov.vn", "is_breakout", false,
                "created_at", now - 300)).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                secretary.api().get("/api/v1/meetings/" + id).body().at("/meeting/roomOpen").asBoolean());

        // a member joined two minutes ago by prosody's clock: checked in then, not when Backbone heard of it
        long joinedAt = now - 120;
        assertThat(jitsi(CALLBACK_SECRET).post("/jitsi/events/occupant/joined", occupantEvent("muc-occupant-joined",
                room, "official:" + memberSnv.id(), "Phạm Thị Hoa", joinedAt, null)).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode seat = Province.find(secretary.api().get("/api/v1/meetings/" + id).body().get("seats"), "seatId",
                    memberSnv.id());
            assertThat(seat.get("presence").asText()).isEqualTo("ONLINE");
            assertThat(java.time.OffsetDateTime.parse(seat.get("checkedInAt").asText()).toInstant())
                    .isEqualTo(Instant.ofEpochSecond(joinedAt));
        });

        // a breakout room opens and closes under the main room's name: the conference goes on
        assertThat(jitsi(CALLBACK_SECRET).raw("POST", "/jitsi/events/room/created", "application/json",
                "{\"event_name\":\"muc-room-created\",\"room_name\":\"" + room + "\",\"is_breakout\":true,"
                        + "\"breakout_room_id\":\"a1b2c3@breakout.hop.thunghiem.gov.vn\",\"created_at\":" + (now - 60)
                        + ",\"a_field_added_later\":1}").status()).isEqualTo(200);
        Api.Response breakoutEnded = jitsi(CALLBACK_SECRET).raw("POST", "/jitsi/events/room/destroyed", "application/json",
                "{\"event_name\":\"muc-room-destroyed\",\"room_name\":\"" + room + "\",\"is_breakout\":true,"
                        + "\"breakout_room_id\":\"a1b2c3@breakout.hop.thunghiem.gov.vn\",\"destroyed_at\":" + (now - 10)
                        + ",\"all_occupants\":{}}");
        assertThat(breakoutEnded.status()).as(breakoutEnded.toString()).isEqualTo(200);
        assertThat(secretary.api().get("/api/v1/meetings/" + id).body().at("/meeting/roomOpen").asBoolean())
                .as("a breakout room's end is not the conference's").isTrue();

        // the main room, emptied, is destroyed: all_occupants comes as {} and closes the conference, twice as well
        String destroyed = "{\"event_name\":\"muc-room-destroyed\",\"room_name\":\"" + room + "\",\"is_breakout\":false,"
                + "\"destroyed_at\":" + now + ",\"all_occupants\":{}}";
        assertThat(jitsi(CALLBACK_SECRET).raw("POST", "/jitsi/events/room/destroyed", "application/json", destroyed)
                .status()).isEqualTo(200);
        assertThat(jitsi(CALLBACK_SECRET).raw("POST", "/jitsi/events/room/destroyed", "application/json", destroyed)
                .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !secretary.api().get("/api/v1/meetings/" + id).body().at("/meeting/roomOpen").asBoolean());
    }

    /**
     * One official holds at most 20 live channels on a node (the meeting page, its room screen and board on a few
     * devices): a script or a page reconnecting in a loop under one account cannot take the node's 5,000 and leave
     * every tablet of the hall refused. The 21st is refused with 429 and a Retry-After; another official still
     * connects. Seen failing without the limit: the 21st answered 200.
     */
    @Test
    void oneOfficialHoldsAtMostTwentyLiveChannels() throws Exception {
        Official delegate = province.official("daibieu.gioihan", "Đinh Văn Giới", "TP.SNV", "SPECIALIST", "NONE");
        Api.Response created = secretary.api().post("/api/v1/meetings", meeting("Họp thử giới hạn kết nối trực tiếp",
                "IN_PERSON", chair.id(), province.unitId("TP.UBND"), Instant.now().plus(1, ChronoUnit.HOURS),
                List.of(delegate.id()), secretary.id(), List.of()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String live = backbone.baseUrl() + "/meetings/" + created.body().get("id").asText() + "/live";
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        List<java.net.http.HttpResponse<java.io.InputStream>> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                open.add(client.send(liveChannel(live, delegate), java.net.http.HttpResponse.BodyHandlers.ofInputStream()));
                assertThat(open.getLast().statusCode()).as("channel " + (i + 1)).isEqualTo(200);
            }
            open.add(client.send(liveChannel(live, delegate), java.net.http.HttpResponse.BodyHandlers.ofInputStream()));
            assertThat(open.getLast().statusCode()).as("the 21st").isEqualTo(429);
            assertThat(open.getLast().headers().firstValue("Retry-After")).isPresent();
            open.add(client.send(liveChannel(live, chair), java.net.http.HttpResponse.BodyHandlers.ofInputStream()));
            assertThat(open.getLast().statusCode()).as("another official").isEqualTo(200);
        } finally {
            for (var response : open) {
                response.body().close();
            }
        }
    }

    /** The live channel's request as a page's EventSource sends it (its answer begins at once: see MeetingLiveFeed). */
    private static java.net.http.HttpRequest liveChannel(String url, Official official) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Authorization", official.api().authorization())
                .header("Accept", "text/event-stream").GET().build();
    }

    /**
     * The endpoints board is live: a hall joining or leaving tells the pages watching the meeting (server-sent
     * events), though the meeting itself did not change. Seen failing before: the feed watched the meeting's version
     * only, and the board refreshed itself every 5 seconds.
     */
    @Test
    void theEndpointsBoardIsToldWhenAHallJoinsOrLeaves() throws Exception {
        String id = schedule("Hội nghị trực tuyến triển khai nhiệm vụ năm 2027", "VIDEO_CONFERENCE",
                Instant.now().plus(5, ChronoUnit.MINUTES), List.of("COMMUNE"));
        String room = "[thunghiem]" + secretary.api().get("/api/v1/meetings/" + id).body().at("/meeting/roomSlug").asText();
        String tanLap = province.unitId("TP.001");
        assertThat(secretary.api().post("/api/v1/meetings/" + id + "/agenda", Map.of("title", "Khai mạc")).status())
                .isEqualTo(201);
        long version = secretary.api().get("/api/v1/meetings/" + id).body().at("/meeting/version").asLong();
        assertThat(version).isPositive();
        java.util.concurrent.BlockingQueue<String> ids = new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        var stream = client.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(backbone.baseUrl()
                                + "/meetings/" + id + "/live")).header("Authorization", secretary.api().authorization())
                        // one behind: told at once, so the watch is known to be in place before a hall joins
                        .header("Last-Event-ID", Long.toString(version - 1))
                        .header("Accept", "text/event-stream").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                stream.get().body().filter(line -> line.startsWith("id:")).forEach(line -> ids.add(line.substring(3).strip()));
            } catch (Exception ignored) {
                // the test is over
            }
        });
        try {
            assertThat(ids.poll(15, java.util.concurrent.TimeUnit.SECONDS)).as("connected").isEqualTo(Long.toString(version));
            assertThat(stream.get().statusCode()).isEqualTo(200);
            long joinedAt = Instant.now().getEpochSecond();
            assertThat(jitsi(CALLBACK_SECRET).post("/jitsi/events/occupant/joined", occupantEvent("muc-occupant-joined", room,
                    "endpoint:" + tanLap, "Điểm cầu Xã Tân Lập", joinedAt, null)).status()).isEqualTo(200);
            String joined = ids.poll(15, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(joined).as("told of the join").isNotNull();
            assertThat(jitsi(CALLBACK_SECRET).post("/jitsi/events/occupant/left", occupantEvent("muc-occupant-left", room,
                    "endpoint:" + tanLap, "Điểm cầu Xã Tân Lập", joinedAt, joinedAt + 60)).status()).isEqualTo(200);
            String left = ids.poll(15, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(left).as("told of the leave").isNotNull();
            assertThat(Long.parseLong(left)).isGreaterThan(Long.parseLong(joined));
            assertThat(secretary.api().get("/api/v1/meetings/" + id).body().at("/meeting/version").asLong())
                    .as("the meeting itself did not change").isEqualTo(version);
            assertThat(secretary.api().get("/meetings/" + id + "/endpoints").raw().body())
                    .contains("data-live", "/js/live-").doesNotContain("http-equiv=\"refresh\"");
        } finally {
            stream.cancel(true);
            reader.interrupt();
        }
    }

    @Test
    void eventSyncRecordsEachConnectionOnceChecksOfficialsInAndRefusesBadCalls() {
        String id = schedule("Hội nghị trực tuyến phòng chống thiên tai", "VIDEO_CONFERENCE",
                Instant.now().plus(5, ChronoUnit.MINUTES), List.of("COMMUNE", "WARD", "SPECIAL_ZONE"));
        String room = "[thunghiem]" + secretary.api().get("/api/v1/meetings/" + id).body().at("/meeting/roomSlug").asText();
        String tanLap = province.unitId("TP.001");
        long joinedAt = Instant.now().getEpochSecond();
        Map<String, Object> endpointJoin = occupantEvent("muc-occupant-joined", room, "endpoint:" + tanLap,
                "Điểm cầu Xã Tân Lập", joinedAt, null);

        assertThat(jitsi(CALLBACK_SECRET).post("/jitsi/events/occupant/joined", endpointJoin).status()).isEqualTo(200);
        assertThat(jitsi(CALLBACK_SECRET).post("/jitsi/events/occupant/joined", endpointJoin).status()).isEqualTo(200); // retry
        assertThat(jitsi(CALLBACK_SECRET).post("/jitsi/events/occupant/joined",
                occupantEvent("muc-occupant-joined", room, "official:" + memberSnv.id(), "Phạm Thị Hoa", joinedAt, null))
                .status()).isEqualTo(200);

        // Refused, changing nothing: no secret, unknown room, malformed, wrong event for the address.
        assertThat(jitsi(null).post("/jitsi/events/occupant/joined", endpointJoin).status()).isEqualTo(401);
        assertThat(jitsi(CALLBACK_SECRET).post("/jitsi/events/occupant/joined",
                occupantEvent("muc-occupant-joined", "[thunghiem]phong-la", "endpoint:x", "X", joinedAt, null)).status())
                .isEqualTo(404);
        assertThat(jitsi(CALLBACK_SECRET).raw("POST", "/jitsi/events/occupant/joined", "application/json",
                "{\"event_name\":\"muc-occupant-joined\",\"room_name\":\"" + room + "\",\"occupant\":{\"name\":\"x\"}}")
                .status()).isEqualTo(400);
        assertThat(jitsi(CALLBACK_SECRET).raw("POST", "/jitsi/events/occupant/joined", "application/json", "{not json")
                .status()).isEqualTo(400);
        assertThat(jitsi(CALLBACK_SECRET).post("/jitsi/events/occupant/left", endpointJoin).status()).isEqualTo(400);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode meeting = secretary.api().get("/api/v1/meetings/" + id).body();
            JsonNode board = Province.find(meeting.get("endpoints"), "unitId", tanLap);
            assertThat(board.get("connections").asInt()).isEqualTo(1);
            assertThat(meeting.get("endpoints").findValues("connections").stream().mapToInt(JsonNode::asInt).sum()).isEqualTo(1);
            assertThat(Province.find(meeting.get("seats"), "seatId", memberSnv.id()).get("presence").asText()).isEqualTo("ONLINE");
            assertThat(meeting.at("/quorum/present").asInt()).isEqualTo(1);
        });

        Map<String, Object> endpointLeft = occupantEvent("muc-occupant-left", room, "endpoint:" + tanLap,
                "Điểm cầu Xã Tân Lập", joinedAt, joinedAt + 600);
        assertThat(jitsi(CALLBACK_SECRET).post("/jitsi/events/occupant/left", endpointLeft).status()).isEqualTo(200);
        assertThat(jitsi(CALLBACK_SECRET).post("/jitsi/events/occupant/left", endpointLeft).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode board = Province.find(secretary.api().get("/api/v1/meetings/" + id).body().get("endpoints"), "unitId", tanLap);
            assertThat(board.get("connections").asInt()).isZero();
            assertThat(board.get("firstJoinedAt").asText()).isEqualTo(Instant.ofEpochSecond(joinedAt).toString());
        });
    }

    @Test
    void aMeetingRunsFromAgendaToVoteToMinutesAndItsConclusionIsDraftedInEOffice() throws Exception {
        String id = schedule("Phiên họp thường kỳ UBND tỉnh tháng 11", "HYBRID",
                Instant.now().plus(5, ChronoUnit.MINUTES), List.of());
        String base = "/api/v1/meetings/" + id;
        String item = secretary.api().post(base + "/agenda", Map.of("title", "Tờ trình dự toán ngân sách năm 2027",
                "presenterId", memberVp.id(), "plannedMinutes", 30)).body().get("id").asText();
        assertThat(memberSnv.api().post(base + "/agenda", Map.of("title", "Chen ngang")).status()).isEqualTo(403);

        // Documents: the draft estimate opens to members tomorrow; the secretary sees it now. Comments are per member.
        String tomorrow = java.net.URLEncoder.encode(Instant.now().plus(1, ChronoUnit.DAYS).toString(), java.nio.charset.StandardCharsets.UTF_8);
        Api.Response uploaded = EOfficeApiTest.upload(secretary.api(), base + "/documents?itemId=" + item + "&visibleFrom=" + tomorrow
                + "&title=" + java.net.URLEncoder.encode("Dự thảo dự toán 2027", java.nio.charset.StandardCharsets.UTF_8),
                "du-toan-2027.pdf", EOfficeApiTest.pdf());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String later = uploaded.body().get("id").asText();
        Api.Response openNow = EOfficeApiTest.upload(secretary.api(), base + "/documents", "bao-cao-kt-xh.pdf", EOfficeApiTest.pdf());
        String now = openNow.body().get("id").asText();
        assertThat(memberSnv.api().get(base).body().get("documents").findValuesAsText("documentId")).containsExactly(now);
        assertThat(secretary.api().get(base).body().get("documents").findValuesAsText("documentId")).contains(now, later);
        assertThat(memberSnv.api().getBytes(base + "/documents/" + later + "/file").statusCode()).isEqualTo(404);
        HttpResponseCheck.pdf(memberSnv.api().getBytes(base + "/documents/" + now + "/file"));
        assertThat(memberSnv.api().post(base + "/documents/" + later + "/comments", Map.of("text", "Xin xem trước")).status()).isEqualTo(409);
        assertThat(memberSnv.api().post(base + "/documents/" + now + "/comments", Map.of("text", "Đề nghị bổ sung số liệu quý IV")).status())
                .isEqualTo(204);
        assertThat(outsider.api().post(base + "/documents/" + now + "/comments", Map.of("text", "Ý kiến")).status()).isEqualTo(404);
        assertThat(secretary.api().get(base + "/documents/" + now + "/comments").body().get(0).get("text").asText())
                .isEqualTo("Đề nghị bổ sung số liệu quý IV");
        assertThat(memberSnv.api().post(base + "/invitation", Map.of("accept", true)).status()).isEqualTo(204);
        assertThat(secretary.api().post(base + "/start", Map.of()).status()).isEqualTo(204);
        assertThat(secretary.api().post(base + "/agenda/" + item + "/current", Map.of()).status()).isEqualTo(204);
        assertThat(secretary.api().post(base + "/check-ins", Map.of("seatId", chair.id())).status()).isEqualTo(204);
        // A member checks in from the room's QR code: its code, not any code.
        String code = secretary.api().get(base).body().at("/meeting/checkInCode").asText();
        assertThat(memberSnv.api().get(base).body().at("/meeting/checkInCode").isNull()).isTrue();
        assertThat(memberSnv.api().post(base + "/check-ins", Map.of("code", "SAIMA1")).status()).isEqualTo(409);
        assertThat(memberSnv.api().post(base + "/check-ins", Map.of("code", code)).status()).isEqualTo(204);
        assertThat(secretary.api().post(base + "/absences", Map.of("seatId", memberVp.id(), "reason", "Đi công tác")).status())
                .isEqualTo(204);

        String speech = memberSnv.api().post(base + "/floor-requests", Map.of("itemId", item, "kind", "FOR")).body().get("id").asText();
        assertThat(chair.api().post(base + "/floor-requests/" + speech + "/floor", Map.of("speakingSeconds", 180)).status()).isEqualTo(204);
        assertThat(chair.api().get(base + "/projector").body().at("/speaker/speakerName").asText()).isEqualTo("Phạm Thị Hoa");
        // The room screen shows who speaks and the time left of the three minutes.
        assertThat(chair.api().get("/meetings/" + id + "/projector").raw().body()).contains("Phạm Thị Hoa")
                .containsPattern("id=\"speaking-time\" data-countdown=\"1[0-9]{2}\">0[23]:[0-5][0-9]<");

        String vote = secretary.api().post(base + "/votes", Map.of("itemId", item, "question", "Thông qua dự toán ngân sách năm 2027?",
                "secret", false, "base", "ENTITLED")).body().get("id").asText();
        assertThat(chair.api().post(base + "/votes/" + vote + "/ballots", Map.of("choice", "YES")).status()).isEqualTo(204);
        assertThat(memberSnv.api().post(base + "/votes/" + vote + "/ballots", Map.of("choice", "YES")).status()).isEqualTo(204);
        Api.Response again = memberSnv.api().post(base + "/votes/" + vote + "/ballots", Map.of("choice", "NO"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(outsider.api().post(base + "/votes/" + vote + "/ballots", Map.of("choice", "NO")).status()).isEqualTo(404);
        assertThat(memberVp.api().post(base + "/votes/" + vote + "/ballots", Map.of("choice", "NO", "writtenOpinion", true)).status())
                .isEqualTo(204);
        assertThat(memberSnv.api().get(base).body().at("/votes/0/yesCount").isNull()).isTrue(); // live count: chair only
        assertThat(chair.api().get(base).body().at("/votes/0/yesCount").asInt()).isEqualTo(2);
        assertThat(secretary.api().post(base + "/votes/" + vote + "/closure", Map.of()).status()).isEqualTo(204);
        assertThat(chair.api().post(base + "/votes/" + vote + "/ballots", Map.of("choice", "NO")).status()).isEqualTo(409);
        JsonNode projected = secretary.api().get(base + "/projector").body().get("vote");
        assertThat(projected.get("yesCount").asInt()).isEqualTo(2);
        assertThat(projected.get("noCount").asInt()).isEqualTo(1);
        assertThat(projected.get("yesPercent").asDouble()).isEqualTo(66.67);
        assertThat(projected.get("adopted").asBoolean()).isTrue();

        // A secret vote, cast in a known order (chair YES, member NO, the absent member's written opinion YES):
        // the event store holds who voted and, at the close, the totals — no choice that order or time could tie to a seat.
        String secretVote = secretary.api().post(base + "/votes", Map.of("itemId", item, "question",
                "Tín nhiệm Trưởng ban soạn thảo?", "secret", true, "base", "ENTITLED")).body().get("id").asText();
        assertThat(chair.api().post(base + "/votes/" + secretVote + "/ballots", Map.of("choice", "YES")).status()).isEqualTo(204);
        assertThat(memberSnv.api().post(base + "/votes/" + secretVote + "/ballots", Map.of("choice", "NO")).status()).isEqualTo(204);
        assertThat(memberVp.api().post(base + "/votes/" + secretVote + "/ballots", Map.of("choice", "YES", "writtenOpinion", true))
                .status()).isEqualTo(204);
        assertThat(secretary.api().post(base + "/votes/" + secretVote + "/closure", Map.of()).status()).isEqualTo(204);
        javax.sql.DataSource store = backbone.bean(javax.sql.DataSource.class);
        List<String[]> stored = org.springframework.jdbc.core.simple.JdbcClient.create(store).sql(
                        "SELECT payload_type, payload FROM domain_event_entry WHERE aggregate_identifier = :id ORDER BY sequence_number")
                .param("id", id).query((rs, row) -> new String[] {rs.getString(1),
                        new String(rs.getBytes(2), java.nio.charset.StandardCharsets.UTF_8)}).list();
        List<String[]> ofTheVote = stored.stream().filter(event -> event[1].contains(secretVote)).toList();
        assertThat(ofTheVote).extracting(event -> event[0].substring(event[0].lastIndexOf('$') + 1))
                .containsExactly("VoteOpened", "VoteCast", "VoteCast", "VoteCast", "VoteClosed");
        assertThat(ofTheVote).filteredOn(event -> event[0].endsWith("VoteCast"))
                .allSatisfy(event -> assertThat(event[1]).doesNotContain("\"YES\"", "\"NO\"", "\"ABSTAIN\""));
        JsonNode secretResult = Province.find(secretary.api().get(base).body().get("votes"), "voteId", secretVote);
        assertThat(secretResult.get("yesCount").asInt()).isEqualTo(2);
        assertThat(secretResult.get("noCount").asInt()).isEqualTo(1);
        assertThat(secretResult.get("ballots")).as("who voted: three seats, and no choice next to them").hasSize(3)
                .allSatisfy(ballot -> assertThat(ballot.path("choice").isNull() || ballot.path("choice").isMissingNode()).isTrue());

        assertThat(secretary.api().put(base + "/minutes", Map.of("text", "Biên bản phiên họp: thông qua dự toán 2027.")).status())
                .isEqualTo(204);
        assertThat(chair.api().post(base + "/minutes/approval", Map.of("version", 1)).status()).isEqualTo(204);
        assertThat(secretary.api().put(base + "/minutes", Map.of("text", "Sửa sau khi duyệt")).status()).isEqualTo(409);
        // Who finds the minutes in search: search's own tests (SearchApiTest).
        assertThat(secretary.api().post(base + "/end", Map.of()).status()).isEqualTo(204);
        Api.Response notice = secretary.api().post(base + "/conclusion", Map.of(
                "subject", "Thông báo kết luận phiên họp thường kỳ UBND tỉnh tháng 11",
                "body", "Ủy ban nhân dân tỉnh thống nhất thông qua dự toán ngân sách năm 2027."));
        assertThat(notice.status()).as(notice.toString()).isEqualTo(201);
        String documentId = notice.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response draft = secretary.api().get("/api/v1/documents/" + documentId);
            assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
            assertThat(draft.body().toString()).contains("Thông báo kết luận phiên họp thường kỳ", "THONG_BAO");
        });
        assertThat(backbone.admin().get("/api/v1/audit/" + id).body().toString()).contains(secretary.id(), chair.id());
    }

    @Test
    void theSecretaryRecordsThroughJibriAndTheHealthOfJitsiIsShown() {
        String id = schedule("Hội nghị sơ kết công tác cải cách hành chính", "HYBRID",
                Instant.now().plus(5, ChronoUnit.MINUTES), List.of());
        String base = "/api/v1/meetings/" + id;
        assertThat(secretary.api().post(base + "/recording", Map.of()).status()).isEqualTo(409); // not started
        assertThat(chair.api().post(base + "/start", Map.of()).status()).isEqualTo(204);
        assertThat(chair.api().post(base + "/recording", Map.of()).status()).isEqualTo(403);
        Api.Response started = secretary.api().post(base + "/recording", Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String room = secretary.api().get(base).body().at("/meeting/roomSlug").asText();
        assertThat(jitsiStub.received("/jibri/api/v1.0/startService")).last().satisfies(r -> assertThat(r.body())
                .contains("\"callName\":\"" + room + "\"", "\"sinkType\":\"file\"",
                        "\"username\":\"recorder\"", started.body().get("sessionId").asText()));
        // Jibri joins baseUrl + "/" + callName (jitsi/jibri CallUrlInfo.kt): the tenant's room, the one people are in
        assertThat(jitsiStub.lastRecordedCallUrl()).isEqualTo("https://hop.thunghiem.gov.vn/thunghiem/" + room);
        assertThat(secretary.api().post(base + "/recording", Map.of()).status()).isEqualTo(409);
        assertThat(secretary.api().delete(base + "/recording").status()).isEqualTo(204);
        assertThat(jitsiStub.received("/jibri/api/v1.0/stopService")).isNotEmpty();
        String board = secretary.api().get("/meetings/" + id + "/endpoints").raw().body();
        assertThat(board).contains("jitsi-health", "jicofo", "jibri", "UNREACHABLE");

        JsonNode health = secretary.api().get("/api/v1/jitsi/health").body();
        assertThat(health.get("configured").asBoolean()).isTrue();
        assertThat(Province.find(health.get("services"), "service", "jicofo").get("status").asText()).isEqualTo("UP");
        assertThat(Province.find(health.get("services"), "service", "jibri").get("status").asText()).isEqualTo("UP");
        assertThat(Province.find(health.get("services"), "service", "jvb").get("status").asText()).isEqualTo("UNREACHABLE");

        // Jibri's answer stops after its first bytes: given up after the 5 s the node allows Jitsi's services, where
        // the JDK client's own handler waited for the whole answer (seen: UP, after the stub's 12 s)
        jitsiStub.stallNextHealth(12_000);
        JsonNode quiet = secretary.api().get("/api/v1/jitsi/health").body();
        assertThat(Province.find(quiet.get("services"), "service", "jibri").get("status").asText()).isEqualTo("UNREACHABLE");
        assertThat(Province.find(quiet.get("services"), "service", "jibri").get("detail").asText()).contains("no bytes");
    }

    @Test
    void theMinutesAreDraftedFromTheMeetingsEventsApprovedAndSignedByTheSecretaryAndTheChair() throws Exception {
        Official deputy = province.official("phochanhvp.bienban", "Ngô Thị Lan", "TP.UBND.VP", "SPECIALIST", "NONE");
        String id = schedule("Phiên họp chuyên đề về chuyển đổi số", "HYBRID", Instant.now().plus(5, ChronoUnit.MINUTES), List.of());
        String base = "/api/v1/meetings/" + id;
        String progress = secretary.api().post(base + "/agenda", Map.of("title", "Báo cáo tiến độ Đề án 06",
                "presenterId", memberSnv.id(), "plannedMinutes", 20)).body().get("id").asText();
        String plan = secretary.api().post(base + "/agenda", Map.of("title", "Kế hoạch chuyển đổi số năm 2027",
                "presenterId", memberVp.id(), "plannedMinutes", 30)).body().get("id").asText();
        assertThat(secretary.api().post(base + "/agenda/" + plan + "/position", Map.of("position", 1)).status()).isEqualTo(204);
        assertThat(EOfficeApiTest.upload(secretary.api(), base + "/documents?itemId=" + progress + "&title="
                + java.net.URLEncoder.encode("Báo cáo Đề án 06", java.nio.charset.StandardCharsets.UTF_8),
                "bao-cao-de-an-06.pdf", EOfficeApiTest.pdf()).status()).isEqualTo(201);
        assertThat(memberVp.api().post(base + "/delegation", Map.of("deputyId", deputy.id())).status()).isEqualTo(204);
        assertThat(secretary.api().post(base + "/minutes/composition", Map.of()).status()).as("before the meeting").isEqualTo(409);

        assertThat(secretary.api().post(base + "/start", Map.of()).status()).isEqualTo(204);
        assertThat(secretary.api().post(base + "/check-ins", Map.of("seatId", chair.id())).status()).isEqualTo(204);
        assertThat(secretary.api().post(base + "/check-ins", Map.of("seatId", memberSnv.id(), "presence", "ONLINE")).status())
                .isEqualTo(204);
        assertThat(secretary.api().post(base + "/check-ins", Map.of("seatId", memberVp.id())).status()).isEqualTo(204);
        String speech = memberSnv.api().post(base + "/floor-requests", Map.of("itemId", progress, "kind", "FOR"))
                .body().get("id").asText();
        assertThat(chair.api().post(base + "/floor-requests/" + speech + "/floor", Map.of("speakingSeconds", 180)).status())
                .isEqualTo(204);
        assertThat(chair.api().post(base + "/floor-requests/" + speech + "/end", Map.of()).status()).isEqualTo(204);
        String named = secretary.api().post(base + "/votes", Map.of("itemId", plan, "question",
                "Thông qua Kế hoạch chuyển đổi số năm 2027?", "secret", false, "base", "ENTITLED")).body().get("id").asText();
        assertThat(chair.api().post(base + "/votes/" + named + "/ballots", Map.of("choice", "YES")).status()).isEqualTo(204);
        assertThat(memberSnv.api().post(base + "/votes/" + named + "/ballots", Map.of("choice", "NO")).status()).isEqualTo(204);
        assertThat(deputy.api().post(base + "/votes/" + named + "/ballots", Map.of("choice", "YES")).status()).isEqualTo(204);
        assertThat(secretary.api().post(base + "/votes/" + named + "/closure", Map.of()).status()).isEqualTo(204);
        String secret = secretary.api().post(base + "/votes", Map.of("itemId", plan, "question",
                "Giới thiệu Tổ trưởng tổ công tác?", "secret", true, "base", "ENTITLED")).body().get("id").asText();
        assertThat(chair.api().post(base + "/votes/" + secret + "/ballots", Map.of("choice", "NO")).status()).isEqualTo(204);
        assertThat(memberSnv.api().post(base + "/votes/" + secret + "/ballots", Map.of("choice", "YES")).status()).isEqualTo(204);
        assertThat(deputy.api().post(base + "/votes/" + secret + "/ballots", Map.of("choice", "YES")).status()).isEqualTo(204);
        assertThat(secretary.api().post(base + "/votes/" + secret + "/closure", Map.of()).status()).isEqualTo(204);
        assertThat(secretary.api().post(base + "/end", Map.of()).status()).isEqualTo(204);
        assertThat(secretary.api().post(base + "/conclusion", Map.of("subject", "Kết luận của Chủ tịch UBND tỉnh",
                "body", "Giao Sở Khoa học và Công nghệ hoàn thiện Kế hoạch trước ngày 15/12.")).status()).isEqualTo(201);

        // Only the chair and the secretary have a draft written; outsiders do not learn the meeting exists.
        assertThat(outsider.api().get(base + "/minutes/draft").status()).isEqualTo(404);
        assertThat(memberSnv.api().post(base + "/minutes/composition", Map.of()).status()).isEqualTo(403);
        Api.Response composed = secretary.api().post(base + "/minutes/composition", Map.of());
        assertThat(composed.status()).as(composed.toString()).isEqualTo(201);
        assertThat(composed.body().get("version").asInt()).isEqualTo(1);
        String text = secretary.api().get(base).body().at("/meeting/minutesText").asText();
        assertThat(text).contains("Hình thức: trực tiếp kết hợp trực tuyến", "Địa điểm: Hội trường tầng 3, UBND tỉnh.",
                "Chủ trì: Trần Quốc Hưng", "Thư ký: Nguyễn Thị Mai", "I. THÀNH PHẦN THAM DỰ", "Có mặt 3/3 thành viên.",
                "Phạm Thị Hoa: dự trực tuyến (vào phòng họp lúc ", "Đỗ Văn Thành: cử Ngô Thị Lan dự thay; Ngô Thị Lan có mặt trực tiếp",
                "Tài liệu: Báo cáo Đề án 06.", "Trình bày: Đỗ Văn Thành.",
                "Biểu quyết công khai: Thông qua Kế hoạch chuyển đổi số năm 2027?", "- Tán thành 2/3 (66,67%)",
                "- Kết quả: thông qua.", "- Tán thành: Trần Quốc Hưng, Ngô Thị Lan.", "- Không tán thành: Phạm Thị Hoa.",
                "Biểu quyết kín: Giới thiệu Tổ trưởng tổ công tác?", "III. KẾT LUẬN", "Kết luận của Chủ tịch UBND tỉnh",
                "Giao Sở Khoa học và Công nghệ hoàn thiện Kế hoạch trước ngày 15/12.", "Cuộc họp kết thúc lúc ")
                .containsPattern("- Phạm Thị Hoa \\(tán thành\\): \\d+ (phút|giây)");
        assertThat(text.indexOf("1. Kế hoạch chuyển đổi số năm 2027")).as("the agenda in its final order")
                .isPositive().isLessThan(text.indexOf("2. Báo cáo tiến độ Đề án 06"));
        String secretPart = text.substring(text.indexOf("Biểu quyết kín"), text.indexOf("2. Báo cáo tiến độ Đề án 06"));
        assertThat(secretPart).as("a secret vote names nobody").contains("Tán thành 2/3").doesNotContain(
                "Trần Quốc Hưng", "Phạm Thị Hoa", "Ngô Thị Lan");

        // The secretary edits the draft; the chair approves the version read. Signing waits for the approval.
        assertThat(secretary.api().put(base + "/minutes", Map.of("text", text + "\nÝ kiến bổ sung: đề nghị bố trí kinh phí."))
                .status()).isEqualTo(204);
        assertThat(secretary.api().post(base + "/minutes/signatures", Map.of("password", "mã-pin-thư-ký")).status())
                .isEqualTo(409);
        assertThat(chair.api().post(base + "/minutes/approval", Map.of("version", 2)).status()).isEqualTo(204);

        TestCertificates.Authority ca = TestCertificates.authority("CA chuyên dùng Chính phủ thử nghiệm");
        TestCertificates.writePem(dataDir.resolve("trust/ca-chinh-phu.pem"), ca);
        TestCertificates.writePkcs12(dataDir.resolve("keys/thuky.hop.p12"),
                TestCertificates.issue(ca, "Nguyễn Thị Mai", "UBND tỉnh Thử Nghiệm"), "mã-pin-thư-ký");
        TestCertificates.writePkcs12(dataDir.resolve("keys/chutich.hop.p12"),
                TestCertificates.issue(ca, "Trần Quốc Hưng", "UBND tỉnh Thử Nghiệm"), "mã-pin-chủ-trì");
        assertThat(memberSnv.api().post(base + "/minutes/signatures", Map.of("password", "x")).status()).isEqualTo(403);
        assertThat(outsider.api().post(base + "/minutes/signatures", Map.of("password", "x")).status()).isEqualTo(404);
        Api.Response wrongPin = chair.api().post(base + "/minutes/signatures", Map.of("password", "sai"));
        assertThat(wrongPin.status()).isEqualTo(400);
        assertThat(wrongPin.body().get("code").asText()).isEqualTo("signature.wrong-password");
        assertThat(secretary.api().post(base + "/minutes/signatures", Map.of("password", "mã-pin-thư-ký")).status())
                .isEqualTo(204);
        assertThat(secretary.api().post(base + "/minutes/signatures", Map.of("password", "mã-pin-thư-ký")).status())
                .as("once").isEqualTo(409);
        assertThat(chair.api().post(base + "/minutes/signatures", Map.of("password", "mã-pin-chủ-trì")).status())
                .isEqualTo(204);

        JsonNode signatures = memberSnv.api().get(base + "/minutes/signatures").body();
        assertThat(signatures.get("recorded").findValuesAsText("signatory")).containsExactly("SECRETARY", "CHAIR");
        assertThat(signatures.get("recorded").findValuesAsText("signerName")).containsExactly("Nguyễn Thị Mai", "Trần Quốc Hưng");
        JsonNode verification = signatures.get("verification");
        assertThat(verification).hasSize(2).allSatisfy(report -> {
            assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
            assertThat(report.get("trusted").asBoolean()).as(report.toString()).isTrue();
        });
        assertThat(verification.get(0).get("subject").asText()).contains("Nguyễn Thị Mai");
        assertThat(verification.get(0).get("coversWholeDocument").asBoolean()).as("the chair signed after").isFalse();
        assertThat(verification.get(1).get("subject").asText()).contains("Trần Quốc Hưng");
        assertThat(verification.get(1).get("coversWholeDocument").asBoolean()).isTrue();

        java.net.http.HttpResponse<byte[]> file = memberSnv.api().getBytes(base + "/minutes/file");
        HttpResponseCheck.pdf(file);
        assertThat(outsider.api().getBytes(base + "/minutes/file").statusCode()).isEqualTo(404);
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(file.body())) {
            String printed = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(printed).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BIÊN BẢN", "Phiên họp chuyên đề về chuyển đổi số",
                    "Đỗ Văn Thành: cử Ngô Thị Lan dự thay", "Ý kiến bổ sung: đề nghị bố trí kinh phí.", "THƯ KÝ", "CHỦ TRÌ")
                    .doesNotContain("DỰ THẢO");
            org.apache.pdfbox.pdmodel.PDPage last = pdf.getPage(pdf.getNumberOfPages() - 1);
            assertThat(pdf.getSignatureFields()).hasSize(2);
            assertThat(last.getAnnotations()).as("both signatures, visible at the foot of the last page")
                    .filteredOn(annotation -> annotation instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget)
                    .hasSize(2);
        }
    }

    /** What a downloaded meeting document must be. */
    static final class HttpResponseCheck {
        static void pdf(java.net.http.HttpResponse<byte[]> response) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            assertThat(new String(response.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
    }

    public static Map<String, Object> occupantEvent(String name, String room, String participant, String displayName,
                                             long joinedAt, Long leftAt) {
        Map<String, Object> occupant = new HashMap<>();
        occupant.put("occupant_jid", room.replaceAll("^\\[[^]]+]", "") + "@conference.hop.thunghiem.gov.vn/"
                + Integer.toHexString(participant.hashCode()));
        occupant.put("joined_at", joinedAt);
        occupant.put("name", displayName);
        occupant.put("email", "");
        occupant.put("id", participant);
        if (leftAt != null) {
            occupant.put("left_at", leftAt);
            occupant.put("total_dominant_speaker_time", 12000);
        }
        Map<String, Object> event = new HashMap<>();
        event.put("event_name", name);
        event.put("room_name", room);
        event.put("room_jid", room + "@conference.hop.thunghiem.gov.vn");
        event.put("is_breakout", false);
        event.put("active_occupants_count", 2);
        event.put("occupant", occupant);
        return event;
    }

    static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    /**
     * A meeting moved to another day and hall shows its new time and place; a new place longer than the meeting's
     * record holds (500 characters, as when it is scheduled) is refused with its code. Seen failing before the
     * rule: 204, and the meetings' projection could not write the event (the meeting kept its old time and place
     * in every list and page, while its invitees were told nothing).
     */
    @Test
    void aMeetingMovedShowsItsNewTimeAndPlaceAndAPlaceTooLongForTheRecordIsRefused() {
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String id = schedule("Họp bàn phương án phòng, chống bão số 5", "IN_PERSON", start, List.of());
        Instant later = start.plus(1, ChronoUnit.DAYS);
        Map<String, Object> move = new HashMap<>(Map.of("startsAt", later.toString(),
                "endsAt", later.plus(2, ChronoUnit.HOURS).toString(), "location", "Hội trường tầng 3, ".repeat(30),
                "reason", "Trùng lịch tiếp công dân"));
        Api.Response tooLong = secretary.api().post("/api/v1/meetings/" + id + "/rescheduling", move);
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.body().get("code").asText()).isEqualTo("meeting.location-too-long");
        move.put("location", "Phòng họp số 2, trụ sở Ủy ban nhân dân tỉnh");
        assertThat(secretary.api().post("/api/v1/meetings/" + id + "/rescheduling", move).status()).isEqualTo(204);
        JsonNode meeting = secretary.api().get("/api/v1/meetings/" + id).body().get("meeting");
        assertThat(Instant.parse(meeting.get("startsAt").asText())).isEqualTo(later);
        assertThat(meeting.get("location").asText()).isEqualTo("Phòng họp số 2, trụ sở Ủy ban nhân dân tỉnh");
    }

    /**
     * The menu's "Cuộc họp" counts what waits for the official: an invitation not answered, and a meeting they run
     * that starts within seven days (to prepare). Answered, the invitation leaves the count; a meeting further off is
     * not counted for its secretary yet.
     */
    @Test
    void theMenuCountsInvitationsToAnswerAndMeetingsToPrepare() {
        Official invitee = province.official("phophong.vp.hop", "Đinh Văn Khoa", "TP.UBND", "SPECIALIST", "NONE");
        Official newSecretary = province.official("thuky.hop.tuan", "Lò Thị Dung", "TP.UBND", "MEETING_SECRETARY", "NONE");
        java.util.function.Function<Official, String> badge = official -> {
            String page = new String(official.api().getBytes("/meetings").body(), java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher count = java.util.regex.Pattern.compile("id=\"nav-meetings-pending\"[^>]*>(\\d+)<")
                    .matcher(page);
            return count.find() ? count.group(1) : "none";
        };
        assertThat(badge.apply(invitee)).isEqualTo("none");
        Api.Response soon = newSecretary.api().post("/api/v1/meetings", meeting("Họp giao ban tuần", "IN_PERSON", chair.id(),
                province.unitId("TP.UBND"), Instant.now().plus(2, ChronoUnit.DAYS), List.of(invitee.id()), newSecretary.id(),
                List.of()));
        assertThat(soon.status()).as(soon.toString()).isEqualTo(201);
        Api.Response later = newSecretary.api().post("/api/v1/meetings", meeting("Hội nghị tổng kết năm", "IN_PERSON",
                chair.id(), province.unitId("TP.UBND"), Instant.now().plus(20, ChronoUnit.DAYS), List.of(invitee.id()),
                newSecretary.id(), List.of()));
        assertThat(later.status()).as(later.toString()).isEqualTo(201);
        assertThat(badge.apply(invitee)).as("two invitations to answer").isEqualTo("2");
        assertThat(badge.apply(newSecretary)).as("one meeting within seven days to prepare").isEqualTo("1");
        assertThat(invitee.api().post("/api/v1/meetings/" + soon.body().get("id").asText() + "/invitation",
                Map.of("accept", true)).status()).isEqualTo(204);
        assertThat(badge.apply(invitee)).isEqualTo("1");
    }
}
