package vn.egov.backbone.notifications.testing;

import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.core.testing.RunningNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Officials with an e-mail address (the test province's helper registers them without one). */
public final class Officials {
    private Officials() {
    }

    /** Registers the official (password {@code mật-khẩu-<username>}) with one role in {@code unitId}; null e-mail: none. */
    public static Official register(RunningNode node, String username, String fullName, String unitId, String role,
                                    String clearance, String email) {
        String password = "mật-khẩu-" + username;
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "fullName", fullName, "unitId", unitId,
                "password", password, "clearance", clearance, "roles", List.of(Map.of("unitId", unitId, "role", role))));
        if (email != null) {
            body.put("email", email);
        }
        Api.Response created = node.admin().post("/api/v1/officials", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> node.admin().get("/api/v1/officials/" + id).status() == 200);
        return new Official(id, unitId, Api.basic(node.baseUrl(), username, password));
    }
}
