package vn.egov.backbone.core.testing;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a dump of the database holds: every value of every row of every table, as text (bytes read as UTF-8). */
public final class DatabaseDump {
    private DatabaseDump() {
    }

    public static String everything(JdbcClient jdbc) {
        StringBuilder all = new StringBuilder();
        for (String table : jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_type IN ('BASE TABLE', 'TABLE')").query(String.class).list()) {
            for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + table).query().listOfRows()) {
                for (Object value : row.values()) {
                    all.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value).append('\n');
                }
            }
        }
        assertThat(all).as("the dump reads the event store").contains("\"actingOfficial\"");
        return all.toString();
    }
}
