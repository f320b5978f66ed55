package vn.egov.backbone.eoffice.exchange;

import vn.egov.backbone.core.shared.CodedError;
import vn.egov.backbone.core.shared.Refusal;

/**
 * A package Backbone refuses: malformed, truncated, hostile or missing what a registration needs (HTTP 400).
 * The reason names the edXML element at fault as the standard spells it (QCVN 102:2016), for the operator
 * of the sending system; it is kept with the refused package and shown inside the localised message.
 */
public class InvalidPackage extends IllegalArgumentException implements CodedError {
    public InvalidPackage(String reason) {
        super(reason);
    }

    public InvalidPackage(String reason, Throwable cause) {
        super(reason, cause);
    }

    @Override
    public Refusal refusal() {
        return new Refusal(ExchangeError.INVALID_PACKAGE, new Object[]{getMessage()});
    }
}
