package vn.egov.backbone.ops.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.ops.support.RunningBackbone;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backbone as {@code java -jar backbone.jar} runs it on a fresh machine: H2 file database under the
 * data directory, the demo province from the built-in seed, and a generated administrator password
 * written to {@code <data-dir>/initial-admin-password}.
 */
class EmbeddedDefaultsTest {
    @TempDir
    static Path dataDir;
    static RunningBackbone backbone;

    @BeforeAll
    static void start() {
        // No seed file and no admin password configured: exactly the defaults of a first start.
        backbone = RunningBackbone.start(List.of(), Map.of("backbone.seed.file", "classpath:seed/demo-province.json",
                "backbone.admin.password", ""), dataDir);
    }

    @AfterAll
    static void stop() {
        backbone.close();
    }

    @Test
    void theGeneratedAdminPasswordOpensTheApiAndTheDemoProvinceIsThere() throws Exception {
        Path passwordFile = dataDir.resolve("initial-admin-password");
        assertThat(passwordFile).exists();
        assertThat(Files.exists(dataDir.resolve("backbone.mv.db"))).as("H2 file database in the data dir").isTrue();
        String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        Api admin = Api.basic(backbone.baseUrl(), "admin", password);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(admin.get("/api/v1/units").body().size()).isGreaterThanOrEqualTo(600));
        JsonNode units = admin.get("/api/v1/units").body();
        List<JsonNode> provinces = StreamSupport.stream(units.spliterator(), false)
                .filter(u -> u.get("kind").asText().equals("PROVINCE")).toList();
        assertThat(provinces).singleElement().satisfies(p -> assertThat(p.get("name").asText()).isEqualTo("Tỉnh Hòa Sơn"));
        long communes = StreamSupport.stream(units.spliterator(), false)
                .filter(u -> List.of("COMMUNE", "WARD", "SPECIAL_ZONE").contains(u.get("kind").asText()))
                .filter(u -> u.get("parentId").asText().equals(provinces.get(0).get("id").asText()))
                .count();
        assertThat(communes).isGreaterThanOrEqualTo(100);

        JsonNode tree = admin.get("/api/v1/units?view=tree").body();
        assertThat(tree).hasSize(1);
        assertThat(tree.get(0).get("children").size()).isGreaterThan(100);

        assertThat(Api.basic(backbone.baseUrl(), "admin", "wrong-password").get("/api/v1/units").status()).isEqualTo(401);
        assertThat(Api.anonymous(backbone.baseUrl()).get("/api/v1/units").status()).isEqualTo(401);
    }

    @Test
    void healthOpenApiAndPrometheusAreServed() {
        Api anonymous = Api.anonymous(backbone.baseUrl());
        Api.Response health = anonymous.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        Api.Response openApi = anonymous.get("/v3/api-docs");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body().get("paths").has("/api/v1/units")).isTrue();
        String password = read(dataDir.resolve("initial-admin-password"));
        Api.Response prometheus = Api.basic(backbone.baseUrl(), "admin", password).get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.raw().body()).contains("jvm_memory_used_bytes");
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
