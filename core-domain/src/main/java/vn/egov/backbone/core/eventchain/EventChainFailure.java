package vn.egov.backbone.core.eventchain;

/** The database refused a statement of the chain's own (not a refusal of the events: those are Axon's). */
public class EventChainFailure extends RuntimeException {
    public EventChainFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
