package vn.egov.backbone.ops.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.backbone.onestop.calendar.WorkingCalendar;
import vn.egov.backbone.ops.support.Api;
import vn.egov.backbone.ops.support.Province;
import vn.egov.backbone.ops.support.Province.Official;
import vn.egov.backbone.ops.support.RunningBackbone;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dossier at the one-stop desk of one commune, decided by another commune's people's committee:
 * routing by competent authority, the appointment in working days, the citizen's lookup without
 * signing in (nothing personal, rate-limited, unknown codes all alike), processing, return and one
 * rating.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DossiersApiTest {
    @TempDir
    static Path dataDir;
    static RunningBackbone backbone;
    static Province province;
    static Official desk;
    static Official communeOfficer;
    static Official otherCommuneOfficer;

    @BeforeAll
    static void start() {
        backbone = RunningBackbone.start(List.of(), Map.of("backbone.public.lookups-per-minute", 25), dataDir);
        province = new Province(backbone);
        desk = province.official("motcua.hoabinh", "Trần Thị Ngọc", "TP.002.UBND", "RECORDS_CLERK", "NONE");
        communeOfficer = province.official("tuphap.tanlap", "Lò Văn Páo", "TP.001.UBND", "SPECIALIST", "NONE");
        otherCommuneOfficer = province.official("tuphap.donghung", "Hà Thị Xuân", "TP.003.UBND", "SPECIALIST", "NONE");
    }

    @AfterAll
    static void stop() {
        backbone.close();
    }

    static Map<String, Object> dossier(String procedureCode, String communeId) {
        Map<String, Object> request = new HashMap<>();
        request.put("procedureCode", procedureCode);
        request.put("communeId", communeId);
        request.put("channel", "DESK");
        request.put("applicant", Map.of("name", "Nguyễn Văn Bình", "idNumber", "001090012345",
                "address", "Thôn Đông, xã Tân Lập", "phone", "0912345678"));
        request.put("components", 2);
        request.put("digitisedComponents", 2);
        request.put("reusedComponents", 0);
        return request;
    }

    @Test
    void aDossierFiledInOneCommuneIsDecidedWhereTheLawSaysAndTheCitizenFollowsIt() {
        String tanLap = province.unitId("TP.001");
        Api.Response registered = desk.api().post("/api/v1/dossiers", dossier("HT-02", tanLap));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.body().get("id").asText();
        String code = registered.body().get("trackingCode").asText();
        assertThat(code).matches("HS\\d{6}-[A-Z2-9]{6}");
        assertThat(registered.body().get("competentAgencyId").asText()).isEqualTo(province.unitId("TP.001.UBND"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(registered.body().get("appointmentOn").asText())
                .isEqualTo(WorkingCalendar.standard().addWorkingDays(today, 3).toString());

        // The citizen, without signing in: the status and the appointment, nothing personal.
        Api citizen = Api.anonymous(backbone.baseUrl());
        JsonNode seen = citizen.get("/api/v1/public/dossiers/" + code.toLowerCase()).body();
        assertThat(seen.at("/status/code").asInt()).isEqualTo(2);
        assertThat(seen.at("/status/label").asText()).isEqualTo("Được tiếp nhận");
        assertThat(seen.get("procedure").asText()).isEqualTo("Đăng ký kết hôn");
        assertThat(seen.toString()).doesNotContain("Nguyễn Văn Bình", "001090012345", "0912345678", "Thôn Đông");
        Api.Response unknown = citizen.get("/api/v1/public/dossiers/HS000000-AAAAAA");
        Api.Response similar = citizen.get("/api/v1/public/dossiers/" + code.substring(0, code.length() - 1) + "X");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(similar.status()).isEqualTo(404);
        assertThat(similar.body().get("detail")).isEqualTo(unknown.body().get("detail"));

        // Who sees the applicant: the competent commune and the desk; not another commune.
        assertThat(communeOfficer.api().get("/api/v1/dossiers/" + id).body().at("/dossier/applicant_id_number").asText())
                .isEqualTo("001090012345");
        assertThat(desk.api().get("/api/v1/dossiers/" + id).status()).isEqualTo(200);
        assertThat(otherCommuneOfficer.api().get("/api/v1/dossiers/" + id).status()).isEqualTo(404);
        assertThat(desk.api().post("/api/v1/dossiers/" + id + "/resolution", Map.of()).status()).isEqualTo(403);

        // The commune works it; the desk returns the result; the citizen rates once.
        String step = communeOfficer.api().post("/api/v1/dossiers/" + id + "/steps", Map.of("agencyId",
                province.unitId("TP.001.UBND"), "task", "Thẩm định hồ sơ, trình ký", "days", 2)).body().get("id").asText();
        assertThat(citizen.get("/api/v1/public/dossiers/" + code).body().at("/currentStep/task").asText())
                .isEqualTo("Thẩm định hồ sơ, trình ký");
        assertThat(desk.api().post("/api/v1/dossiers/" + id + "/result-return", Map.of()).status()).isEqualTo(409);
        assertThat(communeOfficer.api().post("/api/v1/dossiers/" + id + "/steps/" + step + "/completion",
                Map.of("note", "Đủ điều kiện")).status()).isEqualTo(204);
        assertThat(communeOfficer.api().post("/api/v1/dossiers/" + id + "/resolution", Map.of("resultDigitised", true))
                .status()).isEqualTo(204);
        assertThat(desk.api().post("/api/v1/dossiers/" + id + "/result-return", Map.of()).status()).isEqualTo(204);
        JsonNode returned = citizen.get("/api/v1/public/dossiers/" + code).body();
        assertThat(returned.at("/status/code").asInt()).isEqualTo(10);
        assertThat(returned.get("history").findValues("code").stream().map(JsonNode::asInt).toList())
                .containsExactly(1, 2, 4, 9, 10);
        assertThat(returned.at("/steps/0/timeliness").asText()).isIn("EARLY", "ON_TIME");
        assertThat(citizen.post("/api/v1/public/dossiers/" + code + "/rating", Map.of("score", 5)).status()).isEqualTo(204);
        assertThat(citizen.post("/api/v1/public/dossiers/" + code + "/rating", Map.of("score", 1)).status()).isEqualTo(409);
    }

    @Test
    void provinceProceduresGoToTheirAgencyAndBadRequestsAreRefused() {
        Api.Response permit = desk.api().post("/api/v1/dossiers", dossier("LD-01", null));
        assertThat(permit.status()).as(permit.toString()).isEqualTo(201);
        assertThat(permit.body().get("competentAgencyId").asText()).isEqualTo(province.unitId("TP.SNV"));
        assertThat(desk.api().post("/api/v1/dossiers", dossier("KHONG-CO", null)).status()).isEqualTo(400);
        assertThat(desk.api().post("/api/v1/dossiers", dossier("HT-02", null)).status()).isEqualTo(400);
        assertThat(communeOfficer.api().get("/api/v1/procedures").body().size()).isGreaterThanOrEqualTo(50);
        Map<String, Object> nameless = dossier("HT-01", province.unitId("TP.001"));
        nameless.put("applicant", Map.of("name", " "));
        assertThat(desk.api().post("/api/v1/dossiers", nameless).status()).isEqualTo(400);
        Official leader = province.official("chutich.donghung", "Vi Văn Dũng", "TP.003.UBND", "LEADER", "NONE");
        assertThat(leader.api().post("/api/v1/dossiers", dossier("HT-01", province.unitId("TP.001"))).status())
                .isEqualTo(403);
    }

    @Test
    @Order(Integer.MAX_VALUE) // it uses up this address's lookups for the minute
    void lookupsAreLimitedPerAddress() {
        Api citizen = Api.anonymous(backbone.baseUrl());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(citizen.get("/api/v1/public/dossiers/HS000000-BBBBB" + (i % 10)).status());
        }
        assertThat(statuses).contains(404, 429);
        assertThat(statuses.subList(30, 40)).containsOnly(429);
    }
}
