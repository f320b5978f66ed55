package vn.egov.backbone.core.eventchain;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.eventchain.api.ChainVerification;
import vn.egov.backbone.core.eventchain.api.Checkpoint;
import vn.egov.backbone.core.eventchain.api.CheckpointSigned;
import vn.egov.backbone.core.identity.Authorizer;
import vn.egov.backbone.core.official.api.Role;
import vn.egov.backbone.core.settings.CoreProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The event chain's checkpoints and verification, for system administrators: sign a checkpoint of the
 * chain's head (also done on a schedule, {@link EventChainMaintenance}), list the signed ones, verify
 * the chain from the first event or from a checkpoint the caller brings.
 */
@Service
public class EventChainActions {
    private final EventChainQueries chain;
    private final Authorizer authorizer;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final KeyPair key;
    private final Path publicKeyFile;
    private final CheckpointLog log;

    EventChainActions(EventChainQueries chain, Authorizer authorizer, Clock clock, ApplicationEventPublisher publisher,
                      CoreProperties node) {
        this.chain = chain;
        this.authorizer = authorizer;
        this.clock = clock;
        this.publisher = publisher;
        CoreProperties.EventChain settings = node.eventChain();
        Path keyFile = node.underDataDir(settings.signingKey(), "keys/event-chain-signing.pem");
        this.key = CheckpointKeys.loadOrCreate(keyFile);
        this.publicKeyFile = CheckpointKeys.publicKeyFile(keyFile);
        this.log = new CheckpointLog(node.underDataDir(settings.checkpointFile(), "event-chain/checkpoints.jsonl"));
    }

    /** Signs the chain's head now (a new checkpoint even if the head has not moved). */
    public Checkpoint signCheckpoint() {
        authorizer.require(Role.ADMINISTRATOR, null);
        return sign();
    }

    public List<Checkpoint> checkpoints() {
        authorizer.require(Role.ADMINISTRATOR, null);
        return log.all();
    }

    /** Where the chain ends now. */
    EventChain.Head head() {
        authorizer.require(Role.ADMINISTRATOR, null);
        return chain.head();
    }

    /** The PEM public key that verifies this node's checkpoints. */
    public String publicKey() {
        authorizer.require(Role.ADMINISTRATOR, null);
        try {
            return Files.readString(publicKeyFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Walks the chain from {@code from} (a checkpoint the caller holds; its signature must verify), or
     * from the first event, comparing with every checkpoint in this node's file.
     */
    public ChainVerification verify(Optional<Checkpoint> from) {
        authorizer.require(Role.ADMINISTRATOR, null);
        return chain.walk(from.orElse(null), log.all(), key.getPublic());
    }

    /** A checkpoint of the head, if it moved since the last one (the schedule's). */
    Optional<Checkpoint> signIfMoved() {
        List<Checkpoint> signed = log.all();
        long last = signed.isEmpty() ? -1 : signed.getLast().position();
        EventChain.Head head = chain.head();
        return head.position() == last ? Optional.empty() : Optional.of(sign(head));
    }

    private Checkpoint sign() {
        return sign(chain.head());
    }

    private Checkpoint sign(EventChain.Head head) {
        Checkpoint unsigned = new Checkpoint(head.position(), head.hash(), clock.instant(), CheckpointKeys.ALGORITHM, null);
        Checkpoint checkpoint = new Checkpoint(unsigned.position(), unsigned.hash(), unsigned.signedAt(),
                unsigned.algorithm(), CheckpointKeys.sign(key.getPrivate(), unsigned.signedText()));
        log.append(checkpoint);
        publisher.publishEvent(new CheckpointSigned(checkpoint));
        return checkpoint;
    }
}
