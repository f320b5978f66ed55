package vn.egov.backbone.core.eventchain;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.backbone.core.eventchain.api.ChainVerification;
import vn.egov.backbone.core.eventchain.api.ChainVerification.Kind;
import vn.egov.backbone.core.eventchain.api.Checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain and its verification on the store's own schema (core's Flyway migrations on H2), with
 * events written as Axon's storage engine writes them: what an attacker who knows the algorithm can
 * and cannot hide. The same faults on PostgreSQL through a running Backbone: {@code PostgresEventChainTest}.
 */
class EventChainTest {
    @TempDir
    Path dir;
    private String url;
    private KeyPair key;

    @BeforeEach
    void schema() {
        url = "jdbc:h2:mem:chain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        key = CheckpointKeys.loadOrCreate(dir.resolve("keys/signing.pem"));
    }

    @Test
    void eventsStoredBeforeTheChainAreLinkedOnceAndLaterOnesOnlyByTheirWriter() throws Exception {
        migrate("1.2");
        try (Connection connection = connect()) {
            for (int i = 0; i < 25; i++) {
                insertEvent(connection, "unit-" + i % 3, i / 3, "{\"n\":" + i + "}");
            }
        }
        migrate("latest");
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            // Batches of 10: three transactions to link the 25 events that were there before.
            int batches = 0;
            boolean done = false;
            while (!done) {
                EventChain.lock(connection);
                done = EventChain.catchUp(connection, 10);
                connection.commit();
                batches++;
            }
            assertThat(batches).isEqualTo(3);
            assertThat(EventChain.head(connection).position()).isEqualTo(25);

            // A row written around Backbone (not by the appending writer) is not linked by the next writer.
            insertEvent(connection, "intruder", 0, "{\"forged\":true}");
            connection.commit();
            append(connection, "unit-9", 0, "{\"n\":25}");
            assertThat(count(connection, "event_chain_link")).isEqualTo(26);
            ChainVerification found = verify(connection, null, List.of());
            assertThat(found.intact()).isFalse();
            assertThat(found.finding().kind()).isEqualTo(Kind.INSERTED);
            assertThat(found.finding().position()).isEqualTo(26);
            assertThat(found.finding().aggregateIdentifier()).isEqualTo("intruder");
        }
    }

    @Test
    void anAttackerWhoRecomputesTheLinksIsCaughtByTheSignedCheckpoint() throws Exception {
        migrate("latest");
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < 30; i++) {
                append(connection, "dossier-" + i % 4, i / 4, "{\"applicant\":\"Nguyễn Văn " + i + "\"}");
            }
            Checkpoint atTwenty = checkpoint(connection, 20);
            Checkpoint atThirty = checkpoint(connection, 30);
            assertThat(verify(connection, null, List.of(atTwenty, atThirty)).intact()).isTrue();

            // Event 12 changed, and every link from 12 on recomputed and the head moved: links and events agree...
            update(connection, "UPDATE domain_event_entry SET payload = ? WHERE global_index = 12",
                    "{\"applicant\":\"Người khác\"}".getBytes(StandardCharsets.UTF_8));
            relinkFrom(connection, 12);
            assertThat(verify(connection, null, List.of()).intact()).as("without checkpoints nothing shows").isTrue();
            // ...but not with what was signed at 20.
            ChainVerification found = verify(connection, null, List.of(atThirty, atTwenty));
            assertThat(found.finding().kind()).isEqualTo(Kind.REWRITTEN);
            assertThat(found.finding().position()).isEqualTo(20);
            // Trusting the checkpoint at 20, the rewritten links after it do not follow from it.
            assertThat(verify(connection, atTwenty, List.of(atThirty)).finding()).extracting(
                    ChainVerification.Finding::kind, ChainVerification.Finding::position).containsExactly(Kind.CHANGED, 21L);
        }
    }

    /**
     * A checkpoint signed twice at one position — "Ký điểm kiểm tra" pressed twice, or the schedule's checkpoint and
     * an administrator's with no event between — is not a deleted event: every later verification reported the
     * intact chain as REMOVED at that position (the walk compared the first and took the second for one it had passed).
     */
    @Test
    void checkpointsSignedTwiceAtOnePositionAreOneCheckpoint() throws Exception {
        migrate("latest");
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < 12; i++) {
                append(connection, "unit-" + i % 3, i / 3, "{\"i\":" + i + "}");
            }
            Checkpoint atFive = checkpoint(connection, 5);
            Checkpoint atFiveAgain = checkpoint(connection, 5);
            Checkpoint atTwelve = checkpoint(connection, 12);
            ChainVerification intact = verify(connection, null, List.of(atFive, atTwelve, atFiveAgain, atTwelve));
            assertThat(intact.intact()).as(String.valueOf(intact.finding())).isTrue();
            assertThat(intact.eventsChecked()).isEqualTo(12);
            assertThat(verify(connection, atFive, List.of(atFiveAgain, atTwelve, atTwelve)).intact()).isTrue();

            // Event 3 changed and relinked: each of the two checkpoints at 5 still names it.
            update(connection, "UPDATE domain_event_entry SET payload = ? WHERE global_index = 3",
                    "{\"i\":-3}".getBytes(StandardCharsets.UTF_8));
            relinkFrom(connection, 3);
            assertThat(verify(connection, null, List.of(atFive, atFiveAgain)).finding()).extracting(
                    ChainVerification.Finding::kind, ChainVerification.Finding::position).containsExactly(Kind.REWRITTEN, 5L);
        }
    }

    @Test
    void aCutOffEndAndAForgedCheckpointAreNamed() throws Exception {
        migrate("latest");
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < 10; i++) {
                append(connection, "meeting-1", i, "{\"i\":" + i + "}");
            }
            Checkpoint atTen = checkpoint(connection, 10);

            Checkpoint forged = new Checkpoint(atTen.position(), atTen.hash(), atTen.signedAt().plusSeconds(1),
                    atTen.algorithm(), atTen.signature());
            assertThat(verify(connection, null, List.of(forged)).finding().kind()).isEqualTo(Kind.BAD_SIGNATURE);

            // The last two events and their links deleted, the head moved back: only the checkpoint knows.
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM domain_event_entry WHERE global_index > 8");
                statement.executeUpdate("DELETE FROM event_chain_link WHERE global_index > 8");
                statement.executeUpdate("UPDATE event_chain_head SET global_index = 8, link_hash ="
                        + " (SELECT link_hash FROM event_chain_link WHERE global_index = 8)");
            }
            connection.commit();
            assertThat(verify(connection, null, List.of()).intact()).isTrue();
            ChainVerification found = verify(connection, null, List.of(atTen));
            assertThat(found.finding().kind()).isEqualTo(Kind.REMOVED);
            assertThat(found.finding().position()).isEqualTo(10);

            // The head left where it was: the chain's end is missing even without a checkpoint.
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE event_chain_head SET global_index = 10");
            }
            connection.commit();
            assertThat(verify(connection, null, List.of()).finding()).extracting(ChainVerification.Finding::kind,
                    ChainVerification.Finding::position).containsExactly(Kind.REMOVED, 10L);
        }
    }

    @Test
    void theCommandLineVerifiesWithTheFileAndThePublicKeyOnly() throws Exception {
        migrate("latest");
        CheckpointLog log = new CheckpointLog(dir.resolve("checkpoints.jsonl"));
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < 5; i++) {
                append(connection, "document-1", i, "{\"i\":" + i + "}");
            }
            log.append(checkpoint(connection, 5));
        }
        String[] args = {"--url=" + url, "--user=sa", "--public-key=" + CheckpointKeys.publicKeyFile(dir.resolve("keys/signing.pem")),
                "--checkpoints=" + log.file()};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(EventChainCommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("5 checked, 1 signed checkpoints matched", "INTACT");

        try (Connection connection = connect()) {
            update(connection, "UPDATE domain_event_entry SET meta_data = ? WHERE global_index = 3",
                    "{\"actingOfficial\":\"someone-else\"}".getBytes(StandardCharsets.UTF_8));
        }
        out.reset();
        assertThat(EventChainCommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("CHANGED at position 3 (aggregate document-1, sequence 2");

        out.reset();
        assertThat(EventChainCommandLine.run(new String[]{"--url=" + url}, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage:");
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target(target).load().migrate();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    private ChainVerification verify(Connection connection, Checkpoint from, List<Checkpoint> signed) throws SQLException {
        return ChainWalk.verify(connection, from, signed, key.getPublic());
    }

    /** A checkpoint as the node signs it, at a position the chain has passed. */
    private Checkpoint checkpoint(Connection connection, long position) throws SQLException {
        String hash;
        try (PreparedStatement select = connection.prepareStatement("SELECT link_hash FROM event_chain_link WHERE global_index = ?")) {
            select.setLong(1, position);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                hash = row.getString(1);
            }
        }
        Checkpoint unsigned = new Checkpoint(position, hash, Instant.parse("2026-12-03T10:00:00Z"), "Ed25519", null);
        return new Checkpoint(position, hash, unsigned.signedAt(), "Ed25519",
                CheckpointKeys.sign(key.getPrivate(), unsigned.signedText()));
    }

    /** What {@link ChainedEventStorageEngine} does around Axon's insert, in one transaction. */
    private static void append(Connection connection, String aggregate, long sequence, String payload) throws SQLException {
        EventChain.lock(connection);
        String id = insertEvent(connection, aggregate, sequence, payload);
        EventChain.linkAppended(connection, Set.of(id));
        connection.commit();
    }

    private static String insertEvent(Connection connection, String aggregate, long sequence, String payload) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (event_identifier,"
                + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload,"
                + " meta_data) VALUES (?, ?, ?, 'Test', ?, 'vn.egov.backbone.test.Happened', NULL, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, aggregate);
            insert.setLong(3, sequence);
            insert.setString(4, Instant.now().toString());
            insert.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(6, "{}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
        return id;
    }

    /** The attacker's move: every link from {@code position} on recomputed with the chain's own algorithm. */
    private static void relinkFrom(Connection connection, long position) throws SQLException {
        String previous;
        try (PreparedStatement select = connection.prepareStatement("SELECT link_hash FROM event_chain_link WHERE global_index = ?")) {
            select.setLong(1, position - 1);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                previous = row.getString(1);
            }
        }
        List<long[]> positions = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        LinkHash hash = new LinkHash();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + LinkHash.COLUMNS
                + " FROM domain_event_entry WHERE global_index >= ? ORDER BY global_index")) {
            select.setLong(1, position);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    previous = hash.of(previous, rows);
                    positions.add(new long[]{rows.getLong(1)});
                    hashes.add(previous);
                }
            }
        }
        try (PreparedStatement relink = connection.prepareStatement("UPDATE event_chain_link SET link_hash = ? WHERE global_index = ?")) {
            for (int i = 0; i < positions.size(); i++) {
                relink.setString(1, hashes.get(i));
                relink.setLong(2, positions.get(i)[0]);
                relink.executeUpdate();
            }
        }
        update(connection, "UPDATE event_chain_head SET link_hash = ?", previous);
    }

    private static void update(Connection connection, String sql, Object value) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, value);
            update.executeUpdate();
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }
}
