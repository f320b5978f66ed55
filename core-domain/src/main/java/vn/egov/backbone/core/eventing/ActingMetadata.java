package vn.egov.backbone.core.eventing;

/**
 * Keys of the metadata every command and event carries: who did it, on behalf of which unit, from
 * where, and which request it belongs to. Added centrally by {@link ActingContextDispatchInterceptor}
 * and copied onto every resulting event by {@link ActingContextCorrelationDataProvider}.
 */
public final class ActingMetadata {
    public static final String ACTING_OFFICIAL = "actingOfficial";
    public static final String ACTING_USERNAME = "actingUsername";
    public static final String ACTING_UNIT = "actingUnit";
    public static final String CLIENT_ADDRESS = "clientAddress";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    /** The actor recorded for what the system does by itself: seeding, deadlines, migrations. */
    public static final String SYSTEM = "system";

    private ActingMetadata() {
    }
}
