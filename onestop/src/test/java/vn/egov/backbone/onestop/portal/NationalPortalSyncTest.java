package vn.egov.backbone.onestop.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.core.testing.RunningNode;
import vn.egov.backbone.onestop.dossier.DossiersApiTest;
import vn.egov.backbone.onestop.portal.NationalPortalServer.Fault;
import vn.egov.backbone.onestop.testing.OneStopNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dossiers reach the National Public Service Portal as its adapter expects them (a server in the test that checks
 * the session, the {@code dstcode}, the fields and their formats), and survive the portal failing: down for a
 * while, 500 before or after doing the work, too slow, busy, its session expired — nothing lost, nothing created
 * twice, the backlog seen in {@code /actuator/health}.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS) // PostgreSQL starts its own
public class NationalPortalSyncTest {
    @TempDir
    static Path dataDir;
    static NationalPortalServer portal;
    static RunningNode backbone;
    static Province province;
    static Official desk, communeOfficer;

    @BeforeAll
    protected void start() {
        startOn(List.of(), Map.of());
    }

    /** Starts the portal and the backbone with these profiles and database settings (none: the embedded H2). */
    protected static void startOn(List<String> profiles, Map<String, Object> database) {
        portal = new NationalPortalServer();
        Map<String, Object> settings = new HashMap<>(database);
        settings.put("backbone.national-portal.url", portal.url());
        settings.put("backbone.national-portal.username", NationalPortalServer.USERNAME);
        settings.put("backbone.national-portal.password", NationalPortalServer.PASSWORD);
        settings.put("backbone.national-portal.dstcode", NationalPortalServer.DSTCODE);
        settings.put("backbone.national-portal.agency-code", NationalPortalServer.AGENCY);
        settings.put("backbone.national-portal.procedure-codes[HT-02]", "1.001193");
        settings.put("backbone.national-portal.sync-every", "200ms");
        settings.put("backbone.national-portal.first-retry-after", "200ms");
        settings.put("backbone.national-portal.max-retry-pause", "1s");
        settings.put("backbone.national-portal.timeout", "2s");
        settings.put("backbone.national-portal.backlog-alarm-after", "0s");
        backbone = RunningNode.start(OneStopNode.class, profiles, settings, dataDir);
        province = new Province(backbone);
        desk = province.official("motcua.dvcqg", "Trần Thị Ngọc", "TP.002.UBND", "RECORDS_CLERK", "NONE");
        communeOfficer = province.official("tuphap.dvcqg", "Lò Văn Páo", "TP.001.UBND", "SPECIALIST", "NONE");
    }

    @AfterAll
    protected void stop() {
        if (backbone != null) {
            backbone.close();
        }
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void aDossierAndItsProgressReachThePortalOnceWhateverThePortalDoes() {
        // the portal creates the dossier but its answer is lost; the progress call fails four ways first — one of
        // them an answer that stops after its first bytes (seen failing when the client read with the JDK's own
        // handler: the sync's thread waited on it, and the progress did not arrive within the minute)
        portal.failNext("DongBoHoSoMC", Fault.ANSWER_LOST);
        portal.failNext("CapNhatTienDoHoSoMC", Fault.HTTP_500, Fault.TOO_SLOW, Fault.STALLED_ANSWER, Fault.ERROR_CODE,
                Fault.SESSION_EXPIRED);
        String[] registered = register();
        String code = registered[1];

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(portal.progress(code)).extracting(line -> line.path("NoiDungXuLy").asText())
                        .anySatisfy(content -> assertThat(content).startsWith("Tiếp nhận hồ sơ, hẹn trả kết quả ngày")));
        JsonNode dossier = portal.dossier(code);
        assertThat(portal.creations(code)).as("created once, though its answer was lost").isEqualTo(1);
        assertThat(dossier.path("MaTTHC").asText()).as("the national code, mapped").isEqualTo("1.001193");
        assertThat(dossier.path("TrangThaiHoSo").asText()).isEqualTo("2");
        assertThat(dossier.path("ChuHoSo").asText()).isEqualTo("Nguyễn Văn Bình");
        assertThat(dossier.path("NgayTiepNhan").asText()).matches("\\d{8}000000");
        assertThat(dossier.path("NgayHenTra").asText()).matches("\\d{8}170000");
        assertThat(dossier.path("DonViXuLy").asText()).isNotBlank();
        List<JsonNode> lines = portal.progress(code);
        assertThat(lines).extracting(line -> line.path("NoiDungXuLy").asText())
                .as("each line once").doesNotHaveDuplicates().hasSize(2);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("NguoiXuLy").asText()).isEqualTo("Trần Thị Ngọc");
            assertThat(line.path("ThoiDiemXuLy").asText()).matches("\\d{14}");
        });
        assertThat(portal.signIns()).as("signed in again after the session expired").isGreaterThanOrEqualTo(2);

        // a supplement asked for reaches the portal as status 5 with the request listed
        assertThat(communeOfficer.api().post("/api/v1/dossiers/" + registered[0] + "/supplement-request",
                Map.of("reason", "Bổ sung bản sao giấy khai sinh của người được nhận làm con nuôi")).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(portal.dossier(code).path("TrangThaiHoSo").asText()).isEqualTo("5");
            assertThat(portal.dossier(code).path("DanhSachHoSoBoSung").findValuesAsText("NoiDungBoSung"))
                    .containsExactly("Yêu cầu bổ sung, hoàn thiện hồ sơ: Bổ sung bản sao giấy khai sinh của người được nhận làm con nuôi");
        });
        assertThat(portal.creations(code)).isEqualTo(1);
        assertThat(portal.refusals()).as("the portal found nothing to refuse but the create it had done").allSatisfy(
                problem -> assertThat(problem).doesNotContain("định dạng", "Thiếu", "không hợp lệ"));
    }

    @Test
    void anOutageIsCaughtUpWithoutLosingOrDoublingAnythingAndHealthShowsTheBacklog() {
        portal.down(true);
        List<String[]> dossiers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            dossiers.add(register());
        }
        String withdrawn = dossiers.get(2)[0];
        assertThat(desk.api().post("/api/v1/dossiers/" + withdrawn + "/withdrawal", Map.of("reason", "Công dân xin rút"))
                .status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            // the component /actuator/health shows (the assembled application exposes the actuator)
            org.springframework.boot.actuate.health.Health health = backbone.bean(PortalSyncHealth.class).health();
            assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
            assertThat((Long) health.getDetails().get("waiting")).isGreaterThanOrEqualTo(3);
            assertThat((String) health.getDetails().get("lastError")).contains("503");
        });

        portal.down(false);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String[] dossier : dossiers) {
                assertThat(portal.dossier(dossier[1])).as(dossier[1]).isNotNull();
            }
            assertThat(portal.dossier(dossiers.get(2)[1]).path("TrangThaiHoSo").asText()).isEqualTo("7");
            org.springframework.boot.actuate.health.Health health = backbone.bean(PortalSyncHealth.class).health();
            assertThat(health.getStatus().getCode()).isEqualTo("UP");
            assertThat(health.getDetails().get("waiting")).isEqualTo(0L);
        });
        for (String[] dossier : dossiers) {
            assertThat(portal.creations(dossier[1])).isEqualTo(1);
            assertThat(portal.progress(dossier[1])).extracting(line -> line.path("NoiDungXuLy").asText())
                    .doesNotHaveDuplicates();
        }
        assertThat(portal.progress(dossiers.get(2)[1])).extracting(line -> line.path("TrangThai").asText()).contains("7");
    }

    /** A dossier registered at the desk: its id and its code (MaHoSo). */
    private static String[] register() {
        Api.Response registered = desk.api().post("/api/v1/dossiers", DossiersApiTest.dossier("HT-02",
                province.unitId("TP.001")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return new String[] {registered.body().get("id").asText(), registered.body().get("trackingCode").asText()};
    }
}
