package vn.egov.backbone.ops.it;

import vn.egov.backbone.meetings.meeting.MeetingsApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.ops.support.RunningBackbone;
import vn.egov.backbone.core.testing.TestPostgres;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Video attendance on PostgreSQL with two nodes behind one Jitsi: event_sync posts the same joins to
 * both nodes at once (its retries, or a load balancer sending a retry elsewhere), and every connection
 * is still recorded exactly once; the meeting's read models answer on PostgreSQL as on H2.
 */
class PostgresMeetingsTest {
    static final String SECRET = "callback-secret-postgres";

    @TempDir
    Path dataDirA;
    @TempDir
    Path dataDirB;

    @Test
    void joinsPostedToBothNodesAtOnceAreRecordedOnce() throws Exception {
        TestPostgres.Database database = TestPostgres.newDatabase();
        Map<String, Object> jitsi = Map.of("backbone.jitsi.base-url", "https://hop.thunghiem.gov.vn",
                "backbone.jitsi.app-secret", "bi-mat-ky-token-postgres-du-dai-32-ky-tu",
                "backbone.jitsi.callback-secret", SECRET);
        try (RunningBackbone nodeA = RunningBackbone.onPostgres(database, dataDirA, jitsi);
             RunningBackbone nodeB = RunningBackbone.onPostgres(database, dataDirB, jitsi)) {
            Province province = new Province(nodeA);
            Official chair = province.official("chutich.pg", "Trần Quốc Hưng", "TP.UBND", "LEADER", "NONE");
            Official secretary = province.official("thuky.pg", "Nguyễn Thị Mai", "TP.UBND", "MEETING_SECRETARY", "NONE");
            Map<String, Object> request = MeetingsApiTest.meeting("Hội nghị trực tuyến toàn tỉnh về phòng chống bão",
                    "VIDEO_CONFERENCE", chair.id(), province.unitId("TP.UBND"), Instant.now().plus(5, ChronoUnit.MINUTES),
                    List.of(), secretary.id(), List.of("COMMUNE", "WARD", "SPECIAL_ZONE"));
            Api.Response created = secretary.api().post("/api/v1/meetings", request);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.body().get("id").asText();
            JsonNode meeting = secretary.api().get("/api/v1/meetings/" + id).body();
            String room = meeting.at("/meeting/roomSlug").asText();
            List<String> endpoints = new ArrayList<>();
            meeting.get("endpoints").forEach(e -> endpoints.add(e.get("unitId").asText()));
            assertThat(endpoints).hasSize(5);

            // Each endpoint joins twice (a reconnection); every join is posted twice, to both nodes at once.
            long now = Instant.now().getEpochSecond();
            List<Map<String, Object>> joins = new ArrayList<>();
            for (String unit : endpoints) {
                for (int connection = 0; connection < 2; connection++) {
                    joins.add(MeetingsApiTest.occupantEvent("muc-occupant-joined", room, "endpoint:" + unit,
                            "Điểm cầu", now + connection, null));
                }
            }
            Api onA = Api.anonymous(nodeA.baseUrl()).header("Authorization", "Bearer " + SECRET);
            Api onB = Api.anonymous(nodeB.baseUrl()).header("Authorization", "Bearer " + SECRET);
            List<Integer> statuses = vn.egov.backbone.core.testing.Concurrently.run(joins.size() * 2, i ->
                    (i % 2 == 0 ? onA : onB).post("/jitsi/events/occupant/joined", joins.get(i / 2)).status());
            assertThat(statuses).as(statuses.toString()).containsOnly(200);

            JdbcClient jdbc = JdbcClient.create(nodeA.bean(javax.sql.DataSource.class));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%ConferenceJoined'")
                    .query(Long.class).single()).isEqualTo(10);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode board = secretary.api().get("/api/v1/meetings/" + id).body().get("endpoints");
                board.forEach(e -> assertThat(e.get("connections").asInt()).as(e.toString()).isEqualTo(2));
            });
            assertThat(Api.basic(nodeB.baseUrl(), "thuky.pg", "mật-khẩu-thuky.pg").get("/api/v1/meetings/" + id)
                    .body().get("endpoints").get(0).get("connections").asInt()).isEqualTo(2);
        }
    }
}
