package vn.egov.backbone.ops.it;

import vn.egov.backbone.eoffice.document.EOfficeApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.ops.support.RunningBackbone;
import vn.egov.backbone.core.testing.TestPostgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A search node beside a full node on one PostgreSQL: it finds what the other node registers, from
 * its own index built from the shared event store, runs no other projection, and refuses anything
 * but search.
 */
class PostgresSearchNodeTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path searchDataDir;

    @Test
    void aSearchNodeFindsWhatTheOtherNodeRegistersAndServesNothingElse() {
        TestPostgres.Database database = TestPostgres.newDatabase();
        try (RunningBackbone node = RunningBackbone.onPostgres(database, dataDir);
             RunningBackbone searchNode = RunningBackbone.onPostgres(database, searchDataDir,
                     Map.of("backbone.node.role", "search"))) {
            Province province = new Province(node);
            Official clerk = province.official("vanthu.tim", "Nguyễn Thị Thu", "TP.UBND", "RECORDS_CLERK", "NONE");
            Api onSearchNode = Api.basic(searchNode.baseUrl(), "vanthu.tim", "mật-khẩu-vanthu.tim");
            EOfficeApiTest.register(clerk, EOfficeApiTest.incoming("Kế hoạch phòng chống thiên tai và tìm kiếm cứu nạn năm 2027",
                    "NONE"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode found = onSearchNode.get("/api/v1/search?q=phong%20chong%20thien%20tai").body();
                assertThat(found.get("total").asLong()).isEqualTo(1);
            });
            Api.Response write = onSearchNode.post("/api/v1/documents/incoming",
                    EOfficeApiTest.incoming("Ghi qua nút tìm kiếm", "NONE"));
            assertThat(write.status()).isEqualTo(404);
            assertThat(write.body().get("code").asText()).isEqualTo("request.not-served-here");
            assertThat(write.body().get("detail").asText()).contains("chỉ phục vụ tìm kiếm");
            assertThat(onSearchNode.get("/api/v1/search/status").status()).isEqualTo(200);
            // the search page and what it links (style sheet, scripts by their content's name): a page whose
            // script the node refused would lose its confirmations (seen failing: /js/ was not served here)
            String page = onSearchNode.get("/search").raw().body();
            java.util.regex.Matcher assets = java.util.regex.Pattern.compile("(?:href|src)=\"(/(?:css|js)/[^\"]+)\"").matcher(page);
            List<String> linked = assets.results().map(found -> found.group(1)).toList();
            assertThat(linked).as(page).anyMatch(path -> path.startsWith("/js/")).anyMatch(path -> path.startsWith("/css/"));
            linked.forEach(path -> assertThat(onSearchNode.get(path).status()).as(path).isEqualTo(200));

            // Only the search index runs here; the shared read models are the other node's work.
            JsonNode processors = Api.basic(node.baseUrl(), "admin", RunningBackbone.ADMIN_PASSWORD)
                    .get("/api/v1/admin/processors").body();
            assertThat(Province.find(processors, "name", "documents").get("running").asBoolean()).isTrue();
            var search = searchNode.bean(org.axonframework.config.EventProcessingConfiguration.class);
            assertThat(search.eventProcessors()).allSatisfy((name, processor) ->
                    assertThat(processor.isRunning()).as(name).isEqualTo(name.equals("search-index")));
        }
    }
}
