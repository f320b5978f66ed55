package vn.egov.backbone.ops.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.Province.Official;
import vn.egov.backbone.ops.support.RunningBackbone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The index is a projection: wiped from disk, it is rebuilt from the event store when the node
 * starts, and the status says when it is complete.
 */
class SearchIndexRebuildTest {
    @TempDir
    Path dataDir;

    @Test
    void aWipedIndexIsRebuiltFromTheEventStore() throws IOException {
        Official clerk;
        try (RunningBackbone backbone = RunningBackbone.start(List.of(), Map.of(), dataDir)) {
            clerk = new Province(backbone).official("vanthu.rb", "Nguyễn Thị Thu", "TP.UBND", "RECORDS_CLERK", "NONE");
            for (int i = 1; i <= 5; i++) {
                assertThat(clerk.api().post("/api/v1/documents/incoming", Map.of(
                        "number", i + "/BC-SNV", "issuer", "Sở Nội vụ", "issuedOn", LocalDate.now().minusDays(1).toString(),
                        "type", "BAO_CAO", "subject", "Báo cáo công tác cải cách hành chính quý " + i,
                        "urgency", "NORMAL", "classification", "NONE")).status()).isEqualTo(201);
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> clerk.api().get("/api/v1/search?q=cai%20cach").body().get("total").asLong() == 5);
            assertThat(clerk.api().get("/api/v1/search/status").body().get("built").asBoolean()).isTrue();
            // the status shows how far the projection has read: all the way, once it is idle
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                var status = clerk.api().get("/api/v1/search/status").body();
                return status.get("head").asLong() > 0 && status.get("position").asLong() == status.get("head").asLong();
            });
        }

        Path index = dataDir.resolve("search");
        assertThat(index).isDirectory();
        try (Stream<Path> files = Files.walk(index)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }

        try (RunningBackbone backbone = RunningBackbone.start(List.of(), Map.of(), dataDir)) {
            var api = vn.egov.backbone.core.testing.Api.basic(backbone.baseUrl(), "vanthu.rb", "mật-khẩu-vanthu.rb");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> api.get("/api/v1/search?q=cai%20cach%20hanh%20chinh").body().get("total").asLong() == 5);
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/search/status").body().get("built").asBoolean());
            assertThat(api.get("/api/v1/search?q=4/bc-snv").body().get("hits").get(0).get("subject").asText())
                    .isEqualTo("Báo cáo công tác cải cách hành chính quý 4");
        }
    }
}
