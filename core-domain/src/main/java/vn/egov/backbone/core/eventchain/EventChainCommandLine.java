package vn.egov.backbone.core.eventchain;

import vn.egov.backbone.core.eventchain.api.ChainVerification;
import vn.egov.backbone.core.eventchain.api.Checkpoint;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar backbone.jar verify-event-chain --url=… --public-key=… [--checkpoints=…]}: the
 * verification without starting Backbone, for an inspector who holds the checkpoint file and the
 * province's public key and has read access to the database. Exit status 0: intact; 1: a fault,
 * named on the output; 2: the verification could not run.
 */
public final class EventChainCommandLine {
    public static final String COMMAND = "verify-event-chain";
    private static final String USAGE = """
            usage: java -jar backbone.jar verify-event-chain --url=<jdbc url> [--user=<name>] [--password=<password>]
                   --public-key=<the province's public key, PEM> [--checkpoints=<checkpoints.jsonl>]
                   [--from=<position of a checkpoint in the file to start after>]""";

    private EventChainCommandLine() {
    }

    public static int run(String[] args, PrintStream out) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                out.println(USAGE);
                return 2;
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        if (!options.containsKey("url") || !options.containsKey("public-key")) {
            out.println(USAGE);
            return 2;
        }
        try {
            PublicKey key = CheckpointKeys.readPublic(Path.of(options.get("public-key")));
            List<Checkpoint> checkpoints = options.containsKey("checkpoints")
                    ? CheckpointLog.read(Path.of(options.get("checkpoints"))) : List.of();
            Checkpoint from = null;
            if (options.containsKey("from")) {
                long position = Long.parseLong(options.get("from"));
                from = checkpoints.stream().filter(c -> c.position() == position).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no checkpoint at position " + position + " in the file"));
            }
            try (Connection connection = DriverManager.getConnection(options.get("url"), options.get("user"),
                    options.get("password"))) {
                ChainVerification result = ChainWalk.verify(connection, from, checkpoints, key);
                print(result, out);
                return result.intact() ? 0 : 1;
            }
        } catch (IOException | GeneralSecurityException | SQLException | IllegalArgumentException e) {
            out.println("The verification could not run: " + e.getMessage());
            return 2;
        }
    }

    private static void print(ChainVerification result, PrintStream out) {
        out.printf("events %d..%d: %d checked, %d signed checkpoints matched, %d ms%n", result.fromPosition() + 1,
                result.toPosition(), result.eventsChecked(), result.checkpoints(), result.millis());
        if (result.intact()) {
            out.println("INTACT");
            return;
        }
        ChainVerification.Finding finding = result.finding();
        out.printf("%s at position %d%s%n", finding.kind(), finding.position(), finding.aggregateIdentifier() == null ? ""
                : " (aggregate " + finding.aggregateIdentifier() + ", sequence " + finding.sequenceNumber() + ", "
                + finding.payloadType() + ")");
    }
}
