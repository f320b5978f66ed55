package vn.egov.backbone.ops.it;

import vn.egov.backbone.eoffice.document.EOfficeApiTest;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Backbone nodes on one PostgreSQL share the work: 1,000 commands sent to both at once (officials,
 * roles that end by themselves, registrations), one continuous register, the same read models and a
 * complete search index on each node, and every deadline fired once although both nodes poll for it.
 */
class PostgresTwoNodesTest {
    @TempDir
    Path dataDirA;
    @TempDir
    Path dataDirB;

    @Test
    void fiveHundredCommandsOnTwoNodesGiveOneStateAndEachDeadlineFiresOnce() throws Exception {
        TestPostgres.Database database = TestPostgres.newDatabase();
        try (RunningBackbone nodeA = RunningBackbone.onPostgres(database, dataDirA);
             RunningBackbone nodeB = RunningBackbone.onPostgres(database, dataDirB)) {
            Province province = new Province(nodeA);
            Official clerk = province.official("vanthu.hai.nut", "Nguyễn Thị Thu", "TP.UBND", "RECORDS_CLERK", "NONE");
            String token = clerk.api().post("/api/v1/me/tokens", Map.of("name", "hai nút")).body().get("token").asText();
            List<Api> clerkOn = List.of(Api.bearer(nodeA.baseUrl(), token), Api.bearer(nodeB.baseUrl(), token));
            List<Api> adminOn = List.of(nodeA.admin(), nodeB.admin());
            await().atMost(Duration.ofSeconds(30)).until(() -> clerkOn.get(1).get("/api/v1/me").status() == 200);
            String commune = province.unitId("TP.001");

            // 10 officials and 20 roles that end fifteen seconds later, half through each node.
            List<String> officials = Collections.synchronizedList(new ArrayList<>());
            List<Integer> created = vn.egov.backbone.core.testing.Concurrently.run(10, i -> {
                Api.Response response = adminOn.get(i % 2).post("/api/v1/officials", Map.of("username", "canbo.xa." + i,
                        "fullName", "Cán bộ xã số " + i, "unitId", commune, "password", "mật-khẩu-cán-bộ-" + i,
                        "roles", List.of(Map.of("unitId", commune, "role", "SPECIALIST"))));
                officials.add(response.body().path("id").asText());
                return response.status();
            });
            assertThat(created).containsOnly(201);
            await().atMost(Duration.ofSeconds(30)).until(() -> officials.stream()
                    .allMatch(id -> adminOn.get(0).get("/api/v1/officials/" + id).status() == 200));
            // Far enough ahead that every grant lands before it on a loaded machine (each grant returns once
            // the read model shows it); the expiries are awaited below with as generous a margin.
            // The registrations below take most of it; the wait after them is what is left.
            Instant until = Instant.now().plusSeconds(15);
            // Each official two roles, through either node, all ending at the same moment.
            List<Integer> granted = vn.egov.backbone.core.testing.Concurrently.run(20, i -> adminOn.get((i / 2) % 2).post(
                    "/api/v1/officials/" + officials.get(i / 2) + "/roles", Map.of("unitId", commune,
                            "role", i % 2 == 0 ? "LEADER" : "MEETING_SECRETARY", "validUntil", until.toString())).status());
            assertThat(granted).containsOnly(204);

            // 480 registrations, alternately on each node, 16 at a time.
            int registrations = 480;
            List<Integer> registered = vn.egov.backbone.core.testing.Concurrently.run(registrations, i -> clerkOn.get(i % 2)
                    .post("/api/v1/documents/incoming", EOfficeApiTest.incoming("Báo cáo tình hình kinh tế - xã hội xã, kỳ "
                            + i, "NONE")).status());
            assertThat(registered).containsOnly(201);

            JdbcClient jdbc = JdbcClient.create(nodeA.bean(javax.sql.DataSource.class));
            // One continuous register: 1 to 480, none twice (the projections of both nodes share the work).
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                    "SELECT COUNT(DISTINCT register_number) FROM document_view WHERE register_number IS NOT NULL")
                    .query(Long.class).single()).isEqualTo(registrations));
            assertThat(jdbc.sql("SELECT MAX(register_number) FROM document_view").query(Long.class).single())
                    .isEqualTo(registrations);
            // Each node serves search from its own index, and each has every document.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (Api node : clerkOn) {
                    assertThat(node.get("/api/v1/search?q=kinh%20te%20xa%20hoi&size=1").body().get("total").asLong())
                            .isEqualTo(registrations);
                }
            });
            // The same read model through either node.
            assertThat(clerkOn.get(0).get("/api/v1/registers/" + clerk.unitId() + "/" + java.time.Year.now() + "/incoming")
                    .body()).isEqualTo(clerkOn.get(1).get("/api/v1/registers/" + clerk.unitId() + "/" + java.time.Year.now()
                    + "/incoming").body());

            // Both nodes poll the same deadlines; each role ended exactly once.
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(jdbc.sql(
                    "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%RoleExpired'").query(Long.class)
                    .single()).isEqualTo(20));
            Thread.sleep(3000);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%RoleExpired'")
                    .query(Long.class).single()).isEqualTo(20);
        }
    }
}
