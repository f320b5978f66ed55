package vn.egov.backbone.core.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The node's own settings ({@code backbone.*}), which every module may read: where it keeps its files,
 * its name among the nodes, how the event store is read. A wrong value stops the start with a message
 * that names the setting.
 *
 * @param dataDir    the embedded database, attachments, keys and the search index ({@code BACKBONE_DATA_DIR})
 * @param nodeId     this node's name in the processors' token claims; empty: process, host and a random suffix
 * @param eventStore {@code read-batch-size}: events read per query by projections and replays
 * @param seed       {@code file}: the administrative tree loaded on the first start; {@code enabled}: whether it is
 * @param admin      {@code password}: the administrator's on the first start; empty: generated
 * @param api        {@code max-json-size}: the largest JSON body (413 above)
 * @param passwords  {@code hash-cost}: BCrypt's cost (2^cost rounds) for new password hashes; each sign-in
 *                   and each HTTP Basic request pays it once (10: about 60 ms of one core)
 * @param eventChain the tamper-evident chain over the event store (README, "Trust")
 */
@Validated
@ConfigurationProperties("backbone")
public record CoreProperties(@NotNull Path dataDir, @DefaultValue("") String nodeId,
                             @Valid @DefaultValue EventStore eventStore, @Valid @DefaultValue Seed seed,
                             @DefaultValue Admin admin, @Valid @DefaultValue Api api,
                             @Valid @DefaultValue Passwords passwords, @Valid @DefaultValue EventChain eventChain) {

    public record EventStore(@DefaultValue("1000") @Min(1) @Max(100_000) int readBatchSize) {
    }

    public record Seed(@NotBlank @DefaultValue("classpath:seed/demo-province.json") String file,
                       @DefaultValue("true") boolean enabled) {
    }

    public record Admin(@DefaultValue("") String password) {
        @Override
        public String toString() {
            return "Admin[password=***]";
        }
    }

    public record Api(@NotNull @DefaultValue("1MB") DataSize maxJsonSize) {
        @AssertTrue(message = "must be positive")
        public boolean isMaxJsonSizePositive() {
            return maxJsonSize == null || maxJsonSize.toBytes() > 0;
        }
    }

    /** Below 10 only for tests, where thousands of HTTP Basic requests would each pay it. */
    public record Passwords(@DefaultValue("10") @Min(4) @Max(16) int hashCost) {
    }

    /**
     * @param enabled            off only to measure what the chain costs: events stored while it is off are never linked,
     *                           and the verification reports them as written around Backbone
     * @param checkpointInterval how often the chain's head is signed, if it moved
     * @param signingKey         the province's Ed25519 key (PKCS#8 PEM, its public key beside it as {@code .pub.pem});
     *                           empty: {@code keys/event-chain-signing.pem} under the data directory, made on the first start
     * @param checkpointFile     where signed checkpoints are appended; empty: {@code event-chain/checkpoints.jsonl}
     *                           under the data directory
     */
    public record EventChain(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("5m") Duration checkpointInterval,
                             Path signingKey, Path checkpointFile) {
        @AssertTrue(message = "must be at least one second")
        public boolean isCheckpointIntervalLongEnough() {
            return checkpointInterval == null || checkpointInterval.toMillis() >= 1_000;
        }
    }

    /** A folder under the data directory, unless one is configured. */
    public Path underDataDir(Path configured, String name) {
        return configured != null ? configured : dataDir.resolve(name);
    }
}
