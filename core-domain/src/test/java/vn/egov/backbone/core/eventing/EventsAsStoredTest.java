package vn.egov.backbone.core.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.core.testing.CoreNode;
import vn.egov.backbone.core.testing.RunningNode;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events exactly as Backbone stored them before their shape changed (rows copied from the event store
 * of a node built from commit 7b86591, in {@code events-as-stored/}) load into the current shapes: the
 * official's {@code position} renamed {@code jobTitle} (revision 2), and {@code UnitFormedByMerger} split
 * into {@code UnitCreated} and {@code UnitMergedFrom}. The rows are written into a node's store the way
 * they lie in an upgraded database; the node's projections, its audit trail and its aggregates then
 * read them through the upcasters.
 */
class EventsAsStoredTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void aRenamedFieldAndASplitEventLoadAsTheyAreStored() throws IOException {
        JsonNode official = fixture("official-registered-and-changed.json");
        JsonNode merger = fixture("unit-formed-by-merger.json");
        String officialId = official.get(0).get("aggregate_identifier").asText();
        String mergedUnitId = merger.get(0).get("aggregate_identifier").asText();
        assertThat(official.get(0).get("payload_revision").isNull()).as("stored before revisions were recorded").isTrue();
        assertThat(official.get(0).get("payload").asText()).contains("\"position\":\"Chuyên viên\"");

        try (RunningNode first = RunningNode.start(CoreNode.class, Map.of(), dataDir)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> first.admin().get("/api/v1/units").body().size() > 3);
        }
        // The same database, as an upgraded one holds them: the rows after the node's own events.
        JdbcClient database = JdbcClient.create(new SimpleDriverDataSource(new Driver(), "jdbc:h2:file:"
                + dataDir.resolve("backbone") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", ""));
        for (JsonNode rows : List.of(official, merger)) {
            rows.forEach(row -> insert(database, row));
        }

        try (RunningNode node = RunningNode.start(CoreNode.class, Map.of(), dataDir)) {
            Api admin = node.admin();
            // The projection read revision 1's "position" as the job title (the API still calls it position).
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Api.Response read = admin.get("/api/v1/officials/" + officialId);
                assertThat(read.status()).as(read.toString()).isEqualTo(200);
                assertThat(read.body().get("position").asText()).isEqualTo("Phó Chánh Văn phòng");
            });
            // The split event's first part made the unit in the read model.
            await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/v1/units/" + mergedUnitId).status() == 200);
            assertThat(admin.get("/api/v1/units/" + mergedUnitId).body().get("name").asText()).isEqualTo("Phường Quảng Phú");

            JsonNode history = admin.get("/api/v1/audit/" + mergedUnitId).body();
            assertThat(history).hasSize(2);
            assertThat(history.get(0).get("type").asText()).isEqualTo("UnitCreated");
            assertThat(history.get(1).get("type").asText()).isEqualTo("UnitMergedFrom");
            assertThat(history.get(0).get("eventId").asText()).isEqualTo(merger.get(0).get("event_identifier").asText());
            assertThat(history.get(1).get("eventId").asText()).as("each part its own identifier")
                    .isNotEqualTo(history.get(0).get("eventId").asText());
            assertThat(history.get(1).at("/payload/sourceUnitIds")).hasSize(2);
            assertThat(history.get(1).at("/payload/legalBasis").asText()).startsWith("Nghị quyết số 1686");
            assertThat(history.get(0).get("actingUsername").asText()).as("metadata kept").isEqualTo("admin");
            JsonNode officialHistory = admin.get("/api/v1/audit/" + officialId).body();
            assertThat(officialHistory.get(0).at("/payload/jobTitle").asText()).isEqualTo("Chuyên viên");
            assertThat(officialHistory.get(0).at("/payload/position").isMissingNode()).isTrue();

            // Both aggregates load from the old events and take new commands.
            String etag = admin.get("/api/v1/units/" + mergedUnitId).header("ETag");
            Api.Response renamed = admin.header("If-Match", etag).put("/api/v1/units/" + mergedUnitId + "/name",
                    Map.of("name", "Phường Quảng Phú mới"));
            assertThat(renamed.status()).as(renamed.toString()).isEqualTo(204);
            Api.Response changed = admin.put("/api/v1/officials/" + officialId + "/details", Map.of("fullName",
                    "Lê Thị Thu", "email", "lethithu@thanhhoa.gov.vn", "position", "Chánh Văn phòng"));
            assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
            JdbcClient jdbc = JdbcClient.create(node.bean(DataSource.class));
            assertThat(jdbc.sql("SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = :id"
                    + " ORDER BY global_index DESC LIMIT 1").param("id", officialId).query(String.class).single())
                    .as("written in the current revision").isEqualTo("2");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE payload_revision IS NULL AND global_index >"
                    + " (SELECT MAX(global_index) - 1 FROM domain_event_entry)").query(Long.class).single())
                    .as("every event written now carries a revision").isZero();
        }
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = EventsAsStoredTest.class.getResourceAsStream("/events-as-stored/" + name)) {
            return JSON.readTree(in);
        }
    }

    /** The stored row byte for byte, but for its global index, which the store gives. */
    private static void insert(JdbcClient jdbc, JsonNode row) {
        jdbc.sql("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                        + " payload_type, payload_revision, payload, meta_data) VALUES (:id, :aggregate, :sequence, :type,"
                        + " :time, :payloadType, :revision, :payload, :metadata)")
                .param("id", row.get("event_identifier").asText())
                .param("aggregate", row.get("aggregate_identifier").asText())
                .param("sequence", row.get("sequence_number").asLong())
                .param("type", row.get("type").asText())
                .param("time", row.get("time_stamp").asText())
                .param("payloadType", row.get("payload_type").asText())
                .param("revision", row.get("payload_revision").isNull() ? null : row.get("payload_revision").asText())
                .param("payload", row.get("payload").asText().getBytes(StandardCharsets.UTF_8))
                .param("metadata", row.get("meta_data").asText().getBytes(StandardCharsets.UTF_8))
                .update();
    }
}
