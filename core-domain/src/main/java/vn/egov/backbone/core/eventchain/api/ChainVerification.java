package vn.egov.backbone.core.eventchain.api;

/**
 * What a walk of the event chain found.
 *
 * @param intact        no event changed, removed, inserted or reordered, and every signed checkpoint matched
 * @param fromPosition  the walk started after this position (a checkpoint's, or -1 for the first event)
 * @param toPosition    the chain's head when the walk began (later events are left for the next walk)
 * @param eventsChecked events hashed
 * @param checkpoints   signed checkpoints compared with the recomputed chain
 * @param millis        how long the walk took
 * @param finding       the first fault, or null
 */
public record ChainVerification(boolean intact, long fromPosition, long toPosition, long eventsChecked,
                                int checkpoints, long millis, Finding finding) {

    /**
     * The first fault, named by the event it was found at.
     *
     * @param kind                what kind of fault
     * @param position            global index where the chain stops agreeing
     * @param aggregateIdentifier the stored event's aggregate (null when the event is gone)
     * @param sequenceNumber      its sequence in the aggregate (null when gone)
     * @param payloadType         its type (null when gone)
     */
    public record Finding(Kind kind, long position, String aggregateIdentifier, Long sequenceNumber,
                          String payloadType) {
    }

    public enum Kind {
        /** The stored event no longer hashes to its link: its bytes were changed, or it was moved here. */
        CHANGED,
        /** A link names an event that is not in the store any more. */
        REMOVED,
        /** An event that was never chained: written around Backbone. */
        INSERTED,
        /** Events and links agree but not with a signed checkpoint: the chain was rewritten up to here. */
        REWRITTEN,
        /** A checkpoint whose signature does not verify with the province's key. */
        BAD_SIGNATURE
    }
}
