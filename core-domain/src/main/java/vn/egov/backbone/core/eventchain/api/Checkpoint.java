package vn.egov.backbone.core.eventchain.api;

import java.time.Instant;

/**
 * A signed statement that the event chain's link at {@code position} was {@code hash} at {@code signedAt}.
 * Kept outside the database (a file an inspector can be handed, a Kafka topic): whoever rewrites the
 * events and recomputes every link after them still cannot make the link at a signed position match.
 *
 * @param position  global index of the last event covered
 * @param hash      the chain's link at that event (SHA-256, hex)
 * @param signedAt  when the node signed it
 * @param algorithm the signature's algorithm ({@code Ed25519})
 * @param signature base64 of the signature over {@link #signedText()}
 */
public record Checkpoint(long position, String hash, Instant signedAt, String algorithm, String signature) {

    /** Whether it has everything a checkpoint has (its signature is checked by the verification). */
    public boolean wellFormed() {
        return position >= 0 && hash != null && hash.matches("[0-9a-f]{64}") && signedAt != null && signature != null;
    }

    /** The exact text signed: a fixed prefix, so the signature means nothing in any other context. */
    public String signedText() {
        return "backbone-event-chain-checkpoint\n" + position + "\n" + hash + "\n" + signedAt;
    }
}
