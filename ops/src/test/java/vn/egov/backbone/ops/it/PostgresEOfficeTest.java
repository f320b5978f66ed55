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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Document numbering on PostgreSQL with two Backbone nodes sharing one database: registrations sent
 * to both nodes at once still get one continuous sequence, and the document read model rebuilds
 * identically from the event store.
 */
class PostgresEOfficeTest {
    @TempDir
    Path dataDirA;
    @TempDir
    Path dataDirB;

    @Test
    void twoNodesRegisteringAtOnceShareOneContinuousSequence() throws Exception {
        TestPostgres.Database database = TestPostgres.newDatabase();
        try (RunningBackbone nodeA = RunningBackbone.onPostgres(database, dataDirA);
             RunningBackbone nodeB = RunningBackbone.onPostgres(database, dataDirB)) {
            Province province = new Province(nodeA);
            Official clerk = province.official("vanthu.pg", "Nguyễn Thị Thu", "TP.UBND", "RECORDS_CLERK", "NONE");
            Api onB = Api.basic(nodeB.baseUrl(), "vanthu.pg", "mật-khẩu-vanthu.pg");
            await().atMost(Duration.ofSeconds(30)).until(() -> onB.get("/api/v1/me").status() == 200);

            int count = 40;
            List<Long> numbers = Collections.synchronizedList(new ArrayList<>());
            List<Integer> statuses = vn.egov.backbone.core.testing.Concurrently.run(count, i -> {
                Api node = i % 2 == 0 ? clerk.api() : onB;
                Map<String, Object> body = EOfficeApiTest.incoming("Văn bản gửi nút " + (i % 2 == 0 ? "A" : "B") + " số " + i,
                        "NONE");
                Api.Response response = node.post("/api/v1/documents/incoming", body);
                if (response.status() == 201) {
                    numbers.add(response.body().get("registerNumber").asLong());
                }
                return response.status();
            });
            assertThat(statuses).as(statuses.toString()).containsOnly(201);
            assertThat(numbers).doesNotHaveDuplicates().hasSize(count);
            assertThat(numbers.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(count);

            // Both nodes' projections see every document; a replay rebuilds the same read model.
            JdbcClient jdbc = JdbcClient.create(nodeA.bean(javax.sql.DataSource.class));
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    jdbc.sql("SELECT COUNT(*) FROM document_view").query(Long.class).single() == count);
            List<Map<String, Object>> before = jdbc.sql("SELECT * FROM document_view ORDER BY id").query().listOfRows();
            jdbc.sql("UPDATE document_view SET subject = 'hỏng'").update();
            Api admin = nodeA.admin();
            assertThat(admin.post("/api/v1/admin/processors/documents/replay", Map.of()).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(jdbc.sql("SELECT * FROM document_view ORDER BY id").query().listOfRows()).isEqualTo(before));
        }
    }
}
