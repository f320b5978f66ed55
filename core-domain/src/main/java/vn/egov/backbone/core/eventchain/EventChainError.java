package vn.egov.backbone.core.eventchain;

import vn.egov.backbone.core.shared.ErrorCode;

/** Why a request about the event chain is refused. Messages: {@code error.event-chain.*} in core's bundles. */
public enum EventChainError implements ErrorCode {
    CHECKPOINT_MALFORMED;

    @Override
    public String feature() {
        return "event-chain";
    }
}
