package vn.egov.backbone.core.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The test province as a running node shows it, and a way to add officials to it. */
public final class Province {
    private final RunningNode backbone;
    private final Api admin;

    public Province(RunningNode backbone) {
        this.backbone = backbone;
        this.admin = backbone.admin();
        await().atMost(Duration.ofSeconds(30)).until(() -> unitId("TP.004.UBND.VP") != null);
    }

    public String unitId(String code) {
        Api.Response response = admin.get("/api/v1/units");
        if (response.status() != 200) {
            return null;
        }
        return StreamSupport.stream(response.body().spliterator(), false)
                .filter(u -> u.get("code").asText().equals(code)).map(u -> u.get("id").asText()).findFirst().orElse(null);
    }

    /** Registers an official with one role in the unit of {@code unitCode} and returns their id and API. */
    public Official official(String username, String fullName, String unitCode, String role, String clearance) {
        String unitId = unitId(unitCode);
        String password = "mật-khẩu-" + username;
        Api.Response created = admin.post("/api/v1/officials", Map.of("username", username, "fullName", fullName,
                "unitId", unitId, "password", password, "clearance", clearance,
                "roles", List.of(Map.of("unitId", unitId, "role", role))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/v1/officials/" + id).status() == 200);
        return new Official(id, unitId, Api.basic(backbone.baseUrl(), username, password));
    }

    public record Official(String id, String unitId, Api api) {
    }

    public static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false).filter(n -> n.path(field).asText().equals(value))
                .findFirst().orElse(null);
    }
}
