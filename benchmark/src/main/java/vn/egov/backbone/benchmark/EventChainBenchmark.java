package vn.egov.backbone.benchmark;

import vn.egov.backbone.core.eventchain.EventChainCommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The event chain's verification speed on PostgreSQL, against a plain scan of the same rows in the
 * same run. A backbone is started once on a fresh database (schema, seed), stopped; {@code N} events of
 * realistic size (a dossier-sized JSON payload with Vietnamese text, metadata with who and for which
 * unit) are written with plain JDBC and declared "stored before the chain" ({@code legacy_until}), so
 * that the next start links them all (its catch-up, timed by polling the head); then, with the backbone
 * stopped, the baseline (a JDBC scan reading every column of every event) and the verification as an
 * inspector runs it ({@code verify-event-chain}, same code as the API), each twice.
 *
 * <pre>
 * mvn -B -DskipTests install
 * mvn -B -q -Pbenchmarks -pl benchmark compile exec:java -Dbenchmark.main=vn.egov.backbone.benchmark.EventChainBenchmark \
 *     -Dexec.args="1000000 jdbc:postgresql://127.0.0.1:5432/postgres postgres"
 * </pre>
 */
public final class EventChainBenchmark {
    private static final int PORT = 18_083;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String adminUrl = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/postgres";
        String user = args.length > 2 ? args[2] : "postgres";
        Path dataDir;
        String url;
        try (BackboneProcess first = BackboneProcess.start("postgres", adminUrl, user, PORT, 2, List.of())) {
            dataDir = first.dataDir;
            url = first.jdbcUrl;
        }
        long written = write(url, user, events);
        System.out.printf("%,d events written with JDBC (%,d in the store)%n", events, written);

        long linking = System.nanoTime();
        try (BackboneProcess second = BackboneProcess.restart(dataDir, url, user, PORT, 2, List.of())) {
            while (head(url, user) < written) {
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - linking) / 1e9;
            System.out.printf("restart and catch-up linked %,d events in %.1f s (%,.0f events/s, start included)%n",
                    written, seconds, written / seconds);
        }
        for (int round = 1; round <= 2; round++) {
            long scanStart = System.nanoTime();
            long bytes = scan(url, user);
            double scan = (System.nanoTime() - scanStart) / 1e9;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long verifyStart = System.nanoTime();
            int status = EventChainCommandLine.run(new String[]{"--url=" + url, "--user=" + user, "--password=",
                    "--public-key=" + dataDir.resolve("keys/event-chain-signing.pub.pem")},
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            double verify = (System.nanoTime() - verifyStart) / 1e9;
            System.out.printf("round %d: plain scan %,.0f events/s (%.1f s, %,d MB) · verification %,.0f events/s (%.1f s,"
                            + " status %d) · ratio %.2f%n   %s", round, written / scan, scan, bytes >> 20, written / verify,
                    verify, status, scan / verify, out.toString(StandardCharsets.UTF_8).replace("\n", "\n   "));
        }
        System.exit(0);
    }

    private static long write(String url, String user, int events) throws SQLException {
        String payload = "{\"dossierId\":\"%s\",\"procedureCode\":\"1.001612\",\"applicant\":{\"fullName\":\"Nguyễn Thị"
                + " Minh Khai\",\"identityNumber\":\"038190012345\",\"address\":\"Thôn Đông, xã Quảng Phú, tỉnh Thanh Hóa\","
                + "\"phone\":\"0912345678\"},\"channel\":\"ONLINE\",\"receivedAt\":\"2026-11-02T08:15:00Z\",\"appointment\":"
                + "\"2026-11-09T10:00:00Z\",\"documents\":[{\"name\":\"Tờ khai đăng ký khai sinh\",\"copies\":1},{\"name\":"
                + "\"Giấy chứng sinh\",\"copies\":1}],\"note\":\"Hồ sơ nộp trực tuyến qua Cổng dịch vụ công, đã đối chiếu"
                + " bản chính khi trả kết quả.\",\"sequence\":%d}";
        String metadata = "{\"actingOfficial\":\"%s\",\"actingUnit\":\"TP.001\",\"correlationId\":\"%s\",\"traceId\":\"%s\"}";
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (event_identifier,"
                    + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload,"
                    + " meta_data) VALUES (?, ?, ?, 'Dossier', ?, 'vn.egov.backbone.benchmark.DossierStepRecorded', NULL, ?, ?)")) {
                String aggregate = null;
                for (int i = 0; i < events; i++) {
                    if (i % 10 == 0) {
                        aggregate = UUID.randomUUID().toString();
                    }
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, aggregate);
                    insert.setLong(3, i % 10);
                    insert.setString(4, Instant.now().toString());
                    insert.setBytes(5, payload.formatted(aggregate, i).getBytes(StandardCharsets.UTF_8));
                    insert.setBytes(6, metadata.formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())
                            .getBytes(StandardCharsets.UTF_8));
                    insert.addBatch();
                    if (i % 5_000 == 4_999) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
            }
            try (Statement statement = connection.createStatement()) {
                // As if these events had been stored before the chain existed: the next start links them.
                statement.executeUpdate("UPDATE event_chain_head SET legacy_until = (SELECT MAX(global_index) FROM domain_event_entry)");
                connection.commit();
                try (ResultSet max = statement.executeQuery("SELECT MAX(global_index) FROM domain_event_entry")) {
                    max.next();
                    return max.getLong(1);
                }
            }
        }
    }

    private static long head(String url, String user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement();
             ResultSet head = statement.executeQuery("SELECT global_index FROM event_chain_head")) {
            head.next();
            return head.getLong(1);
        }
    }

    /** The baseline: every column of every event read, as the verification reads them, without hashing. */
    private static long scan(String url, String user) throws SQLException {
        long bytes = 0;
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("SELECT global_index, event_identifier,"
                    + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload,"
                    + " meta_data FROM domain_event_entry WHERE global_index > ? ORDER BY global_index")) {
                select.setLong(1, -1);
                select.setFetchSize(2_000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        rows.getLong(1);
                        rows.getLong(4);
                        for (int column : new int[]{2, 3, 5, 6, 7, 8}) {
                            String text = rows.getString(column);
                            bytes += text == null ? 0 : text.length();
                        }
                        bytes += rows.getBytes(9).length + rows.getBytes(10).length;
                    }
                }
            }
            connection.rollback();
        }
        return bytes;
    }
}
