package vn.egov.backbone.onestop.kpi;

import vn.egov.backbone.core.shared.ErrorCode;

/** Why a request for service KPIs is refused. Messages: {@code error.kpi.*} in the module's bundles. */
public enum KpiError implements ErrorCode {
    UNIT_NOT_FOUND, UNIT_NOT_READABLE, PERIOD_FORMAT, MONTH_RANGE;

    @Override
    public String feature() {
        return "kpi";
    }
}
