package vn.egov.backbone.ops.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.egov.backbone.core.eventchain.EventChainCommandLine;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.core.testing.Concurrently;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.ops.support.RunningBackbone;
import vn.egov.backbone.core.testing.TestPostgres;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store is tamper-evident on PostgreSQL (issue 21): Backbone chains every event it stores,
 * concurrent writers included, and the verification — the administrators' API and the jar's command
 * line — names the event where someone with write access to the database changed one byte of a
 * payload, deleted an event or swapped two.
 */
class PostgresEventChainTest {
    @TempDir
    Path dataDir;

    @Test
    void aChangedDeletedOrSwappedEventIsFoundAndNamed() throws Exception {
        TestPostgres.Database database = TestPostgres.newDatabase();
        try (RunningBackbone backbone = RunningBackbone.onPostgres(database, dataDir)) {
            Api admin = backbone.admin();
            String province = PostgresEventStoreTest.awaitUnit(admin, "TP").get("id").asText();
            List<Integer> created = Concurrently.run(40, i -> admin.post("/api/v1/units", Map.of("code", "TP.CH" + i,
                    "name", "Xã Chuỗi Sự Kiện " + i, "kind", "COMMUNE", "parentId", province)).status());
            assertThat(created).containsOnly(201);

            JdbcClient jdbc = JdbcClient.create(backbone.bean(DataSource.class));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry e LEFT JOIN event_chain_link l"
                    + " ON l.global_index = e.global_index WHERE l.global_index IS NULL").query(Long.class).single())
                    .as("every event stored by 40 concurrent writers is linked").isZero();
            long events = jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
            JsonNode intact = verify(admin);
            assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
            assertThat(intact.get("eventsChecked").asLong()).isEqualTo(events);

            Api.Response signed = admin.post("/api/v1/admin/event-chain/checkpoints", Map.of());
            assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
            assertThat(signed.body().get("algorithm").asText()).isEqualTo("Ed25519");
            Province people = new Province(backbone);
            Api specialist = people.official("chuyenvien.chuoi", "Trần Văn Chuỗi", "TP.UBND", "SPECIALIST", "NONE").api();
            assertThat(specialist.post("/api/v1/admin/event-chain/verifications", Map.of()).status()).isEqualTo(403);
            assertThat(specialist.post("/api/v1/admin/event-chain/checkpoints", Map.of()).status()).isEqualTo(403);
            Api.Response malformed = admin.post("/api/v1/admin/event-chain/verifications",
                    Map.of("from", Map.of("position", 3, "hash", "not-a-hash")));
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.body().get("code").asText()).isEqualTo("event-chain.checkpoint-malformed");

            // The event to attack: a commune's creation in the middle of the store.
            Map<String, Object> target = jdbc.sql("SELECT global_index, aggregate_identifier, payload FROM domain_event_entry"
                    + " WHERE payload_type LIKE '%UnitCreated' ORDER BY global_index OFFSET 20 LIMIT 1").query().singleRow();
            long position = ((Number) target.get("global_index")).longValue();
            String aggregate = (String) target.get("aggregate_identifier");
            byte[] payload = (byte[]) target.get("payload");

            // 1. One byte of its payload changed.
            byte[] changed = payload.clone();
            changed[changed.length / 2] ^= 0x01;
            setPayload(jdbc, position, changed);
            assertFinding(verify(admin), "CHANGED", position, aggregate);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = EventChainCommandLine.run(new String[]{"--url=" + database.url(), "--user=" + database.username(),
                    "--password=" + database.password(),
                    "--public-key=" + dataDir.resolve("keys/event-chain-signing.pub.pem"),
                    "--checkpoints=" + dataDir.resolve("event-chain/checkpoints.jsonl")},
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("CHANGED at position " + position + " (aggregate " + aggregate);
            setPayload(jdbc, position, payload);
            assertThat(verify(admin).get("intact").asBoolean()).isTrue();

            // 2. The event deleted.
            jdbc.sql("CREATE TABLE removed_event AS SELECT * FROM domain_event_entry WHERE global_index = :i")
                    .param("i", position).update();
            jdbc.sql("DELETE FROM domain_event_entry WHERE global_index = :i").param("i", position).update();
            assertFinding(verify(admin), "REMOVED", position, null);
            jdbc.sql("INSERT INTO domain_event_entry SELECT * FROM removed_event").update();
            assertThat(verify(admin).get("intact").asBoolean()).isTrue();

            // 3. Two events swapped (each moved to the other's position).
            long other = position + 5;
            swap(jdbc, position, other);
            assertFinding(verify(admin), "CHANGED", position, null);
            swap(jdbc, position, other);
            JsonNode restored = verify(admin);
            assertThat(restored.get("intact").asBoolean()).as(restored.toString()).isTrue();
            assertThat(restored.get("checkpoints").asInt()).as("the signed checkpoint was compared").isEqualTo(1);
        }
    }

    private static JsonNode verify(Api admin) {
        Api.Response response = admin.post("/api/v1/admin/event-chain/verifications", Map.of());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static void assertFinding(JsonNode verification, String kind, long position, String aggregate) {
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isFalse();
        JsonNode finding = verification.get("finding");
        assertThat(finding.get("kind").asText()).as(verification.toString()).isEqualTo(kind);
        assertThat(finding.get("position").asLong()).isEqualTo(position);
        if (aggregate != null) {
            assertThat(finding.get("aggregateIdentifier").asText()).isEqualTo(aggregate);
            assertThat(finding.get("payloadType").asText()).endsWith("UnitCreated");
        }
    }

    private static void setPayload(JdbcClient jdbc, long position, byte[] payload) {
        jdbc.sql("UPDATE domain_event_entry SET payload = :p WHERE global_index = :i").param("p", payload)
                .param("i", position).update();
    }

    private static void swap(JdbcClient jdbc, long a, long b) {
        jdbc.sql("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = :a").param("a", a).update();
        jdbc.sql("UPDATE domain_event_entry SET global_index = :a WHERE global_index = :b").param("a", a).param("b", b).update();
        jdbc.sql("UPDATE domain_event_entry SET global_index = :b WHERE global_index = -1").param("b", b).update();
    }
}
