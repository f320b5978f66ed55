package vn.egov.backbone.onestop.dossier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.backbone.core.testing.Api;
import vn.egov.backbone.core.testing.Province;
import vn.egov.backbone.core.testing.RunningNode;
import vn.egov.backbone.onestop.testing.OneStopNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The handling record of dossiers handled before it existed: an installation upgraded to the version with the
 * record has no lines and no position for its processor (as the database was before Flyway V6_8), and on its
 * first start the processor reads the event store from the beginning, so the older dossier's page tells who
 * registered it and when, like a new one's. Seen failing with the processor's position kept (as it would be
 * had the record been written by a processor that already existed, the dossiers' own): the record stayed empty.
 */
class DossierJournalTest {
    @TempDir
    Path dataDir;

    @Test
    void anUpgradedInstallationWritesTheRecordOfDossiersHandledBefore() throws Exception {
        String id;
        RunningNode before = RunningNode.start(OneStopNode.class, Map.of(), dataDir);
        try {
            Province province = new Province(before);
            Province.Official desk = province.official("motcua.tanlap", "Vàng Thị Mỷ", "TP.001.UBND", "RECORDS_CLERK", "NONE");
            id = desk.api().post("/api/v1/dossiers", DossiersApiTest.dossier("HT-02", province.unitId("TP.001")))
                    .body().get("id").asText();
            assertThat(page(desk.api(), id)).contains("Tiếp nhận hồ sơ, hẹn trả ngày", "Vàng Thị Mỷ");
        } finally {
            before.close();
        }
        // the database as the version before the handling record left it
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("backbone")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             Statement sql = db.createStatement()) {
            sql.executeUpdate("DELETE FROM dossier_journal");
            assertThat(sql.executeUpdate("DELETE FROM token_entry WHERE processor_name = 'dossier-journal'")).isPositive();
        }

        RunningNode after = RunningNode.start(OneStopNode.class, Map.of(), dataDir);
        try {
            Api desk = Api.basic(after.baseUrl(), "motcua.tanlap", "mật-khẩu-motcua.tanlap");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(page(desk, id)).contains("Nộp hồ sơ, kênh trực tiếp", "Tiếp nhận hồ sơ, hẹn trả ngày",
                            "Vàng Thị Mỷ"));
        } finally {
            after.close();
        }
    }

    private static String page(Api official, String dossierId) {
        var answer = official.getBytes("/dossiers/" + dossierId);
        assertThat(answer.statusCode()).isEqualTo(200);
        return new String(answer.body(), StandardCharsets.UTF_8);
    }
}
